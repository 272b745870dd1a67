"""The digest's one chart: what each feature counted per day over the period, with alt text."""

from __future__ import annotations

import io
import math
from datetime import date, datetime, timedelta, tzinfo

import matplotlib
from sqlalchemy.ext.asyncio import AsyncSession

from bot.charts import chart_url, drawn, forget_charts
from bot.hooks.digest import Period
from bot.i18n import N_, _, format_date, format_skeleton, join, language, ngettext

matplotlib.use("Agg")  # no display on servers

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

Daily = list[tuple[date, dict[str, int]]]  # each day, and each series' count that day
CHART_DAYS = 90  # digests are read the week they arrive; a quarter is generous
OWNER = "digest"
SERIES = {"questions": N_("questions"), "tickets": N_("tickets")}  # the series' names, shown


def _series(name: str) -> str:
    return _(SERIES[name]) if name in SERIES else name


def _counted(name: str, count: int) -> str:
    """`3 questions`, `1 ticket`: a series' count in words."""
    if name == "questions":
        return ngettext("{count} question", "{count} questions", count).format(count=count)
    if name == "tickets":
        return ngettext("{count} ticket", "{count} tickets", count).format(count=count)
    return f"{count} {name}"


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
                 label=_series(name))
    highest = max((c[name] for _, c in daily for name in names), default=0)
    axes.set_ylim(0, max(1, highest) * 1.1)  # counts: never below zero, never fractions
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, math.ceil(len(daily) / 10))  # a month's labels would overlap one another
    shape = "EEE d" if len(daily) <= 10 else "MMM d"
    axes.set_xticks(list(range(0, len(daily), step)),
                    [format_date(d, shape) for d, _c in daily[::step]], fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    if names:
        # Above the bars, never "best": matplotlib searches for that place and, on a busy
        # machine, warns that the search is slow (a CI run failed on the warning).
        axes.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0, 1),
                    ncol=len(names))
    figure.tight_layout()
    return figure


def alt_text(daily: Daily) -> str:
    """The chart in words: each day for a week or so, totals and the busiest day beyond."""
    names = list(daily[0][1]) if daily else []
    what = join([_series(name) for name in names]) or _("activity")

    def counts(c: dict[str, int]) -> str:
        return ", ".join(_counted(name, c[name]) for name in names)

    if len(daily) <= 10:
        return _("Bar chart of {what} per day: {days}.").format(what=what, days="; ".join(
            f"{format_skeleton('MMMEd', d)} {counts(c)}" for d, c in daily))
    totals = {name: sum(c[name] for _d, c in daily) for name in names}
    busiest, most = max(daily, key=lambda day: sum(day[1].values()))
    return _("Bar chart of {what} per day, {first} to {last}: {totals} in all; the busiest "
             "day was {busiest} ({most}).").format(
        what=what, first=format_skeleton("MMMd", daily[0][0]),
        last=format_skeleton("MMMd", daily[-1][0]), totals=counts(totals),
        busiest=format_skeleton("MMMEd", busiest), most=counts(most))


async def daily_chart(session: AsyncSession, period: Period,
                      series: dict[str, dict[date, int]], now: datetime,
                      zone: tzinfo) -> tuple[str, str]:
    """Draw and store the chart; returns its URL path and alt text."""
    daily = days_of(period, series, zone)
    # The legend and labels are in the reader's language: one chart per language.
    token = await drawn(session, OWNER, (language(), daily), lambda: render_png(daily), now)
    return chart_url(token), alt_text(daily)


async def forget_old_charts(session: AsyncSession, now: datetime) -> int:
    """Delete digest charts older than CHART_DAYS."""
    return await forget_charts(session, OWNER, now - timedelta(days=CHART_DAYS))
