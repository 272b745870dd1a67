"""Timed pulse work: render invitations and the reminder when the ledger sends them; close."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.pulse import answering, results, service, views
from bot.features.pulse.models import SurveyRow
from bot.people.models import PersonRow
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.server_secret import ServerSecret


async def _open(session: AsyncSession, row: DeliveryRow) -> SurveyRow | None:
    survey = await service.get_survey(session, row.payload)
    return survey if survey is not None and survey.closed_at is None else None


def _card(survey: SurveyRow, person_id: int, secret: ServerSecret, reminder: bool) -> Reply:
    # A fresh secret per rendering, never stored: see answering.py.
    context = answering.form_context(survey.id, answering.new_secret(), person_id, secret)
    return views.card(survey, service.instrument_of(survey), context, reminder=reminder)


async def render_invitation(session: AsyncSession, row: DeliveryRow,
                            secret: ServerSecret | None = None) -> Reply | None:
    """The survey card for one cohort member; nothing once the survey has closed."""
    survey = await _open(session, row)
    if survey is None or row.person_id is None or secret is None or \
            not await _may_answer(session, survey, row.person_id):
        return None
    return _card(survey, row.person_id, secret, reminder=False)


async def render_reminder(session: AsyncSession, row: DeliveryRow,
                          secret: ServerSecret | None = None) -> Reply | None:
    """The one reminder for someone who has not answered yet; thanks for one who has."""
    survey = await _open(session, row)
    if survey is None or row.person_id is None or secret is None or \
            not await _may_answer(session, survey, row.person_id):
        return None
    if await service.has_responded(session, secret, survey, row.person_id):
        # A message too, so the ledger treats both alike at every commit: it must not tell
        # who answered (privacy.md; settled unsent, it did, red teams' of stops 43 and 48).
        return views.thanks_for_answering(survey)
    return _card(survey, row.person_id, secret, reminder=True)


async def _may_answer(session: AsyncSession, survey: SurveyRow, person_id: int) -> bool:
    person = await session.get(PersonRow, person_id)
    return person is not None and service.may_answer(survey, person)


async def render_results(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """Results for the coach (a DM) or the cohort (a post, without comments)."""
    survey = await service.get_survey(session, row.payload)
    if survey is None:
        return None
    for_cohort = row.conversation_id is not None
    asked: set[int] | None = None  # the cohort reads no earlier wave at all
    if not for_cohort:  # the coach, none she was asked in
        asked = await service.took_part(session, row.person_id) if row.person_id else set()
    report = await results.report(session, survey, survey.closed_at or survey.closes_at,
                                  with_comments=not for_cohort, asked=asked)
    if for_cohort and report.n <= report.threshold:
        # The cohort answered: what one of them did not write must be a group of N too, so
        # it hears nothing rather than "too few answered" (a red team's, stop 55: with N = 3
        # a teacher solved her two colleagues' answers from the mean and the sd).
        return None
    return views.results(report, for_cohort=for_cohort)


async def close_due(session: AsyncSession, now: datetime) -> None:
    """Close surveys whose time has come; their results go out through the ledger."""
    for survey in await service.due_to_close(session, now):
        await service.close(session, survey, now, tell_coach=True)


def register(jobs: Jobs) -> None:
    """Invitations, the reminder and results go through the ledger; closing is a chore."""
    jobs.renderer(service.INVITE)(partial(render_invitation, secret=jobs.secret))
    jobs.renderer(service.REMIND)(partial(render_reminder, secret=jobs.secret))
    jobs.renderer(service.RESULTS, staff=True)(render_results)
    jobs.chore("pulse.close")(close_due)
