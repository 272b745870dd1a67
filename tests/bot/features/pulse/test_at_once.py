"""Teachers answering at the same moment, and a close among them: on PostgreSQL their turns
run side by side, and still every answer a teacher was told is saved is released once or
counted as held back, never refused, lost or counted twice."""

from __future__ import annotations

import asyncio
import re

import pytest

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import (
    CohortMessenger,
    answer,
    launch,
    likert,
    stored,
    waiting,
)
from tests.support.clock import FakeClock

SAVED = "your answers are saved"
POINTS = likert((6, 7), (5, 6), (7, 6))


@pytest.fixture
def pilot() -> list[Person]:
    """Twenty teachers in the pilot channel."""
    return [Person(platform="console", user_id=f"t{i}", display_name=f"Teacher {i}")
            for i in range(1, 21)]


async def test_teachers_answering_at_the_same_moment_are_each_saved_and_released_once(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 47), on PostgreSQL: two turns each saw five answers waiting and
    # released the same ones; the second failed, and its teacher was told "You've already
    # answered" and her answer dropped (a third of sixty teachers each run).
    await launch(chat, coach, runtime)
    told = await asyncio.gather(*(answer(chat, outbox, p, POINTS) for p in pilot))

    assert [SAVED in replies[0].text for replies in told] == [True] * 20
    answers, people = await stored(runtime)
    assert (len(answers), people, len(await waiting(runtime))) == (20, 20, 0)


async def test_a_close_among_answers_counts_each_saved_answer_once(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # The same red team's: an answer saved after the close had read the pool waited in a
    # closed survey for good, and the close counted as held back answers a release was
    # taking into the results at that moment.
    await launch(chat, coach, runtime)
    first, second = pilot[:12], pilot[12:]
    told = await asyncio.gather(*(answer(chat, outbox, p, POINTS) for p in first),
                                chat.say("/pulse close", as_=coach),
                                *(answer(chat, outbox, p, POINTS) for p in second))
    [closed] = told[len(first)]
    saved = sum(SAVED in replies[0].text for replies in told if replies is not told[len(first)])

    held = re.search(r"(\d+) answers? (?:was|were) not released", str(closed))
    answers, people = await stored(runtime)
    assert await waiting(runtime) == []
    assert people == len(answers) and people % 5 == 0
    assert people + (int(held.group(1)) if held else 0) == saved
