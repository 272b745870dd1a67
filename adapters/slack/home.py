"""The App Home tab: built from what the core answers today, one section per feature."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from adapters.slack.blockkit import MAX_BLOCKS, Json, plain, render_blocks
from bot.blocks import Context, Reply
from bot.vocabulary import Command, Conversation, Person

MAX_HOME_BLOCKS = 100
Ask = Callable[[Command], Awaitable[list[Reply]]]

# (heading, command, argument text): each section shows what that command answers this
# person, so a section appears as its feature lands (coffee, pulse) by adding one line here.
# No heading where the core's reply has its own ("Your tickets", or "Ticket queue" for coaches).
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("", "tickets", ""),
    ("What I can do", "prepbot", "help"),
)


def header(text: str) -> Json:
    """A header block."""
    return {"type": "header", "text": plain(text, 150)}


async def home_view(person: Person, where: Conversation, ask: Ask) -> Json:
    """The Home tab for one person: every section, each from the core's own reply."""
    blocks: list[Json] = [header("prepbot"), *render_blocks((Context(
        "Ask me a tech question in a DM, mention me in a channel, or use a slash command."),))]
    for heading, name, text in SECTIONS:
        replies = await ask(Command(person=person, conversation=where, event_id=None,
                                    name=name, text=text))
        blocks.append({"type": "divider"})
        if heading:
            blocks.append(header(heading))
        for reply in replies:
            blocks.extend(render_blocks(reply.blocks or (Context(reply.text),), MAX_BLOCKS))
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[:MAX_HOME_BLOCKS]
    return {"type": "home", "blocks": blocks}
