"""Buttons and forms on a cycle's messages: the coach plans a requested cycle and marks steps
done; the teacher (or coach) answers a step's prompt or asks for another time."""

from __future__ import annotations

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.features.cycles import handlers, planning, service, views
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.cycles.steps import BY_NUMBER, answered
from bot.i18n import N_, _
from bot.masking import mask_within
from bot.people.models import PersonRow
from bot.roles import Role
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Submission

# Why a step's button no longer works, by the cycle's status (stored in English).
CLOSED = {"requested": N_("That coaching cycle isn't planned yet."),
          "done": N_("That coaching cycle is done."),
          "cancelled": N_("That coaching cycle is cancelled.")}


async def _step(turn: Turn[Action] | Turn[Submission], ref: str
                ) -> tuple[CycleRow, CycleStepRow]:
    row = await row_named(turn.session, CycleStepRow, ref)
    cycle = await turn.session.get(CycleRow, row.cycle_id) if row else None
    if row is None or cycle is None:
        raise BadInput(_("That coaching cycle step no longer exists."))
    await turn.session.refresh(cycle, with_for_update=True)  # its coach as of now (handover)
    coach = turn.person.id == cycle.coach_id and turn.role.allows(Role.COACH)
    if turn.person.id != cycle.teacher_id and not coach and turn.role != Role.ADMIN:
        raise BadInput(_("That coaching cycle isn't one of yours."))
    if cycle.status != "planned":
        raise BadInput(_(CLOSED.get(cycle.status, CLOSED["cancelled"])))
    return cycle, row


async def plan(turn: Turn[Action]) -> list[Reply]:
    """"Plan the four steps" on a teacher's request."""
    value = turn.incoming.value
    cycle = await row_named(turn.session, CycleRow, value)
    if cycle is not None:  # two clicks at once: the second waits, then reads "planned"
        await turn.session.refresh(cycle, with_for_update=True)
    if cycle is None or cycle.status != "requested":
        raise BadInput(_("That request was already planned (or withdrawn). `/cycle` lists "
                         "yours."))
    mine = cycle.coach_id == turn.person.id or (
        cycle.coach_id is None and await service.asked_of(turn.session, cycle, turn.person))
    if not mine and turn.role != Role.ADMIN:
        raise BadInput(_("That request is for another coach."))
    await service.plan(turn.session, turn.features, cycle, turn.person, turn.now)
    teacher = await turn.session.get(PersonRow, cycle.teacher_id)
    assert teacher is not None
    tz = (await planning.calendar_for(turn.session, teacher)).tz
    steps = await planning.steps_of(turn.session, cycle)
    coach = turn.person.display_name
    turn.notify(teacher, lambda: say(_(
        "{coach} planned your coaching cycle: the first step is {when}, in your prep period."
    ).format(coach=coach or _("Your coach"), when=views.moment(steps[0].starts_at, tz)),
        private=False))
    reply = views.planned(cycle, teacher.display_name or _("the teacher"), steps, tz)
    return [Reply(reply.text, reply.blocks, private=True, replace_original=True)]


async def done(turn: Turn[Action]) -> list[Reply]:
    """"Done" on the coach's reminder."""
    cycle, row = await _step(turn, turn.incoming.value)
    if turn.person.id != cycle.coach_id and turn.role != Role.ADMIN:
        raise BadInput(_("The coach marks a step done."))
    if row.status == "done":
        return [say(_("Step {number} was already done.").format(number=row.step), replace=True)]
    teacher = await turn.session.get(PersonRow, cycle.teacher_id)
    assert teacher is not None
    return [await handlers.finished(turn, cycle, row, teacher)]


async def another_time(turn: Turn[Action]) -> list[Reply]:
    """"Another time": the teacher's next free prep period; the other side is told."""
    cycle, row = await _step(turn, turn.incoming.value)
    if row.status == "done":
        raise BadInput(_("That step is done already."))
    slot = await planning.reschedule(turn.session, turn.features, cycle, row, turn.now)
    if slot is None:
        raise BadInput(_("I found no free prep period in the next five weeks; talk to each "
                         "other and use `/cycle reschedule`."))
    other_id = cycle.coach_id if turn.person.id == cycle.teacher_id else cycle.teacher_id
    other = await turn.session.get(PersonRow, other_id) if other_id else None
    teacher = await turn.session.get(PersonRow, cycle.teacher_id)
    assert teacher is not None
    tz = (await planning.calendar_for(turn.session, teacher)).tz
    step = BY_NUMBER[row.step]
    if other is not None:
        turn.notify(other, lambda: say(_("Coaching cycle: {step} moved to {when}.").format(
            step=step.called(), when=views.moment(slot.start, tz)), private=False),
            staff=other.id == cycle.coach_id)
    return [say(_("Moved: {step} is now {when}.").format(
        step=step.called(), when=views.moment(slot.start, tz)), replace=True)]


async def answer(turn: Turn[Submission]) -> list[Reply]:
    """A step's prompt answered: kept with the step (masked); the goal and target on the
    cycle."""
    cycle, row = await _step(turn, turn.incoming.context)
    # Only this step's prompt's own fields: a forged field's name was kept and relayed as typed
    # (a red team's, stop 47), and another step's too (stop 49).
    own = {field.name for field in BY_NUMBER[row.step].fields}
    values = {k: mask_within(v.strip(), 2000).text
              for k, v in turn.incoming.values.items() if k in own and v.strip()}
    row.answers = {**row.answers, **values}
    if row.step == 1:
        cycle.goal = values.get("goal", cycle.goal)
        cycle.target = values.get("target", cycle.target)
    coach = await turn.session.get(PersonRow, cycle.coach_id) if cycle.coach_id else None
    if coach is not None and coach.id != turn.person.id:
        name, step = turn.person.display_name, BY_NUMBER[row.step]
        turn.notify(coach, lambda: views.notice(_(
            "{teacher} answered step {number} ({step}): {answers}").format(
                teacher=name or _("Your teacher"), number=row.step, step=step.title(),
                answers=answered(values))), staff=True)
    return [say(_("Thanks: your coach has it for the step."), replace=True)]
