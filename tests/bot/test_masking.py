"""Masking student identifiers, scored on corpora written blind and on the cases issue 16 lists.

The corpora (tests/bot/masking_corpus/) were written by people who never saw the code. Each
line is {"text", "identifiers", "kind"}: "identifier" texts hold student identifiers, "tech"
texts hold none and must come through unchanged. `tuning.jsonl` was read while building the
masker. `tuning2.jsonl`, written blind by a second writer, was measured once before anything
was changed for it (an honest out-of-sample figure), then read and tuned on. `tuning3.jsonl`,
written blind by a fourth writer who never saw the product (about 15% of it in Spanish), went
the same way: measured once as it came, then read and tuned on; so did `tuning4.jsonl`,
`tuning5.jsonl`, `tuning6.jsonl`, `tuning7.jsonl` (written as a held-out corpus, then
read) and `tuning8.jsonl`, each written blind by yet another writer. The held-out
corpora are never read: they are only scored, in test_masking_heldout.py. The first-name
corpora (`first_names_*.jsonl`, ten writers) hold messages naming people by first name
alone, each name labelled student or grown-up by its writer: how often each kind is hidden.

How an identifier is scored. The output must be the text with some stretches replaced by
placeholders ("[name]", "[id number]", "[phone]", "[date of birth]", "[email]", "[username]",
"[address]")
and nothing else changed; the text between placeholders is matched back onto the text, in
order, which says which characters were replaced. An identifier's parts are its maximal runs
of two or more letters or digits ("O'Brien-Smith": "Brien", "Smith"; "Jaden R.": "Jaden"). The
identifier is masked when, at every place it occurs in the text, each of its parts has at
least one character replaced, so no part survives where it was. Rates: identifiers masked
over all identifiers of "identifier" texts; tech texts altered (output differs at all) over
all "tech" texts. Targets (issue 16): at least 95% masked, at most 2% altered.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bot.i18n import speaking
from bot.masking import Masked, mask_student_data, privacy_note

CORPUS = Path(__file__).parent / "masking_corpus"
# The corpora were written in late 2026; dates of birth are judged against that day.
TODAY = date(2026, 12, 1)
PLACEHOLDER = re.compile(r"\[(?:name|id number|phone|date of birth|email|username|address)\]")
PART = re.compile(r"[^\W_]{2,}")


def replaced(text: str, output: str) -> list[bool]:
    """For each character of `text`, whether the output replaced it with a placeholder."""
    kept = PLACEHOLDER.split(output)
    aligned = re.fullmatch("(.+?)".join(re.escape(k) for k in kept), text, re.DOTALL)
    assert aligned, f"the output changed more than placeholders:\n{text}\n{output}"
    hidden = [False] * len(text)
    for group in range(1, len(kept)):
        hidden[aligned.start(group):aligned.end(group)] = [True] * (aligned.end(group)
                                                                    - aligned.start(group))
    return hidden


def is_masked(text: str, output: str, identifier: str) -> bool:
    """Every part of every occurrence of `identifier` lost at least one character."""
    hidden = replaced(text, output)
    occurrences = [m.start() for m in re.finditer(re.escape(identifier), text)]
    assert occurrences, f"{identifier!r} is not in {text!r}"
    return all(any(hidden[at + p.start():at + p.end()]) for at in occurrences
               for p in PART.finditer(identifier))


def score(name: str, mask: Callable[[str], str] | None = None
          ) -> tuple[float, float, list[str]]:
    """(identifiers masked, tech texts altered, what went wrong) over one corpus, masked by
    `mask` (the masker, unless a bench tries another)."""
    lines = [json.loads(line) for line in (CORPUS / name).read_text("utf-8").splitlines()]
    found, total, altered, tech, wrong = 0, 0, 0, 0, []
    for line in lines:
        text = line["text"]
        output = (mask or masked)(text)
        if line["kind"] == "tech":
            tech += 1
            altered += output != text
            wrong += [f"altered: {text} -> {output}"] if output != text else []
            continue
        for identifier in line["identifiers"]:
            total += 1
            hit = is_masked(text, output, identifier)
            found += hit
            wrong += [] if hit else [f"missed {identifier!r}: {text} -> {output}"]
    return found / total, altered / tech, wrong


def test_the_tuning_corpus_is_masked_without_touching_tech_texts() -> None:
    masked, altered, wrong = score("tuning.jsonl")
    assert masked >= 0.95 and altered <= 0.02, "\n".join(wrong)


def test_the_second_tuning_corpus_meets_the_targets() -> None:
    # Measured before anything was changed for it: 0.769 of its 281 identifiers masked and
    # 0.100 of its 150 tech texts altered, as far from the targets as the held-out corpus
    # was. Then it was read and tuned on (by rules meant to carry over: the sentence around a
    # word, lists, usernames, places and lessons), and now it holds both targets.
    masked, altered, wrong = score("tuning2.jsonl")
    assert masked >= 0.95 and altered <= 0.02, "\n".join(wrong)


def test_the_third_tuning_corpus_meets_the_targets() -> None:
    # Measured as it came, before anything was changed for it: 0.937 of its 366 identifiers
    # masked (343) and 0.240 of its 200 tech texts altered (48): staff, vendors' lines and
    # addresses, places and Spanish words taken for students. Then it was read and tuned on
    # (common Spanish words and titles, work addresses and institutions' lines kept, grown-ups
    # named by their job, places, a name hidden wherever it repeats), and now it holds both.
    masked, altered, wrong = score("tuning3.jsonl")
    assert masked >= 0.95 and altered <= 0.02, "\n".join(wrong)


def test_the_fourth_tuning_corpus_meets_the_targets() -> None:
    # Measured as it came, before anything was changed for it: 0.936 of its 250 identifiers
    # masked (234) and 0.050 of its 120 tech texts altered (6): a web address's word, a
    # company and a famous name before a lowercase word, a Spanish verb and two numbering
    # schemes ("rooms 101-108", "webinar ID") taken for students; first names that only the
    # student's own username or email, a bracket or an id after them gave away. Then it was
    # read and tuned on (see docs/masking.md), and now it holds both: 1.000 and 0.000.
    masked, altered, wrong = score("tuning4.jsonl")
    assert masked >= 0.95 and altered <= 0.02, "\n".join(wrong)


def test_the_fifth_tuning_corpus_meets_the_targets() -> None:
    # Measured as it came, before anything was changed for it: 0.947 of its 265 identifiers
    # masked (251) and 0.192 of its 120 tech texts altered (23): grown-ups taken for students
    # (the writer signing or introducing themselves, a job in brackets, "the rep's name is",
    # a tech who "came by and swapped the cable", a staff list, a titled person's full name in
    # brackets), a brand and a Spanish school's name, and numbers whose cue a list of asset
    # tags pushed out of reach, a budget's account, a meeting's and an employee's id. Then it
    # was read and tuned on (see docs/masking.md), and now it holds both: 0.977 and 0.017.
    masked, altered, wrong = score("tuning5.jsonl")
    assert masked >= 0.95 and altered <= 0.02, "\n".join(wrong)


def test_the_sixth_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind for the sixth round by one writer speaking as six school staff, naming
    # colleagues, reps and office staff as people do. As it came: 0.957 (246 of 257) masked,
    # 0.192 (23 of 120) tech texts altered. The round kept to three rules that hold for any
    # writer (a Spanish article is followed by no name, a web status is no id, the network
    # team, bookkeeper and registrar are grown-ups' departments) and stopped: 0.957 / 0.150.
    # Most of what is left is a colleague named by first name alone ("email Tina?"), which
    # the masker cannot tell from a student without reading what the sentence is about.
    # The eighth round's rules (grown-ups at the front desk, in brackets with a department,
    # "the new guy", a rep "at" a company; companies' and Spanish institutions' words; a
    # lowercase name before ", 2nd grade") moved it to 0.961 (247) / 0.083 (10); the ninth
    # (a state's student number system, MARSS) to 0.965 (248).
    masked, altered, wrong = score("tuning6.jsonl")
    assert masked >= 0.964 and altered <= 0.084, "\n".join(wrong)


def test_the_seventh_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind for the eighth round (a rural 2nd-grade teacher, a para, a librarian, a
    # chemistry teacher, an assistant principal; 200 texts, 183 identifiers) and meant as a
    # held-out corpus; measured as it came, 0.874 (160 of 183) / 0.130 (13 of 100), it was
    # then read and tuned on, and a later writer's corpus became the held-out one. Now 0.951
    # (174) / 0.050 (5): library cards and barcodes, a family's number set in an app, one
    # name a line, a roster mid-sentence, "the McAllisters", a nickname in quotes before a
    # name; an @-mention, "thx -Becky", "Profa.", "Des Moines". What is left: names that are
    # words or no list has, with nothing around them ("Honey and Star", "Jiho keeps ..."),
    # and staff the sentence does not mark ("asking for Shelly"). The ninth round took two
    # more: "Rose keeps getting logged out", "Destiny's iready": 0.962 (176).
    masked, altered, wrong = score("tuning7.jsonl")
    assert masked >= 0.961 and altered <= 0.05, "\n".join(wrong)


def test_the_eighth_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind for the ninth round (a Minneapolis science teacher with Somali, Hmong and
    # Oromo students, an ESL teacher, an after-school coordinator, a school psychologist, a
    # long-term sub, a rural Louisiana 1st-grade teacher; 200 texts, 200 identifiers).
    # As it came: 0.950 (190 of 200) / 0.140 (14 of 100). Read and tuned on: a PIN that
    # "should be" or "is supposed to be" a number, "Her number is", a room "in 118", a
    # message about usernames, "Deeqa's and Chaltu's ipads", "Kid in 3rd hr (Chue Her)";
    # a grown-up's "Her name is" and their line, the writer's own cell and account, "Contact
    # is Brianna", "(social worker)", "I'm at Lucy Laney", "soy sub en Roosevelt", staff
    # "Names:" in the sentence after. Now 0.995 (199) / 0.010 (1: "owner is Jessica Lor",
    # left because "the real owner is Makena" of a lunch PIN is a student).
    masked, altered, wrong = score("tuning8.jsonl")
    assert masked >= 0.995 and altered <= 0.01, "\n".join(wrong)


def test_the_ninth_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind for the twelfth round (a Michigan auto-shop teacher, a Houston orchestra
    # teacher, a Salt Lake City ELL coordinator, a rural Georgia PE teacher, a Boston social-
    # studies head, an Albuquerque nurse; 240 texts, 175 identifiers, 160 tech texts), from a
    # brief that quoted a few lines of the read corpora as examples of how staff write. As it
    # came: 0.937 (164 of 175) / 0.181 (29 of 160). Read and tuned on (docs/masking.md, the
    # twelfth round): 0.954 (167) / 0.063 (10: colleagues by first name, "Mitchell 1", a
    # possessive before a quoted speech); with parents named by title, 0.983 (172) / 0.063.
    # After the thirteenth round: 0.994 (174) / 0.075 (12: the model refitted on two more
    # writers spares two colleagues fewer).
    masked, altered, wrong = score("tuning9.jsonl")
    assert masked >= 0.994 and altered <= 0.075, "\n".join(wrong)


def test_the_tenth_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind in the twelfth round from a brief with no example lines (a Chicago drama
    # teacher, a rural Oklahoma superintendent's secretary, a Virginia library media
    # specialist, a Tucson 5th-grade teacher, a Columbus, Georgia, transportation clerk, a St.
    # Paul math interventionist; 240 texts, 191 identifiers, 160 tech texts). As it came,
    # with the round's masker at that point: 0.843 (161 of 191) / 0.100 (16 of 160); with the
    # masker the round started from, 0.843 / 0.113 (18). Its writer counted families' home
    # addresses and parents named by title among the identifiers, which no finder took then.
    # Read and tuned on: home addresses, titled parents, ", age 9", "La familia Quintero",
    # "Lane Kirby", "student email" at any domain; an office's number, role mailboxes, "$175ish",
    # "is still mine", "AP Okafor", a colleague on leave: 0.969 (185) / 0.044 (7).
    # After the thirteenth round: 0.974 (186) / 0.031 (5).
    masked, altered, wrong = score("tuning10.jsonl")
    assert masked >= 0.973 and altered <= 0.032, "\n".join(wrong)


def test_the_eleventh_and_twelfth_tuning_corpora_hold_the_figures_their_round_reached(
        ) -> None:
    # Written blind at the start of the thirteenth round from a brief with no example lines
    # (240 texts each, 160 of them tech texts; the eleventh: a Cleveland math teacher, a rural
    # Kansas transportation director, a Newark front-office secretary, a Tucson reading
    # interventionist, a St. Louis athletic trainer, 172 identifiers; the twelfth: a Nashville
    # 2nd-grade teacher, a rural Oregon agriculture teacher, a Dallas dual-language teacher, a
    # Providence social worker, a Denver data analyst, 180 identifiers). As they came: 0.919
    # (158) / 0.075 (12) and 0.917 (165) / 0.063 (10). Read and tuned on (docs/masking.md, the
    # thirteenth round): signatures of several lines, titled parents, addresses with units,
    # exports' rows, companies, a colleague's line: 0.994 (171) / 0.006 (1) and 0.983 (177) /
    # 0.013 (2).
    for name, least, most in (("tuning11.jsonl", 0.994, 0.007), ("tuning12.jsonl", 0.983, 0.013)):
        masked, altered, wrong = score(name)
        assert masked >= least and altered <= most, "\n".join(wrong)


def test_the_thirteenth_and_fourteenth_tuning_corpora_hold_the_figures_their_round_reached(
        ) -> None:
    # Written blind at the start of the fourteenth round from the same brief (240 texts each,
    # 160 of them tech texts; the thirteenth: a Milwaukee 5th-grade teacher, a rural New
    # Mexico school nurse, a Houston band director, a Baltimore library media specialist, a
    # Boise registrar, 152 identifiers; the fourteenth: a Detroit chemistry teacher, an
    # Anchorage PE teacher, a Miami dual-language teacher, a rural Vermont principal, a
    # Columbus counselor, 165 identifiers). As they came: 0.921 (140) / 0.063 (10) and 0.945
    # (156) / 0.038 (6). Read and tuned on (docs/masking.md, the fourteenth round): names
    # hidden whole, lists of grown-ups or of students, languages, ZIP codes, rural routes,
    # parents named after their child: 0.980 (149) / 0.006 (1) and 0.994 (164) / 0.006 (1);
    # after the attack's mending (a club's co-director may be a student), 0.980 / 0.013 (2).
    for name, least, most in (("tuning13.jsonl", 0.980, 0.013), ("tuning14.jsonl", 0.993, 0.007)):
        masked, altered, wrong = score(name)
        assert masked >= least and altered <= most, "\n".join(wrong)


def first_name_shares(name: str, mask: Callable[[str], str] | None = None
                      ) -> tuple[float, float]:
    """(students hidden, grown-ups hidden) over a first- or full-name corpus: lines {"text",
    "names": [{"name", "who"}]}, each name labelled "student" or "adult" by its writer; a
    student's name is hidden when each of its parts lost a character, a grown-up's when any
    character of it did."""
    tally: Counter[str] = Counter()
    for line in (CORPUS / name).read_text("utf-8").splitlines():
        row = json.loads(line)
        hidden, at = replaced(row["text"], (mask or masked)(row["text"])), 0
        for person in row["names"]:
            start = row["text"].index(person["name"], at)
            at = start + len(person["name"])
            tally[person["who"]] += 1
            tally[person["who"] + " hidden"] += all(  # a student's every part, a grown-up's any
                any(hidden[start + p.start():start + p.end()]) for p in PART.finditer(
                    person["name"])) if person["who"] == "student" else any(hidden[start:at])
    return (tally["student hidden"] / tally["student"], tally["adult hidden"] / tally["adult"])


# Ten writers, 3,300 messages naming people by first name alone. As they came (the seventh
# round) the word rules hid a grown-up's name nearly as readily as a student's (a: 0.908 /
# 0.677, b: 0.915 / 0.654, c: 0.910 / 0.589, d: 0.873 / 0.572, e: 0.902 / 0.611, f: 0.936 /
# 0.660, g: 0.935 / 0.585, h: 0.764 / 0.573, i: 0.852 / 0.658, j: 0.893 / 0.648); a context
# model that spared grown-ups was tried and not kept (bench/masking_grown_ups.py). The
# eighth round took from them the contexts where only grown-ups were named, by at least
# four writers and no student, narrowed where a student could stand as well ("Sarah in the
# front office", "Karen asked me to" with no "he" or "she" after, "Leila is the new speech
# therapist", "Keisha and I are co-teaching", "hey Tasha did you ..."): every writer's
# grown-ups are hidden less often, and no writer's students. The ninth round's student
# rules ("keeps getting kicked off", "the kid in the front row (Julio)", "Ruby's Lexia")
# hid more of d's, e's, g's and i's students and no more grown-ups (a: 0.918 / 0.590, b:
# 0.920 / 0.631, c: 0.915 / 0.516, d: 0.878 / 0.509, e: 0.907 / 0.555, f: 0.936 / 0.628, g:
# 0.940 / 0.528, h: 0.764 / 0.518, i: 0.859 / 0.604, j: 0.893 / 0.606). Four more writers
# (k to n, 1,200 messages) came in the tenth round; by the rules they were 0.980 / 0.787,
# 0.960 / 0.790, 0.943 / 0.696 and 0.894 / 0.768, and by the model of grown-ups' names
# fitted on a to j, measured as they came, the same students and 0.431, 0.472, 0.407 and
# 0.479 of the grown-ups. The model is now fitted on all fourteen, so the figures below are
# on texts it learned from; the figures for writers it never saw are in bench/README.md.
# Two more writers (o and p) and a third full-name writer (d) came in the twelfth round
# (o's file lost 178 lines that two other writers' drafts had put in it, so it holds 122).
# As they came, by the rules: 0.859 / 0.464, 0.916 / 0.487 (d: 0.934 / 0.716); by the model
# fitted without them 0.846 / 0.333, 0.911 / 0.327 (d: 0.934 / 0.595). Refitted on all
# twenty and the ninth and tenth tuning corpora, with the round's rules (the figures below,
# against those before the round), every writer's grown-ups but l's (0.376 -> 0.384) are
# hidden less often or as often, and every writer's students as often or more often (f, i,
# b's full names). A fifth first-name writer (q) and a fifth full-name writer (e) came in the
# thirteenth round; by the model fitted without them, 0.896 / 0.443 and 0.968 / 0.338 (by the
# rules 0.896 / 0.585 and 0.984 / 0.481: the model spared three of e's 185 students). Refitted
# on all twenty-two and the eleventh and twelfth tuning corpora, with the round's rules, the
# figures below: every writer's students as often or more often (o: 0.872 -> 0.885), and
# the grown-ups of a, c, e, g, i, k, n and p and of full-name writers a and c hidden more
# often (a: 0.256 -> 0.272, full c: 0.405 -> 0.459), those of f, l, m and full d less often.
FIRST_NAME_FIGURES = {"a": (0.918, 0.272), "b": (0.920, 0.439), "c": (0.915, 0.342),
                      "d": (0.878, 0.288), "e": (0.907, 0.341), "f": (0.944, 0.383),
                      "g": (0.940, 0.223), "h": (0.764, 0.347), "i": (0.866, 0.423),
                      "j": (0.893, 0.352), "k": (0.980, 0.327), "l": (0.960, 0.380),
                      "m": (0.943, 0.299), "n": (0.894, 0.428), "o": (0.885, 0.217),
                      "p": (0.926, 0.236), "q": (0.896, 0.404)}
# Three writers, 900 messages naming 1,257 people in full (the tenth round). By the rules
# 0.995 / 0.859, 0.974 / 0.850 and 1.000 / 0.882 (students hidden whole / grown-ups touched);
# the model learned from them, and spares one of b's students (the figures for each writer
# with the model fitted without it are in bench/README.md).
FULL_NAME_FIGURES = {"a": (0.995, 0.376), "b": (0.985, 0.367), "c": (1.000, 0.459),
                     "d": (0.940, 0.421), "e": (0.973, 0.331)}


@pytest.mark.parametrize("writer", sorted(FIRST_NAME_FIGURES))
def test_students_named_by_first_name_alone_stay_hidden_as_often_as_measured(
        writer: str) -> None:
    students, grown_ups = first_name_shares(f"first_names_{writer}.jsonl")
    assert students >= FIRST_NAME_FIGURES[writer][0] - 0.0005
    assert grown_ups <= FIRST_NAME_FIGURES[writer][1] + 0.0005


@pytest.mark.parametrize("writer", sorted(FULL_NAME_FIGURES))
def test_students_named_in_full_stay_hidden_as_often_as_measured(writer: str) -> None:
    students, grown_ups = first_name_shares(f"full_names_{writer}.jsonl")
    assert students >= FULL_NAME_FIGURES[writer][0] - 0.0005
    assert grown_ups <= FULL_NAME_FIGURES[writer][1] + 0.0005


def masked(text: str) -> str:
    return mask_student_data(text, today=TODAY).text


def left_of(name: str, text: str) -> list[str]:
    """The words of `name` still in `text` once masked (any case, whole words)."""
    out = masked(text)
    return [w for w in name.split() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out, re.I)]


@pytest.mark.parametrize(("text", "expected"), [
    ("student #123456 needs a loaner", "student #[id number] needs a loaner"),
    ("Jaden R. in 3rd period can't hear", "[name] in 3rd period can't hear"),
    ("his cell is 555-867-5309", "his cell is [phone]"),
    ("call (555) 867 5309 after 3", "call [phone] after 3"),
    ("lunch number 4821 is also his PIN", "lunch number [id number] is also his PIN"),
    ("Student number 10458823117 won't scan", "Student number [id number] won't scan"),
    ("reset the password for S1234567", "reset the password for [id number]"),
    ("DOB 04/12/2014 in the SIS", "DOB [date of birth] in the SIS"),
    ("123 456 789 is on his badge", "[id number] is on his badge"),
    ("Jaden Rodriguez's laptop is cracked", "[name]'s laptop is cracked"),
    ("my student, Jaden Rodriguez, says", "my student, [name], says"),
    ("MAYA CHEN cannot print", "[name] cannot print"),
    ("Can you help Kiara? Her Chromebook froze", "Can you help [name]? Her Chromebook froze"),
    ("Mary-Kate O'Brien-Smith is locked out", "[name] is locked out"),
    ("JOSÉ NÚÑEZ is listed twice", "[name] is listed twice"),
    ("Nguyễn Thị Lan lost her charger", "[name] lost her charger"),
    ("pls reset lexia for marisol vega and tomas reyes",
     "pls reset lexia for [name] and [name]"),
    ("Sofia L. and Noah K. both see the error", "[name] and [name] both see the error"),
    ("new student, Daniyar Abenov, needs a badge", "new student, [name], needs a badge"),
    ("her email is maya dot chen at stu dot district dot org",
     "her email is [email]"),
    ("Grace Kim's email is gkim08@students.lakeview.org",
     "[name]'s email is [email]"),
    ("she was born April 12, 2014", "she was born [date of birth]"),
    ("state ID 123-45-6789 on the roster", "state ID [id number] on the roster"),
    ("Rodriguez, Jaden - can't log in", "[name] - can't log in"),
    ("her Lexia login 482 fails", "her Lexia login [id number] fails"),
    ("Skyward 48213 is hers", "Skyward [id number] is hers"),
])
def test_identifiers_are_replaced_by_what_they_were(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Windows 11 23H2 update failed with error 0x80070005 in room 204",
    "The HP LaserJet M404n shows error 49.4C02",
    "Chromebook C740, asset tag 004512, is missing a key",
    "Seesaw keeps crashing on the iPad 9th gen cart",
    "Google Classroom join code 8XK2PQ isn't working",
    "Ms. Rivera and Mr. Okafor need the new dashboard",
    "Call the help desk at ext. 4410 between 2:30 and 3:15",
    "Ticket #4412 and ticket 88231 are still open",
    "Printer IP is 10.12.4.87, MAC 3C:52:82:1A:FF:07",
    "ENG-101-04 and MATH-201-02 have no Canvas shell",
    "Build 22631.4317 and KB5044284 broke the Epson BrightLink 710Ui",
    "Can we meet Tuesday 10/14 at 2:30 about Kami and Lexia?",
    "Kahoot PIN 4829173 and Blooket game ID 583921 won't load",
    "Zoom meeting ID 845 2210 9931 with passcode 220517",
    "Lincoln Elementary's Star Reading licences expire 06/30/2027",
    "Our Title I budget for 2025-26 covers 120 Chromebooks",
    "Renaissance Star 360 reports won't load for 4th grade",
])
def test_tech_details_come_through_unchanged(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a list that holds a name is a list of names, even of words ("Ivy") and unknown ones
    ("Ivy and Rowan share a Chromebook", "[name] and [name] share a Chromebook"),
    ("Taini, Efua and Noah need the quiz reset", "[name], [name] and [name] need the quiz reset"),
    ("liam, ava and noah can't see the quiz", "[name], [name] and [name] can't see the quiz"),
    # a first name that is also a word, doing what people do
    ("Sunny left his charger in the library", "[name] left his charger in the library"),
    ("Chase told me the hotspot light is red", "[name] told me the hotspot light is red"),
    ("grace and will both lost their headphones", "[name] and [name] both lost their headphones"),
    ("Can you help Faith? She is locked out", "Can you help [name]? She is locked out"),
    ("Moreno can't log in, his badge is cracked", "[name] can't log in, his badge is cracked"),
    ("Rain and Storm Whitehorse (twins) need accounts", "[name] and [name] (twins) need accounts"),
    # a first name that is also a word beside a surname; a nickname; a roster; a sign-off
    ("Hope Okonkwo-Bell's iPad won't charge", "[name]'s iPad won't charge"),
    ("Katherine 'Kit' Moreno's login is locked", "[name]'s login is locked"),
    ("Pls fix in Clever: Tran, Minh Chau", "Pls fix in Clever: [name]"),
    ("the charger is still missing - Thandiwe", "the charger is still missing - [name]"),
    ("KIMANI OTIENO HAS NO BADGE YET, PLEASE ADD", "[name] HAS NO BADGE YET, PLEASE ADD"),
    ("oliver king can't log in to IXL", "[name] can't log in to IXL"),
    ("kylie m. lost her charger", "[name]. lost her charger"),
    # usernames, partial dates of birth, check digits, a login's PIN
    ("username mpatel2031 is locked", "username [username] is locked"),
    ("please reset kenji.tanaka, he forgot it", "please reset [username], he forgot it"),
    ("stu_maria.lopez can't sign in", "[username] can't sign in"),
    ("DOB 03/2012 is all the form has", "DOB [date of birth] is all the form has"),
    ("she was born on the ninth of May, 2013", "she was born on [date of birth]"),
    ("her ID with check digit is 55012-3", "her ID with check digit is [id number]"),
    ("his login PIN 2210 stopped working", "his login PIN [id number] stopped working"),
])
def test_the_sentence_around_a_word_decides(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Will the new carts arrive before spring break?",
    "Hope this helps: restart the access point first.",
    "Is there a grace period for late device returns?",
    "Summer school needs 40 Chromebooks imaged by June 16.",
    "Our Harriet Tubman biography unit needs Newsela access.",
    "We're researching Sitting Bull and the PBS video won't play.",
    "The Franklin T10 hotspots need new SIM cards.",
    "The Roosevelt, Kennedy, and Lincoln classrooms lost power at noon.",
    "The camera in the Madison hallway is offline.",
    "The printers at Jefferson and Lincoln are offline.",
    "MLK Day is Jan 19 and the help desk is closed.",
    "Eid al-Adha and Diwali need to go on the district calendar.",
    "Canvas (ID 48213) still shows last year's syllabus.",
    "Wixie won't save her project on the iPads.",
    "ruby is installed on her mac but not on the lab machines",
    "The login format for students is first.last plus the grad year.",
    "Please allow clever.com and sso.classlink.com on the filter.",
])
def test_places_lessons_and_products_named_like_people_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("text", [
    # grown-ups named by their job or title, their work addresses and their lines
    "Our Kami rep, Dana Whitfield, says the quote is ready: dana.whitfield@kamiapp.com",
    "Ask Jordan (our new library aide) for the cart key.",
    "ms. grace okafor's projector is flickering again",
    "Email helpdesk@district.org or support@securly.com for filter issues.",
    "Call the district office at 555-610-2200 about the outage; the vendor is 877-555-0100.",
    # places, products with a version, versions shaped like dates, hashes
    "The Fort Collins trip and the Washington DC trip both need hotspots.",
    "Lockdown Browser 2.1.1.06 and Minecraft 1.20.12 need updating.",
    "Our tenant ID is 9c2e4f1a7b3d, the vendor asked for it.",
    # Spanish: words, titles and dates that are no student's
    "La maestra Carmen Ibarra pide acceso a Kahoot para su grupo de la sala 4.",
    "El curso es del 8 al 12 de julio, con la Lic. Ramírez, etiqueta 00457.",
    # a Spanish verb after its pronoun; a web address; a company; a lesson's famous name
    "No me deja entrar a Teams desde la laptop.",
    "la app no le deja compartir pantalla",
    "The site kinginstitute.stanford.edu is blocked by the filter.",
    "The Texas Instruments TI-84 calculators need an OS update.",
    "The Jackie Robinson field-day slides won't open.",
    # numbering schemes: plural, a webinar's, and one across a dash
    "Replace the projector bulbs in rooms 101-108 over break.",
    "The webinar ID is 916 2240 8831 and the passcode 482913.",
    "The Chromebook cart — ID 4471 — is missing two chargers.",
    # a grown-up at work, a state's test or agency, a place a lowercase word away, a model
    "ms. maria lopez needs a projector in room 12",
    "Paige from Lenovo said the warranty covers the hinges.",
    "Our Clever admin is Dana Reyes at the district office.",
    "Georgia Milestones practice tests need the Kite portal.",
    "Virginia SOL testing starts in May.",
    "The Raleigh field trip needs 3 hotspots.",
    "The Sonos speaker won't pair with the Mac Mini.",
    "Kelly from the front office says the copier is jammed again.",
    "Sandra in payroll can't open the HR portal.",
    "Our new IT tech, Marcus, will image the carts on Tuesday.",
    "Professor Garcia from UCLA will demo the VR headsets.",
    "The contact for Kajeet is Brian Walsh, brian.walsh@kajeet.net.",
    # one word after "the" describing the noun after it
    "The Edison charging station lost two cables.",
    # whom the message is addressed to; grown-ups by their office, vendor or job
    "Hi Dana, thanks for fixing the projector!",
    "Hola Ana, el enlace de Zoom no funciona.",
    "Forwarding from Priya at Securly: the new policy is live.",
    "Chris from the tech office will swap the switches.",
    "Cc: Jamie Lee, district ed tech coordinator.",
    "Rosa, de la oficina, dice que la impresora está sin tóner.",
    "La red de invitados no deja entrar a los padres.",
    # fifth round: the writer introducing or signing themselves; jobs before, after or in
    # brackets; grown-ups' work; a staff list; brands, product lines and Spanish schools;
    # whom a message addresses; budget accounts, meeting and staff ids; acronyms
    "I'm Carla Jimenez, 3rd grade at Whitman, and I'm locked out.",
    "HI THIS IS TERESA AGAIN. THE PHONE AT THE FRONT DESK SAYS NO SERVICE.",
    "Ya revisé el volumen y sigue sin sonido. —Marisol",
    "Can you reset my MFA? Thanks, Sheila Monroe, secretary at Roosevelt Primary",
    "Our meeting w/ the Lexia rep (Jordan) is Thursday in the library.",
    "Rebecca (our instructional coach) said to ask you for the shared drive.",
    "Gracias, Yesenia (secretaria).",
    "Becky (team lead) says the roster sync is off.",
    "the rep's name is Kyle, his number is 888-555-0175.",
    "Jordan is covering for Pat today, so the lab opens late.",
    "Darnell came by last week and swapped the cable but it's back.",
    "New staff onboarding list for Monday: Tina Rollins (2nd grade), Marcus Hale (PE).",
    "Our Title I coordinator Mrs. Rio (Angela Rio) needs the Federal Programs folder.",
    "Marca Califone, modelo 3066AV, sala 115.",
    "Aula 19, Escuela Primaria Lincoln, no prende el proyector.",
    "Phonak Roger Touchscreen mic in room 3 won't charge.",
    "Morgan, the laptops are in the office.",
    "Dana said to ask you about the cart.",
    "Alex told me to put in a ticket.",
    "Pilar nos dijo que el proyector no sirve.",
    "my para Rosa needs a badge for the copier.",
    "Sub Ms. Lorraine can't sign in on the classroom PC. She sees 'unauthorized browser'.",
    "Charge the headsets to account 10-2210-6400.",
    "Meeting ID for the parent night is 842 1193 5570.",
    "She's a classified employee, ID EMP-20441.",
    "Mi laptop pide una clave de 48 dígitos.",
    "Dice que su clave no sirve desde el lunes.",  # "su", hers: no girl named Su
    "tu cuenta está bloqueada, pide otra clave",
    "Se fue la luz el domingo y el Smartboard marca la hora mal.",
    "The Naviance login gives 403 Forbidden since the SSO change.",
    "Renee in bookkeeping said to ask you first.",
])
def test_staff_vendors_places_and_spanish_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Ruby Park and Violet Park are sisters", "[name] and [name] are sisters"),
    ("Kenji forgot his charger. Kenji's mom has it",
     "[name] forgot his charger. [name]'s mom has it"),
    ("the Okafor twins share a hotspot", "the [name] twins share a hotspot"),
    ("'Sky' in Mr. Diaz's room is locked out", "'[name]' in Mr. Diaz's room is locked out"),
    ("Please reset the login for Liam Ortega, username lortega",
     "Please reset the login for [name], username [username]"),
    ("account 2030mreyes is suspended", "account [username] is suspended"),
    ("el alumno Joaquín Peña nació el 5 de abril de 2013",
     "el alumno [name] nació el [date of birth]"),
    ("Nora Quinn's mom asked for a call back at 555-610-2200",
     "[name]'s mom asked for a call back at [phone]"),
    ("Wren Hale lost his badge (id:20391)", "[name] lost his badge (id:[id number])"),
    # a first name that the student's own email or username spells; a login built from a
    # name the text gives; a Spanish spelled-out address
    ("Can you add Meadow to my class? meadow.sims@students.lakeview.org",
     "Can you add [name] to my class? [email]"),
    ("Merge the two accounts for Minh Vo: mvo2031 and minh.vo",
     "Merge the two accounts for [name]: [username] and [username]"),
    ("la cuenta es tomas punto reyes arroba alumnos punto distrito punto org",
     "la cuenta es [email]"),
    # a bracket that repeats a name, a surname after a bracketed aside, a number's label or
    # a student's things after a name, a list of nothing but names, a letter an export lost
    ("the lunch number for Marcus (M. Baker) is wrong",
     "the lunch number for [name] ([name]) is wrong"),
    ("Noor (yes, that is her name) Haddad needs a new badge",
     "[name] (yes, that is her name) [name] needs a new badge"),
    ("Sunny Voskuijlen, SSID 99012234, moved here", "[name], SSID [id number], moved here"),
    ("Please check Sage's accommodations in the state testing app",
     "Please check [name]'s accommodations in the state testing app"),
    ("the Patel twins (Anika and Ada) share a Chromebook",
     "the [name] twins ([name] and [name]) share a Chromebook"),
    ("his name shows as Hakan Ko?ak in Clever", "his name shows as [name] in Clever"),
    ("ok, Will left his charger in the gym", "ok, [name] left his charger in the gym"),
    ("maria lopez needs new headphones", "[name] needs new headphones"),
    # an id across a dash from a device, "it's" after the number's noun, a name between
    ("Her Chromebook — ID 3301288 — won't boot", "Her Chromebook — ID [id number] — won't boot"),
    ("The lunch PIN on the register stopped working — it's 4471.",
     "The lunch PIN on the register stopped working — it's [id number]."),
    ("The student number for Tomas Reyes is 4471", "The student number for [name] is [id number]"),
    # a student is taken "from" an app or a roster; only a grown-up opens a sentence so
    ("Please remove Liam from Seesaw, he moved", "Please remove [name] from Seesaw, he moved"),
    ("Remove Maya from the district roster", "Remove [name] from the district roster"),
    ("Liam in IT class cannot log in", "[name] in IT class cannot log in"),
    ("the Okafor kids share a hotspot", "the [name] kids share a hotspot"),
    ("Hi Dana, Maya Chen cannot log in", "Hi Dana, [name] cannot log in"),
    ("Hey Liam forgot his charger again", "Hey [name] forgot his charger again"),
    # fifth round: a list's numbers keep their cue in reach; an id where its digits return;
    # Spanish fillers before a PIN; a capitalised login; a preferred name; a student's
    # scores; a person in a numbered room; the surname after a repeated name; a "he" after
    # "??"; a grown-up's verb with "she" after it is a child's
    ("asset tags 21-0455, 21-0461, 21-0478, 21-0502, 21-0519 are cracked",
     "asset tags 21-0455, 21-0461, 21-0478, 21-0502, 21-0519 are cracked"),
    ("student ID 0000451873 but the card says 451873.",
     "student ID [id number] but the card says [id number]."),
    ("el PIN del almuerzo, dice que es 0419", "el PIN del almuerzo, dice que es [id number]"),
    ("His user is DmitriV2015. Please help.", "His user is [username]. Please help."),
    ("dice Jesús Ortega pero prefiere Chuy.", "dice [name] pero prefiere [name]."),
    ("how do I move Ruby's reading logs?", "how do I move [name]'s reading logs?"),
    ("a bag with a tag that says LUNA GARCIA rm 11", "a bag with a tag that says [name] rm 11"),
    ("what is Ivy's lunch pin? Ivy Saucier, 3rd grade",
     "what is [name]'s lunch pin? [name], 3rd grade"),
    ("Lunch pin for Tanner?? he doesnt remember", "Lunch pin for [name]?? he doesnt remember"),
    ("Ava set up the Chromebook wrong, she needs help",
     "[name] set up the Chromebook wrong, she needs help"),
    ("bday 10/5, she's turning 9, can the class sing? - Shukri",
     "bday [date of birth], she's turning 9, can the class sing? - [name]"),
    ("el alumno jose martinez no puede entrar", "el alumno [name] no puede entrar"),
    ("student login 403 for Maya", "student login [id number] for [name]"),
    ("Jaden Ruiz 20441887 not found in PowerSchool", "[name] [id number] not found in PowerSchool"),
    ("kid with 2044188 not allowed on wifi", "kid with [id number] not allowed on wifi"),
    ("Jayden in tech class broke his screen", "[name] in tech class broke his screen"),
])
def test_names_ids_and_dates_found_by_their_surroundings(text: str, expected: str) -> None:
    assert masked(text) == expected


def test_the_note_counts_each_kind_hidden() -> None:
    found = mask_student_data("Liam and Ava, 555-867-5309", today=TODAY)
    assert found.kinds == ("name", "name", "phone")
    assert privacy_note(found) == ("To protect student privacy I hid 2 names and a phone "
                                   "number in what you wrote.")
    assert privacy_note(Masked("nothing here", ())) == ""
    assert privacy_note(mask_student_data("reset jgarcia2030", today=TODAY)) == (
        "To protect student privacy I hid a username in what you wrote.")


def test_the_note_is_in_the_readers_language() -> None:
    found = mask_student_data("Liam and Ava, 555-867-5309", today=TODAY)
    with speaking("es"):
        assert privacy_note(found) == ("Para proteger la privacidad de los estudiantes, oculté "
                                       "2 nombres y un número de teléfono en lo que escribió.")


def test_a_date_of_birth_is_told_from_a_meeting_date() -> None:
    assert masked("Chromebooks purchased 08/15/2021 need batteries") == \
        "Chromebooks purchased 08/15/2021 need batteries"
    assert masked("She is 09/03/2012 in PowerSchool") == "She is [date of birth] in PowerSchool"
