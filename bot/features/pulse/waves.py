"""Waves other features launch (a pilot's pre and post survey, an adopted tool's quarterly
pulse) and the buy-in they may read: only released answers, as everywhere (pool.py)."""

from __future__ import annotations

import functools

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pulse import service
from bot.features.pulse.instruments import DEFAULT, instrument_named
from bot.features.pulse.models import SurveyRow
from bot.features.pulse.stats import construct_figures
from bot.hooks.year import BuyIn, PulseWaves, WaveAsk
from bot.mentions import INSTEAD
from bot.people.models import PersonRow
from bot.storage.json_values import each_string
from bot.traces import Traces
from bot.vocabulary import Conversation


async def launch(session: AsyncSession, ask: WaveAsk) -> int | None:
    """Open a wave for these people and plan its invitations; the same ask twice is one wave.
    A wave still open in the chain is closed first (its results go to the coach as usual)."""
    found = await session.execute(select(SurveyRow.id).where(
        SurveyRow.request_key == ask.request_key))
    if (same := found.scalar_one_or_none()) is not None:
        return int(same)
    coach = await session.get(PersonRow, ask.coach_id)
    people = [p for p in [await session.get(PersonRow, i) for i in ask.people] if p]
    if coach is None or not people:
        return None
    previous = await service.latest_wave(session, coach.platform, ask.cohort_key, ask.tool,
                                         coach.id)
    if previous is not None and previous.closed_at is None:
        await service.close(session, previous, ask.now, tell_coach=True)
    # A later wave asks exactly what the chain's first asked, so the waves compare.
    instrument = service.instrument_of(previous) if previous is not None \
        else instrument_named(ask.kb_dir, DEFAULT)
    cohort = Conversation(platform=coach.platform, id=ask.cohort_key, kind="channel")
    spec = service.Launch(ask.tool, cohort, ask.cohort_name, ask.closes_on, False, instrument)
    survey, _ = await service.create(session, spec, coach, ask.now, ask.request_key)
    await service.invite(session, survey, people, ask.now)
    return survey.id


async def buy_in(session: AsyncSession, survey_id: int) -> BuyIn | None:
    """A wave's buy-in: the share agreeing on intention to use, from released answers only,
    and only once there are at least the survey's threshold of them."""
    survey = await service.get_survey(session, survey_id)
    if survey is None:
        return None
    answers = await service.answer_sets(session, survey.id)
    agree = None
    if len(answers) >= survey.threshold:
        instrument = service.instrument_of(survey)
        agree = construct_figures(instrument, answers, instrument.buy_in).agree
    return BuyIn(survey.id, survey.wave, survey.closed_at is not None, survey.invited,
                 len(answers), survey.threshold, await service.BUYIN_TARGET.read(session),
                 agree, survey.held_back, survey.coach_id, survey.tool, survey.opened_at)


waves = PulseWaves(launch=launch, buy_in=buy_in, asked=service.took_part)


async def erase_tool_copies(session: AsyncSession, traces: Traces) -> int:
    """A survey's copies of its tool's name and its cohort's lose an erased teacher's name, as
    the tool's own does ("Ms Rivera Reading Log" became "[name] Reading Log": a red team's,
    stop 49, found her name kept in the wave); returns surveys changed."""
    changed, gone = 0, functools.partial(traces.names_taken_out, instead=INSTEAD)
    for survey in (await session.execute(select(SurveyRow))).scalars():
        tool, cohort, spec = gone(survey.tool), gone(survey.cohort_name), each_string(
            survey.spec, gone)
        if (tool, cohort, spec) != (survey.tool, survey.cohort_name, survey.spec):
            survey.tool = tool[:service.TOOL_NAME_LIMIT]
            survey.tool_key = survey.tool.lower()
            survey.cohort_name, survey.spec, changed = cohort, spec, changed + 1
    return changed
