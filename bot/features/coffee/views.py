"""How Coffee and Curriculum looks: invitations, reminders, briefs, follow-ups and forms.

Teachers read these between classes: short sentences, the time and place first, one tap."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.blocks import Block, Button, Buttons, Context, Fields, Form, Input, Option, Reply, Text
from bot.features.coffee.changes import Followed
from bot.features.coffee.models import CoffeeSeriesRow
from bot.features.coffee.occurrences import CADENCES
from bot.i18n import N_, _, format_date, join, ngettext, weekday_name

INVITE_WHEN = {"day_before": N_("the school day before"), "morning_of": N_("that morning")}
MODES = {"group": N_("Group coffee"), "rotation": N_("1:1 rotation")}
STATUSES = {"paused": N_("paused"), "cancelled": N_("cancelled")}
LOUNGE = N_("the teachers' lounge")  # where a series with no place set meets
NOTE_LABEL = N_("Anything bugging you about tech this week?")
CHECKING = N_("I'll check who is in {cohort} and tell you if I find nobody else there.")


def when(moment: datetime, tz: str) -> str:
    """`Wed 4 Nov at 7:00` (`mié 4 nov a las 7:00`), in the given zone and the current
    language."""
    local = moment.astimezone(ZoneInfo(tz))
    return _("{day} at {time}").format(day=format_date(local, "EEE d MMM"),
                                      time=f"{local.hour}:{local:%M}")


def place_of(series: CoffeeSeriesRow) -> str:
    """Where it happens, as a phrase."""
    return series.place or _(LOUNGE)


def days_of(series: CoffeeSeriesRow) -> str:
    """`Wed`, `Mon and Thu`."""
    names = [weekday_name(int(d), "abbreviated") for d in series.weekdays if d.isdecimal()]
    return join(names) if names else "-"


def invitation(session_id: int, series: CoffeeSeriesRow, starts: datetime, tz: str,
               coach: str) -> Reply:
    """The invitation, with Going / Not this time / Pause until… / Stop inviting me."""
    text = (_("☕ Coffee and Curriculum, {starts} in {series} ({minutes} minutes). {coach} brings "
              "the coffee and wants to hear what's bugging you about tech. Coming?").format(
                starts=when(starts, tz), series=place_of(series), minutes=series.minutes,
                coach=coach))
    value = str(session_id)
    buttons = (Button(_("Going"), "coffee.rsvp.going", value, "primary"),
               Button(_("Not this time"), "coffee.rsvp.no", value),
               Button(_("Pause until…"), "coffee.pause", str(series.id)),
               Button(_("Stop inviting me"), "coffee.optout", "", "danger"))
    return Reply(text, (Text(text, markdown=False), Buttons(buttons)))


def moved(session_id: int, series: CoffeeSeriesRow, starts: datetime, tz: str,
          going: bool, back_on: bool = False) -> Reply:
    """The coach changed (or brought back) a session people were already invited to."""
    news = (_("☕ Change of plan: Coffee and Curriculum is back on {starts} in {series} "
              "({minutes} minutes). ") if back_on else
            _("☕ Change of plan: Coffee and Curriculum is now {starts} in {series} ({minutes} "
              "minutes). "))
    text = (news.format(starts=when(starts, tz), series=place_of(series),
                        minutes=series.minutes)
            + (_("Still coming?") if going else _("Can you make it?")))
    value = str(session_id)
    buttons = (Button(_("Going"), "coffee.rsvp.going", value, "primary"),
               Button(_("Not this time"), "coffee.rsvp.no", value))
    return Reply(text, (Text(text, markdown=False), Buttons(buttons)))


def called_off(starts: datetime, tz: str, coach: str) -> Reply:
    """The coach called off a session people were already invited to."""
    text = _("☕ Change of plan: {coach} called off Coffee and Curriculum on {starts}.").format(
               coach=coach, starts=when(starts, tz))
    return Reply(text, (Text(text, markdown=False),))


def slot_called_off(starts: datetime, tz: str, coach: str) -> Reply:
    """The coach cancelled the 1:1s, and with them one the teacher had agreed to."""
    text = _("☕ Change of plan: {coach} called off the 1:1s, so your 1:1 on {starts} is off."
             ).format(coach=coach, starts=when(starts, tz))
    return Reply(text, (Text(text, markdown=False),))


def note_form(session_id: int) -> Form:
    """The optional one line for the coach."""
    return Form("coffee.note", _("Coffee and Curriculum"), (
        Input("note", _(NOTE_LABEL), required=False,
              placeholder=_("e.g. the document camera keeps freezing")),), submit_label=_("Send"),
        context=str(session_id))


def going(session_id: int, starts: datetime, tz: str) -> list[Reply]:
    """Thanks, and the optional question (a form: Slack shows it as a small window)."""
    text = _("Lovely, see you {starts}. I'll remind you 15 minutes before.").format(
               starts=when(starts, tz))
    button = Button(_("Tell the coach what's bugging you"), "coffee.ask_note", str(session_id))
    return [Reply(text, (Text(text), Buttons((button,))), replace_original=True),
            Reply(_(NOTE_LABEL), (note_form(session_id),), private=True)]


def pause_form(series_id: int, today: date) -> Form:
    """Pause until a date."""
    return Form("coffee.pause", _("Pause Coffee and Curriculum"), (
        Input("until", _("Pause until"), "date", initial=today.isoformat()),),
        submit_label=_("Pause"), context=str(series_id))


def reminder(series: CoffeeSeriesRow, starts: datetime, tz: str) -> Reply:
    """Fifteen minutes to go."""
    text = _("☕ Coffee and Curriculum starts at {value1} in {series}. See you there!").format(
               value1=when(starts, tz).split(' at ')[1], series=place_of(series))
    return Reply(text, (Text(text, markdown=False),))


def followup(session_id: int) -> Reply:
    """After the session: a ticket or a coaching cycle, one tap each."""
    text = _("Thanks for coming to Coffee and Curriculum! Want help with anything from today?")
    buttons = (Button(_("Open a ticket"), "tickets.form", "", "primary"),
               Button(_("Book a coaching cycle"), "coffee.cycle", str(session_id)))
    return Reply(text, (Text(text), Buttons(buttons)))


def keep_question(member_id: int) -> Reply:
    """Asked once after three unanswered invitations; they stay paused unless they say so."""
    text = (_("You've missed the last three Coffee and Curriculum invitations, and that's fine. "
            "I've paused them for now. Want me to keep inviting you?"))
    buttons = (Button(_("Yes, keep inviting me"), "coffee.keep", str(member_id), "primary"),
               Button(_("Stop inviting me"), "coffee.optout", "", "danger"))
    return Reply(text, (Text(text), Buttons(buttons)))


def offer(slot_id: int, starts: datetime, tz: str, coach: str, place: str) -> Reply:
    """A 1:1 slot in the teacher's prep period."""
    text = (_("☕ {coach} would love 20 minutes with you, {starts} in {place}, during your prep. "
              "Does that work?").format(coach=coach, starts=when(starts, tz), place=place))
    buttons = (Button(_("Accept"), "coffee.slot.accept", str(slot_id), "primary"),
               Button(_("Another time"), "coffee.slot.other", str(slot_id)),
               Button(_("Stop inviting me"), "coffee.optout", "", "danger"))
    return Reply(text, (Text(text, markdown=False), Buttons(buttons)))


def brief(series: CoffeeSeriesRow, starts: datetime, tz: str, coming: list[str],
          pains: dict[str, list[str]], tickets: list[str], session_id: int) -> Reply:
    """The coach's brief: who is coming, what's bugging them, their open tickets."""
    head = _("Your Coffee and Curriculum brief for {when}").format(when=when(starts, tz))
    who = ", ".join(coming) if coming else _("Nobody has said yes yet.")
    blocks: list[Block] = [Text(f"**{head}**"), Fields(((_("Coming"), str(len(coming))),
                                                        (_("Where"), place_of(series)))),
                           Text(who, markdown=False)]
    if pains:
        lines = "\n".join(f"{topic}: " + "; ".join(f"“{n}”" for n in notes)
                          for topic, notes in pains.items())
        blocks += [Text(_("**What's bugging them**")), Text(lines, markdown=False)]
    if tickets:
        blocks += [Text(_("**Their open tickets**")), Text("\n".join(tickets), markdown=False)]
    blocks.append(Buttons((Button(_("Mark who came"), "coffee.attendance", str(session_id)),)))
    return Reply(_("{head}: {coming} coming.").format(head=head, coming=len(coming)), tuple(blocks))


def setup_form(schools: list[tuple[int, str]], cohort: str,
               series: CoffeeSeriesRow | None = None) -> Form:
    """`/coffee setup` (and Edit): the cohort, days, cadence, time, place, school, end date."""
    s = series
    school_options = tuple(Option(str(i), name) for i, name in schools)
    return Form("coffee.setup", _("Coffee and Curriculum"), (
        Input("cohort", _("Cohort (channel or team id)"), initial=s.cohort_id if s else cohort),
        Input("mode", _("Kind"), "select", options=_options(MODES),
              initial=s.mode if s else "group"),
        Input("days", _("Day(s)"), placeholder=_("e.g. wed, or mon,thu"),
              initial=_day_words(s.weekdays if s else "2")),
        Input("cadence", _("How often"), "select",
              options=tuple(Option(str(k), _(v)) for k, v in CADENCES.items()),
              initial=str(s.every_weeks) if s else "1"),
        Input("time", _("Start time (school's local time)"),
              initial=_clock(s.start_time) if s else "7:15"),
        Input("minutes", _("Length in minutes"), initial=str(s.minutes) if s else "20"),
        Input("place", _("Place (the lounge, or a video link)"),
              initial=s.place if s else _(LOUNGE)),
        Input("school", _("School"), "select", options=school_options,
              initial=str(s.school_id) if s else (school_options[0].value
                                                  if school_options else "")),
        Input("ends", _("Last day"), "date", initial=s.ends_on.isoformat() if s else ""),
        Input("invite", _("Send invitations"), "select", options=_options(INVITE_WHEN),
              initial=s.invite_when if s else "day_before"),
    ), submit_label=_("Save"), context=f"edit:{s.id}" if s else f"new:{uuid.uuid4()}")


def _options(labels: dict[str, str]) -> tuple[Option, ...]:
    return tuple(Option(k, _(v)) for k, v in labels.items())


def _day_words(weekdays: str) -> str:
    """The days as the form shows them, in the reader's language: `wed`, `lun,jue`."""
    return ",".join(weekday_name(int(d), "abbreviated").lower() for d in weekdays
                    if d.isdecimal())


def _clock(at: time) -> str:
    return f"{at.hour}:{at:%M}"


def series_line(series: CoffeeSeriesRow, next_start: str) -> str:
    """One series in the coach's list."""
    state = _(STATUSES.get(series.status, series.status))
    status = "" if series.status == "active" else f" ({state})"
    return _("**{mode}** for {cohort}{status}: {days} {cadence} at {time}, {place}. "
             "Next: {next_start}.").format(
        mode=_(MODES.get(series.mode, series.mode)), cohort=series.cohort_id, status=status,
        days=days_of(series), cadence=_(CADENCES.get(series.every_weeks, "")),
        time=_clock(series.start_time), place=place_of(series), next_start=next_start)


def series_buttons(series: CoffeeSeriesRow) -> Buttons:
    """Pause or resume, edit, choose guests, cancel."""
    value = str(series.id)
    toggle = (Button(_("Resume"), "coffee.series.resume", value) if series.status == "paused"
              else Button(_("Pause"), "coffee.series.pause", value))
    return Buttons((toggle, Button(_("Edit"), "coffee.series.edit", value),
                    Button(_("Guests…"), "coffee.guests", value),
                    Button(_("Cancel"), "coffee.series.cancel", value, "danger")))


def empty_cohort(series: CoffeeSeriesRow) -> Reply:
    """The coach's series has nobody to invite: the platform lists no one else in it."""
    text = (_("☕ I found nobody else in {cohort_id}, so your Coffee and Curriculum series there "
              "has no one to invite. Is the bot a member of that channel or team? `/coffee` lists "
              "your series, to edit or cancel it.").format(cohort_id=series.cohort_id))
    return Reply(text, (Text(text),))


def confirm_cancel(series: CoffeeSeriesRow, upcoming: int) -> Reply:
    """Cancelling ends a whole series: said plainly, with the way back first."""
    planned = ("" if not upcoming else " " + ngettext(
        "{count} session already planned will be called off, and everyone invited to it "
        "hears so.",
        "{count} sessions already planned will be called off, and everyone invited to them "
        "hears so.", upcoming).format(count=upcoming))
    text = (_("Cancel {mode} for {cohort} for good? No more invitations will go "
              "out.{planned} To stop for a while, pause instead.").format(
                mode=_(MODES.get(series.mode, series.mode)), cohort=series.cohort_id,
                planned=planned))
    value = str(series.id)
    return Reply(text, (Text(text), Buttons((
        Button(_("No, keep it"), "coffee.series.keep", value),
        Button(_("Yes, cancel the series"), "coffee.series.end", value, "danger")))),
        private=True, replace_original=True)


def follow_note(followed: Followed) -> str:
    """What happened to sessions people were already invited to, or nothing."""
    parts = [said.format(count=n) for n, said in (
        (followed.moved, ngettext("{count} session already planned moved",
                                  "{count} sessions already planned moved", followed.moved)),
        (followed.called_off, ngettext("{count} session already planned called off",
                                       "{count} sessions already planned called off",
                                       followed.called_off)),
        (followed.back_on, ngettext("{count} session already planned back on",
                                    "{count} sessions already planned back on",
                                    followed.back_on))) if n]
    if not parts:
        return ""
    heard = "; " + ngettext("{count} invited person hears about it",
                            "{count} invited people hear about it", followed.told).format(
        count=followed.told) if followed.told else ""
    return " (" + join(parts) + heard + ".)"


def say(text: str, replace: bool = False, private: bool = True) -> Reply:
    """A one-sentence reply."""
    return Reply(text, (Text(text),), private=private, replace_original=replace)


def with_context(reply: Reply, note: str) -> Reply:
    """A reply with a small note under it."""
    return Reply(reply.text, (*reply.blocks, Context(note)), reply.private,
                 reply.replace_original)
