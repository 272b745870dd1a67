"""`/cycle`: teachers see their own coaching cycles; coaches start, reschedule, complete and
cancel theirs. A cycle also starts from a Coffee and Curriculum follow-up or a ticket."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.features.cycles import planning, service, views
from bot.features.cycles.models import NOTE_LENGTH, CycleRow, CycleStepRow
from bot.features.cycles.steps import BY_NUMBER
from bot.hooks.year import CycleAsk
from bot.i18n import N_, _
from bot.masking import mask_within
from bot.people.mentions import named_people
from bot.people.models import ERASED, PersonRow
from bot.roles import Role
from bot.scheduling.ledger import withdraw
from bot.storage.rows import request_key
from bot.turn import Turn
from bot.vocabulary import Command

USAGE = N_("Try `/cycle start @Ms Rivera`.")
# "step 2", "to 2027-03-10"; a Spanish-speaking coach's "paso 2", "al 2027-03-10" too.
STEP = re.compile(r"\b(?:step|paso)\s+([1-4])\b", re.IGNORECASE)
ON = re.compile(r"\b(?:to|on|al|el)\s+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


async def mine(turn: Turn[Command]) -> list[Reply]:
    """`/cycle`: each cycle with its steps."""
    lines = []
    tz = (await planning.calendar_for(turn.session, turn.person)).tz
    for cycle in await service.visible_to(turn.session, turn.person):
        teacher = await turn.session.get(PersonRow, cycle.teacher_id)
        steps = await planning.steps_of(turn.session, cycle)
        head = views.head(cycle, (teacher.display_name or "?") if teacher else "?")
        lines.append(head + ("\n" + views.step_lines(steps, tz) if steps else ""))
    return [views.listing(lines, turn.role.allows(Role.COACH))]


async def _teacher(turn: Turn[Command], words: str) -> PersonRow:
    found = await named_people(turn.session, turn.person.platform, words, turn.now,
                               turn.settings.admin_keys, turn.incoming.mentioned)
    people = [p for p in found.people if p.id != turn.person.id]
    if found.unknown:  # "Ms Rivera Ortiz" is not the Ms Rivera prepbot knows (stop 50)
        raise BadInput(_("I don't know “{name}” here. {usage}").format(
            name=found.unknown[0], usage=_(USAGE)))
    if len(people) != 1:
        raise BadInput(_("A coaching cycle is with one teacher. {usage}").format(usage=_(USAGE)))
    return people[0]


async def start(turn: Turn[Command]) -> list[Reply]:
    """`/cycle start @teacher`: four steps planned in their prep periods."""
    text = turn.incoming.text.strip()
    if not text:
        raise BadInput(_("With which teacher? {usage}").format(usage=_(USAGE)))
    teacher = await _teacher(turn, STEP.sub(" ", text))
    key = request_key(turn.person.platform, turn.incoming.event_id) \
        if turn.incoming.event_id else None
    return await begin(turn, CycleAsk(teacher.id, turn.person.id, "", key or ""))


async def begin(turn: Turn[Any], ask: CycleAsk) -> list[Reply]:
    """Start a cycle (the core's `start_cycle` hook too): a coach asking plans it at once; a
    teacher asking tells their coach, who plans it with one click."""
    teacher = await turn.session.get(PersonRow, ask.teacher_id)
    if teacher is None or teacher.user_id.startswith(ERASED):  # her card outlived her erase
        raise BadInput(_("I couldn't find that teacher."))
    staff = turn.role.allows(Role.COACH) and turn.person.id != teacher.id
    note = mask_within(ask.note, NOTE_LENGTH).text  # masked whole, then cut
    coach_id = turn.person.id if staff else await service.coach_or_none(turn.session,
                                                                         ask.coach_id)
    cycle, new = await service.create(turn.session, teacher, coach_id,
                                      "planned" if staff else "requested",
                                      ask.source, note, ask.request_key or None, turn.now)
    if not staff:
        return await _requested(turn, cycle, teacher, new)
    # Asked of (or run by) another coach: theirs, whatever the words or button (a red
    # team's, stop 46: `/cycle start @teacher` took over a request made to her own coach);
    # an admin may still plan a request, as its own button allows.
    theirs = cycle.coach_id not in (None, turn.person.id)
    if theirs and not (cycle.status == "requested" and turn.role.allows(Role.ADMIN)):
        raise BadInput(_("{teacher} already has a coaching cycle with another coach.").format(
            teacher=teacher.display_name))
    # A request no coach is named for is her school's coaches' (a red team's, stop 57: a
    # coach of another school took it by typing what its button refused him).
    if (cycle.status == "requested" and cycle.coach_id is None and not new
            and not turn.role.allows(Role.ADMIN)
            and not await service.asked_of(turn.session, cycle, turn.person)):
        raise BadInput(_("That request is for another coach."))
    if cycle.status == "requested" or new:
        await service.plan(turn.session, turn.features, cycle, turn.person, turn.now)
    tz = (await planning.calendar_for(turn.session, teacher)).tz
    return [views.planned(cycle, teacher.display_name or _("the teacher"),
                          await planning.steps_of(turn.session, cycle), tz)]


async def _requested(turn: Turn[Any], cycle: CycleRow, teacher: PersonRow,
                     new: bool) -> list[Reply]:
    """Her coach hears of a new request (every coach, when none is named); she is told
    who will plan it, or that she had asked already."""
    coach = await turn.session.get(PersonRow, cycle.coach_id) if cycle.coach_id else None
    named = coach.display_name if coach and coach.display_name else _("Your coach")
    if not new:
        return [views.asked_already(cycle, named)]
    asked = [coach] if coach is not None else await service.coaches_to_ask(turn.session,
                                                                           teacher)
    name = teacher.display_name
    for each in asked:
        turn.notify(each, lambda: views.requested_for_coach(cycle, name or _("A teacher")),
                    staff=True)
    if coach is None:
        return [views.requested_of_coaches()]
    return [views.requested_for_teacher(named)]


async def _step(turn: Turn[Command], cycle: CycleRow, text: str) -> CycleStepRow:
    steps = await planning.steps_of(turn.session, cycle)
    wanted = STEP.search(text)
    row = next((s for s in steps if s.step == int(wanted.group(1))), None) if wanted \
        else service.current(steps)
    if row is None or row.status == "done":
        raise BadInput(_("That step is done already (or the cycle has no steps yet)."))
    return row


async def reschedule(turn: Turn[Command]) -> list[Reply]:
    """`/cycle reschedule @teacher [step 2] [to 2027-03-10]`: the teacher's next free prep
    period (on or after a date); the steps after it follow."""
    text = turn.incoming.text
    on_match = ON.search(text)
    teacher = await _teacher(turn, ON.sub(" ", STEP.sub(" ", text)))
    cycle = await service.coached(turn.session, turn.person, teacher)
    row = await _step(turn, cycle, text)
    try:
        on = date.fromisoformat(on_match.group(1)) if on_match else None
    except ValueError as error:
        raise BadInput(_("A date like 2027-03-10, please.")) from error
    slot = await planning.reschedule(turn.session, turn.features, cycle, row, turn.now, on)
    if slot is None:
        raise BadInput(_("I found no free prep period for that in the next five weeks."))
    tz = (await planning.calendar_for(turn.session, teacher)).tz
    step = BY_NUMBER[row.step]
    turn.notify(teacher, lambda: say(_("Your coaching cycle: {step} moved to {when}.").format(
        step=step.called(), when=views.moment(slot.start, tz)), private=False))
    return [say(_("Moved: step {number} is now {when}.").format(
        number=row.step, when=views.moment(slot.start, tz)))]


async def done(turn: Turn[Command]) -> list[Reply]:
    """`/cycle done @teacher [step N]`: the step happened."""
    teacher = await _teacher(turn, STEP.sub(" ", turn.incoming.text))
    cycle = await service.coached(turn.session, turn.person, teacher)
    row = await _step(turn, cycle, turn.incoming.text)
    return [await finished(turn, cycle, row, teacher)]


async def finished(turn: Turn[Any], cycle: CycleRow, row: CycleStepRow,
                   teacher: PersonRow) -> Reply:
    """Mark a step done; the whole cycle when it was the debrief."""
    complete = await service.finish_step(turn.session, cycle, row, turn.now)
    if complete:
        turn.notify(teacher, lambda: say(_("Your four-week coaching cycle is complete. Thank "
                                           "you: keep going with what worked!"), private=False))
        return say(_("Cycle complete with {teacher}: all four steps done.").format(
            teacher=teacher.display_name), replace=True)
    return say(_("Step {number} ({step}) is done.").format(
        number=row.step, step=BY_NUMBER[row.step].title()), replace=True)


async def cancel(turn: Turn[Command]) -> list[Reply]:
    """`/cycle cancel @teacher`: the steps' messages are withdrawn; the teacher is told."""
    teacher = await _teacher(turn, turn.incoming.text)
    cycle = await service.coached(turn.session, turn.person, teacher)
    for row in await planning.steps_of(turn.session, cycle):
        await withdraw(turn.session, (planning.PROMPT, planning.REMIND),
                       f"s{row.id}r{row.revision}")
    cycle.status = "cancelled"
    coach = turn.person.display_name
    turn.notify(teacher, lambda: say(_("{coach} called off your coaching cycle. Ask any time to "
                                       "start another.").format(coach=coach or _("Your coach")),
                                     private=False))
    return [say(_("The cycle with {teacher} is cancelled.").format(
        teacher=teacher.display_name))]
