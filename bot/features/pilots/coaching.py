"""The coach's buttons and forms on a pilot: the observation note, and the decision that
ends it (adopt, extend two weeks, or drop)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.blocks import Reply, form_reply, say
from bot.errors import BadInput
from bot.features.pilots import report, schedule, service, views
from bot.features.pilots.models import ObservationRow, PilotRow
from bot.hooks.year import ToolMove
from bot.i18n import DEFAULT, _, format_day, speaking
from bot.masking import Masked, mask_within, privacy_note
from bot.people.models import PersonRow
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Submission

EXTENSION = timedelta(days=14)


async def _own(turn: Turn[Action] | Turn[Submission], pilot: PilotRow) -> PilotRow:
    if pilot.coach_id != turn.person.id and turn.role != Role.ADMIN:
        raise BadInput(_("Only the coach who runs this pilot (or an admin) can do that."))
    return pilot


async def _observation(turn: Turn[Action] | Turn[Submission], ref: str) -> ObservationRow:
    row = await row_named(turn.session, ObservationRow, ref)
    # Called off at its teacher's erase: nothing more is written of her class (a red
    # team's, stop 52: a note form left open marked it done again, her class described).
    if row is None or row.status == schedule.CALLED_OFF:
        raise BadInput(_("That observation slot no longer exists."))
    return row


async def _may_note(turn: Turn[Action] | Turn[Submission], row: ObservationRow) -> None:
    """The pilot's coach (or an admin) notes a visit, and so does the coach it was sent to:
    one who made the visit and handed the pilot over since (a red team's, stop 51: the
    visit that took place could be noted by no one)."""
    visited = select(DeliveryRow.id).where(
        DeliveryRow.job == schedule.VISIT, DeliveryRow.occurrence == f"o{row.id}r{row.revision}",
        DeliveryRow.person_id == turn.person.id, DeliveryRow.status == "sent").limit(1)
    # Only while it waits for its note: the new coach's note is hers (the same red team).
    if row.status != "planned" or await turn.session.scalar(visited) is None:
        await _own(turn, await service.get_pilot(turn.session, str(row.pilot_id)))


async def ask_note(turn: Turn[Action]) -> list[Reply]:
    """"Add my note" on the day's observation."""
    row = await _observation(turn, turn.incoming.value)
    await _may_note(turn, row)
    teacher = await turn.session.get(PersonRow, row.person_id)
    return [form_reply(views.note_form(row, teacher.display_name if teacher else _("a teacher")))]


async def save_note(turn: Turn[Submission]) -> list[Reply]:
    """The observation note (masked) and time on task; the slot counts as done."""
    row = await _observation(turn, turn.incoming.context)
    await _may_note(turn, row)
    note = mask_within(turn.incoming.values.get("note", "").strip(), 4000)
    if not note.text:
        raise BadInput(_("Write a line about what you saw."))
    # Masked too: free words, whatever the label asks for (a red team's, stop 46).
    on_task = mask_within(turn.incoming.values.get("on_task", "").strip(), 200)
    row.note, row.status = note.text, "done"
    row.on_task = on_task.text[:32]
    said = _("Observation noted; it goes into the pilot report.")
    hidden = privacy_note(Masked(note.text, note.kinds + on_task.kinds))
    return [say(f"{said} {hidden}".strip())]


async def decide(turn: Turn[Action]) -> list[Reply]:
    """The coach confirms (or overrules) the recommendation."""
    ref, _sep, choice = turn.incoming.value.partition(":")
    pilot = await _own(turn, await service.get_pilot(turn.session, ref))
    # Held until this turn commits: "Adopt" and "Drop" (or two "Extend"s) at once decide once
    # (a red team's, stop 49, on PostgreSQL: both stood).
    await turn.session.refresh(pilot, with_for_update=True)
    register = turn.features.tool_register
    if choice not in report.CHOICES or register is None:
        raise BadInput(_("That decision button has expired. `/pilot report` shows it again."))
    if pilot.status == "running":  # extended since this report: another one comes
        raise BadInput(_("The {tool} pilot was extended to {day}; its new report comes then, "
                         "with the buttons to decide.").format(
                             tool=pilot.tool, day=format_day(pilot.ends_on)))
    if pilot.status != "reporting":
        raise BadInput(_("The {tool} pilot was already decided: {decision}.").format(
            tool=pilot.tool, decision=views.choice_word(pilot.decision)))
    pilot.decision, pilot.decided_at = choice, turn.now
    if choice == "extend":
        facts = await register.find(turn.session, pilot.tool_id)
        if facts is not None and facts.blocked:  # failed a point since: out of pilots
            raise BadInput(_("{tool} can't be piloted longer: {blocked}. An admin can override "
                             "with a reason: `/tools override {tool} <point> <reason>`.").format(
                                 tool=pilot.tool, blocked=facts.blocked))
        return [await _extend(turn, pilot)]
    status = "adopted" if choice == "adopt" else "declined"
    # The register keeps one reason, read by every teacher who asks about the tool: in the
    # district's language, as a post to a channel is, not in this coach's; and with no
    # figure of the pilot's waves, which are its coach's alone (a red team's, stop 50: a
    # pilot teacher read "buy-in 33%" and, knowing her own answer, her two colleagues').
    with speaking(DEFAULT):
        reason = _("after its pilot (your coach can tell you more)")
    await register.move(turn.session, ToolMove(pilot.tool_id, status, turn.person.id, turn.now,
                                               reason))
    pilot.status = "decided"
    return [views.decided(pilot, choice, "")]


async def _extend(turn: Turn[Action], pilot: PilotRow) -> Reply:
    """Two more weeks: new check-ins and observations, a new post survey in the last week."""
    weeks_before = service.week_count(pilot)
    pilot.ends_on += EXTENSION
    pilot.status, pilot.post_survey_id, pilot.decision = "running", None, ""
    teachers = await service.teachers_of(turn.session, pilot)
    added = range(weeks_before + 1, service.week_count(pilot) + 1)
    await schedule.plan_observations(turn.session, turn.features, pilot, teachers, added,
                                     turn.now)
    await schedule.plan_checkins(turn.session, pilot, teachers, added, turn.now)
    if turn.features.tool_register is not None:
        await turn.features.tool_register.move(turn.session, ToolMove(
            pilot.tool_id, "", turn.person.id, turn.now,
            decide_by=pilot.ends_on + timedelta(days=7)))
    return views.decided(pilot, "extend", "")
