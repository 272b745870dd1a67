"""How the digest reads: short sections, every figure beside last week's, one chart."""

from __future__ import annotations

from datetime import timedelta

from bot.blocks import Block, Context, Divider, Image, Reply, Text
from bot.features.digest.report import Digest

TOP_SECTIONS = 30  # questions, gaps and tickets are divided by a line; the rest follow


def digest_reply(d: Digest) -> Reply:
    """The whole digest as one message."""
    last_day = d.period.end - timedelta(microseconds=1)
    title = (f"Your week in tech support for {d.scope_label}: "
             f"{d.period.start:%b %d} to {last_day:%b %d}")
    blocks: list[Block] = [Text(f"**{title}**")]
    for section in d.sections:
        if section.order <= TOP_SECTIONS and len(blocks) > 1:
            blocks.append(Divider())
        blocks += [Text(f"**{section.heading}**"), *section.blocks]
    blocks += [Image(d.chart[0], d.chart[1]),
               Context("Figures in brackets are the change since the week before. "
                       "`/digest settings` changes when this arrives.")]
    return Reply(f"{title}. {d.summary}.", tuple(blocks), private=True)
