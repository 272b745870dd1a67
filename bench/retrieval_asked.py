"""The asked questions in the retrieval benchmark: prepbot and a baseline with them, and
without them, each scored on the tuning sets out of fold (a message is never scored by a
system holding it) and on the held-out sets with every asked question."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import retrieval_systems as systems

from knowledge.asked import with_asked
from knowledge.base import KnowledgeBase, Shelf
from knowledge.calibrate import calibrate, folds, rebuilt, uncalibrated, use
from knowledge.decide import Decision
from knowledge.loader import load_articles
from knowledge.model import Article
from knowledge.tuning import blind, tuning_questions

Answer = Callable[[str], Decision]


def plain(kb: KnowledgeBase) -> KnowledgeBase:
    """prepbot without the asked questions (articles' own phrasings only), refitted."""
    out = kb.fork()
    articles = load_articles(kb.extra, asked=False)
    use(out, Shelf("en", articles, rebuilt(kb.shelf(), articles), uncalibrated()))
    use(out, replace(out.shelf(), calibration=calibrate(out)))
    return out


def group_of_tuning() -> dict[str, str]:
    """Each blind tuning message's group (a message two writers both wrote: the last)."""
    return {q.q: group for group, q in tuning_questions() if blind(group)}


def out_of_fold(kb: KnowledgeBase) -> Answer:
    """prepbot answering each tuning message as if its writer's group had never been
    written (knowledge.calibrate.folds): no asked question of its own, nor its confidence."""
    made, group_of = folds(kb), group_of_tuning()
    return lambda text: made[group_of[text]].decide(text)


def scorer(make: Callable[[list[Article]], systems.Scorer], kb: KnowledgeBase
                 ) -> tuple[systems.Scorer, systems.Scorer]:
    """A baseline given the asked questions too: built on every one (for H), and out of
    fold (for T: each message scored by the system built without its own group's)."""
    group_of = group_of_tuning()
    built = {g: make(list(with_asked(kb.articles, leave_out={g}).values()))
             for g in set(group_of.values())}
    return make(list(kb.articles.values())), lambda text: built[group_of[text]](text)
