"""The knowledge base remembers its decisions, but never past a change of articles, and a
fork (the playground's, each test's) never answers with its twin's articles."""

from __future__ import annotations

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
