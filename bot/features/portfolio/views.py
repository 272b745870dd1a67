"""How a coach's record looks: the summary, the CSV, the workshop form."""

from __future__ import annotations

from bot.blocks import Block, Context, Form, Input, Option, Reply, Text

CHAT_LIMIT = 2800  # what one chat message holds comfortably (Slack's blocks stop at 3000)


def summary(text: str) -> Reply:
    """The readable summary."""
    head, _, rest = text.partition("\n")
    blocks: list[Block] = [Text(f"Your record: {head}", markdown=False)]
    if rest:
        blocks.append(Text(rest, markdown=False))
    blocks.append(Context("`/portfolio csv` for the same as CSV; `/portfolio workshop` adds "
                          "a workshop or PD session."))
    return Reply(f"Your record: {text}", tuple(blocks), private=True)


def as_csv(data: str, rows: int) -> Reply:
    """The CSV, to copy; cut short in chat when long."""
    shown = data if len(data) <= CHAT_LIMIT else data[:data.rfind("\n", 0, CHAT_LIMIT) + 1]
    note = (f"{rows} lines as CSV (copy them into a spreadsheet)." if shown == data else
            f"The first lines of {rows}: a shorter range shows the rest, e.g. `/portfolio csv "
            "2027-01-01..2027-03-31`.")
    return Reply(shown, (Context(note), Text(shown, markdown=False)), private=True)


def workshop_form() -> Form:
    """A workshop or PD session to add."""
    return Form("portfolio.workshop", "Add a workshop or PD session", (
        Input("title", "Title", placeholder="e.g. Nearpod basics"),
        Input("kind", "Kind", "select", options=(Option("workshop", "Workshop"),
                                                  Option("pd", "PD session")),
              initial="workshop"),
        Input("held_on", "Date", "date"),
        Input("attendees", "Attendees", required=False, placeholder="e.g. 14"),
        Input("hours", "Hours", required=False, placeholder="e.g. 1.5"),
    ), submit_label="Add")
