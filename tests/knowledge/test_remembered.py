"""The knowledge base remembers its decisions, but never past a change of articles (in any
language), and a fork (the playground's, each test's) never answers with its twin's articles."""

from __future__ import annotations

from dataclasses import replace

from knowledge import load_knowledge_base
from tests.knowledge.conftest import article_text

QUESTION = "the zorblax gizmo will not start"


def test_a_published_article_answers_a_question_asked_before_it_existed() -> None:
    kb = load_knowledge_base()
    assert kb.answer(QUESTION).article is None
    kb.use_texts({"zorblax": article_text("zorblax", title="Zorblax gizmo", topic="zorblax gizmo")})
    assert kb.answer(QUESTION).article is not None
    assert kb.answer(QUESTION).article.id == "zorblax"  # type: ignore[union-attr]


def test_a_fork_keeps_its_own_answers() -> None:
    original = load_knowledge_base()
    assert original.answer(QUESTION).article is None
    twin = original.fork()
    twin.use_texts({"zorblax": article_text("zorblax", title="Zorblax gizmo",
                                            topic="zorblax gizmo")})
    assert twin.answer(QUESTION).article is not None
    assert original.answer(QUESTION).article is None, "the twin's article leaked back"


def test_the_same_words_asked_for_in_two_languages_are_two_decisions() -> None:
    kb = load_knowledge_base()
    assert kb.answer("the printer says offline").language == "en"
    spanish = kb.answer("the printer says offline", language="es")
    assert spanish.language == "es"
    assert spanish.article is not None and spanish.article.language == "es"


def test_a_swapped_spanish_shelf_is_used_at_once() -> None:
    kb = load_knowledge_base()
    question = "la impresora dice fuera de línea"
    assert kb.answer(question).kind == "answer"
    shelf = kb.shelf("es")
    never = replace(shelf.calibration, answer_at=2.0, suggest_at=2.0)
    kb.others = {**kb.others, "es": replace(shelf, calibration=never)}
    assert kb.answer(question).kind == "deflect", "a decision of the old shelf was remembered"


def test_a_stored_article_in_spanish_answers_spanish_questions_and_survives_a_reload() -> None:
    kb = load_knowledge_base()
    question = "el horario del timbre en el pasillo no aparece"
    assert kb.answer(question).article is None
    kb.use_texts({"horario-timbre": article_text(
        "horario-timbre", title="El horario del timbre del pasillo", topic="horario del timbre",
        extra_front="language: es")})

    decision = kb.answer(question)
    assert (decision.top_id, decision.language, decision.fallback) == (
        "horario-timbre", "es", False)
    assert "horario-timbre" not in kb.articles, "a Spanish article is no English one"
    kb.reload()
    assert kb.answer(question).top_id == "horario-timbre"
