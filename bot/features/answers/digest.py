"""The answers' part of the digest: questions by outcome, most read, feedback, and gaps."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Button, Buttons, Fields, Text
from bot.features.answers.gaps import Gap, cluster, shortened
from bot.features.answers.models import QuestionRow
from bot.hooks.digest import DigestAsk, Period, Scope, Section, change, in_scope, per_day
from bot.i18n import _, ngettext

WRITE_BUTTONS = 5  # "Write an article" buttons under the gaps, for the biggest ones


@dataclass(frozen=True)
class QuestionFigures:
    """Questions asked, answered (one article), suggested, deflected."""

    asked: int
    answered: int
    suggested: int
    deflected: int


def _during(period: Period, scope: Scope) -> Any:
    return ((QuestionRow.asked_at >= period.start) & (QuestionRow.asked_at < period.end) &
            in_scope(QuestionRow.school_id, scope))


async def questions(session: AsyncSession, period: Period, scope: Scope) -> QuestionFigures:
    """Counts by outcome in one pass."""
    def counted(kind: str) -> Any:
        return func.count(case((QuestionRow.outcome == kind, 1)))

    query = select(func.count(), counted("answer"), counted("suggest"),
                   counted("deflect")).where(_during(period, scope))
    row = (await session.execute(query)).one()
    return QuestionFigures(*(int(v) for v in row))


async def feedback_by_article(session: AsyncSession, period: Period,
                              scope: Scope) -> list[tuple[str, int, int]]:
    """(article, yes, no) for articles with feedback, most "no" first."""
    yes = func.count(case((QuestionRow.helpful.is_(True), 1)))
    no = func.count(case((QuestionRow.helpful.is_(False), 1)))
    query = (select(QuestionRow.article_id, yes, no)
             .where(_during(period, scope), QuestionRow.helpful.is_not(None),
                    QuestionRow.article_id.is_not(None))
             .group_by(QuestionRow.article_id).order_by(no.desc(), yes.desc()).limit(10))
    return [(str(a), int(y), int(n)) for a, y, n in await session.execute(query)]


async def top_articles(session: AsyncSession, period: Period, scope: Scope,
                       limit: int = 5) -> list[tuple[str, int]]:
    """The articles teachers read most."""
    count = func.count()
    query = (select(QuestionRow.article_id, count)
             .where(_during(period, scope), QuestionRow.outcome == "answer")
             .group_by(QuestionRow.article_id).order_by(count.desc(), QuestionRow.article_id)
             .limit(limit))
    return [(str(a), int(n)) for a, n in await session.execute(query)]


async def gap_texts(session: AsyncSession, period: Period, scope: Scope,
                    limit: int = 500) -> list[str]:
    """Deflected or unhelpful questions (the newest `limit`), for clustering into gaps."""
    query = (select(QuestionRow.text)
             .where(_during(period, scope),
                    (QuestionRow.outcome == "deflect") | QuestionRow.helpful.is_(False))
             .order_by(QuestionRow.asked_at.desc()).limit(limit))
    return list((await session.execute(query)).scalars())


def figures_blocks(now: QuestionFigures, before: QuestionFigures,
                   top: list[tuple[str, int]], feedback: list[tuple[str, int, int]]
                   ) -> tuple[Block, ...]:
    """The questions section."""
    blocks: list[Block] = [Fields((
        (_("Asked"), change(now.asked, before.asked)),
        (_("Answered"), change(now.answered, before.answered)),
        (_("Did you mean"), change(now.suggested, before.suggested)),
        (_("Deflected"), change(now.deflected, before.deflected))))]
    if top:
        blocks.append(Text(_("Most read: {articles}").format(
            articles=", ".join(f"{a} ({n})" for a, n in top))))
    if feedback:
        blocks.append(Text(_("Did this help? {answers}").format(answers="; ".join(
            _("{article}: {yes} yes / {no} no").format(article=a, yes=y, no=n)
            for a, y, n in feedback))))
    return tuple(blocks)


def gap_blocks(gaps: list[Gap]) -> tuple[Block, ...]:
    """The gaps section: each cluster by its most typical question, with how many and one
    other way it was asked."""
    if not gaps:
        return (Text(_("None in this period: every question matched an article.")),)

    def line(gap: Gap) -> str:
        if gap.count == 1:
            return f"• \u201c{gap.suggested_title}\u201d"
        also = "".join(_(" (also: \u201c{question}\u201d)").format(question=shortened(s, 50))
                       for s in gap.samples[1:])
        return "• " + ngettext("{count} question like \u201c{title}\u201d{also}",
                               "{count} questions like \u201c{title}\u201d{also}",
                               gap.count).format(count=gap.count, title=gap.suggested_title,
                                                 also=also)

    # The library's form, filled in with the gap's words: a coach writes the missing article.
    write = tuple(Button(
        _("Write: {title}").format(title=g.suggested_title)[:75], "library.new", json.dumps(
            {"title": g.suggested_title, "phrasings": [s[:300] for s in g.samples]}))
        for g in gaps[:WRITE_BUTTONS])
    return (Text("\n".join(line(g) for g in gaps), markdown=False), Buttons(write))


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Questions first in the digest, then the knowledge base's gaps."""
    now = await questions(session, ask.period, ask.scope)
    before = await questions(session, ask.period.previous, ask.scope)
    blocks = figures_blocks(now, before, await top_articles(session, ask.period, ask.scope),
                            await feedback_by_article(session, ask.period, ask.scope))
    gaps = cluster(await gap_texts(session, ask.period, ask.scope))
    daily = await per_day(session, QuestionRow.asked_at, _during(ask.period, ask.scope),
                          ask.zone)
    asked = ngettext("{count} question", "{count} questions", now.asked).format(
        count=now.asked)
    missing = ngettext("{count} knowledge-base gap", "{count} knowledge-base gaps",
                       len(gaps)).format(count=len(gaps))
    return (Section(_("Questions"), 10, blocks, asked, daily={"questions": daily}),
            Section(_("Knowledge-base gaps"), 20, gap_blocks(gaps), missing))
