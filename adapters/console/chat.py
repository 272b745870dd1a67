"""A conversation with the real Bot in a terminal: lines, numbered buttons, forms field by field."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping

from adapters.console.forms import fill
from adapters.console.text import render
from bot.app import Bot
from bot.blocks import (
    Button,
    Buttons,
    Form,
    Reply,
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

BANNER = "prepbot chat. Ask a question, type /prepbot help, or 'quit' to leave."
News = Callable[[], Awaitable[list[str | Reply]]]


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


def buttons_of(replies: list[Reply]) -> list[Button]:
    """Every button of some replies, in order (what a typed number clicks)."""
    return [b for r in replies for blk in r.blocks
            for b in (blk.buttons if isinstance(blk, Buttons) else ())]


class Terminal:
    """The loop's reading and writing: shows replies, fills their forms, numbers buttons."""

    def __init__(self, chat: ConsoleChat, read: Callable[[str], str],
                 write: Callable[[str], None]) -> None:
        self.chat, self.read, self.write = chat, read, write
        self.clickable: list[Button] = []

    async def show(self, replies: list[Reply]) -> None:
        """Print replies; fill each form they carry (and any form that answer brings)."""
        forms = [b for r in replies for b in r.blocks if isinstance(b, Form)]
        for reply in replies:
            rest = tuple(b for b in reply.blocks if not isinstance(b, Form))
            shown = render(Reply(reply.text, rest)) if rest or not reply.blocks else ""
            if shown:
                self.write(shown)
        for form in forms:
            values = fill(form, self.read, self.write)
            if values is not None:
                await self.show(await self.chat.submit(form.form_id, values, form.context))
                return
        listed = buttons_of(replies)
        if listed:
            self.clickable = listed
            self.write("  (type a number to click: " +
                       ", ".join(f"{n} = {b.label}" for n, b in enumerate(listed, 1)) + ")")

    async def news(self, source: News | None) -> None:
        """What arrived since the last prompt: messages the bot sent, a demo's goings-on."""
        for item in await source() if source else []:
            if isinstance(item, Reply):
                await self.show([item])
            else:
                self.write(item)

    async def line(self, text: str) -> None:
        """One typed line: a number clicks a listed button, anything else is said."""
        if text.isdecimal() and 0 < int(text) <= len(self.clickable):
            await self.show(await self.chat.press(self.clickable[int(text) - 1]))
        else:
            await self.show(await self.chat.say(text))


async def run_console(bot: Bot, read: Callable[[str], str] = input,
                      write: Callable[[str], None] = print,
                      chat: ConsoleChat | None = None, news: News | None = None,
                      banner: str = BANNER) -> None:
    """A read-eval-print loop: type questions or /commands; a number clicks a listed button;
    a form is asked field by field; what the bot sent meanwhile shows before each prompt."""
    terminal = Terminal(chat or ConsoleChat(bot), read, write)
    write(banner)
    while True:
        await terminal.news(news)
        try:
            text = read("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if text.lower() in {"quit", "exit"}:
            break
        if text:
            await terminal.line(text)
