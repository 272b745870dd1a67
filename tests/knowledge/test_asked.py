"""Questions teachers asked are more ways to say an article's problem, and never evidence for
the fit that scores them."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.asked import asked_questions, with_asked
from knowledge.calibrate import blind_groups, fold, ranker
from knowledge.index import Ranking
from knowledge.loader import load_articles
from knowledge.tuning import blind, tuning_questions


def test_each_article_carries_the_tuning_messages_it_answers_beside_its_own_phrasings(
        knowledge_base: KnowledgeBase) -> None:
    group, message = next((g, q) for g, q in tuning_questions()
                          if blind(g) and q.kind == "answerable" and len(q.expect) == 1)
    article = knowledge_base.articles[message.expect[0]]
    assert message.q in article.asked and message.q not in article.phrasings
    assert article.ways_asked == article.phrasings + article.asked
    assert message.q not in with_asked(knowledge_base.articles, leave_out={group})[
        article.id].asked


def test_only_tuning_lines_are_ever_asked_questions() -> None:
    tuning = {q.q for _, q in tuning_questions()}
    asked = {text for texts in asked_questions().values() for text in texts}
    assert asked and asked <= tuning


def test_off_topic_uncovered_and_two_problem_messages_are_no_article_s_question() -> None:
    others = {q.q for _, q in tuning_questions() if q.kind != "answerable"} - {
        q.q for _, q in tuning_questions() if q.kind == "answerable"}
    asked = {text for texts in asked_questions().values() for text in texts}
    assert others and not asked & others


def test_a_shelf_without_asked_questions_and_a_load_that_declines_them() -> None:
    assert not any(a.asked for a in load_articles(language="es").values())
    assert not any(a.asked for a in load_articles(asked=False).values())


def test_the_fit_never_ranks_a_tuning_message_against_itself(
        knowledge_base: KnowledgeBase) -> None:
    counts = {q.q: 0 for _, q in tuning_questions()}
    for _, q in tuning_questions():
        counts[q.q] += 1
    curated = {p for a in knowledge_base.articles.values() for p in a.phrasings}
    unique = [(g, q) for g, q in tuning_questions() if blind(g) and q.kind == "answerable"
              and len(q.expect) == 1 and counts[q.q] == 1 and q.q not in curated][:60]
    rank = ranker(knowledge_base.shelf())
    assert all(matches_itself(knowledge_base.index.rank(q.q)) for _, q in unique)
    assert not any(matches_itself(rank(group, q.q)) for group, q in unique)


def matches_itself(ranking: Ranking) -> bool:
    """The message was found word for word among some article's ways of asking."""
    return any(m.dense >= 0.9995 for m in ranking.matches)


def test_every_blind_group_is_left_out_once() -> None:
    groups = blind_groups()
    assert len(groups) == len(set(groups)), "no group twice"
    assert set(groups) == {g for g, _ in tuning_questions() if blind(g)}
    assert {"teachers_a.jsonl", "teachers_b.jsonl", "teachers_l.jsonl"} <= set(groups)
    assert "questions.jsonl" not in groups, "the file written after reading the articles"


# A fold re-tunes the embedding eleven times: about 90 s on an idle 2-core machine, more with
# CI's PostgreSQL suite running beside it. Every fold is made alike, so the last one stands
# for them all.
@pytest.mark.timeout(600)
def test_a_fold_forgets_its_own_group_and_keeps_the_others(
        knowledge_base: KnowledgeBase) -> None:
    group = blind_groups()[-1]
    made = fold(knowledge_base, group)
    kept = {t for a in made.articles.values() for t in a.asked}
    own = {q.q for g, q in tuning_questions() if g == group} - {
        q.q for g, q in tuning_questions() if g != group}
    assert kept and not kept & own
    assert knowledge_base.articles is not made.articles
