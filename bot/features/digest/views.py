"""How the digest reads: short sections, every figure beside last week's, one chart."""

from __future__ import annotations

from bot.blocks import Block, Context, Divider, Image, Reply, Text
from bot.features.digest.report import Digest
from bot.i18n import _, format_skeleton, ngettext

TOP_SECTIONS = 30  # questions, gaps and tickets are divided by a line; the rest follow


def digest_reply(d: Digest) -> Reply:
    """The whole digest as one message."""
    days = (d.last_day - d.first_day).days + 1
    day = "yMMMd" if d.first_day.year != d.last_day.year else "MMMd"  # "Dec 1 to Jan 5"?
    dates = (format_skeleton("MMMEd", d.first_day) if days == 1
             else _("{first} to {last}").format(first=format_skeleton(day, d.first_day),
                                                last=format_skeleton(day, d.last_day)))
    span = ngettext("{count} day", "{count} days", days).format(count=days)
    title = (_("Your week in tech support for {scope_label}: {dates}").format(
                 scope_label=d.scope_label, dates=dates) if days == 7
             else _("Tech support for {scope_label}, {dates} ({span})").format(
                      scope_label=d.scope_label, dates=dates, span=span))
    blocks: list[Block] = [Text(f"**{title}**")]
    for section in d.sections:
        if section.order <= TOP_SECTIONS and len(blocks) > 1:
            blocks.append(Divider())
        blocks += [Text(f"**{section.heading}**"), *section.blocks]
    blocks += [Image(d.chart[0], d.chart[1]),
               Context(_compared(days))]
    return Reply(f"{title}. {d.summary}.", tuple(blocks), private=True)


def _compared(days: int) -> str:
    """What the bracketed figures compare with (Spanish: la semana / el día / los N días)."""
    if days == 7:
        return _("Figures in brackets are the change since the week before. `/digest "
                 "settings` changes when this arrives.")
    if days == 1:
        return _("Figures in brackets are the change since the day before. `/digest "
                 "settings` changes when this arrives.")
    return _("Figures in brackets are the change since the {count} days before. `/digest "
             "settings` changes when this arrives.").format(count=days)
