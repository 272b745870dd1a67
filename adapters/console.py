"""The console adapter: the same conversation in a terminal (`prepbot chat`) and in tests."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping

from bot.app import Bot
from bot.blocks import (
    Block,
    Button,
    Buttons,
    Choice,
    Context,
    Divider,
    Fields,
    Form,
    Image,
    Reply,
    Steps,
    Text,
)
from bot.vocabulary import (
    Action,
    AnyIncoming,
    Attachment,
    Conversation,
    Message,
    Origin,
    Person,
    Submission,
)

MARKUP = re.compile(r"\*\*([^*]+)\*\*")


def _plain(text: str) -> str:
    return MARKUP.sub(r"\1", text)


def render_block(block: Block) -> str:
    """One block as plain text."""
    if isinstance(block, Text | Context):
        return _plain(block.text)
    if isinstance(block, Steps):
        return "\n".join(f"  {n}. {_plain(step)}" for n, step in enumerate(block.items, 1))
    if isinstance(block, Fields):
        return "\n".join(f"  {label}: {value}" for label, value in block.pairs)
    if isinstance(block, Buttons):
        return "  " + "  ".join(f"[{b.label}]" for b in block.buttons)
    if isinstance(block, Choice):
        return f"{block.label}\n" + "\n".join(f"  ( ) {o.label}" for o in block.options)
    if isinstance(block, Form):
        return f"[form: {block.title}]"
    if isinstance(block, Image):
        return f"[image: {block.alt}]"
    if isinstance(block, Divider):
        return "-" * 20
    return ""


def render(reply: Reply) -> str:
    """A whole reply as plain text."""
    if not reply.blocks:
        return reply.text
    return "\n".join(part for part in map(render_block, reply.blocks) if part)


class ConsoleChat:
    """A conversation with the real Bot, as one person at a time; remembers the last buttons."""

    def __init__(self, bot: Bot, person: Person | None = None) -> None:
        self.bot = bot
        self.person = person or Person(platform="console", user_id="me", display_name="You")
        self.replies: list[Reply] = []

    def person_for(self, name: str, platform: str = "console") -> Person:
        """A person the tests or the terminal can speak as."""
        return Person(platform=platform, user_id=name.lower().replace(" ", "-"), display_name=name)

    async def send(self, incoming: AnyIncoming) -> list[Reply]:
        """Hand an incoming event to the Bot and remember what came back."""
        self.replies = await self.bot.handle(incoming)
        return self.replies

    def _common(self, as_: Person | None) -> Origin:
        person = as_ or self.person
        where = Conversation(platform=person.platform, id=f"dm-{person.user_id}")
        return Origin(person=person, conversation=where, event_id=str(uuid.uuid4()))

    async def say(self, text: str, as_: Person | None = None,
                  attachments: tuple[Attachment, ...] = ()) -> list[Reply]:
        """Type a line: free text, or a `/command` (with files shared alongside, if any)."""
        message = Message(text=text, attachments=attachments, **self._common(as_))
        return await self.send(self.bot.command_from_text(message))

    def button(self, label_or_id: str) -> Button:
        """Find a button in the last replies by its label or action id."""
        for reply in self.replies:
            for block in reply.blocks:
                for button in block.buttons if isinstance(block, Buttons) else ():
                    if label_or_id in (button.label, button.action_id):
                        return button
        raise LookupError(f"no button {label_or_id!r} in the last replies")

    async def click(self, label_or_id: str, as_: Person | None = None) -> list[Reply]:
        """Click a button of the last replies."""
        return await self.press(self.button(label_or_id), as_)

    async def press(self, button: Button, as_: Person | None = None) -> list[Reply]:
        """Send a button's click."""
        action = Action(action_id=button.action_id, value=button.value, **self._common(as_))
        return await self.send(action)

    async def submit(self, form_id: str, values: Mapping[str, str], context: str = "",
                     as_: Person | None = None) -> list[Reply]:
        """Submit a form."""
        submission = Submission(form_id=form_id, values=dict(values), context=context,
                                **self._common(as_))
        return await self.send(submission)


async def run_console(bot: Bot, read: Callable[[str], str] = input,
                      write: Callable[[str], None] = print,
                      chat: ConsoleChat | None = None) -> None:
    """A read-eval-print loop: type questions or /commands; a number clicks a listed button."""
    chat = chat or ConsoleChat(bot)
    write("prepbot chat. Ask a question, type /prepbot help, or 'quit' to leave.")
    while True:
        try:
            line = read("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if line.lower() in {"quit", "exit"}:
            break
        buttons = [b for r in chat.replies for blk in r.blocks
                   for b in (blk.buttons if isinstance(blk, Buttons) else ())]
        if line.isdigit() and 0 < int(line) <= len(buttons):
            replies = await chat.press(buttons[int(line) - 1])
        elif line:
            replies = await chat.say(line)
        else:
            continue
        for reply in replies:
            write(render(reply))
        listed = [b for r in replies for blk in r.blocks
                  for b in (blk.buttons if isinstance(blk, Buttons) else ())]
        if listed:
            write("  (type a number to click: " +
                  ", ".join(f"{n} = {b.label}" for n, b in enumerate(listed, 1)) + ")")
