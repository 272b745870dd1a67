"""A tool's buy-ins and use as the card, the digest and `/tools use` say them: the latest
wave's, and never a figure rounded onto a mark it missed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.pulse.models import SurveyRow
from bot.features.tools.digest import trend
from bot.features.tools.models import ToolRow
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import MONDAY_MORNING, closed_wave, cohort_of
from tests.support.clock import FakeClock


async def test_the_card_shows_the_latest_waves_buy_in_not_the_last_linked(
        chat: ConsoleChat, coach: Person, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 57): the card's "Last buy-in" (and the digest's trend, and the use
    # estimate behind the review flag) read the wave linked last, not the latest one.
    clock.current = MONDAY_MORNING
    teachers, outbox = cohort_of(runtime, coach, 5)
    # Wave 1: 1 of 5 agree (20%). Wave 2: 5 of 5 (100%).
    await closed_wave(chat, coach, runtime, outbox, teachers, agreeing=1)
    outbox.sent.clear()
    await closed_wave(chat, coach, runtime, outbox, teachers, agreeing=5)
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


def test_the_digests_trend_never_reads_a_wave_below_its_target_as_reaching_it() -> None:
    # A second red team's (stop 57): "buy-in 84.8% (wave 2), below the 85% target, up from
    # 85%": the wave before, 11 of 13 (84.6%), was rounded onto the target it missed.
    tool = ToolRow(name="Nearpod", figures={"buy_ins": [[1, 11 / 13, 85, 0], [2, 28 / 33, 85, 0]]})
    assert trend(tool, None) == "buy-in 84.8% (wave 2), below the 85% target, up from 84.6%"


async def test_setting_a_tools_use_says_it_as_the_card_and_the_review_read_it(
        chat: ConsoleChat, coach: Person) -> None:
    # A second red team's (stop 57): "/tools use" said "(30%)" for 59 of 197, which the card
    # shows as 29.9% and the review counts as under 30%.
    await chat.say("/tools add Blooket adopted", as_=coach)
    [used] = await chat.say("/tools use Blooket 59 of 197", as_=coach)
    [card] = await chat.say("/tools Blooket", as_=coach)
    assert "(29.9%)" in used.text and "29.9%" in render(card), (used.text, render(card))


@pytest.mark.parametrize(("buy_ins", "said"), [
    ([[1, 32 / 53, 85, 0], [2, 30 / 50, 85, 0]],
     "buy-in 60% (wave 2), below the 85% target, level with 60%"),
    ([[1, 27 / 32, 85, 0], [2, 38 / 45, 90, 0]],
     "buy-in 84% (wave 2), below the 90% target, level with 84%"),
])
def test_the_digests_trend_word_follows_the_figures_as_shown(
        buy_ins: list[list[float]], said: str) -> None:
    # A third red team's (stop 57): "buy-in 60% ..., down from 60%".
    assert trend(ToolRow(name="Nearpod", figures={"buy_ins": buy_ins}), None) == said
