"""The digest's one chart: questions and tickets per day over the period, with alt text."""

from __future__ import annotations

import asyncio
import hashlib
import io
from datetime import date, datetime, timedelta
from typing import Any

import matplotlib
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.charts import chart_url, find_chart, forget_charts, save_chart
from bot.features.answers.models import QuestionRow
from bot.features.digest.figures import Period, Scope, in_scope
from bot.features.tickets.models import TicketRow

matplotlib.use("Agg")  # no display on servers

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

Daily = list[tuple[date, int, int]]  # day, questions, tickets
CHART_DAYS = 90  # digests are read the week they arrive; a quarter is generous
OWNER = "digest"


async def per_day(session: AsyncSession, period: Period, scope: Scope) -> Daily:
    """Questions and tickets per UTC day, every day of the period listed."""
    async def counts(column: Any, where: Any) -> dict[date, int]:
        day = func.date(column)  # a "YYYY-MM-DD" string on SQLite, a date on PostgreSQL
        query = select(day, func.count()).where(where).group_by(day)
        return {d if isinstance(d, date) else date.fromisoformat(str(d)): int(n)
                for d, n in await session.execute(query)}
    asked = await counts(QuestionRow.asked_at,
                         (QuestionRow.asked_at >= period.start) &
                         (QuestionRow.asked_at < period.end) &
                         in_scope(QuestionRow.school_id, scope))
    opened = await counts(TicketRow.created_at,
                          (TicketRow.created_at >= period.start) &
                          (TicketRow.created_at < period.end) &
                          in_scope(TicketRow.school_id, scope))
    days = (period.end - period.start).days or 1
    return [(d, asked.get(d, 0), opened.get(d, 0))
            for d in (period.start.date() + timedelta(days=i) for i in range(days))]


def render_png(daily: Daily) -> bytes:
    """Side-by-side bars per day."""
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = range(len(daily))
    axes.bar([p - 0.2 for p in positions], [q for _, q, _ in daily], 0.4, label="questions")
    axes.bar([p + 0.2 for p in positions], [t for _, _, t in daily], 0.4, label="tickets")
    axes.set_xticks(list(positions), [f"{d:%a %d}" for d, _, _ in daily], fontsize=8)
    axes.legend(fontsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def alt_text(daily: Daily) -> str:
    """The chart in words."""
    return "Bar chart of questions and tickets per day: " + "; ".join(
        f"{d:%a %b %d} {q} questions, {t} tickets" for d, q, t in daily) + "."


async def daily_chart(session: AsyncSession, period: Period, scope: Scope,
                      now: datetime) -> tuple[str, str]:
    """Draw and store the chart; returns its URL path and alt text."""
    daily = await per_day(session, period, scope)
    fingerprint = hashlib.sha256(repr(daily).encode()).hexdigest()
    token = await find_chart(session, OWNER, fingerprint)
    if token is None:  # the same figures reuse the same picture
        png = await asyncio.to_thread(render_png, daily)  # CPU-bound: off the event loop
        token = await save_chart(session, OWNER, png, fingerprint, now)
    return chart_url(token), alt_text(daily)


async def forget_old_charts(session: AsyncSession, now: datetime) -> int:
    """Delete digest charts older than CHART_DAYS."""
    return await forget_charts(session, OWNER, now - timedelta(days=CHART_DAYS))
