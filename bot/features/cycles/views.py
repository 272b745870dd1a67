"""How coaching cycles look: the plan, the list, each step's prompt and reminder."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.blocks import Block, Button, Buttons, Context, Form, Reply, Text
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.cycles.steps import BY_NUMBER


def moment(value: datetime, tz: str) -> str:
    """"Tuesday 2 March at 10:15" in a zone."""
    local = value.astimezone(ZoneInfo(tz))
    return f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"


def step_lines(steps: list[CycleStepRow], tz: str) -> str:
    """One line per step: its name, when, and whether it is done."""
    return "\n".join(f"• {s.step}. {BY_NUMBER[s.step].name}: {moment(s.starts_at, tz)}"
                     + (" (done)" if s.status == "done" else "") for s in steps)


def planned(cycle: CycleRow, teacher: str, steps: list[CycleStepRow], tz: str) -> Reply:
    """The coach's view of a cycle just planned."""
    source = f" (from {cycle.source})" if cycle.source else ""
    text = f"Coaching cycle with {teacher}{source}: four steps in their prep periods."
    return Reply(text, (Text(text, markdown=False), Text(step_lines(steps, tz)),
                        Context("Each prompt reaches the teacher in their prep period the "
                                "school day before; you're reminded on the day.")),
                 private=True)


def requested_for_coach(cycle: CycleRow, teacher: str) -> Reply:
    """A teacher asked for a cycle: the coach plans it with one click."""
    text = f"{teacher} would like to book a coaching cycle (asked after {cycle.source})."
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button("Plan the four steps", "cycles.plan", str(cycle.id), "primary"),))))


def requested_for_teacher(coach: str) -> Reply:
    """What the teacher who asked is told."""
    text = (f"Lovely! {coach} will be in touch to plan your four-week coaching cycle: a "
            "goal-setting conference, a model lesson, co-teaching and a debrief, each in your "
            "prep period.")
    return Reply(text, (Text(text, markdown=False),), replace_original=True)


def prompt(cycle: CycleRow, row: CycleStepRow, coach: str, tz: str) -> Reply:
    """To the teacher, the school day before a step: what it is and its prompt, as a form."""
    step = BY_NUMBER[row.step]
    text = (f"Coaching cycle, step {row.step} of 4: {step.name} with {coach}, "
            f"{moment(row.starts_at, tz)}. {step.prompt}")
    form = Form("cycles.step", f"Step {row.step}: {step.name}", step.fields,
                submit_label="Send to my coach", context=str(row.id))
    return Reply(text, (Text(text, markdown=False), form, Buttons((
        Button("Another time", "cycles.move", str(row.id)),))))


def reminder(cycle: CycleRow, row: CycleStepRow, teacher: str, tz: str) -> Reply:
    """To the coach, on the day of a step."""
    step = BY_NUMBER[row.step]
    goal = f" Goal: {cycle.goal}. Target: {cycle.target}." if cycle.goal else ""
    text = (f"Today {moment(row.starts_at, tz)}: step {row.step} of 4 with {teacher}, "
            f"{step.name}.{goal}")
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button("Done", "cycles.done", str(row.id), "primary"),
        Button("Another time", "cycles.move", str(row.id))))))


def listing(lines: list[str], staff: bool) -> Reply:
    """A person's cycles, one paragraph each."""
    if not lines:
        text = ("No coaching cycles. `/cycle start @teacher` plans one." if staff
                else "You have no coaching cycle. Ask for one after a Coffee and Curriculum "
                     "chat, or ask your coach.")
        return Reply(text, (Text(text),), private=True)
    blocks: list[Block] = [Text("**Coaching cycles**")]
    blocks += [Text(line, markdown=False) for line in lines]
    return Reply("Coaching cycles\n" + "\n".join(lines), tuple(blocks), private=True)


def notice(text: str) -> Reply:
    """A message to someone that carries what another person typed (shown as typed)."""
    return Reply(text, (Text(text, markdown=False),))
