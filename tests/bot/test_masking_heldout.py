"""The masker on the three corpora nobody read: only their figures are ever reported, never
their texts, so that nobody tunes on them by reading a failure (docs/privacy.md). Both still
MISS the targets of issue 16 (95% of identifiers masked, at most 2% of tech texts altered);
what is asserted is the figure reached, so that a change cannot make it worse unnoticed."""

from __future__ import annotations

from tests.bot.test_masking import score


def test_the_held_out_corpus_holds_the_figures_measured_once_a_round() -> None:
    # After each round: 0.832 masked / 0.100 altered, then 0.933 (167 of 179) / 0.080 (8 of
    # 100), then 0.950 (170 of 179: 0.9497, one identifier short) / 0.050 (5 of 100), and
    # after the fourth, fifth and sixth rounds the same 170 and 5.
    masked, altered, _ = score("heldout.jsonl")
    assert masked >= 0.949 and altered <= 0.05, \
        f"held-out: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"


def test_the_second_held_out_corpus_holds_the_figure_measured_after_the_fourth_round() -> None:
    # Written blind for the fourth round and measured twice: before it, 0.930 (253 of 272) /
    # 0.090 (9 of 100); after it, 0.949 (258 of 272, one identifier short) / 0.070 (7 of 100);
    # after the fifth round the same 258 and 7; after the sixth, 258 and 6.
    masked, altered, _ = score("heldout2.jsonl")
    assert masked >= 0.948 and altered <= 0.06, \
        f"second held-out: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"


def test_the_third_held_out_corpus_holds_the_figure_measured_after_the_sixth_round() -> None:
    # Written blind at the start of the sixth round (200 texts, 224 identifiers, five
    # personas) and never read. As it came: 0.938 (210 of 224) / 0.170 (17 of 100); after the
    # sixth round 0.938 / 0.160 (16 of 100). Far from 2% altered: new writers' colleagues
    # named by first name are taken for students.
    masked, altered, _ = score("heldout3.jsonl")
    assert masked >= 0.937 and altered <= 0.16, \
        f"third held-out: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"
