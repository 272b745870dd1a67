"""How coaching cycles look: the plan, the list, each step's prompt and reminder, in the
language of whoever reads them (a cycle's status is stored in English and shown here)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.blocks import Block, Button, Buttons, Context, Form, Reply, Text
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.cycles.steps import BY_NUMBER
from bot.i18n import N_, _, format_day, format_time

# A cycle in the list: the teacher and where the cycle stands, whole, so each language can
# make the status agree with its word for a cycle.
HEADS = {"requested": N_("With {teacher}: requested"), "planned": N_("With {teacher}: planned"),
         "done": N_("With {teacher}: done"), "cancelled": N_("With {teacher}: cancelled")}


def moment(value: datetime, tz: str) -> str:
    """"Tuesday 2 March at 10:15" ("martes 2 de marzo a las 10:15") in a zone."""
    local = value.astimezone(ZoneInfo(tz))
    return _("{day} at {time}").format(day=format_day(local), time=format_time(local, "HH:mm"))


def step_lines(steps: list[CycleStepRow], tz: str) -> str:
    """One line per step: its name, when, and whether it is done."""
    return "\n".join(f"• {s.step}. {BY_NUMBER[s.step].title()}: {moment(s.starts_at, tz)}"
                     + (" " + _("(done)") if s.status == "done" else "") for s in steps)


def head(cycle: CycleRow, teacher: str) -> str:
    """A cycle's first line in the list: with whom, where it stands, and its goal."""
    line = _(HEADS[cycle.status]).format(teacher=teacher)
    return line + (". " + _("Goal: {goal}").format(goal=cycle.goal) if cycle.goal else "")


def planned(cycle: CycleRow, teacher: str, steps: list[CycleStepRow], tz: str) -> Reply:
    """The coach's view of a cycle just planned."""
    text = (_("Coaching cycle with {teacher} (from {source}): four steps in their prep "
              "periods.") if cycle.source else
            _("Coaching cycle with {teacher}: four steps in their prep periods.")).format(
                teacher=teacher, source=cycle.source)
    return Reply(text, (Text(text, markdown=False), Text(step_lines(steps, tz)),
                        Context(_("Each prompt reaches the teacher in their prep period the "
                                  "school day before; you're reminded on the day."))),
                 private=True)


def requested_for_coach(cycle: CycleRow, teacher: str) -> Reply:
    """A teacher asked for a cycle: the coach plans it with one click."""
    text = (_("{teacher} would like to book a coaching cycle (asked after {source}).")
            if cycle.source else _("{teacher} would like to book a coaching cycle.")).format(
                teacher=teacher, source=cycle.source)
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button(_("Plan the four steps"), "cycles.plan", str(cycle.id), "primary"),))))


def requested_for_teacher(coach: str) -> Reply:
    """What the teacher who asked is told."""
    text = _("Lovely! {coach} will be in touch to plan your four-week coaching cycle: a "
             "goal-setting conference, a model lesson, co-teaching and a debrief, each in your "
             "prep period.").format(coach=coach)
    return Reply(text, (Text(text, markdown=False),), replace_original=True)


def requested_of_coaches() -> Reply:
    """What a teacher is told when no coach is named: every coach heard of it."""
    text = _("Lovely! I've passed your request to the coaches: one of them will plan your "
             "four-week coaching cycle with you (a goal-setting conference, a model lesson, "
             "co-teaching and a debrief, each in your prep period).")
    return Reply(text, (Text(text, markdown=False),), replace_original=True)


def asked_already(cycle: CycleRow, coach: str) -> Reply:
    """The same request again while its cycle is open: nothing new is filed."""
    text = (_("Your coaching cycle with {coach} is already under way. `/cycle` shows its "
              "steps.") if cycle.status == "planned" else
            _("You've already asked for a coaching cycle; it's waiting for a coach to plan "
              "it. `/cycle` shows where it stands.")).format(coach=coach)
    return Reply(text, (Text(text, markdown=False),), replace_original=True)


def prompt(cycle: CycleRow, row: CycleStepRow, coach: str, tz: str) -> Reply:
    """To the teacher, the school day before a step: what it is and its prompt, as a form."""
    step = BY_NUMBER[row.step]
    text = _("Coaching cycle, step {number} of 4: {step} with {coach}, {when}. {question}"
             ).format(number=row.step, step=step.title(), coach=coach,
                      when=moment(row.starts_at, tz), question=step.question())
    form = Form("cycles.step", _("Step {number}: {step}").format(number=row.step,
                                                                 step=step.title()),
                step.form_fields(), submit_label=_("Send to my coach"), context=str(row.id))
    return Reply(text, (Text(text, markdown=False), form, Buttons((
        Button(_("Another time"), "cycles.move", str(row.id)),))))


def reminder(cycle: CycleRow, row: CycleStepRow, teacher: str, tz: str) -> Reply:
    """To the coach, on the day of a step."""
    step = BY_NUMBER[row.step]
    text = _("Today {when}: step {number} of 4 with {teacher}, {step}.").format(
        when=moment(row.starts_at, tz), number=row.step, teacher=teacher, step=step.title())
    if cycle.goal:
        text += " " + _("Goal: {goal}. Target: {target}.").format(goal=cycle.goal,
                                                                  target=cycle.target)
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button(_("Done"), "cycles.done", str(row.id), "primary"),
        Button(_("Another time"), "cycles.move", str(row.id))))))


def listing(lines: list[str], staff: bool) -> Reply:
    """A person's cycles, one paragraph each."""
    if not lines:
        text = (_("No coaching cycles. `/cycle start @teacher` plans one.") if staff
                else _("You have no coaching cycle. Ask for one after a Coffee and Curriculum "
                       "chat, or ask your coach."))
        return Reply(text, (Text(text),), private=True)
    heading = _("Coaching cycles")
    blocks: list[Block] = [Text(f"**{heading}**")]
    blocks += [Text(line, markdown=False) for line in lines]
    return Reply(heading + "\n" + "\n".join(lines), tuple(blocks), private=True)


def notice(text: str) -> Reply:
    """A message to someone that carries what another person typed (shown as typed)."""
    return Reply(text, (Text(text, markdown=False),))
