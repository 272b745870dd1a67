"""How a coach's record looks, in the coach's language: the summary, the CSV, the workshop
form, a workshop just added."""

from __future__ import annotations

import secrets

from bot.blocks import Block, Context, Form, Input, Option, Reply, Text, say
from bot.features.portfolio import labels
from bot.features.portfolio.models import WorkshopRow
from bot.i18n import _, format_date, ngettext

CHAT_LIMIT = 2800  # what one chat message holds comfortably (Slack's blocks stop at 3000)


def summary(text: str) -> Reply:
    """The readable summary."""
    head, _rest, rest = text.partition("\n")
    said = _("Your record: {summary}")
    blocks: list[Block] = [Text(said.format(summary=head), markdown=False)]
    if rest:
        blocks.append(Text(rest, markdown=False))
    blocks.append(Context(_("`/portfolio csv` for the same as CSV; `/portfolio workshop` adds "
                            "a workshop or PD session.")))
    return Reply(said.format(summary=text), tuple(blocks), private=True)


def as_csv(data: str, rows: int) -> Reply:
    """The CSV, to copy; cut short in chat when long."""
    shown = data if len(data) <= CHAT_LIMIT else data[:data.rfind("\n", 0, CHAT_LIMIT) + 1]
    note = (ngettext("{count} line as CSV (copy it into a spreadsheet).",
                     "{count} lines as CSV (copy them into a spreadsheet).", rows)
            if shown == data else
            _("The first lines of {count}: a shorter range shows the rest, e.g. `/portfolio csv "
              "2027-01-01..2027-03-31`.")).format(count=rows)
    return Reply(shown, (Context(note), Text(shown, markdown=False)), private=True)


def saved(row: WorkshopRow, replace: bool = False) -> Reply:
    """A workshop or PD session just added (in place of its form's card, with `replace`)."""
    text = (_("PD session added to your record: “{title}”, {day}, {attendees}, {hours}.")
            if row.kind == "pd" else
            _("Workshop added to your record: “{title}”, {day}, {attendees}, {hours}."))
    return say(text.format(title=row.title, day=format_date(row.held_on, "long"),
                           attendees=labels.attendees(row.attendees),
                           hours=labels.hours(row.hours)), replace=replace)


def workshop_form() -> Form:
    """A workshop or PD session to add; its context names this one form."""
    return Form("portfolio.workshop", _("Add a workshop or PD session"), (
        Input("title", _("Title"), placeholder=_("e.g. Nearpod basics")),
        Input("kind", _("Kind"), "select", initial="workshop", options=(
            Option("workshop", _("Workshop")),
            Option("pd", _("PD session (professional development)")))),
        Input("held_on", _("Date"), "date"),
        Input("attendees", _("Attendees"), required=False, placeholder=_("e.g. 14")),
        Input("hours", _("Hours"), required=False, placeholder=_("e.g. 1.5")),
    ), submit_label=_("Add"), context=secrets.token_urlsafe(12))
