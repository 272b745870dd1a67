"""The digest's one chart: what each feature counted per day over the period, with alt text."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import matplotlib
from sqlalchemy.ext.asyncio import AsyncSession

from bot.charts import chart_url, drawn, forget_charts
from bot.hooks import Period

matplotlib.use("Agg")  # no display on servers

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

Daily = list[tuple[date, dict[str, int]]]  # each day, and each series' count that day
CHART_DAYS = 90  # digests are read the week they arrive; a quarter is generous
OWNER = "digest"


def days_of(period: Period, series: dict[str, dict[date, int]]) -> Daily:
    """Every day of the period, each with every series' count (0 when nothing happened)."""
    days = (period.end - period.start).days or 1
    return [(day, {name: counts.get(day, 0) for name, counts in series.items()})
            for day in (period.start.date() + timedelta(days=i) for i in range(days))]


def render_png(daily: Daily) -> bytes:
    """Side-by-side bars per day, one colour per series."""
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    names = list(daily[0][1]) if daily else []
    width = 0.8 / max(1, len(names))
    for n, name in enumerate(names):
        offset = (n - (len(names) - 1) / 2) * width
        axes.bar([p + offset for p in range(len(daily))], [c[name] for _, c in daily], width,
                 label=name)
    axes.set_xticks(list(range(len(daily))), [f"{d:%a %d}" for d, _ in daily], fontsize=8)
    if names:
        axes.legend(fontsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def alt_text(daily: Daily) -> str:
    """The chart in words."""
    names = list(daily[0][1]) if daily else []
    return f"Bar chart of {' and '.join(names)} per day: " + "; ".join(
        f"{d:%a %b %d} " + ", ".join(f"{c[name]} {name}" for name in names)
        for d, c in daily) + "."


async def daily_chart(session: AsyncSession, period: Period,
                      series: dict[str, dict[date, int]], now: datetime) -> tuple[str, str]:
    """Draw and store the chart; returns its URL path and alt text."""
    daily = days_of(period, series)
    token = await drawn(session, OWNER, daily, lambda: render_png(daily), now)
    return chart_url(token), alt_text(daily)


async def forget_old_charts(session: AsyncSession, now: datetime) -> int:
    """Delete digest charts older than CHART_DAYS."""
    return await forget_charts(session, OWNER, now - timedelta(days=CHART_DAYS))
