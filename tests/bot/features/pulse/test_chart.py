"""The results chart reads cleanly: its labels sit clear of the figures they label."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from bot.features.pulse.chart import axis_words, draw
from bot.i18n import speaking

NAMES = {"PU": "Perceived usefulness", "PEOU": "Perceived ease of use", "BI": "Intention to use"}
ON_THE_LINE = [("Wave 1", {"PU": 5.0, "PEOU": 5.1, "BI": 4.9}),
               ("Wave 2", {"PU": 5.5, "PEOU": 5.0, "BI": 6.1})]


def label_of(figure: Figure, word: str) -> Text:
    [text] = [text for text in figure.axes[0].texts if text.get_text() == word]
    return text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_agreement_line_is_named_in_the_margin_whole_and_off_every_point(
        language: str) -> None:
    # It was written at the first wave, just above the line: on the points of any construct
    # whose mean sat near agreement.
    with speaking(language):
        words = axis_words(7)
    figure = draw(ON_THE_LINE, NAMES, 7, words)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    label = label_of(figure, words[0]).get_window_extent(renderer)
    plot = figure.axes[0].get_window_extent(renderer)
    assert label.x0 >= plot.x1 and label.x1 <= figure.bbox.x1
    assert plot.y0 < (label.y0 + label.y1) / 2 < plot.y1


def test_the_legend_covers_no_point() -> None:
    low = [("Wave 1", {"PU": 1.4, "PEOU": 1.8, "BI": 1.2}),
           ("Wave 2", {"PU": 2.0, "PEOU": 1.5, "BI": 1.6})]
    figure = draw(low, NAMES, 7)
    axes = figure.axes[0]
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    legend = axes.get_legend()
    assert legend is not None
    box = legend.get_window_extent(renderer)
    points = [axes.transData.transform(point) for line in axes.get_lines()
              if line.get_marker() == "o" for point in line.get_xydata()]  # type: ignore[union-attr]
    assert points and not any(box.contains(x, y) for x, y in points)
