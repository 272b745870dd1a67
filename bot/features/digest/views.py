"""How the digest reads: short sections, every figure beside last week's."""

from __future__ import annotations

from datetime import timedelta

from bot.blocks import Block, Context, Divider, Fields, Image, Reply, Text
from bot.features.digest.report import Digest, change


def _questions(d: Digest) -> list[Block]:
    q, b = d.questions, d.questions_before
    blocks: list[Block] = [Text("**Questions**"), Fields((
        ("Asked", change(q.asked, b.asked)), ("Answered", change(q.answered, b.answered)),
        ("Did you mean", change(q.suggested, b.suggested)),
        ("Deflected", change(q.deflected, b.deflected))))]
    if d.top_articles:
        blocks.append(Text("Most read: " + ", ".join(f"{a} ({n})" for a, n in d.top_articles)))
    if d.feedback:
        blocks.append(Text("Did this help? " + "; ".join(
            f"{a}: {y} yes / {n} no" for a, y, n in d.feedback)))
    return blocks


def _gaps(d: Digest) -> list[Block]:
    if not d.gaps and not d.drafts:
        return [Text("**Knowledge-base gaps**"), Text("None this week: every question matched.")]
    lines = [f"• {g.count}× {g.suggested_title}: \u201c" + "\u201d, \u201c".join(g.samples)
             + "\u201d" for g in d.gaps]
    blocks: list[Block] = [Text("**Knowledge-base gaps**"), Text("\n".join(lines),
                                                                  markdown=False)]
    if d.drafts:
        blocks.append(Text("Article drafts from tickets: " + "; ".join(d.drafts), markdown=False))
    return blocks


def _tickets(d: Digest) -> list[Block]:
    t, b = d.tickets, d.tickets_before
    blocks: list[Block] = [Text("**Tickets**"), Fields((
        ("Opened", change(t.opened, b.opened)), ("Resolved", change(t.resolved, b.resolved)),
        ("Still open", change(t.still_open, b.still_open)),
        ("Median first response (school hours)",
         change(t.median_first_response_h, b.median_first_response_h)),
        ("Median resolution (school hours)",
         change(t.median_resolution_h, b.median_resolution_h))))]
    if d.by_category:
        blocks.append(Text("By category: " + ", ".join(f"{c} {n}" for c, n in d.by_category)))
    if len(d.by_school) > 1:
        blocks.append(Text("By school: " + ", ".join(f"{s} {n}" for s, n in d.by_school)))
    if d.oldest_open:
        blocks.append(Text("Oldest open: " + "; ".join(
            f"#{t.id} {t.text[:60]}" for t in d.oldest_open), markdown=False))
    if d.outages:
        blocks.append(Text("\"Me too\" outages: " + "; ".join(
            f"#{n} {text[:60]} ({k} teachers)" for n, text, k in d.outages), markdown=False))
    return blocks


def _coffee(d: Digest) -> list[Block]:
    c = d.coffee
    if not c.sessions:
        return []
    blocks: list[Block] = [Text("**Coffee and Curriculum**"), Fields((
        ("Sessions", str(c.sessions)), ("Said they'd come", str(c.going)),
        ("Came", str(c.attended))))]
    if c.pain_points:
        blocks.append(Text("Pain points raised: " + "; ".join(
            f"{topic} ({n}): \u201c{sample}\u201d" for topic, n, sample in c.pain_points),
            markdown=False))
    return blocks


def _pulses(d: Digest) -> list[Block]:
    if not d.pulses:
        return []
    lines = []
    for p in d.pulses:
        state = "closed" if p.closed else "running"
        if p.buy_in is None:
            figure = f"{p.answers} answers (results show at {p.threshold})"
        else:
            mark = "meets" if p.buy_in * 100 >= p.target else "below"
            figure = f"buy-in {p.buy_in:.0%}, {mark} the {p.target}% target ({p.answers} answers)"
        lines.append(f"• {p.tool} wave {p.wave}, {state}: {figure}")
    return [Text("**Pulse surveys**"), Text("\n".join(lines), markdown=False)]


def digest_reply(d: Digest) -> Reply:
    """The whole digest as one message."""
    last_day = d.period.end - timedelta(microseconds=1)
    title = (f"Your week in tech support for {d.scope_label}: "
             f"{d.period.start:%b %d} to {last_day:%b %d}")
    blocks: list[Block] = [Text(f"**{title}**"), *_questions(d), Divider(), *_gaps(d),
                           Divider(), *_tickets(d), *_coffee(d), *_pulses(d),
                           Image(d.chart[0], d.chart[1]),
                           Context("Figures in brackets are the change since the week before. "
                                   "`/digest settings` changes when this arrives.")]
    text = (f"{title}. {d.questions.asked} questions, {d.tickets.opened} tickets opened, "
            f"{len(d.gaps)} knowledge-base gaps.")
    return Reply(text, tuple(blocks), private=True)
