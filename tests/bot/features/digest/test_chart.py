"""The digest's chart reads right whatever the period: counts from zero, labels that fit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

from bot.features.digest.chart import Daily, drawing

FIRST = date(2026, 11, 1)


def days(count: int, questions: int = 0) -> Daily:
    return [(FIRST + timedelta(days=i), {"questions": questions, "tickets": 0})
            for i in range(count)]


def test_an_empty_week_is_drawn_from_zero_in_whole_numbers() -> None:
    axes = drawing(days(7)).axes[0]
    low, high = axes.get_ylim()
    assert low == 0 and high >= 1
    assert all(float(tick).is_integer() for tick in axes.get_yticks())


def test_a_busy_week_counts_in_whole_numbers() -> None:
    axes = drawing(days(7, questions=3)).axes[0]
    assert all(float(tick).is_integer() for tick in axes.get_yticks())
    assert axes.get_ylim()[0] == 0


def test_a_month_shows_a_readable_number_of_day_labels() -> None:
    axes = drawing(days(30)).axes[0]
    labels = [label.get_text() for label in axes.get_xticklabels()]
    assert 5 <= len(labels) <= 10 and labels[0] == "Nov 1"


GAPS = """
import json
from bot.features.answers.gaps import cluster
texts = ["smartboard pen calibration drifts after lunch every single day",
         "every day after lunch the smartboard pen calibration drifts again",
         "how many sick days do I have left", "sick days left for a sub",
         "how do I request a sub for sick days", "cafeteria menu for friday"]
print(json.dumps([g.suggested_title for g in cluster(texts)]))
"""


def test_gap_labels_are_the_same_in_every_run() -> None:
    runs = []
    for seed in ("1", "2", "3"):
        out = subprocess.run([sys.executable, "-c", GAPS], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        runs.append(json.loads(out))
    assert all(run == runs[0] for run in runs), runs
    assert runs[0] == ["Sick days left for a sub",
                       "Smartboard pen calibration drifts after lunch every single day",
                       "Cafeteria menu for friday"]
