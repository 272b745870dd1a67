"""The district's schools named for people, written out as places, are no students (stop 59,
docs/masking.md): "at William Ford", "rm 302 at Ralph J. Bunche", "the Parker Hill website".
Only a school's whole own name, as a place, is kept; a student who shares it, or a part of
it, is still hidden."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from tests.bot.test_masking import masked
from tests.bot.test_masking_staff_corpora import CORPUS, counts, directory_of

DISTRICT = ["Edsel Ford High School", "William Ford Elementary", "Ralph J. Bunche Academy",
            "Wing Luke Elementary", "Parker Hill Elementary", "Annie Oakley Elementary",
            "Toni Morrison Elementary", "Lincoln Middle"]


@pytest.fixture(autouse=True)
def schools_known() -> None:
    know_schools(DISTRICT)


@pytest.mark.parametrize("text", [
    "wifi down in the portables at William Ford again",
    "Chromebooks showing network not available on the 3rd floor at Edsel Ford",
    "can someone come to rm 302 at Ralph J. Bunche, the projector bulb is out",
    "Chromebooks at Wing Luke cant load YouTube",
    "Can I get edit rights on the Parker Hill website?",
    "Our PA speaker in the Parker Hill kindergarten hallway is silent",
])
def test_a_school_named_for_a_person_is_kept_where_it_is_a_place(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # its namesake's whole name as a student's, doing what students do (an attack's, stop 55)
    ("Annie Oakley needs her lunch PIN reset", "[name] needs her lunch PIN reset"),
    ("Parker Hill and Annie Oakley both need their passwords reset",
     "[name] and [name] both need their passwords reset"),
    # a part of its name, even where a school would be
    ("Morrison can't open the worksheet", "[name] can't open the worksheet"),
    ("sitting at Edsel's desk", "sitting at [name]'s desk"),
    # a student's cue beside it
    ("my student William Ford can't log in", "my student [name] can't log in"),
])
def test_a_student_sharing_a_schools_name_or_part_of_it_is_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


def test_a_school_known_to_no_one_is_hidden_as_before() -> None:
    know_schools([])
    assert masked("wifi down at William Ford again") == "wifi down at [name] again"


def test_a_one_word_school_teaches_nothing() -> None:
    know_schools(["Morrison Elementary"])
    assert masked("Morrison can't open the worksheet") == "[name] can't open the worksheet"


# Knowing each corpus's schools (its `.schools.txt`) and its directory (whole names), beside
# knowing the directory alone: the 20 written blind at stops 54 to 59 (44 to 64) hid 3,550 of
# 3,795 identifiers both ways and altered 178 of 2,000 ordinary messages, then 156 as first
# written and 159 once a red team's narrowing took out the possessive and a sentence that
# speaks of a child (AX, stop 59: "Found a vape in Parker Hill's backpack"); the
# attack on stop 55's schools rule (students named as its schools' namesakes: "Annie Oakley
# needs her lunch PIN reset") hid 115 of 164 both ways. 62 to 64 were read after they were
# scored, and this rule was written from what they alter; 65 and 66 were sealed (below).
# Stop 62's short names, places after places and signature lines: 3,554 hidden, 150 altered.
WRITTEN_BLIND = [f"heldout{n}.jsonl" for n in [*range(44, 56), *range(57, 65)]]


def with_schools(name: str) -> tuple[int, int]:
    """(identifiers masked, tech texts altered) knowing the corpus's directory and schools."""
    know_schools((CORPUS / name).with_suffix(".schools.txt").read_text("utf-8").splitlines())
    found, _, altered, _ = counts(CORPUS / name, directory_of(name), "whole")
    return found, altered


def test_knowing_the_schools_hides_every_student_it_hid_and_alters_less() -> None:
    figures = [with_schools(name) for name in WRITTEN_BLIND]
    assert sum(f for f, _ in figures) >= 3554 and sum(a for _, a in figures) <= 150


def test_the_attack_on_stop_55s_schools_rule_gets_nothing_through_this_one() -> None:
    assert with_schools("attack_schools.jsonl")[0] >= 115


# 65 and 66, written blind during the rule's writing with their districts' schools, sealed
# and scored once at the end: knowing their directories, 65 altered 4 of 100 and 66 7 without
# the schools, 4 and 5 with them (all: 1 and 4, then 1 and 2); 183 and 186 of 188 identifiers
# hidden every way. Read at stop 60: a school's "K-8" is no initial ("Charles R. Drew K-8
# Center"), so 66 alters 3 knowing its schools (all: 0); at stop 60's default level
# (context), 1 and 0 as first written, 2 and 0 once a red team's hardening (AY) read only the
# name's own sentence.
@pytest.mark.parametrize(("name", "level", "least_hidden", "most_altered"), [
    ("heldout65.jsonl", "whole", 183, 4), ("heldout65.jsonl", "context", 183, 2),
    ("heldout65.jsonl", "all", 183, 1), ("heldout66.jsonl", "whole", 186, 3),
    ("heldout66.jsonl", "context", 186, 0), ("heldout66.jsonl", "all", 186, 0),
    # sealed at stop 60, scored once knowing their schools, at the default level as first
    # written: 0, 2, 6 and 4 altered (whole names: 3, 4, 8 and 5); after AY's hardening:
    ("heldout67.jsonl", "context", 176, 0), ("heldout68.jsonl", "context", 176, 2),
    ("heldout69.jsonl", "context", 179, 7), ("heldout70.jsonl", "context", 179, 5),
    # sealed during stop 60's second round, scored once at its end (whole names: 9, 6, 13, 8)
    ("heldout71.jsonl", "context", 166, 8), ("heldout72.jsonl", "context", 179, 6),
    ("heldout73.jsonl", "context", 169, 11), ("heldout74.jsonl", "context", 185, 7),
    # sealed during stop 61's round, scored once at its end, the same before it (whole names
    # without the schools: 4, 6, 10 and 11)
    ("heldout75.jsonl", "whole", 206, 4), ("heldout76.jsonl", "whole", 198, 3),
    ("heldout77.jsonl", "whole", 162, 10), ("heldout78.jsonl", "whole", 164, 7),
    # sealed during stop 61's second round, scored once at its end (whole names without the
    # schools: 5, 5, 8 and 4; before the round 81 altered 5 knowing them)
    ("heldout79.jsonl", "whole", 187, 4), ("heldout80.jsonl", "whole", 174, 5),
    ("heldout81.jsonl", "whole", 197, 4), ("heldout82.jsonl", "whole", 188, 4),
    # 75 to 82 read since, and stop 62's round written from them: 2, 2, 6, 5, 2, 2, 3, 3
    *[(f"heldout{n}.jsonl", "whole", least, most) for n, least, most in [
        (75, 206, 2), (76, 199, 2), (77, 164, 6), (78, 165, 5), (79, 187, 2), (80, 174, 2),
        (81, 197, 3), (82, 188, 3)]],
    # sealed during stop 62's round, scored once at its end (before it: 2, 2, 8 and 4)
    ("heldout83.jsonl", "whole", 186, 2), ("heldout84.jsonl", "whole", 204, 2),
    ("heldout85.jsonl", "whole", 188, 7), ("heldout86.jsonl", "whole", 155, 4),
    # sealed during stop 62's second round, scored once at its end: 2, 3, 6 and 3 (5 for 89
    # before the round); read since, and the third round written from them: 1, 2, 4 and 3
    ("heldout87.jsonl", "whole", 176, 1), ("heldout88.jsonl", "whole", 189, 2),
    ("heldout89.jsonl", "whole", 181, 4), ("heldout90.jsonl", "whole", 178, 3),
    # sealed during stop 63's three rounds, scored once at its end (the same altered before)
    ("heldout91.jsonl", "whole", 173, 1), ("heldout92.jsonl", "whole", 179, 4),
    ("heldout93.jsonl", "whole", 166, 3), ("heldout94.jsonl", "whole", 196, 5),
    ("heldout95.jsonl", "whole", 185, 3), ("heldout96.jsonl", "whole", 175, 4),
    ("heldout97.jsonl", "whole", 193, 2), ("heldout98.jsonl", "whole", 178, 3),
    # sealed during stop 64's first round, scored once after it (before it: 105 altered 1)
    ("heldout99.jsonl", "whole", 189, 2), ("heldout100.jsonl", "whole", 173, 2),
    ("heldout101.jsonl", "whole", 173, 4), ("heldout102.jsonl", "whole", 198, 4),
    ("heldout103.jsonl", "whole", 187, 2), ("heldout104.jsonl", "whole", 204, 2),
    ("heldout105.jsonl", "whole", 177, 0), ("heldout106.jsonl", "whole", 200, 4),
    # sealed during stop 64's second round, scored once at its end (the same before it)
    ("heldout107.jsonl", "whole", 195, 4), ("heldout108.jsonl", "whole", 176, 4),
    ("heldout109.jsonl", "whole", 177, 5), ("heldout110.jsonl", "whole", 161, 4),
    ("heldout111.jsonl", "whole", 192, 1), ("heldout112.jsonl", "whole", 194, 3),
    ("heldout113.jsonl", "whole", 187, 4), ("heldout114.jsonl", "whole", 160, 1),
    # written blind at stop 65 naming colleagues often, sealed, scored once
    ("heldout115.jsonl", "whole", 175, 31), ("heldout116.jsonl", "whole", 178, 24),
    ("heldout117.jsonl", "whole", 198, 14), ("heldout118.jsonl", "whole", 190, 15),
    # written blind at stop 66 from the same brief, sealed, scored once
    ("heldout119.jsonl", "whole", 171, 15), ("heldout120.jsonl", "whole", 185, 12),
    ("heldout121.jsonl", "whole", 193, 6), ("heldout122.jsonl", "whole", 191, 13),
    # and four more, sealed while rules were read off 119 to 122, scored once at c341057
    ("heldout123.jsonl", "whole", 196, 10), ("heldout124.jsonl", "whole", 216, 17),
    ("heldout125.jsonl", "whole", 220, 12), ("heldout126.jsonl", "whole", 257, 16),
    # and four more, sealed while rules were read off 123 to 126, scored once at 194e91a (130:
    # 15, then 16 once colleagues' addresses were taken back out)
    ("heldout127.jsonl", "whole", 230, 11), ("heldout128.jsonl", "whole", 243, 21),
    ("heldout129.jsonl", "whole", 232, 12), ("heldout130.jsonl", "whole", 247, 16),
    # and four more, sealed while rules were read off 127 to 130, scored once at stop 67
    ("heldout131.jsonl", "whole", 230, 11), ("heldout132.jsonl", "whole", 226, 15),
    ("heldout133.jsonl", "whole", 204, 14), ("heldout134.jsonl", "whole", 201, 9),
    # and four more, sealed until stop 67's rules were settled, scored once at 6f201c8
    ("heldout135.jsonl", "whole", 226, 4), ("heldout136.jsonl", "whole", 227, 5),
    ("heldout137.jsonl", "whole", 196, 3), ("heldout138.jsonl", "whole", 200, 12),
    # (stop 68: a district's ".net" domain no company's, two more of 125's and 127's altered,
    # three more of 137's students hidden) and four more, sealed until stop 68's rules were
    # settled, scored once knowing their directories' addresses too
    ("heldout139.jsonl", "whole", 283, 13), ("heldout140.jsonl", "whole", 295, 14),
    ("heldout141.jsonl", "whole", 242, 17), ("heldout142.jsonl", "whole", 248, 6),
    # and four more, written while those were scored, scored once with no rule changed after
    ("heldout143.jsonl", "whole", 231, 21), ("heldout144.jsonl", "whole", 255, 37),
    ("heldout145.jsonl", "whole", 295, 4), ("heldout146.jsonl", "whole", 302, 10)])
def test_the_sealed_corpora_hold_their_figures_knowing_their_schools(
        name: str, level: str, least_hidden: int, most_altered: int) -> None:
    know_schools((CORPUS / name).with_suffix(".schools.txt").read_text("utf-8").splitlines())
    found, _, altered, _ = counts(CORPUS / name, directory_of(name), level)
    assert found >= least_hidden and altered <= most_altered


@pytest.mark.parametrize("text", [
    "Passback failed again. - Corey Tanaka, McKinley",
    "Who has the cart?\nCorey Tanaka, McKinley",
    "Printer is jammed. Thanks, Holly Bragdon, Lincoln",
])
def test_a_colleague_signing_with_one_word_of_their_school_keeps_it(text: str) -> None:
    know_schools([*DISTRICT, "President William McKinley High School",
                  "Sherwood Heights Elementary"])
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a student's name before it is hidden, and so is the word
    ("Can you reset it? Jaden Smith, Morrison", "Can you reset it? [name], [name]"),
    # the sentence speaks of children
    ("Kids locked out: Corey Tanaka, Morrison", "Kids locked out: [name], [name]"),
    # not the message's end
    ("Corey Tanaka, Morrison can't log in", "[name], [name] can't log in"),
    # no school's word
    ("Who has the cart? Corey Tanaka, Jaden", "Who has the cart? Corey Tanaka, [name]"),
    # a label, a grade or a child: no signature (a red team's, BB, stop 61)
    ("Found a Chromebook with no asset tag. Sticker on the lid says Ms. Lee, Morrison",
     "Found a Chromebook with no asset tag. Sticker on the lid says Ms. Lee, [name]"),
    ("Lost and found has an iPad case. Tag says Ms. Lee, Lincoln 3rd grade.",
     "Lost and found has an iPad case. Tag says Ms. Lee, [name] 3rd grade."),
    ("Testing seat swap for tomorrow. Ms. Lee, Morrison",
     "Testing seat swap for tomorrow. Ms. Lee, [name]"),
    ("Loaner hotspot went home with her yesterday.\n- Ms. Lee, Lincoln",
     "Loaner hotspot went home with her yesterday.\n- Ms. Lee, [name]"),
])
def test_a_schools_word_after_a_name_is_kept_only_as_a_colleagues_signature(
        text: str, expected: str) -> None:
    assert masked(text) == expected
