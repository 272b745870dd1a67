"""Scoring a file of teacher messages by kind, and an intent file (knowledge/evaluate.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.evaluate import IntentReport, Report, evaluate_file, read_questions


def lines(path: Path, *rows: dict[str, object]) -> Path:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", "utf-8")
    return path


def test_a_two_problem_message_is_right_when_either_article_leads(
        tmp_path: Path, knowledge_base: KnowledgeBase) -> None:
    path = lines(tmp_path / "two.jsonl", {
        "q": "the projector says no signal", "kind": "two-problems",
        "expect": ["printer-offline", "projector-no-signal"]})
    report = evaluate_file(path, knowledge_base.answer)
    assert isinstance(report, Report)
    assert (report.top1, report.answer_acc, report.counts) == (1.0, 1.0, {"two-problems": 1})


def test_every_kind_is_reported_on_its_own(tmp_path: Path,
                                           knowledge_base: KnowledgeBase) -> None:
    path = lines(tmp_path / "kinds.jsonl",
                 {"q": "the projector says no signal", "expect": "projector-no-signal",
                  "kind": "answerable"},
                 {"q": "who do I ask about my paycheck", "expect": None, "kind": "offtopic"},
                 {"q": "not working", "expect": None, "kind": "vague"},
                 {"q": "the laser cutter's exhaust fan is rattling", "expect": None,
                  "kind": "uncovered"})
    report = evaluate_file(path, knowledge_base.answer)
    assert isinstance(report, Report)
    assert (report.oos_deflected, report.vague_handled, report.uncovered_deflected) == (
        1.0, 1.0, 1.0)
    assert report.counts == {"answerable": 1, "uncovered": 1, "vague": 1, "offtopic": 1}
    assert "vague asked back: 1.000" in report.as_text()


def test_an_older_file_without_kinds_reads_as_answerable_and_offtopic(tmp_path: Path) -> None:
    path = lines(tmp_path / "old.jsonl", {"q": "a", "expect": "printer-add"},
                 {"q": "b", "expect": None})
    assert [q.kind for q in read_questions(path)] == ["answerable", "offtopic"]


def test_an_unknown_kind_names_its_line(tmp_path: Path) -> None:
    path = lines(tmp_path / "bad.jsonl", {"q": "a", "expect": None, "kind": "offtopic"},
                 {"q": "b", "expect": None, "kind": "chit-chat"})
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        read_questions(path)


def test_an_intent_file_is_scored_per_intent(tmp_path: Path,
                                             knowledge_base: KnowledgeBase) -> None:
    path = lines(tmp_path / "intents.jsonl", {"text": "hi", "intent": "greeting"},
                 {"text": "ticket pls", "intent": "ticket"},
                 {"text": "thanks", "intent": "greeting"})
    report = evaluate_file(path, knowledge_base.answer)
    assert isinstance(report, IntentReport)
    assert report.recall == {"greeting": 0.5, "ticket": 1.0}
    assert report.confusions == {"greeting -> thanks": ["thanks"]}
