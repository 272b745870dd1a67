"""The model of grown-ups' lone first names (bot/masking/grown_ups.py): a colleague named
alone keeps their name when the model is sure, and no student's cue can be outweighed by it."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from adapters.runtime import build_runtime, load_settings
from bot.masking import MODEL_ON, found_by_rules, mask_student_data, use_grown_ups_model
from bot.masking.grown_ups import CUT, chance_grown_up, generation, weights
from tests.bot.test_masking import first_name_shares

TODAY = date(2026, 12, 1)
BENCH = Path(__file__).resolve().parents[2] / "bench" / "masking_grown_ups.py"


def masked(text: str) -> str:
    return mask_student_data(text, today=TODAY).text


@pytest.mark.parametrize("text", [
    "can you ask Gary to look at the projector cart in 204",
    "Denise wants to know if the office printer is fixed yet",
    "ask Brenda if the laminator is free",
    "Sharon needs a new toner for the front office printer",
])
def test_a_colleague_named_alone_keeps_the_name_the_rules_would_hide(text: str) -> None:
    assert any(s.kind == "name" for s in found_by_rules(text, TODAY))
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("my student Tina can't log in", "my student [name] can't log in"),
    ("Parent number for Tina, she needs the hotspot form",
     "Parent number for [name], she needs the hotspot form"),
    ("Tina's Chromebook is cracked", "[name]'s Chromebook is cracked"),
    ("Tina (3rd period) can't hear the video", "[name] (3rd period) can't hear the video"),
    ("Gary keeps getting logged out of iReady", "[name] keeps getting logged out of iReady"),
    ("Linda, ID 448812, needs a loaner", "[name], ID [id number], needs a loaner"),
])
def test_a_students_cue_keeps_even_a_grown_up_sounding_name_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Tina needs extra time on the MAP test, she has a 504",
    "can you reset Karen's Clever badge, she lost it",
    "Donna needs her IEP accommodations turned on in the testing app",
    "Brian finished the state test early and the screen froze",
    "Denise was absent so she missed the Seesaw login lesson",
    "Gary and Tina were sharing a laptop during the reading test",
    "Linda's mom called, she can't see Linda's grades in the parent portal",
])
def test_a_student_with_a_grown_ups_name_in_talk_only_of_students_stays_hidden(
        text: str) -> None:
    # Written as an attack: names far commoner among grown-ups, said of students in words
    # the model alone weighed too lightly against the name's generation.
    assert not any(name in masked(text) for name in
                   ("Tina", "Karen", "Donna", "Brian", "Denise", "Gary", "Linda"))


def test_a_name_cued_as_a_students_at_one_mention_stays_hidden_at_every_mention() -> None:
    text = "Gary said the cart is charged. Gary can't log in to iReady"
    assert masked(text) == "[name] said the cart is charged. [name] can't log in to iReady"


def test_a_full_name_and_its_words_alone_are_one_person_whom_a_cue_at_any_keeps_hidden(
        ) -> None:
    text = "Gary Lindqvist's hotspot is dead; can you ask Gary to bring it back"
    assert "Gary" not in masked(text) and "Lindqvist" not in masked(text)
    text = "Please add Gary Lindqvist to the staff drive. Lindqvist's Chromebook is cracked"
    assert "Gary" not in masked(text) and "Lindqvist" not in masked(text)


@pytest.mark.parametrize("text", [
    "Can you add Denise Holloway to the staff email group?",
    "Sharon Whitfield said the copier on 2 is jammed again",
])
def test_a_colleague_named_in_full_keeps_the_name(text: str) -> None:
    assert any(s.kind == "name" for s in found_by_rules(text, TODAY))
    assert masked(text) == text


def test_a_student_sounding_name_stays_hidden_in_a_grown_up_sounding_sentence() -> None:
    text = "can you ask Jaylen to look at the projector cart in 204"
    assert chance_grown_up(text, 12, 18) < CUT
    assert masked(text) == "can you ask [name] to look at the projector cart in 204"


@pytest.mark.parametrize("text", [
    "Is Dave or Sal handling the camera install over the tool crib?",
    "who at tech manages the badge printers, Sal or Denise?",
    "the shared calendar needs Denise Harmon and Rob Klein added as editors",
])
def test_a_colleague_listed_with_one_the_model_keeps_keeps_the_name_too(text: str) -> None:
    assert any(s.kind == "name" for s in found_by_rules(text, TODAY))
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Gary and Jaden both can't log in to iReady", "[name] and [name] both can't log in to "
     "iReady"),
    ("printing Clever badges for the new ESL group: Connie Dang, Arturo Villanueva, Doris Phan",
     "printing Clever badges for the new ESL group: [name], [name], [name]"),
    ("Denise and Kayden (3rd period) both need the calculator app",
     "[name] and [name] (3rd period) both need the calculator app"),
    # names given more often to today's students than to grown-ups
    ("Linda and Aiden asked for the wifi password", "Linda and [name] asked for the wifi "
     "password"),
    ("can you add Denise, Jaden and Maya to the shared drive",
     "can you add Denise, [name] and [name] to the shared drive"),
])
def test_a_list_with_a_students_cue_or_students_talk_stays_hidden(text: str, expected: str
                                                                  ) -> None:
    assert masked(text) == expected


def test_students_a_blind_attacker_gave_grown_ups_names_stay_hidden_nearly_as_by_the_rules(
        ) -> None:
    # 200 messages written to attack the model (tests/bot/masking_corpus/attack_old_names):
    # 162 students with names far commoner among grown-ups ("Gary", "Brenda", "Dwayne"), 54
    # grown-ups. The rules alone hide 156 of the students and 23 of the grown-ups; the model
    # as first shipped spared 25 more students (0.809), so a name's generation now counts only
    # once the words around it lean grown-up: 155 students hidden, 8 grown-ups. Refitted in
    # the twelfth round (three more labelled writers, two more tuning corpora), it spares one
    # more ("Wayne transferred in from another district"): 154, and 6 grown-ups. The attack
    # is never learned from, and nothing was changed for that line.
    students, grown_ups = first_name_shares("attack_old_names.jsonl")
    assert students >= 154 / 162 - 0.0005 and grown_ups <= 6 / 54 + 0.0005


@pytest.mark.parametrize(("corpus", "students", "grown_ups"), [
    ("attack_old_names_2.jsonl", (166, 182), (13, 46)),
    ("attack_full_names.jsonl", (163, 171), (13, 52)),
])
def test_two_more_blind_attacks_scored_once_hold_the_figures_measured(
        corpus: str, students: tuple[int, int], grown_ups: tuple[int, int]) -> None:
    # Written while the final model was built, scored once with it: first and full names
    # far commoner among grown-ups, said of students without a cue. The rules alone hide 171 of
    # 182 and 169 of 171 of the students (and 23 of 46 and 28 of 52 grown-ups): the model
    # lets 5 and 6 more students through. docs/masking.md reports it as the model's cost.
    hidden, touched = first_name_shares(corpus)
    assert hidden >= students[0] / students[1] - 0.0005
    assert touched <= grown_ups[0] / grown_ups[1] + 0.0005


@pytest.mark.parametrize("name", ["Pa", "Kou", "Thuy", "Nhia", "Yer", "Chue", "Deeqa"])
def test_names_of_recent_immigrant_communities_get_no_generation(name: str) -> None:
    # Their US births cluster in a few refugee cohorts, so the SSA counts would make many
    # of today's students look like grown-ups; a name needs 20,000 grown-up births to count.
    assert set(generation(name)) == {"generation=none"}


@pytest.mark.parametrize(("name", "side"), [("Gary", "grown-up"), ("Denise", "grown-up"),
                                            ("Jayden", "student"), ("Aaliyah", "student")])
def test_a_common_names_generation_points_the_way_its_births_do(name: str, side: str) -> None:
    bucket = int(generation(name)[0].removeprefix("generation="))
    assert (bucket > 0) == (side == "grown-up")


async def test_a_district_can_turn_the_model_off_and_hide_every_name_the_rules_find(
        ) -> None:
    text = "can you ask Gary to look at the projector cart in 204"
    settings = load_settings(database_url="sqlite+aiosqlite://", PREPBOT_MASKING_MODEL="0",
                             scheduler=False)
    runtime = await build_runtime(settings)
    try:
        assert masked(text) == "can you ask [name] to look at the projector cart in 204"
    finally:
        use_grown_ups_model(True)
        await runtime.close()
    assert MODEL_ON[0] and masked(text) == text


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("masking_grown_ups", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_models_are_the_ones_the_labelled_corpora_fit() -> None:
    fitting = bench()
    every = {p: {g: fitting.examples(p, g) for g in (False, True)}
             for p in [*fitting.LABELLED, *fitting.TUNING]}
    refitted, shipped = fitting.fitted(every), weights()
    assert set(refitted) == set(shipped) == {"words", "generation"}
    drift = max(abs(refitted[m].get(f, 0.0) - shipped[m].get(f, 0.0))
                for m in refitted for f in set(refitted[m]) | set(shipped[m]))
    assert drift < 1e-3, "refit with: python bench/masking_grown_ups.py --write"
