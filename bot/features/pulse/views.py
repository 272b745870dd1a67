"""How pulse surveys look: the launch form, the teacher's card, status and results."""

from __future__ import annotations

import uuid
from datetime import date

from bot.blocks import (
    Block,
    Button,
    Buttons,
    Choice,
    Context,
    Fields,
    Form,
    Image,
    Input,
    Option,
    Reply,
    Text,
)
from bot.features.pulse.instruments import Instrument
from bot.features.pulse.models import SurveyRow
from bot.features.pulse.pool import Entry
from bot.features.pulse.results import Report
from bot.features.pulse.service import cohort_of
from bot.features.pulse.stats import ALPHA_MIN_RESPONSES, Construct, alpha_reading
from bot.i18n import (
    N_,
    _,
    format_day,
    format_decimal,
    format_percent,
    format_share,
    ngettext,
    reaches,
)

ANONYMOUS = N_("Your answers are anonymous: your coach sees only totals, and only in groups "
               "of {threshold} people's answers.")
SHARED = N_("When it closes, the totals are shown to everyone asked too, if more than "
            "{threshold} answers were released.")


def day(value: date) -> str:
    """A date as people say it, in their language (bot/i18n.py: format_day)."""
    return format_day(value)


def launch_form(instruments: dict[str, Instrument], channel: str = "") -> Form:
    """The form behind `/pulse start`; its context is a nonce against double submits."""
    fields: list[Input | Choice] = [
        Input("tool", _("Tool being piloted"), placeholder=_("e.g. Nearpod")),
        Input("cohort", _("Cohort: channel or team"), initial=channel,
              placeholder=_("e.g. #nearpod-pilot")),
        Input("closes", _("Closes on"), "date"),
        Input("share", _("Show the results to the cohort after it closes?"), "select",
              options=(Option("no", _("No, only to coaches")), Option("yes", _("Yes"))),
              initial="no")]
    if len(instruments) > 1:
        fields.append(Input("instrument", _("Survey"), "select", initial="tam",
                            options=tuple(Option(i.id, i.title.replace("{tool}", _("a tool")))
                                          for i in instruments.values())))
    return Form("pulse.start", _("Launch a pulse survey"), tuple(fields), _("Launch"),
                context=str(uuid.uuid4()))


def launched(survey: SurveyRow, created: bool, hidden: str = "") -> Reply:
    """Tell the coach what will happen (and what masking hid in the tool's name)."""
    wave = (_("wave {wave} (the previous wave is linked for comparison)") if survey.previous_id
            else _("wave {wave}")).format(wave=survey.wave)
    people = ngettext("{count} person", "{count} people", survey.invited).format(
        count=survey.invited)
    text = (_("The {tool} pulse ({wave}) goes to {people} in {cohort_name} during school hours. "
              "It closes at the end of {closes_on}; I'll send one reminder to those who haven't "
              "answered and bring you the results when it closes.").format(
                tool=survey.tool, wave=wave, people=people, cohort_name=cohort_of(survey),
                closes_on=day(survey.closes_on)) if created
            else _("That {tool} pulse was already launched.").format(tool=survey.tool))
    text = f"{text} {hidden}".strip()
    return Reply(text, (Text(text), Context(_("`/pulse status` for counts, `/pulse close` to "
                                            "end it early."))), private=True)


def card(survey: SurveyRow, instrument: Instrument, context: str,
         answers: Entry | None = None, reminder: bool = False) -> Reply:
    """The teacher's survey: one form, every point labelled, an optional comment."""
    instrument = instrument.spoken(survey.tool)
    options = tuple(Option(str(n), label) for n, label in enumerate(instrument.scale, 1))
    chosen = answers.answers if answers else {}
    fields: list[Input | Choice] = [
        Choice(item.id, item.text, options, selected=str(chosen[item.id])
               if item.id in chosen else None) for item in instrument.items]
    if instrument.comment:
        fields.append(Input("comment", instrument.comment, "textarea", required=False,
                            initial=answers.comment if answers else ""))
    closes = _("It closes at the end of {day}.").format(day=day(survey.closes_on))
    lead = f"{instrument.intro} {closes}"
    if reminder:
        lead = _("A reminder: {text}").format(text=lead)
    form = Form("pulse.answer", instrument.title, tuple(fields), _("Send my answers"), context)
    return Reply(f"{instrument.title}. {lead}",
                 (Text(f"**{instrument.title}**"), Text(lead),
                  Context(_about_answers(survey)), form))


def _about_answers(survey: SurveyRow) -> str:
    """Who sees the answers: the coach, in groups; everyone asked too, where it was promised."""
    said = _(ANONYMOUS).format(threshold=survey.threshold)
    return f"{said} {_(SHARED).format(threshold=survey.threshold)}" if survey.share_results \
        else said


def answered(survey: SurveyRow, context: str, new: bool, commented: bool = False) -> Reply:
    """Thanks, and the way back to change them (only this teacher holds the button)."""
    text = ((_("Thanks, your answers are saved. Your coach sees them only with others', "
               "{threshold} at a time.").format(threshold=survey.threshold) if new else
             _("Your answers are updated.")) +
            _(" You can change them until they are shown with others' (at the latest, the end "
              "of {closes_on}).").format(closes_on=day(survey.closes_on)))
    blocks: tuple[Block, ...] = (Text(text), Buttons((Button(_("Change my answers"), "pulse.change",
                                                             context),)))
    note = _("Before your coach sees your comment, any student's name, id or contact in it "
             "is hidden.")
    return Reply(text, (*blocks, Context(note)) if commented else blocks, private=True)


def thanks_for_answering(survey: SurveyRow) -> Reply:
    """What someone who answered gets on the reminder's day, instead of the reminder."""
    text = _("Thanks for answering the {tool} pulse: there is nothing more to do. Your coach "
             "sees answers only {threshold} at a time, together.").format(
                 tool=survey.tool, threshold=survey.threshold)
    return Reply(text, (Text(text),), private=True)


def status(survey: SurveyRow, released: int) -> Reply:
    """Released answers only: a live count would tell the coach when each person answered."""
    state = _("closed") if survey.closed_at else _("open until the end of {day}").format(
        day=day(survey.closes_on))
    text = (_("{tool} pulse, wave {wave} ({cohort_name}): {state}; {invited} invited, {released} "
              "answers released.").format(
                tool=survey.tool, wave=survey.wave, cohort_name=cohort_of(survey), state=state,
                invited=survey.invited, released=released))
    more = (_("Answers are released {threshold} at a time, so no one's can be picked out; "
              "answers waiting for the next group aren't counted here.").format(
                  threshold=survey.threshold) +
            (" " + _("Results: `/pulse results {tool}`.").format(tool=survey.tool)
             if released else ""))
    return Reply(text, (Text(text), Context(more)), private=True)


def results(report: Report, for_cohort: bool = False) -> Reply:
    """The figures, or why there are none yet."""
    survey = report.survey
    title = _("{tool} pulse, wave {wave} ({cohort_name})").format(
                tool=survey.tool, wave=survey.wave, cohort_name=cohort_of(survey))
    if not report.shown:
        text = (_("{title}: no results yet. To keep answers anonymous I show them only in "
                  "groups of {threshold} people's answers.").format(
                      title=title, threshold=report.threshold) + " " + _held_back(report)).strip()
        return Reply(text, (Text(text),), private=True)
    blocks: list[Block] = [Text(_("**{title}**: {n} answers released of {invited} invited").format(
                                    title=title, n=report.n, invited=survey.invited)),
                           Fields(tuple(_construct_line(report, c, for_cohort)
                                        for c in report.constructs)),
                           Text(_buy_in(report))]
    if not for_cohort:  # who answered reads means and agreement only (stop 55)
        blocks.append(Text(_consistency(report)))
    if report.chart and not for_cohort:
        blocks.append(Image(*report.chart))
    if report.comments and not for_cohort:
        blocks.append(Text(_("What teachers wrote, in no particular order:")))
        blocks.append(Text("\n".join(f"• {c}" for c in report.comments), markdown=False))
    if held := _held_back(report):
        blocks.append(Context(held))
    blocks.append(Context(_("Totals only, released {threshold} answers at a time; agreeing means "
                            "5 or more on the 7-point scale.").format(threshold=report.threshold)))
    return Reply(_("{title}: results").format(title=title), tuple(blocks), private=not for_cohort)


def _held_back(report: Report) -> str:
    """Why some answers are missing: still waiting while open, held back once closed."""
    survey = report.survey
    if survey.closed_at is None:
        return _("While the survey is open, answers are released {threshold} at a time.").format(
            threshold=report.threshold)
    if not survey.held_back:
        return ""
    return ngettext("{count} answer was not released: fewer than {threshold} came after the "
                    "last group, and showing them would let anyone comparing the figures read "
                    "them.",
                    "{count} answers were not released: fewer than {threshold} came after the "
                    "last group, and showing them would let anyone comparing the figures read "
                    "them.", survey.held_back).format(count=survey.held_back,
                                                       threshold=report.threshold)


def _construct_line(report: Report, c: Construct, for_cohort: bool = False) -> tuple[str, str]:
    # Not the spread for those who answered: with the mean and her own answer, it would tell a
    # teacher how her colleagues' answers lie (a red team's, stop 55).
    value = (_("mean {mean} of 7, {agree} agree") if for_cohort else
             _("mean {mean} of 7 (sd {sd}), {agree} agree")).format(
        mean=format_decimal(c.mean, "0.0"), sd=format_decimal(c.sd, "0.0"),
        # Intention to use is read against the target: never "85% agree" beside "84.8% ...
        # below the 85% target" (a red team's, stop 57).
        agree=format_share(c.agree, report.target) if report.buy_in is c
        else format_percent(c.agree))
    if c.code in report.previous:
        value += _(", {change} since wave {wave}").format(
            change=format_decimal(c.mean - report.previous[c.code], "+0.0;-0.0"),
            wave=report.previous_wave)
    return (f"{c.name.capitalize()} ({c.code})", value)


def _buy_in(report: Report) -> str:
    c = report.buy_in
    if c is None:
        return ""
    sentence = (_("Buy-in: {share} intend to keep using {tool}, which meets the {target}% target.")
                if reaches(c.agree, report.target) else
                _("Buy-in: {share} intend to keep using {tool}, which is below the {target}% "
                  "target."))
    return sentence.format(share=format_share(c.agree, report.target), tool=report.survey.tool,
                           target=report.target)


def _consistency(report: Report) -> str:
    lines = [_("{code}: alpha {alpha}, {alpha2}").format(
                 code=c.code, alpha=format_decimal(c.alpha, "0.00"),
                 alpha2=alpha_reading(c.alpha)) if c.alpha is not None
             else f"{c.code}: {alpha_reading(None)}" if c.n >= ALPHA_MIN_RESPONSES
             else _("{code}: needs {ALPHA_MIN_RESPONSES} answers to judge").format(
                      code=c.code, ALPHA_MIN_RESPONSES=ALPHA_MIN_RESPONSES)
             for c in report.constructs]
    return _("How consistently the statements were answered (Cronbach's alpha): {lines}.").format(
        lines="; ".join(lines))
