"""The App Home tab: built from what the core answers today, one section per feature."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.slack.blockkit import MAX_BLOCKS, Json, plain, render_blocks
from bot.blocks import Context, Reply
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Command, Conversation, Person

MAX_HOME_BLOCKS = 100
Ask = Callable[[Command], Awaitable[list[Reply]]]
RoleOf = Callable[[Person], Awaitable[Role]]

# (heading, command, argument text, least role): each section shows what that command
# answers this person, so a feature's section is one line here. No heading where the
# core's reply has its own ("Your tickets", or "Ticket queue" for coaches; "Getting started"
# for an admin's setup checklist). A section is asked only of those the command is for: a
# teacher's Home shows no coach-only refusal.
SECTIONS: tuple[tuple[str, str, str, Role], ...] = (
    ("", "tickets", "", Role.TEACHER),
    ("", "prepbot", "setup", Role.ADMIN),
    ("Knowledge base", "ask", "", Role.TEACHER),
    ("Coffee and Curriculum", "coffee", "", Role.TEACHER),
    ("Pulse surveys", "pulse", "status", Role.COACH),
    ("What I can do", "prepbot", "help", Role.TEACHER),
)
# Shown first, above the sections asked before it: an admin's first-run checklist.
PINNED = {("prepbot", "setup")}


def header(text: str) -> Json:
    """A header block."""
    return {"type": "header", "text": plain(text, 150)}


def role_reader(sessions: async_sessionmaker[AsyncSession]) -> RoleOf:
    """Reads a person's role as the core stored it (the core sets it on every turn)."""
    async def role_of(person: Person) -> Role:
        query = select(PersonRow.role).where(PersonRow.platform == person.platform,
                                             PersonRow.user_id == person.user_id)
        async with sessions() as session:
            found = (await session.execute(query)).scalar_one_or_none()
        return Role(found) if found in set(Role) else Role.TEACHER

    return role_of


async def home_view(person: Person, where: Conversation, ask: Ask, role_of: RoleOf,
                    public_url: str = "") -> Json:
    """The Home tab for one person: every section they may see, each from the core's reply."""
    blocks: list[Json] = [header("prepbot"), *render_blocks((Context(
        "Ask me a tech question in a DM, mention me in a channel, or use a slash command."),))]
    top = len(blocks)
    role: Role | None = None
    for heading, name, text, least in SECTIONS:
        if least != Role.TEACHER:
            # read after the first section: that turn has stored who they are (and admins)
            role = role or await role_of(person)
            if not role.allows(least):
                continue
        replies = await ask(Command(person=person, conversation=where, event_id=None,
                                    name=name, text=text))
        section: list[Json] = [{"type": "divider"}]
        if heading:
            section.append(header(heading))
        for reply in replies:
            section.extend(render_blocks(reply.blocks or (Context(reply.text),), MAX_BLOCKS,
                                         public_url))
        if (name, text) in PINNED:
            blocks[top:top] = section
            top += len(section)
        else:
            blocks.extend(section)
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[:MAX_HOME_BLOCKS]
    return {"type": "home", "blocks": blocks}
