"""One confidence score decides answer, "did you mean" and "I don't know"."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from knowledge import KnowledgeBase
from knowledge.calibrate import MAX_WRONGLY_DEFLECTED, suggest_cut, use
from knowledge.confidence import shipped, tech_score
from knowledge.decide import CLOSE, MAX_SUGGESTIONS


def test_the_shipped_calibration_orders_its_cut_points() -> None:
    calibration = shipped()
    assert 0.0 < calibration.suggest_at < calibration.answer_at < 1.0


def test_an_easy_writer_does_not_loosen_the_did_you_mean_cut_for_a_hard_one() -> None:
    # Writer A's 100 messages all score high; writer B's ten are spread from 0.1 to 1.0.
    easy, hard = [0.9] * 100, [n / 10 for n in range(1, 11)]
    earlier = [0.0] * 50  # the first evaluation file, not written blind: it does not count
    p = np.array(easy + hard + earlier)
    groups = ["teachers_a.jsonl"] * 100 + ["teachers_b.jsonl"] * 10 + ["questions.jsonl"] * 50
    cut = suggest_cut(p, np.ones(len(p), dtype=bool), groups)
    pooled = np.sort(p[:110])[int(MAX_WRONGLY_DEFLECTED * 110)]
    assert pooled == 0.6  # pooled, five of B's ten would be left without an article
    assert cut == 0.1  # held for B on their own, none of B's is


def test_many_easy_writers_do_not_loosen_the_cut_for_one_hard_writer() -> None:
    # Four writers who read the titles score high; writer B, who saw nothing, is spread out.
    readers = ["teachers_a.jsonl", "teachers_e.jsonl", "teachers_g.jsonl", "teachers_h.jsonl"]
    p = np.array([0.9] * 40 + [n / 10 for n in range(1, 11)])
    groups = [name for name in readers for _ in range(10)] + ["teachers_b.jsonl"] * 10
    cut = suggest_cut(p, np.ones(len(p), dtype=bool), groups)
    by_writer = np.mean([0.0] * 4 + [np.mean(p[40:] < 0.2)])
    assert by_writer <= MAX_WRONGLY_DEFLECTED  # averaged over writers, 0.2 would pass
    assert cut == 0.1  # one in ten of B's is already too many


def test_the_did_you_mean_cut_is_the_highest_that_keeps_every_writer_within_budget() -> None:
    rng = np.random.default_rng(18)
    sizes = {"teachers_a.jsonl": 120, "teachers_b.jsonl": 60, "teachers_l.jsonl": 90}
    groups = [name for name, size in sizes.items() for _ in range(size)]
    p = rng.beta(4, 2, len(groups))
    answerable = rng.random(len(groups)) < 0.8
    cut = suggest_cut(p, answerable, groups)
    names = np.array(groups)
    writers = [p[answerable & (names == name)] for name in sizes]
    assert max(np.mean(w < cut) for w in writers) <= MAX_WRONGLY_DEFLECTED
    higher = np.min(p[answerable & (p > cut)])  # the next cut that could have been chosen
    assert max(np.mean(w < higher) for w in writers) > MAX_WRONGLY_DEFLECTED


def test_the_score_is_a_probability_that_grows_with_the_evidence(
        knowledge_base: KnowledgeBase) -> None:
    clear = knowledge_base.answer("the projector says no signal when I plug in my laptop")
    vaguer = knowledge_base.answer("the screen thing in my room is acting up again")
    assert 0.0 <= vaguer.confidence < clear.confidence <= 1.0
    assert clear.kind == "answer"


def test_did_you_mean_lists_runners_up_only_when_they_are_close(
        knowledge_base: KnowledgeBase) -> None:
    # Cut points that make every match a "did you mean", so that the listing alone is tested:
    # two areas at once show their close articles; a likely one with no close rival, one.
    unsure = knowledge_base.fork()
    use(unsure, replace(unsure.shelf(), calibration=replace(
        unsure.calibration, answer_at=1.0, suggest_at=0.0)))
    for question, shown_at_least in (("kids cant log into chromebooks or classroom", 2),
                                     ("audio and video problems in my classroom", 1)):
        decision = unsure.answer(question)
        assert decision.kind == "suggest"
        top = decision.matches[0].score
        shown = {a.id for a in decision.suggestions}
        assert shown_at_least <= len(shown) <= MAX_SUGGESTIONS
        assert all(m.score >= top - CLOSE for m in decision.matches if m.article_id in shown)
        assert all(m.score < top - CLOSE for m in decision.matches[:MAX_SUGGESTIONS]
                   if m.article_id not in shown)
    assert len(unsure.answer("audio and video problems in my classroom").suggestions) == 1


def test_a_question_nothing_resembles_gets_no_article(knowledge_base: KnowledgeBase) -> None:
    decision = knowledge_base.answer("what time does the basketball game start tonight")
    assert decision.kind == "deflect" and decision.top_id is None
    assert decision.confidence < shipped().suggest_at


def test_school_life_reads_less_like_a_tech_problem_than_a_tech_problem(
        knowledge_base: KnowledgeBase) -> None:
    weights = shipped().tech
    assert len(weights) == knowledge_base.model.dim + 1
    tech = [tech_score(knowledge_base.index.rank(q), weights) for q in (
        "the projector says no signal", "my kids cant log into their chromebooks")]
    life = [tech_score(knowledge_base.index.rank(q), weights) for q in (
        "who do I ask about a substitute for friday", "is the field trip still on if it rains")]
    assert min(tech) > max(life)


def test_tech_weights_fitted_on_another_embedding_are_refused(
        knowledge_base: KnowledgeBase) -> None:
    ranking = knowledge_base.index.rank("the projector says no signal")
    with pytest.raises(ValueError, match=r"knowledge\.calibrate"):
        tech_score(ranking, (0.1, 0.2, 0.3))
