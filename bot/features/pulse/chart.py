"""The chart of construct means by wave: a PNG drawn with matplotlib's Agg backend, stored."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

import matplotlib
from sqlalchemy.ext.asyncio import AsyncSession

from bot.charts import drawn
from bot.i18n import _, format_decimal

matplotlib.use("Agg")  # no display on servers; also keeps tests free of GUI warnings

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

Wave = tuple[str, dict[str, float]]  # a wave's label and its construct means


def render_png(waves: Sequence[Wave], names: dict[str, str], scale_top: int,
               words: tuple[str, str] = ("agree", "mean")) -> bytes:
    """The chart (`draw`) as a PNG."""
    buffer = io.BytesIO()
    draw(waves, names, scale_top, words).savefig(buffer, format="png")
    return buffer.getvalue()


def draw(waves: Sequence[Wave], names: dict[str, str], scale_top: int,
         words: tuple[str, str] = ("agree", "mean")) -> Figure:
    """One line per construct across waves, on the full scale, with the agreement line;
    `words` label that line and the axis, in the reader's language (`axis_words`)."""
    figure = Figure(figsize=(6.4, 3.6), dpi=100)  # the object API: no pyplot global state
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [label for label, _ in waves]
    for code, name in names.items():
        axes.plot(labels, [means.get(code, float("nan")) for _, means in waves], marker="o",
                  label=f"{name} ({code})")
    agree = scale_top // 2 + 2
    axes.axhline(agree, color="grey", linestyle="--", linewidth=1)
    # Named in the margin, right of the line: inside, it sat on the first wave's points.
    axes.text(1.01, agree, words[0], color="grey", fontsize=8, va="center",
              transform=axes.get_yaxis_transform())
    axes.set_ylim(1, scale_top)
    axes.set_ylabel(words[1])
    # Above the plot, clear of every point ("best" searches, and warns on a busy machine).
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=min(3, len(names)), fontsize=8,
                frameon=False)
    figure.tight_layout()
    return figure


def alt_text(tool: str, waves: Sequence[Wave], names: dict[str, str], scale_top: int = 7
             ) -> str:
    """What the chart shows, in words, for screen readers."""
    parts = []
    for code, name in names.items():
        points = ", ".join(f"{label} {format_decimal(means[code], '0.0')}"
                           for label, means in waves if code in means)
        parts.append(f"{name}: {points}")
    return _("Line chart of {tool} pulse means by wave, on a scale of 1 to {top}. {points}."
             ).format(tool=tool, top=scale_top, points="; ".join(parts))


def axis_words(scale_top: int) -> tuple[str, str]:
    """The chart's two labels in the current language: the agreement line and the axis."""
    return _("agree"), _("mean (1 to {top})").format(top=scale_top)


async def chart_token(session: AsyncSession, survey_id: int, waves: Sequence[Wave],
                      names: dict[str, str], scale_top: int, now: datetime) -> str:
    """The token of a stored chart for these figures, drawing it only when they changed."""
    words = axis_words(scale_top)  # part of the figures: a chart per language
    return await drawn(session, f"survey:{survey_id}", (waves, names, scale_top, words),
                       lambda: render_png(waves, names, scale_top, words), now)
