"""How pilots look: the start, the list, the observation and check-in messages, the report
and the decision."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.blocks import Block, Button, Buttons, Context, Fields, Form, Input, Reply, Text
from bot.features.pilots.models import ObservationRow, PilotRow
from bot.features.pilots.report import PilotReport
from bot.hooks import BuyIn

DECISIONS = {"adopt": "Adopt", "extend": "Extend two weeks", "drop": "Drop"}


def day(value: date) -> str:
    """"Tuesday 8 December"."""
    return f"{value:%A} {value.day} {value:%B}"


def moment(value: datetime, tz: str) -> str:
    """"Tuesday 8 December at 09:30" in a zone."""
    local = value.astimezone(ZoneInfo(tz))
    return f"{day(local.date())} at {local:%H:%M}"


def started(pilot: PilotRow, names: list[str], slots: list[str], warning: str) -> Reply:
    """What the coach is told when a pilot starts."""
    text = (f"The {pilot.tool} pilot runs {day(pilot.starts_on)} to {day(pilot.ends_on)} with "
            f"{', '.join(names)}.")
    plan = [f"Pre survey (TAM wave 1) goes to the {len(names)} teachers on day one; the "
            "post survey in the last week.",
            "A one-line check-in (\u201canything break this week?\u201d) on each week's last "
            "school day.",
            "Tickets and questions naming the tool are gathered per day and class period.",
            f"Two observation slots a week in your free time: {len(slots)} planned"
            + (f", the first {slots[0]}." if slots else ".")]
    blocks: list[Block] = [Text(text, markdown=False), Text("\n".join(f"• {p}" for p in plan))]
    if warning:
        blocks.append(Context(warning))
    return Reply(text, tuple(blocks), private=True)


def listing(pilots: list[PilotRow], lines: dict[int, str], staff: bool) -> Reply:
    """A person's pilots, one line each."""
    if not pilots:
        text = ("No pilots yet. `/pilot start <tool> with @a @b @c for 4 weeks` starts one."
                if staff else "You aren't in a tool pilot right now.")
        return Reply(text, (Text(text),), private=True)
    body = "\n".join(f"• {lines[p.id]}" for p in pilots)
    hint = "`/pilot report <tool>` for a pilot's report so far." if staff else \
        "Your check-in comes on each week's last school day."
    return Reply(f"Pilots\n{body}", (Text("**Pilots**"), Text(body, markdown=False),
                                     Context(hint)), private=True)


def observation_notice(row: ObservationRow, pilot: PilotRow, coach: str, tz: str) -> Reply:
    """To the teacher, the school day before: when the coach comes to watch."""
    text = (f"{coach} will visit your class {moment(row.starts_at, tz)} to see {pilot.tool} "
            f"in use (pilot week {row.week}). Nothing to prepare; teach as you would.")
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button("Another time", "pilots.move", str(row.id)),))))


def visit(row: ObservationRow, pilot: PilotRow, teacher: str, tz: str) -> Reply:
    """To the coach, that day: the observation, with a place for the note."""
    text = (f"Observation {moment(row.starts_at, tz)}: {teacher}'s class using {pilot.tool} "
            f"(pilot week {row.week}). Count time on task in 5-minute intervals.")
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button("Add my note", "pilots.observed", str(row.id), "primary"),
        Button("Another time", "pilots.move", str(row.id))))))


def note_form(row: ObservationRow, teacher: str) -> Form:
    """The coach's observation note."""
    return Form("pilots.observed", f"Observation: {teacher}", (
        Input("note", "What you saw (the tool, the students, anything that broke)",
              "textarea"),
        Input("on_task", "Intervals on task, e.g. 7 of 9", required=False)),
        submit_label="Save note", context=str(row.id))


def checkin(pilot: PilotRow, week: int) -> Reply:
    """The weekly one-line check-in, as a form."""
    text = f"{pilot.tool} pilot, week {week}: anything break this week? One line is plenty."
    form = Form("pilots.checkin", text, (
        Input("text", "Anything break this week?", required=False,
              placeholder="e.g. froze twice in 3rd period; kids loved it"),),
        submit_label="Send", context=f"{pilot.id}:{week}")
    return Reply(text, (form,))


def wave_line(label: str, wave: BuyIn | None) -> str:
    """One survey's buy-in, or why it isn't shown."""
    if wave is None:
        return f"{label}: not run yet"
    if not wave.shown:
        held = f"; {wave.held_back} held back at the close" if wave.held_back else ""
        return (f"{label}: not shown, {wave.answers} released of {wave.invited} asked (figures "
                f"show from {wave.threshold} answers, for anonymity{held})")
    assert wave.agree is not None
    mark = "meets" if wave.meets else "below"
    return (f"{label}: {wave.agree:.0%} agree they'll keep using it, {mark} the "
            f"{wave.target}% target")


def report(found: PilotReport, final: bool) -> Reply:
    """The pilot report; at the end, with the buttons for the coach's decision."""
    pilot = found.pilot
    title = f"{pilot.tool} pilot report" + ("" if final else " (so far)")
    errors = found.errors
    days = "\n".join(f"• {d:%a} {d.day} {d:%b}: " + ", ".join(
        f"{p} ({n})" for p, n in sorted(c.items())) for d, c in errors.by_day.items())
    patterns = "\n".join(f"• {p}: {n} reports on {d} different days, a pattern"
                         for p, n, d in errors.patterns)
    themes = "\n".join(f"• {t.name} ({t.count}): \u201c{t.sample}\u201d" for t in found.themes)
    blocks: list[Block] = [
        Text(f"**{title}**"),
        Fields((("Dates", f"{day(pilot.starts_on)} to {day(pilot.ends_on)}"),
                ("Teachers", str(found.teachers)),
                ("Check-ins", f"{found.checkins} of {found.expected_checkins}"),
                ("Observations", f"{found.observed} of {found.observations} noted"
                 + (f"; on task {', '.join(found.on_task)}" if found.on_task else "")))),
        Text("**Buy-in (TAM)**\n" + wave_line("Before (wave 1)", found.pre) + "\n"
             + wave_line("After (last wave)", found.post), markdown=True),
        Text(f"**Error log**: {len(errors.entries)} reports ({errors.tickets} "
             f"ticket{'s' if errors.tickets != 1 else ''})"
             + (f"\n{days}" if days else "")),
    ]
    if patterns:
        blocks.append(Text("**Patterns**\n" + patterns))
    if themes or found.quiet:  # the samples are what teachers typed: shown as typed
        blocks += [Text("**Check-in themes**"),
                   Text((themes + "\n" if themes else "") + f"• nothing broke ({found.quiet})",
                        markdown=False)]
    text = f"{title}. Recommendation: {found.recommendation} ({found.why})."
    blocks.append(Text(f"**Recommendation: {found.recommendation}**: {found.why}."))
    if final and pilot.status == "reporting":
        blocks.append(Buttons(tuple(
            Button(label, "pilots.decide", f"{pilot.id}:{choice}",
                   "primary" if choice == found.recommendation else "default")
            for choice, label in DECISIONS.items())))
    return Reply(text, tuple(blocks), private=True)


def decided(pilot: PilotRow, choice: str, told: str) -> Reply:
    """What the coach's decision did."""
    said = {"adopt": f"{pilot.tool} is adopted. The quarterly TAM pulse to its users starts "
                     "in a quarter, and the teachers who asked for it hear the news.",
            "extend": f"The {pilot.tool} pilot runs two more weeks, to {day(pilot.ends_on)}: "
                      "check-ins and observations continue, and a new post survey goes out "
                      "in the new last week.",
            "drop": f"{pilot.tool} is not adopted; the teachers who asked for it hear why."}
    text = said[choice] + (f" {told}" if told else "")
    return Reply(text, (Text(text, markdown=False),), replace_original=True)
