"""What a message is, before any article is looked up (knowledge/intents.py)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from knowledge.evaluate import evaluate_intents, read_lines
from knowledge.intents import is_vague, recognise

TUNING = Path(str(resources.files("knowledge") / "eval" / "tuning" / "intents.jsonl"))


def test_the_tuning_intent_set_is_recognised_for_at_least_95_percent() -> None:
    report = evaluate_intents(read_lines(TUNING), recognise)
    assert report.accuracy >= 0.95
    assert min(report.recall.values()) >= 0.85


@pytest.mark.parametrize("text, intent", [
    ("ticket", "ticket"), ("can you open a ticket for me", "ticket"),
    ("I'd like to talk to a person", "ticket"), ("hello!", "greeting"),
    ("thank you!!", "thanks"), ("what can you do?", "help"), ("nope", "no"),
    ("yep, all good now", "yes"), ("something is wrong", "vague"),
    ("the projector says no signal", "question")])
def test_each_intent_in_a_plain_phrasing(text: str, intent: str) -> None:
    assert recognise(text) == intent


@pytest.mark.parametrize("text", [
    "hi, the projector says no signal", "thanks but the printer still jams on tray 2",
    "what's a good exit ticket for a fractions lesson?",
    "TestNav closes right after kids type their login ticket",
    "I want someone to model a lesson with Blooket in my room"])
def test_small_talk_or_ticket_words_inside_a_real_question_leave_it_a_question(
        text: str) -> None:
    assert recognise(text) == "question"


@pytest.mark.parametrize("text, vague", [
    ("not working", True), ("wifi", True), ("ipad issue", True), ("help projector", True),
    ("printer offline", False), ("wifi keeps dropping every few minutes", False),
    ("chromebook won't charge", False), ("", False)])
def test_a_message_is_vague_when_it_names_at_most_an_area(text: str, vague: bool) -> None:
    assert is_vague(text) is vague
