"""Shares as people read them beside a mark: the words and the figure never disagree."""

from __future__ import annotations

import pytest

from bot.i18n import format_share, reaches, speaking


@pytest.mark.parametrize(("share", "mark", "met", "shown"), [
    (28 / 33, 85, False, "84.8%"),  # would round onto the mark it misses
    (11 / 13, 85, False, "84.6%"),
    (0.8496, 85, False, "84.9%"),  # cut, never rounded up to "85.0%"
    (0.295, 30, False, "29.5%"),  # a tool's use against the review's 30%
    (29 / 50, 58, True, "58%"),  # 57.99999999999999 in floating point: it is 58
    (0.86, 85, True, "86%"),
    (0.80, 85, False, "80%"),  # far enough below to show whole
])
def test_a_share_reads_as_reaching_its_mark_only_when_it_does(
        share: float, mark: int, met: bool, shown: str) -> None:
    assert reaches(share, mark) is met
    assert format_share(share, mark) == shown


def test_a_share_short_of_its_mark_keeps_its_language_s_decimal_sign() -> None:
    with speaking("es"):
        assert format_share(28 / 33, 85) == "84,8\u00a0%"
