"""Cycles: starting one (from `/cycle start`, a Coffee and Curriculum follow-up or a ticket),
finding a teacher's, marking steps done, what step a cycle is at."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.cycles import planning
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.i18n import _, ngettext
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.roles import Role
from bot.scheduling import ledger
from bot.scheduling.ledger import withdraw
from bot.storage.rows import one_at_a_time

OPEN = ("requested", "planned")


async def by_key(session: AsyncSession, key: str | None) -> CycleRow | None:
    """The cycle a request key already made (a retried start, a second click)."""
    if key is None:
        return None
    query = select(CycleRow).where(CycleRow.request_key == key)
    return (await session.execute(query)).scalar_one_or_none()


async def open_cycle(session: AsyncSession, teacher_id: int) -> CycleRow | None:
    """The teacher's cycle still asked for or under way."""
    query = select(CycleRow).where(CycleRow.teacher_id == teacher_id,
                                   CycleRow.status.in_(OPEN)).order_by(CycleRow.id.desc())
    return (await session.execute(query)).scalars().first()


async def create(session: AsyncSession, teacher: PersonRow, coach_id: int | None, status: str,
                 source: str, note: str, key: str | None, now: datetime) -> tuple[CycleRow, bool]:
    """A new cycle, or the one this request already made while it is still open; one open
    cycle per teacher."""
    await one_at_a_time(session, f"cycle-of:{teacher.id}")
    same = await by_key(session, key)
    if same is not None and same.status in OPEN:
        return same, False
    running = await open_cycle(session, teacher.id)
    if running is not None:
        return running, False
    if same is not None:  # done or called off: the same button asks afresh (a red team's,
        same.request_key = None  # stop 52: it found the cancelled cycle and filed nothing)
        await session.flush()
    cycle = CycleRow(request_key=key, teacher_id=teacher.id, coach_id=coach_id, status=status,
                     source=source[:120], note=note[:300], created_at=now)
    session.add(cycle)
    await session.flush()
    return cycle, True


async def plan(session: AsyncSession, features: Registry, cycle: CycleRow, coach: PersonRow,
               now: datetime) -> list[CycleStepRow]:
    """Plan a cycle's four steps for its coach."""
    teacher = await session.get(PersonRow, cycle.teacher_id)
    assert teacher is not None
    cycle.coach_id, cycle.status = coach.id, "planned"
    steps = await planning.plan_cycle(session, features, cycle, teacher, coach, now)
    if len(steps) < 4:
        raise BadInput(_("I couldn't find four free prep periods for {teacher} in the coming "
                         "weeks. Check their prep period (`/prepbot prep`) and the school's "
                         "closures.").format(teacher=teacher.display_name or _("that teacher")))
    return steps


def current(steps: list[CycleStepRow]) -> CycleStepRow | None:
    """The first step not done yet."""
    return next((s for s in steps if s.status != "done"), None)


async def finish_step(session: AsyncSession, cycle: CycleRow, row: CycleStepRow,
                      now: datetime) -> bool:
    """Mark a step done; True when that completes the cycle."""
    row.status, row.done_at = "done", now
    await withdraw(session, (planning.PROMPT, planning.REMIND),
                            f"s{row.id}r{row.revision}")
    if all(s.status == "done" for s in await planning.steps_of(session, cycle)):
        cycle.status, cycle.completed_at = "done", now
        return True
    return False


async def visible_to(session: AsyncSession, person: PersonRow) -> list[CycleRow]:
    """Teachers see their own cycles; coaches those they run (or are asked for, by name or
    as any coach); admins all."""
    query = select(CycleRow).order_by(CycleRow.id.desc()).limit(30)
    role = Role(person.role)
    if role == Role.TEACHER:
        query = query.where(CycleRow.teacher_id == person.id)
    elif role == Role.COACH:
        unassigned = and_(CycleRow.coach_id.is_(None), CycleRow.status == "requested")
        query = query.where(or_(CycleRow.coach_id == person.id, CycleRow.teacher_id == person.id,
                                unassigned))
        return [cycle for cycle in (await session.execute(query)).scalars()
                if cycle.coach_id is not None or cycle.teacher_id == person.id
                or await asked_of(session, cycle, person)]
    return list((await session.execute(query)).scalars())


async def asked_of(session: AsyncSession, cycle: CycleRow, coach: PersonRow) -> bool:
    """Whether a request no coach is named for is this coach's to plan: she is one of those
    told of it (a red team's, stop 52: a coach of another school read and took it)."""
    teacher = await session.get(PersonRow, cycle.teacher_id)
    return teacher is not None and coach.id in {
        c.id for c in await coaches_to_ask(session, teacher)}


async def coach_or_none(session: AsyncSession, coach_id: int | None) -> int | None:
    """The coach a request names while they still coach; else None: any coach may plan it
    (a red team's, stop 52: a request filed under a coach made a teacher again, or erased,
    reached no one)."""
    coach = await session.get(PersonRow, coach_id) if coach_id is not None else None
    return coach.id if coach is not None and coach.coaches else None


async def coaches_to_ask(session: AsyncSession, teacher: PersonRow) -> list[PersonRow]:
    """Who hears of a request no coach is named for: the coaches on the teacher's platform
    (those of her school, when it has any); the admins when there is no coach at all."""
    on_platform = select(PersonRow).where(PersonRow.platform == teacher.platform,
                                          PersonRow.id != teacher.id)
    coaches = list((await session.execute(
        on_platform.where(PersonRow.role == Role.COACH.value))).scalars())
    ours = [c for c in coaches if teacher.school_id and c.school_id == teacher.school_id]
    if ours or coaches:
        return ours or coaches
    return list((await session.execute(
        on_platform.where(PersonRow.role == Role.ADMIN.value))).scalars())


async def coached(session: AsyncSession, coach: PersonRow, teacher: PersonRow) -> CycleRow:
    """The open cycle a coach runs with this teacher (an admin may act on any)."""
    cycle = await open_cycle(session, teacher.id)
    if cycle is None or (cycle.coach_id != coach.id and Role(coach.role) != Role.ADMIN):
        raise BadInput(_("You have no coaching cycle under way with {teacher}.").format(
            teacher=teacher.display_name or _("that teacher")))
    return cycle


async def erase_teacher(session: AsyncSession, person_id: int) -> int:
    """What a teacher told their coach is blanked (goal, target, prompt answers); the steps
    and dates stay, so the coach's counts stay right. A cycle still open is called off, its
    messages withdrawn (a red team's, stop 52: the coach kept being reminded of steps with
    nobody, and could plan her request after the erase)."""
    cycles = list((await session.execute(select(CycleRow).where(
        CycleRow.teacher_id == person_id))).scalars())
    for cycle in cycles:
        cycle.goal = cycle.target = cycle.note = ""
        for step in await planning.steps_of(session, cycle):
            step.answers = {}
            await withdraw(session, (planning.PROMPT, planning.REMIND),
                           f"s{step.id}r{step.revision}")
        if cycle.status in OPEN:
            cycle.status = "cancelled"
    return len(cycles)


async def hand_over(session: AsyncSession, leaving: int, taking: int, now: datetime) -> list[str]:
    """A leaving coach's open cycles given to another coach (never one with that coach as its
    teacher), with the reminders of the steps still to come."""
    coach = await session.get(PersonRow, taking)
    if coach is None:
        return []
    cycles = (await session.execute(select(CycleRow).where(
        CycleRow.coach_id == leaving, CycleRow.status.in_(OPEN),
        CycleRow.teacher_id != taking).with_for_update())).scalars().all()
    for cycle in cycles:
        cycle.coach_id = taking
        await _reminders_to(session, cycle, coach, now)
    return [ngettext("{count} coaching cycle", "{count} coaching cycles",
                     len(cycles)).format(count=len(cycles))] if cycles else []


async def _reminders_to(session: AsyncSession, cycle: CycleRow, coach: PersonRow,
                        now: datetime) -> None:
    """The coach's reminder of each step still to come, planned afresh for a new coach."""
    teacher = await session.get(PersonRow, cycle.teacher_id)
    if teacher is None:
        return
    for step in await planning.steps_of(session, cycle):
        if step.status != "done":
            await withdraw(session, (planning.REMIND,), f"s{step.id}r{step.revision}")
            await ledger.plan(session, [p for p in await planning.messages(
                session, step, teacher, coach, now) if p.job == planning.REMIND])
