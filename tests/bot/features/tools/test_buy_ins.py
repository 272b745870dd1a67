"""A tool's "last buy-in" is its latest wave's, whatever order its pulses were linked in."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.pulse.models import SurveyRow
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import (
    AGREE,
    DISAGREE,
    MONDAY_MORNING,
    answer,
    cohort_of,
    launch,
    likert,
)
from tests.support.clock import FakeClock


async def test_the_card_shows_the_latest_waves_buy_in_not_the_last_linked(
        chat: ConsoleChat, coach: Person, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 57): the card's "Last buy-in" (and the digest's trend, and the use
    # estimate behind the review flag) read the wave linked last, not the latest one.
    clock.current = MONDAY_MORNING
    teachers, outbox = cohort_of(runtime, coach, 5)
    # Wave 1: 1 of 5 agree (20%). Wave 2: 5 of 5 (100%).
    await launch(chat, coach, runtime)
    for i, person in enumerate(teachers):
        await answer(chat, outbox, person, likert(*(AGREE if i < 1 else DISAGREE)))
    await chat.say("/pulse close nearpod", as_=coach)
    outbox.sent.clear()
    await launch(chat, coach, runtime)
    for person in teachers:
        await answer(chat, outbox, person, likert(*AGREE))
    await chat.say("/pulse close nearpod", as_=coach)
    async with runtime.sessions() as session:
        waves = {s.wave: s.id for s in (await session.execute(select(SurveyRow))).scalars()}
    assert set(waves) == {1, 2}

    await chat.say("/tools add Nearpod adopted", as_=coach)
    for wave in (2, 1):  # the September pulse linked late
        [linked] = await chat.say(f"/tools link Nearpod pulse {waves[wave]}", as_=coach)
        assert "Linked" in linked.text or "linked" in linked.text, linked.text

    [card] = await chat.say("/tools Nearpod", as_=coach)
    shown = render(card)
    assert "Last buy-in" in shown, shown
    assert "Last buy-in: 100% (target 85%)" in shown, shown
