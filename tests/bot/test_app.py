"""Bot.handle: one turn of the core, whatever adapter it came from."""

from __future__ import annotations

import pytest

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Person
from knowledge import Decision


async def test_a_question_is_looked_up_once_and_small_talk_never(
        chat: ConsoleChat, teacher: Person, runtime: Runtime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []
    decide = runtime.kb.decide

    def counted(question: str, language: str | None = None) -> Decision:
        looked_up.append(question)
        return decide(question, language)

    monkeypatch.setattr(runtime.kb, "decide", counted)
    for small_talk in ("hello", "thanks!", "open a ticket please"):
        await chat.say(small_talk, as_=teacher)
    [reply] = await chat.say("the scanner in the library will not scan to email", as_=teacher)

    assert looked_up == ["the scanner in the library will not scan to email"]
    assert reply.text
