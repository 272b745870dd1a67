"""Surveys and waves: create, find, count, close; invitations planned in the delivery ledger."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.pulse import pool
from bot.features.pulse.instruments import Instrument, parse
from bot.features.pulse.models import RespondentRow, ResponseRow, SurveyRow
from bot.i18n import N_, _
from bot.masking import Masked, mask_within
from bot.people.models import PersonRow
from bot.roles import Role
from bot.scheduling.ledger import Planned, plan
from bot.scheduling.models import DeliveryRow
from bot.scheduling.policy import person_calendar
from bot.schools.service import calendar_of
from bot.server_secret import ServerSecret
from bot.storage.rows import row_id, row_named
from bot.stored_settings import StoredSetting
from bot.vocabulary import Conversation

INVITE, REMIND, RESULTS = "pulse.invite", "pulse.remind", "pulse.results"
# Below three answers, "totals" are somebody's answers.
THRESHOLD = StoredSetting("pulse_min_responses", 5,
                          N_("answers before any pulse figure is shown"), minimum=3, maximum=1000)
BUYIN_TARGET = StoredSetting("pulse_buyin_target", 85,
                             N_("percent agreeing on intention to use that counts as buy-in"),
                             minimum=1, maximum=100)


@dataclass(frozen=True)
class Launch:
    """What a coach asked for: a tool, a cohort, a close date and who sees the results."""

    tool: str
    cohort: Conversation
    cohort_name: str
    closes_on: date
    share_results: bool
    instrument: Instrument


def instrument_of(survey: SurveyRow) -> Instrument:
    """The instrument exactly as this survey asked it."""
    return parse(survey.spec, f"survey {survey.id}")


def occurrence(survey: SurveyRow) -> str:
    """The ledger's occurrence for a survey's deliveries."""
    return f"survey-{survey.id}"


async def threshold(session: AsyncSession) -> int:
    """How many answers a new survey releases at a time (a setting, never below three)."""
    return await THRESHOLD.read(session)


async def local_midnight_after(session: AsyncSession, coach: PersonRow, day: date) -> datetime:
    """The end of `day` in the coach's school time: when a survey "closing friday" closes."""
    calendar = person_calendar(await calendar_of(session, coach.school_id), coach.tz)
    return datetime.combine(day + timedelta(days=1), time(0), calendar.zone).astimezone(UTC)


async def today_for(session: AsyncSession, coach: PersonRow, now: datetime) -> date:
    """The coach's local date."""
    calendar = person_calendar(await calendar_of(session, coach.school_id), coach.tz)
    return now.astimezone(calendar.zone).date()


def cohort_of(survey: SurveyRow) -> str:
    """The cohort's name; "this channel" (launched in the cohort's own channel) translated."""
    here = survey.cohort_name == "this channel"  # launch.py: HERE, stored as written
    return _(survey.cohort_name) if here else survey.cohort_name


TOOL_NAME_LIMIT = 80  # the column's width


def masked_tool(typed: str) -> Masked:
    """A tool's name as a coach typed it, masked whole and then cut: the cohort reads it in
    every question (a red team's, stop 56, sent a student's id to every teacher)."""
    return mask_within(typed.strip(), TOOL_NAME_LIMIT, names_from=2)


def tool_keys(typed: str) -> list[str]:
    """The keys a survey named so is stored under: masked at launch, or as typed before that
    (a red team's, stop 56: the coach could no longer find hers by the name she typed)."""
    return list({masked_tool(typed).text.lower(), typed.strip()[:TOOL_NAME_LIMIT].lower()})


async def latest_wave(session: AsyncSession, platform: str, cohort_id: str,
                      tool: str, coach_id: int) -> SurveyRow | None:
    """The most recent survey of this tool with this cohort, by this coach: a chain of waves
    is one coach's, as their figures are (another coach's wave never compares with it)."""
    query = (select(SurveyRow).where(SurveyRow.platform == platform,
                                     SurveyRow.cohort_id == cohort_id,
                                     SurveyRow.tool_key.in_(tool_keys(tool)),
                                     SurveyRow.coach_id == coach_id)
             .order_by(SurveyRow.wave.desc()).limit(1))
    return (await session.execute(query)).scalar_one_or_none()


async def create(session: AsyncSession, launch: Launch, coach: PersonRow, now: datetime,
                 key: str | None) -> tuple[SurveyRow, bool]:
    """A new wave (linked to the cohort's previous one); the existing one on a retried launch."""
    if key is not None:
        found = await session.execute(select(SurveyRow).where(SurveyRow.request_key == key))
        if (same := found.scalar_one_or_none()) is not None:
            return same, False
    previous = await latest_wave(session, launch.cohort.platform, launch.cohort.id, launch.tool,
                                 coach.id)
    if previous is not None and previous.closed_at is None:
        raise BadInput(_("Wave {wave} of the {tool} pulse is still open for {cohort_name}. "
                         "`/pulse close {tool}` ends it first.").format(
                           wave=previous.wave, tool=previous.tool,
                           cohort_name=cohort_of(previous)))
    survey = SurveyRow(
        request_key=key, tool=launch.tool, tool_key=launch.tool.lower(),
        instrument=launch.instrument.id, spec=launch.instrument.for_tool(launch.tool).as_data(),
        platform=launch.cohort.platform, cohort_id=launch.cohort.id,
        cohort_name=launch.cohort_name, coach_id=coach.id,
        wave=previous.wave + 1 if previous else 1, previous_id=previous.id if previous else None,
        share_results=launch.share_results, opened_at=now, closes_on=launch.closes_on,
        threshold=await threshold(session), tagged_cards=True,
        closes_at=await local_midnight_after(session, coach, launch.closes_on))
    session.add(survey)
    await session.flush()
    return survey, True


# Someone made an admin (or given the survey) since their invitation: a red team's (stop 50).
READER_ANSWERS = N_("You can read this survey's results now, so your answers can't be among "
                    "them: no figure may hold an answer its reader knows.")


def may_answer(survey: SurveyRow, person: PersonRow) -> bool:
    """Whether someone may answer a survey: not if they may read its answers (its coach, an
    admin), or every figure they read would hold one answer they know."""
    return person.id != survey.coach_id and person.role != Role.ADMIN


async def invite(session: AsyncSession, survey: SurveyRow, members: list[PersonRow],
                 now: datetime) -> int:
    """Plan one invitation and one reminder per member; the dispatcher applies the policy.
    Nobody who may read the survey's answers is asked for one: its coach, and admins, who
    read every survey (a red team's, stop 50: a coach in her own tool's quarterly pulse read
    groups of N holding her own answer, so N - 1 of other people's)."""
    members = [m for m in members if may_answer(survey, m)]
    remind_at = survey.closes_at - min(timedelta(days=1), (survey.closes_at - now) / 2)
    planned = [Planned(job, occurrence(survey), person.platform, when, survey.closes_at,
                       person_id=person.id, user_id=person.user_id, payload=str(survey.id))
               for person in members for job, when in ((INVITE, now), (REMIND, remind_at))]
    await plan(session, planned)
    survey.invited = len(members)
    return len(members)


async def answer_sets(session: AsyncSession, survey_id: int) -> list[dict[str, Any]]:
    """Every released answer set of a survey, in key order (random, not arrival order)."""
    query = (select(ResponseRow.answers).where(ResponseRow.survey_id == survey_id)
             .order_by(ResponseRow.key))
    return [dict(a) for a in (await session.execute(query)).scalars()]


async def response_count(session: AsyncSession, survey_id: int) -> int:
    """How many answers have been released."""
    query = select(func.count()).select_from(ResponseRow).where(
        ResponseRow.survey_id == survey_id)
    return int((await session.execute(query)).scalar_one())


async def has_responded(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
                        person_id: int) -> bool:
    """Whether this person has answered, shown or waiting (for reminders)."""
    if await session.get(RespondentRow, (survey.id, person_id)) is not None:
        return True
    return await pool.entry_of(session, secret, survey, person_id) is not None


async def locked(session: AsyncSession, survey_id: int | str) -> SurveyRow | None:
    """A survey as it now stands, its row locked until the turn ends, so that the answers,
    releases and close of one survey take turns: on PostgreSQL, two turns that each saw N
    answers waiting released the same ones, and an answer saved as the close read the pool
    waited in a closed survey for good (a red team's, stop 47). SQLite has one writer."""
    found = row_id(survey_id)
    if found is None:
        return None
    query = (select(SurveyRow).where(SurveyRow.id == found).with_for_update()
             .execution_options(populate_existing=True))
    return (await session.execute(query)).scalar_one_or_none()


async def close(session: AsyncSession, survey: SurveyRow, now: datetime,
                tell_coach: bool) -> None:
    """Close a survey (what still waits is held back) and plan the results' delivery."""
    if (await locked(session, survey.id) or survey).closed_at is not None:
        return  # closed meanwhile, by its timer or the coach
    survey.closed_at = now
    await pool.hold_back(session, survey)
    # Who was asked is kept while it is open, and no longer (a red team's, stop 51: closed
    # early, it was kept until its planned close, however far).
    await session.execute(update(DeliveryRow).where(
        DeliveryRow.job.in_((INVITE, REMIND)), DeliveryRow.occurrence == occurrence(survey),
        DeliveryRow.expires_at > now).values(expires_at=now))
    targets = []
    if tell_coach:
        coach = await session.get(PersonRow, survey.coach_id)
        if coach is not None:
            targets.append(Planned(RESULTS, occurrence(survey), coach.platform, now,
                                   now + timedelta(days=7), person_id=coach.id,
                                   user_id=coach.user_id, payload=str(survey.id)))
    if survey.share_results:
        targets.append(Planned(RESULTS, occurrence(survey), survey.platform, now,
                               now + timedelta(days=7), conversation_id=survey.cohort_id,
                               payload=str(survey.id)))
    await plan(session, targets)


async def due_to_close(session: AsyncSession, now: datetime) -> list[SurveyRow]:
    """Open surveys whose close time has come."""
    query = select(SurveyRow).where(SurveyRow.closed_at.is_(None), SurveyRow.closes_at <= now)
    return list((await session.execute(query)).scalars())


async def get_survey(session: AsyncSession, survey_id: int | str) -> SurveyRow | None:
    """A survey by id (from a form's context or a ledger payload)."""
    return await row_named(session, SurveyRow, survey_id)


async def find(session: AsyncSession, tool: str = "", open_only: bool = False,
               coach_id: int | None = None, besides: Collection[int] = ()) -> SurveyRow | None:
    """The latest survey (of a tool, when named; still open, when asked; launched by this
    coach, when one is given), but those `besides`."""
    query = select(SurveyRow).where(SurveyRow.id.not_in(list(besides)))
    if coach_id is not None:
        query = query.where(SurveyRow.coach_id == coach_id)
    if tool.strip():
        query = query.where(SurveyRow.tool_key.in_(tool_keys(tool)))
    if open_only:
        query = query.where(SurveyRow.closed_at.is_(None))
    query = query.order_by(SurveyRow.opened_at.desc(), SurveyRow.id.desc()).limit(1)
    return (await session.execute(query)).scalar_one_or_none()


async def took_part(session: AsyncSession, person_id: int) -> set[int]:
    """The surveys someone was asked to answer or answered: whoever reads one of them reads
    groups holding an answer they know (or may)."""
    asked = set((await session.execute(select(DeliveryRow.occurrence).where(
        DeliveryRow.job == INVITE, DeliveryRow.person_id == person_id))).scalars())
    answered = set((await session.execute(select(RespondentRow.survey_id).where(
        RespondentRow.person_id == person_id))).scalars())
    return answered | {int(o.removeprefix("survey-")) for o in asked
                       if o.removeprefix("survey-").isdecimal()}


async def was_invited(session: AsyncSession, survey: SurveyRow, person: PersonRow) -> bool:
    """Whether this person is in the survey's cohort (an invitation was planned for them)."""
    query = select(DeliveryRow.id).where(DeliveryRow.job == INVITE,
                                         DeliveryRow.occurrence == occurrence(survey),
                                         DeliveryRow.person_id == person.id).limit(1)
    return (await session.execute(query)).scalar_one_or_none() is not None
