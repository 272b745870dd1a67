"""After adoption: a quarterly TAM pulse to the tool's users, its use against the teachers
it is meant for (under 30% after a semester flags it for review), retirement with thirty
days' notice, and how many new tools each school takes on in a semester."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.tools import service
from bot.features.tools.models import ToolRow
from bot.hooks.digest import Period
from bot.hooks.year import BuyIn, MentionAsk, WaveAsk
from bot.i18n import N_, _, reaches
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.scheduling.ledger import Planned, plan
from bot.schools.models import SchoolRow
from bot.stored_settings import StoredSetting

SEMESTER = timedelta(days=126)  # about eighteen school weeks
REVIEW_BELOW = 0.30
NOTICE_DAYS = 30
PULSE_OPEN = timedelta(days=7)
DECIDED, SUNSET, REVIEW = "tools.decided", "tools.sunset", "tools.review"
FATIGUE = StoredSetting("tool_fatigue_limit", 3, N_("new tools one school may take on in a "
                        "semester before the digest warns of tool fatigue"), minimum=1,
                        maximum=20)
# How a use figure was counted: kept in English with the figures, shown with `_()`.
ENTERED = N_("entered by its coach")
ESTIMATED = N_("from its questions, tickets and pulse answers")


@dataclass(frozen=True)
class Use:
    """How many teachers use a tool, of how many it is meant for, and how that was counted."""

    teachers: int
    intended: int
    counted: str  # ENTERED or ESTIMATED, in English

    @property
    def how(self) -> str:
        """How the figure was counted, in the current language."""
        return _(self.counted) if self.counted else ""

    @property
    def share(self) -> float | None:
        """Teachers using it over those it is meant for (None when nobody said how many)."""
        return self.teachers / self.intended if self.intended else None


def cohort_key(tool: ToolRow | int) -> str:
    """One pulse chain per tool: its pilot's waves, then its quarterly pulses."""
    return f"tool-{tool if isinstance(tool, int) else tool.id}"


async def use_of(session: AsyncSession, features: Registry, tool: ToolRow,
                 now: datetime) -> Use:
    """The coach's figure when entered; else the larger of the teachers who asked about it
    or opened tickets naming it this semester, and the answers its last pulse released."""
    if tool.use_figure is not None:
        return Use(tool.use_figure, tool.intended, ENTERED)
    ask = MentionAsk(service.words_of(tool), Period(now - SEMESTER, now + timedelta(seconds=1)))
    people = {m.person_id for find in features.mentions for m in await find(session, ask)
              if m.person_id is not None}
    shown = await buy_ins(session, features, tool)
    answered = shown[-1].answers if shown else 0
    return Use(max(len(people), answered), tool.intended, ESTIMATED)


async def buy_ins(session: AsyncSession, features: Registry, tool: ToolRow) -> list[BuyIn]:
    """The tool's waves that have a figure to show, oldest first: in the order they were
    launched, not linked (a red team's, stop 57: an old wave linked late read as the last)."""
    waves = features.pulse_waves
    if waves is None:
        return []
    found = [await waves.buy_in(session, int(ref))
             for ref in await service.links(session, tool.id, "pulse") if ref.isdecimal()]
    # Only waves about this tool: a link made before links were checked may name any survey
    # (a red team's, stop 49: a coach linked a colleague's pilot wave and read its figure).
    shown = [b for b in found if b is not None and b.shown and about(b, tool)]
    return sorted(shown, key=lambda b: (b.opened_at or datetime.min.replace(tzinfo=UTC),
                                        b.survey_id))


def about(buy_in: BuyIn, tool: ToolRow) -> bool:
    """Whether a wave asked about this tool (by its name or one of its aliases)."""
    names = {tool.key, *(service.key_of(a) for a in tool.aliases.split(",") if a.strip())}
    return service.key_of(buy_in.tool) in names


async def linkable(session: AsyncSession, features: Registry, tool: ToolRow, survey_id: int,
                   coach_id: int | None) -> None:
    """A wave a coach may link to a tool: one about it, that they run (an admin: any);
    else a BadInput saying why."""
    waves = features.pulse_waves
    wave = await waves.buy_in(session, survey_id) if waves is not None else None
    if wave is None or (coach_id is not None and wave.coach_id != coach_id):
        raise BadInput(_("You have no pulse {number}: a coach links their own pulses (an "
                         "admin, any).").format(number=survey_id))
    if not about(wave, tool):
        raise BadInput(_("Pulse {number} asked about {other}, not {name}.").format(
            number=survey_id, other=wave.tool, name=tool.name))


async def announce(session: AsyncSession, tool: ToolRow, now: datetime) -> int:
    """Tell everyone who asked for a tool what was decided (in their school hours)."""
    people = [await session.get(PersonRow, p) for p in await service.supporters(session,
                                                                                 tool.id)]
    occurrence = f"t{tool.id}-{tool.status}-{now:%Y%m%d%H%M}"
    return await plan(session, [Planned(DECIDED, occurrence, p.platform, now,
                                        now + timedelta(days=14), person_id=p.id,
                                        user_id=p.user_id, payload=f"{tool.id}:{tool.status}")
                                for p in people if p is not None])


async def launch_quarterly(session: AsyncSession, features: Registry, tool: ToolRow,
                           now: datetime) -> int | None:
    """The quarter's TAM pulse to the tool's users; the next one a quarter later."""
    waves, due = features.pulse_waves, tool.next_pulse_on
    if waves is None or due is None or tool.owner_id is None:
        return None
    people = tuple(await service.users(session, tool.id))
    today = await service.local_today(session, tool.owner_id, now)
    survey = await waves.launch(session, WaveAsk(
        tool.name, cohort_key(tool), _("{tool} users").format(tool=tool.name),
        tool.owner_id, people,
        today + PULSE_OPEN, now, f"tool-{tool.id}-quarter-{due.isoformat()}")) \
        if people else None
    if survey is not None:
        await service.link(session, tool, "pulse", str(survey), now)
    tool.next_pulse_on = max(due, today) + service.QUARTER
    # The tool's record (exported as data, never said in chat) is kept in English.
    outcome = "launched" if survey is not None else "skipped: no users yet"
    service.event(session, tool, "pulse", f"quarterly pulse {outcome}", None, now)
    return survey


async def refresh(session: AsyncSession, features: Registry, tool: ToolRow,
                  now: datetime) -> None:
    """Count a tool's released buy-ins and its use again (once a day): the digest reads them."""
    today = await service.local_today(session, tool.owner_id, now)
    if tool.figures_on == today:
        return
    use = await use_of(session, features, tool, now)
    tool.figures = {"buy_ins": [[b.wave, b.agree, b.target, b.coach_id, b.survey_id] for b in
                                await buy_ins(session, features, tool)],
                    "use": use.teachers, "counted": use.counted}
    tool.figures_on = today
    await flag_if_unused(session, tool, use, today, now)


def kept_use(tool: ToolRow) -> Use:
    """The use last counted."""
    figures = tool.figures or {}
    return Use(int(figures.get("use", 0)), tool.intended, str(figures.get("counted", "")))


def kept_buy_ins(tool: ToolRow, reader: int | None, asked: frozenset[int] = frozenset()
                 ) -> list[tuple[int, float, int]]:
    """The released buy-ins last counted that `reader` may see, (wave, share agreeing,
    target): a wave's figure is its coach's (`reader` None: an admin's, all of them), never
    one of a survey they were `asked` in. Red teams': the tool's owner read a colleague's
    pilot in her digest (stop 50); an admin once asked as a teacher read hers (stop 51)."""
    return [(int(kept[0]), float(kept[1]), int(kept[2]))
            for kept in (tool.figures or {}).get("buy_ins", [])
            # one counted before stop 50 names no coach (0): an admin's alone
            if shown_to(reader, int(kept[3]) if len(kept) > 3 else 0)
            and (len(kept) < 5 or int(kept[4]) not in asked)]


def shown_to(reader: int | None, coach_id: int) -> bool:
    """Whether a wave's figure is shown to a reader: its coach's, and an admin's (None)."""
    return reader is None or coach_id == reader


async def flag_if_unused(session: AsyncSession, tool: ToolRow, use: Use, today: date,
                         now: datetime) -> bool:
    """A semester after adoption, use under 30% of its intended teachers flags a review."""
    if tool.adopted_on is None or tool.flagged_on is not None or \
            today < tool.adopted_on + SEMESTER:
        return False
    if use.share is None or reaches(use.share, REVIEW_BELOW * 100):
        return False
    tool.flagged_on = today
    service.event(session, tool, "review", f"use {use.teachers} of {use.intended}", None, now)
    owner = await session.get(PersonRow, tool.owner_id) if tool.owner_id else None
    if owner is not None:
        await plan(session, [Planned(REVIEW, f"t{tool.id}-review-{today}", owner.platform, now,
                                     now + timedelta(days=14), person_id=owner.id,
                                     user_id=owner.user_id, payload=str(tool.id))])
    return True


async def retire(session: AsyncSession, tool: ToolRow, by: PersonRow, reason: str,
                 alternative: ToolRow | None, now: datetime) -> int:
    """Start a tool's retirement: thirty days' notice to its users; returns how many."""
    today = await service.local_today(session, by.id, now)
    tool.alternative_id = alternative.id if alternative else tool.alternative_id
    await service.set_status(session, tool, "sunsetting", by.id, now, reason)
    tool.retire_on = today + timedelta(days=NOTICE_DAYS)
    ends = datetime.combine(tool.retire_on, time(0)).replace(tzinfo=now.tzinfo)
    people = [await session.get(PersonRow, p) for p in await service.users(session, tool.id)]
    return await plan(session, [Planned(SUNSET, f"t{tool.id}-sunset-{tool.retire_on}",
                                        p.platform, now, ends, person_id=p.id,
                                        user_id=p.user_id, payload=str(tool.id))
                                for p in people if p is not None])


async def retire_due(session: AsyncSession, tool: ToolRow, now: datetime) -> bool:
    """The notice is over: the tool is retired."""
    today = await service.local_today(session, tool.owner_id, now)
    if tool.retire_on is None or today < tool.retire_on:
        return False
    await service.set_status(session, tool, "retired", None, now)
    return True


def semester_of(day: date) -> tuple[date, date]:
    """The school semester a day is in: August to December, or January to July."""
    if day.month >= 8:
        return date(day.year, 8, 1), date(day.year, 12, 31)
    return date(day.year, 1, 1), date(day.year, 7, 31)


async def new_this_semester(session: AsyncSession, today: date) -> dict[str, list[str]]:
    """Each school's tools first piloted or adopted this semester (a tool for no school in
    particular counts for every school)."""
    first, last = semester_of(today)
    query = select(ToolRow).where(ToolRow.introduced_on >= first, ToolRow.introduced_on <= last)
    schools = {s.id: s.name for s in (await session.execute(select(SchoolRow))).scalars()}
    found: dict[str, list[str]] = defaultdict(list)
    for tool in (await session.execute(query.order_by(ToolRow.key))).scalars():
        ids = [int(s) for s in tool.schools.split(",") if s.strip().isdecimal()] or list(schools)
        for school in ids:
            if school in schools:
                found[schools[school]].append(tool.name)
    return dict(found)
