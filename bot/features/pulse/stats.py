"""The figures: per-construct mean, standard deviation, share agreeing and Cronbach's alpha.

A respondent's construct score is the mean of their answers to its items; they "agree" when
that score is at least 5 on the 7-point scale (somewhat agree or stronger).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean, stdev, variance

from bot.features.pulse.instruments import Instrument
from bot.i18n import N_, _

ALPHA_MIN_RESPONSES = 5


@dataclass(frozen=True)
class Construct:
    """What a wave says about one construct."""

    code: str
    name: str
    n: int
    mean: float
    sd: float
    agree: float
    alpha: float | None


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """k/(k-1) * (1 - sum of item variances / variance of totals); None when undefined."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    k = len(rows[0])
    totals = [sum(row) for row in rows]
    total_var = variance(totals)
    if total_var == 0:
        return None  # everyone gave the same total: consistency cannot be computed
    item_vars = sum(variance([row[i] for row in rows]) for i in range(k))
    return k / (k - 1) * (1 - item_vars / total_var)


def construct_figures(instrument: Instrument, answers: Sequence[Mapping[str, int]],
                      code: str) -> Construct:
    """Mean, sd (n-1), share agreeing and alpha of one construct over complete answer sets."""
    ids = [item.id for item in instrument.items_of(code)]
    rows = [[float(a[i]) for i in ids] for a in answers if all(i in a for i in ids)]
    scores = [fmean(row) for row in rows]
    n = len(scores)
    alpha = cronbach_alpha(rows) if n >= ALPHA_MIN_RESPONSES else None
    return Construct(code, instrument.constructs[code], n,
                     fmean(scores) if scores else 0.0, stdev(scores) if n > 1 else 0.0,
                     sum(s >= instrument.agree_from for s in scores) / n if n else 0.0, alpha)


def figures(instrument: Instrument, answers: Sequence[Mapping[str, int]]) -> list[Construct]:
    """Every construct's figures, in the instrument's order."""
    return [construct_figures(instrument, answers, code) for code in instrument.constructs]


def alpha_reading(alpha: float | None) -> str:
    """Cronbach's alpha in plain words."""
    if alpha is None:
        return _("not enough spread in the answers to tell")
    for floor, words in ((0.9, N_("excellent: the statements move together very closely")),
                         (0.8, N_("good: the statements measure the same thing")),
                         (0.7, N_("acceptable: the statements mostly agree with each other")),
                         (0.6, N_("questionable: read the statements one by one too")),
                         (0.5, N_("poor: the statements tell different stories"))):
        if alpha >= floor:
            return _(words)
    return _("unreliable: these answers don't hang together; don't lean on the average")
