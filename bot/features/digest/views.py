"""How the digest reads: short sections, every figure beside last week's, one chart."""

from __future__ import annotations

from bot.blocks import Block, Context, Divider, Image, Reply, Text
from bot.features.digest.report import Digest
from bot.i18n import _

TOP_SECTIONS = 30  # questions, gaps and tickets are divided by a line; the rest follow


def digest_reply(d: Digest) -> Reply:
    """The whole digest as one message."""
    days = (d.last_day - d.first_day).days + 1
    span = "week" if days == 7 else ("day" if days == 1 else f"{days} days")
    dates = (f"{d.first_day:%a %b %d}" if days == 1
             else f"{d.first_day:%b %d} to {d.last_day:%b %d}")
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
               Context(_("Figures in brackets are the change since the {span} before. `/digest "
                         "settings` changes when this arrives.").format(span=span))]
    return Reply(f"{title}. {d.summary}.", tuple(blocks), private=True)
