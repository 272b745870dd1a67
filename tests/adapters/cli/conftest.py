"""The terminal transcript: lines typed into `prepbot chat`'s loop, and everything it printed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest

from adapters.console import ConsoleChat, run_console
from adapters.console.messenger import ConsoleMessenger, news_for
from adapters.runtime import Runtime
from bot.vocabulary import Person


class Transcript(list[str]):
    """What the terminal showed, one entry per printed block; a prompt is shown with the line
    typed after it (`What happened?: the printer jams`)."""

    def __str__(self) -> str:
        return "\n".join(self)

    def after(self, marker: str) -> str:
        """Everything shown from the first entry containing `marker` on."""
        start = next(i for i, line in enumerate(self) if marker in line)
        return "\n".join(self[start:])


Terminal = Callable[..., Awaitable[Transcript]]


@pytest.fixture
def console_messenger(runtime: Runtime) -> ConsoleMessenger:
    """The console platform's messenger, as `prepbot chat` adds it (channels: none yet)."""
    messenger = ConsoleMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
def terminal(runtime: Runtime, console_messenger: ConsoleMessenger) -> Terminal:
    """`await terminal("/ticket", "the printer jams", ..., as_=teacher)`: the transcript."""
    async def run(*typed: str, as_: Person) -> Transcript:
        shown = Transcript()
        lines: Iterator[str] = iter(typed)

        def read(prompt: str) -> str:
            line = next(lines, None)
            if line is None:
                raise EOFError  # the person closes the terminal
            shown.append(prompt + line)
            return line

        await run_console(runtime.bot, read=read, write=shown.append,
                          chat=ConsoleChat(runtime.bot, as_),
                          news=news_for(console_messenger, as_))
        return shown
    return run
