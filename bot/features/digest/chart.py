"""The digest's one chart: what each feature counted per day over the period, with alt text."""

from __future__ import annotations

import io
import math
from datetime import date, datetime, timedelta, tzinfo

import matplotlib
from sqlalchemy.ext.asyncio import AsyncSession

from bot.charts import chart_url, drawn, forget_charts
from bot.hooks import Period

matplotlib.use("Agg")  # no display on servers

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

Daily = list[tuple[date, dict[str, int]]]  # each day, and each series' count that day
CHART_DAYS = 90  # digests are read the week they arrive; a quarter is generous
OWNER = "digest"


def days_of(period: Period, series: dict[str, dict[date, int]], zone: tzinfo) -> Daily:
    """Every day of the period where the reader is, first to last (both included), each
    with every series' count (0 when nothing happened)."""
    first = period.start.astimezone(zone).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(zone).date()
    days = max(1, (last - first).days + 1)
    return [(day, {name: counts.get(day, 0) for name, counts in series.items()})
            for day in (first + timedelta(days=i) for i in range(days))]


def render_png(daily: Daily) -> bytes:
    """The chart as PNG bytes."""
    buffer = io.BytesIO()
    drawing(daily).savefig(buffer, format="png")
    return buffer.getvalue()


def drawing(daily: Daily) -> Figure:
    """Side-by-side bars per day, one colour per series; whole numbers from zero up."""
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    names = list(daily[0][1]) if daily else []
    width = 0.8 / max(1, len(names))
    for n, name in enumerate(names):
        offset = (n - (len(names) - 1) / 2) * width
        axes.bar([p + offset for p in range(len(daily))], [c[name] for _, c in daily], width,
                 label=name)
    highest = max((c[name] for _, c in daily for name in names), default=0)
    axes.set_ylim(0, max(1, highest) * 1.1)  # counts: never below zero, never fractions
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, math.ceil(len(daily) / 10))  # a month's labels would overlap one another
    shape = "%a %d" if len(daily) <= 10 else "%b %d"
    axes.set_xticks(list(range(0, len(daily), step)),
                    [f"{d:{shape}}" for d, _ in daily[::step]], fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    if names:
        axes.legend(fontsize=8, frameon=False)
    figure.tight_layout()
    return figure


def alt_text(daily: Daily) -> str:
    """The chart in words: each day for a week or so, totals and the busiest day beyond."""
    names = list(daily[0][1]) if daily else []
    what = " and ".join(names) or "activity"

    def counts(c: dict[str, int]) -> str:
        return ", ".join(f"{c[name]} {name.removesuffix('s') if c[name] == 1 else name}"
                         for name in names)

    if len(daily) <= 10:
        return f"Bar chart of {what} per day: " + "; ".join(
            f"{d:%a %b %d} {counts(c)}" for d, c in daily) + "."
    totals = {name: sum(c[name] for _, c in daily) for name in names}
    busiest, most = max(daily, key=lambda day: sum(day[1].values()))
    return (f"Bar chart of {what} per day, {daily[0][0]:%b %d} to {daily[-1][0]:%b %d}: "
            f"{counts(totals)} in all; the busiest day was {busiest:%a %b %d} "
            f"({counts(most)}).")


async def daily_chart(session: AsyncSession, period: Period,
                      series: dict[str, dict[date, int]], now: datetime,
                      zone: tzinfo) -> tuple[str, str]:
    """Draw and store the chart; returns its URL path and alt text."""
    daily = days_of(period, series, zone)
    token = await drawn(session, OWNER, daily, lambda: render_png(daily), now)
    return chart_url(token), alt_text(daily)


async def forget_old_charts(session: AsyncSession, now: datetime) -> int:
    """Delete digest charts older than CHART_DAYS."""
    return await forget_charts(session, OWNER, now - timedelta(days=CHART_DAYS))
