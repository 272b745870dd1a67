"""The masker on the two corpora nobody read: only their figures are ever reported, never
their texts, so that nobody tunes on them by reading a failure (docs/privacy.md). Both still
MISS the targets of issue 16 (95% of identifiers masked, at most 2% of tech texts altered);
what is asserted is the figure reached, so that a change cannot make it worse unnoticed."""

from __future__ import annotations

from tests.bot.test_masking import score


def test_the_held_out_corpus_holds_the_figures_measured_once_a_round() -> None:
    # After each round: 0.832 masked / 0.100 altered, then 0.933 (167 of 179) / 0.080 (8 of
    # 100), then 0.950 (170 of 179: 0.9497, one identifier short) / 0.050 (5 of 100), and
    # after the fourth and fifth rounds the same 170 and 5.
    masked, altered, _ = score("heldout.jsonl")
    assert masked >= 0.949 and altered <= 0.05, \
        f"held-out: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"


def test_the_second_held_out_corpus_holds_the_figure_measured_after_the_fourth_round() -> None:
    # Written blind for the fourth round and measured twice: before it, 0.930 (253 of 272) /
    # 0.090 (9 of 100); after it, 0.949 (258 of 272, one identifier short) / 0.070 (7 of 100);
    # after the fifth round the same 258 and 7.
    masked, altered, _ = score("heldout2.jsonl")
    assert masked >= 0.948 and altered <= 0.07, \
        f"second held-out: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"
