"""How pilots look: the start, the list, the observation and check-in messages, the report
and the decision, in the reader's language."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.blocks import Block, Button, Buttons, Context, Fields, Form, Input, Reply, Text
from bot.features.pilots.models import ObservationRow, PilotRow
from bot.features.pilots.report import PilotReport
from bot.hooks.year import BuyIn
from bot.i18n import (
    N_,
    _,
    format_date,
    format_day,
    format_percent,
    format_share,
    format_time,
    ngettext,
)

DECISIONS = {"adopt": N_("Adopt"), "extend": N_("Extend two weeks"), "drop": N_("Drop")}
# A recommendation or a decision, said in a sentence ("Recommendation: extend").
CHOICE_WORDS = {"adopt": N_("adopt"), "extend": N_("extend"), "drop": N_("drop")}


def day(value: date) -> str:
    """"Tuesday 8 December" ("martes 8 de diciembre")."""
    return format_day(value)


def moment(value: datetime, tz: str) -> str:
    """"Tuesday 8 December at 09:30" in a zone."""
    local = value.astimezone(ZoneInfo(tz))
    return _("{day} at {time}").format(day=day(local.date()), time=format_time(local, "HH:mm"))


def choice_word(choice: str) -> str:
    """A recommendation or decision as a word of the reader's language."""
    return _(CHOICE_WORDS[choice]) if choice in CHOICE_WORDS else choice


def dates(pilot: PilotRow) -> str:
    """"Monday 30 November to Sunday 27 December"."""
    return _("{first} to {last}").format(first=day(pilot.starts_on), last=day(pilot.ends_on))


def cohort_name(pilot: PilotRow) -> str:
    """The pilot's cohort as its pulse waves name it to the coach ("the Blooket pilot")."""
    return _("the {tool} pilot").format(tool=pilot.tool)


def started(pilot: PilotRow, names: list[str], slots: list[str], warning: str) -> Reply:
    """What the coach is told when a pilot starts."""
    text = _("The {tool} pilot runs {dates} with {names}.").format(
        tool=pilot.tool, dates=dates(pilot), names=", ".join(names))
    planned = ngettext("{count} planned", "{count} planned", len(slots)).format(count=len(slots))
    plan = [ngettext("Pre survey (TAM wave 1) goes to the {count} teacher on day one; the post "
                     "survey in the last week.",
                     "Pre survey (TAM wave 1) goes to the {count} teachers on day one; the post "
                     "survey in the last week.", len(names)).format(count=len(names)),
            _("A one-line check-in (\u201canything break this week?\u201d) on each week's last "
              "school day."),
            _("Tickets and questions naming the tool are gathered per day and class period."),
            (_("Two observation slots a week in your free time: {planned}, the first {first}.")
             .format(planned=planned, first=slots[0]) if slots else
             _("Two observation slots a week in your free time: {planned}.").format(
                 planned=planned))]
    blocks: list[Block] = [Text(text, markdown=False), Text("\n".join(f"• {p}" for p in plan))]
    if warning:
        blocks.append(Context(warning))
    return Reply(text, tuple(blocks), private=True)


def listing(pilots: list[PilotRow], lines: dict[int, str], staff: bool) -> Reply:
    """A person's pilots, one line each."""
    if not pilots:
        text = (_("No pilots yet. `/pilot start <tool> with @a @b @c for 4 weeks` starts one.")
                if staff else _("You aren't in a tool pilot right now."))
        return Reply(text, (Text(text),), private=True)
    body = "\n".join(f"• {lines[p.id]}" for p in pilots)
    hint = _("`/pilot report <tool>` for a pilot's report so far.") if staff else \
        _("Your check-in comes on each week's last school day.")
    title = _("Pilots")
    return Reply(f"{title}\n{body}", (Text(f"**{title}**"), Text(body, markdown=False),
                                      Context(hint)), private=True)


def observation_notice(row: ObservationRow, pilot: PilotRow, coach: str, tz: str) -> Reply:
    """To the teacher, the school day before: when the coach comes to watch."""
    text = _("{coach} will visit your class {when} to see {tool} in use (pilot week {week}). "
             "Nothing to prepare; teach as you would.").format(
        coach=coach, when=moment(row.starts_at, tz), tool=pilot.tool, week=row.week)
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button(_("Another time"), "pilots.move", str(row.id)),))))


def visit(row: ObservationRow, pilot: PilotRow, teacher: str, tz: str) -> Reply:
    """To the coach, that day: the observation, with a place for the note."""
    text = _("Observation {when}: {teacher}'s class using {tool} (pilot week {week}). Count "
             "time on task in 5-minute intervals.").format(
        when=moment(row.starts_at, tz), teacher=teacher, tool=pilot.tool, week=row.week)
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button(_("Add my note"), "pilots.observed", str(row.id), "primary"),
        Button(_("Another time"), "pilots.move", str(row.id))))))


def note_form(row: ObservationRow, teacher: str) -> Form:
    """The coach's observation note."""
    return Form("pilots.observed", _("Observation: {teacher}").format(teacher=teacher), (
        Input("note", _("What you saw (the tool, the students, anything that broke)"),
              "textarea"),
        Input("on_task", _("Intervals on task, e.g. 7 of 9"), required=False)),
        submit_label=_("Save note"), context=str(row.id))


def checkin(pilot: PilotRow, week: int) -> Reply:
    """The weekly one-line check-in, as a form."""
    text = _("{tool} pilot, week {week}: anything break this week? One line is plenty.").format(
        tool=pilot.tool, week=week)
    form = Form("pilots.checkin", text, (
        Input("text", _("Anything break this week?"), required=False,
              placeholder=_("e.g. froze twice in 3rd period; kids loved it")),),
        submit_label=_("Send"), context=f"{pilot.id}:{week}")
    return Reply(text, (form,))


def wave_line(label: str, wave: BuyIn | None) -> str:
    """One survey's buy-in, or why it isn't shown."""
    if wave is None:
        return _("{label}: not run yet").format(label=label)
    if not wave.shown:
        held = ngettext("; {count} held back at the close", "; {count} held back at the close",
                        wave.held_back).format(count=wave.held_back) if wave.held_back else ""
        return _("{label}: not shown, {answers} released of {invited} asked (figures show from "
                 "{threshold} answers, for anonymity{held})").format(
            label=label, answers=wave.answers, invited=wave.invited, threshold=wave.threshold,
            held=held)
    assert wave.agree is not None
    said = (_("{label}: {agree} agree they'll keep using it, meets the {target} target")
            if wave.meets else
            _("{label}: {agree} agree they'll keep using it, below the {target} target"))
    return said.format(label=label, agree=format_share(wave.agree, wave.target),
                       target=format_percent(wave.target / 100))


def _error_log(found: PilotReport) -> list[Block]:
    """The error log: its count, each day's periods, and the periods that make a pattern."""
    errors = found.errors
    days = "\n".join(f"• {format_date(d, 'EEE d MMM')}: " + ", ".join(
        f"{when.label()} ({n})" for when, n in sorted(
            c.items(), key=lambda item: (not item[0].named, item[0])))
        for d, c in errors.by_day.items())
    reports = ngettext("{count} report", "{count} reports", len(errors.entries)).format(
        count=len(errors.entries))
    tickets = ngettext("{count} ticket", "{count} tickets", errors.tickets).format(
        count=errors.tickets)
    blocks: list[Block] = [Text(_("**Error log**: {reports} ({tickets})").format(
        reports=reports, tickets=tickets) + (f"\n{days}" if days else ""))]
    patterns = "\n".join("• " + _("{period}: {count} reports on {days} different days, a "
                                  "pattern").format(period=when.label(), count=n, days=d)
                         for when, n, d in errors.patterns)
    if patterns:
        blocks.append(Text(_("**Patterns**") + "\n" + patterns))
    return blocks


def _themes(found: PilotReport) -> list[Block]:
    """What the check-ins kept saying (the samples are what teachers typed: shown as typed)."""
    if not found.themes and not found.quiet:
        return []
    lines = [f"• {_(t.name)} ({t.count}): \u201c{t.sample}\u201d" for t in found.themes]
    lines.append("• " + _("nothing broke ({count})").format(count=found.quiet))
    return [Text(_("**Check-in themes**")), Text("\n".join(lines), markdown=False)]


def report(found: PilotReport, final: bool) -> Reply:
    """The pilot report; at the end, with the buttons for the coach's decision."""
    pilot = found.pilot
    title = (_("{tool} pilot report") if final else _("{tool} pilot report (so far)")).format(
        tool=pilot.tool)
    observed = _("{observed} of {planned} noted").format(observed=found.observed,
                                                         planned=found.observations)
    if found.on_task:
        observed = _("{observed}; on task {intervals}").format(
            observed=observed, intervals=", ".join(found.on_task))
    blocks: list[Block] = [
        Text(f"**{title}**"),
        Fields(((_("Dates"), dates(pilot)), (_("Teachers"), str(found.teachers)),
                (_("Check-ins"), _("{done} of {expected}").format(
                    done=found.checkins, expected=found.expected_checkins)),
                (_("Observations"), observed))),
        Text(_("**Buy-in (TAM)**") + "\n" + wave_line(_("Before (wave 1)"), found.pre) + "\n"
             + wave_line(_("After (last wave)"), found.post), markdown=True),
        *_error_log(found), *_themes(found)]
    word = choice_word(found.recommendation)
    text = _("{title}. Recommendation: {choice} ({why}).").format(title=title, choice=word,
                                                                  why=found.why)
    blocks.append(Text(_("**Recommendation: {choice}**: {why}.").format(choice=word,
                                                                        why=found.why)))
    if final and pilot.status == "reporting":
        blocks.append(Buttons(tuple(
            Button(_(label), "pilots.decide", f"{pilot.id}:{choice}",
                   "primary" if choice == found.recommendation else "default")
            for choice, label in DECISIONS.items())))
    return Reply(text, tuple(blocks), private=True)


def decided(pilot: PilotRow, choice: str, told: str) -> Reply:
    """What the coach's decision did."""
    said = {"adopt": N_("{tool} is adopted. The quarterly TAM pulse to its users starts in a "
                        "quarter, and the teachers who asked for it hear the news."),
            "extend": N_("The {tool} pilot runs two more weeks, to {day}: check-ins and "
                         "observations continue, and a new post survey goes out in the new "
                         "last week."),
            "drop": N_("{tool} is not adopted; the teachers who asked for it hear why.")}
    text = _(said[choice]).format(tool=pilot.tool, day=day(pilot.ends_on)) + (
        f" {told}" if told else "")
    return Reply(text, (Text(text, markdown=False),), replace_original=True)
