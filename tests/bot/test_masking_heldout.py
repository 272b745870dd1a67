"""The masker on the thirteen corpora nobody read: only their figures are ever reported, never
their texts, so that nobody tunes on them by reading a failure (docs/privacy.md). All still
MISS the targets of issue 16 (95% of identifiers masked, at most 2% of tech texts altered);
what is asserted is the figure reached, so that a change cannot make it worse unnoticed."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import score

# corpus: (identifiers masked at least, tech texts altered at most), with each measurement.
HELD_OUT_FIGURES = {
    # After each round: 0.832 masked / 0.100 altered, then 0.933 (167 of 179) / 0.080 (8 of
    # 100), then 0.950 (170 of 179: 0.9497, one identifier short) / 0.050 (5 of 100), and
    # after the fourth, fifth and sixth rounds the same 170 and 5; after the eighth, 0.961
    # (172 of 179) / 0.050.
    "heldout.jsonl": (0.960, 0.05),
    # Written blind for the fourth round and measured twice: before it, 0.930 (253 of 272) /
    # 0.090 (9 of 100); after it, 0.949 (258 of 272, one identifier short) / 0.070 (7 of 100);
    # after the fifth round the same 258 and 7; after the sixth and the eighth, 258 and 6.
    "heldout2.jsonl": (0.948, 0.06),
    # Written blind at the start of the sixth round (200 texts, 224 identifiers, five
    # personas). As it came: 0.938 (210 of 224) / 0.170 (17 of 100); after the sixth round
    # 0.938 / 0.160 (16 of 100), and after the eighth the same. Far from 2% altered: new
    # writers' colleagues named by first name are taken for students. After the ninth
    # round: 0.938 / 0.150 (15 of 100).
    "heldout3.jsonl": (0.937, 0.15),
    # Written blind at the start of the eighth round (200 texts, 172 identifiers; a 9th-grade
    # teacher, an attendance clerk, a counselor, a dual-language kindergarten teacher, a PE
    # teacher, a coach). As it came: 0.913 (157 of 172) / 0.080 (8 of 100); after the eighth
    # round 0.930 (160 of 172) / 0.080; after the ninth 0.930 / 0.070 (7 of 100); after the
    # tenth (the model of grown-ups' names) 0.930 (160) / 0.060: the model as first shipped,
    # without its words-first rule, spared one student here (159 of 172).
    "heldout4.jsonl": (0.930, 0.06),
    # Written blind at the end of the eighth round (200 texts, 238 identifiers; a Title I
    # 4th-grade teacher in Phoenix, a band director, a nurse, a special-education case
    # manager, a rural front-office secretary, a building's tech coach) and measured once,
    # with the masker of the seventh round and of the eighth, after the eighth's rules were
    # final: 0.929 (221 of 238) / 0.200 (20 of 100), then 0.933 (222) / 0.200; after the
    # ninth round 0.937 (223) / 0.200; after the tenth 0.937 (223) / 0.130 (13 of 100).
    "heldout5.jsonl": (0.936, 0.13),
    # Written blind at the start of the ninth round (200 texts, 231 identifiers; a New
    # Jersey high-school counselor, a 3rd-grade teacher near Atlanta, a music teacher
    # between two schools, a district registrar, an Oregon art teacher, a Chicago computer
    # science teacher) and measured once, at the round's end, with the masker before and
    # after it: 0.952 (220 of 231) / 0.110 (11 of 100), then 0.952 (220) / 0.100 (10);
    # after the tenth round the same.
    "heldout6.jsonl": (0.952, 0.10),
    # Six corpora written blind in the tenth round (200 texts each; personas in
    # docs/privacy.md), scored with each version of its model of grown-ups' names, figures
    # only. Ninth round's rules -> the model as first shipped (lone first names, generation
    # alone) -> the final model (full names too, the words first):
    # 7: 0.948 (217 of 229) / 0.110 -> 0.948 / 0.090 -> 0.948 / 0.060
    # 8: 0.968 (184 of 190) / 0.310 -> 0.968 / 0.230 -> 0.968 / 0.200
    # 9: 0.943 (216 of 229) / 0.190 -> 0.943 / 0.160 -> 0.943 / 0.080
    # 10: 0.956 (197 of 206) / 0.170 -> 0.956 / 0.140 -> 0.956 / 0.130
    # 11: 0.938 (180 of 192) / 0.250 -> 0.938 / 0.230 -> 0.938 / 0.190
    # 12: 0.947 (195 of 206) / 0.160 -> 0.947 / 0.140 -> 0.947 / 0.110
    "heldout7.jsonl": (0.947, 0.06),
    "heldout8.jsonl": (0.968, 0.20),
    "heldout9.jsonl": (0.943, 0.08),
    "heldout10.jsonl": (0.956, 0.13),
    "heldout11.jsonl": (0.937, 0.19),
    "heldout12.jsonl": (0.946, 0.11),
    # Written blind while the tenth round's final model was built, scored once with it
    # (200 texts, 196 identifiers; a rural Mississippi 5th-grade teacher, a Spanish teacher
    # near Chicago, a school psychologist, a band secretary, a help-desk technician): by the
    # ninth round's rules 0.969 (190 of 196) / 0.130, with the model 0.969 / 0.080.
    "heldout13.jsonl": (0.969, 0.08),
}


@pytest.mark.parametrize("corpus", sorted(HELD_OUT_FIGURES))
def test_each_held_out_corpus_holds_the_figure_last_measured(corpus: str) -> None:
    least_masked, most_altered = HELD_OUT_FIGURES[corpus]
    masked, altered, _ = score(corpus)
    assert masked >= least_masked and altered <= most_altered, \
        f"{corpus}: {masked:.3f} identifiers masked, {altered:.3f} tech texts altered"
