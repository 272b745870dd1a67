"""Questions teachers asked, each with the article that answered it: more ways to say a problem.

The answerable messages of the tuning sets (knowledge/tuning.py), each naming the one article
that answers it, are indexed beside that article's own phrasings (`Article.asked`): real
teachers' words, typos and vendor names included, which the curated phrasings never cover
in full. They are never shown, and an article edited from chat does not carry them into its
text. A fit on the tuning sets must not score a message against an index holding it: the
confidence is fitted out of fold (knowledge/calibrate.py leaves each group's questions out
of the index its messages are ranked by).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from knowledge.model import Article
from knowledge.tuning import tuning_questions

# Languages whose shelf indexes asked questions. Spanish does not yet: its one tuning file's
# slices, left out one at a time, did not gain from the other slices' questions (see
# bench/README.md).
ASKED_BY_LANGUAGE = {"en": True, "es": False}


@cache
def asked_questions(language: str = "en", leave_out: frozenset[str] = frozenset()
                    ) -> dict[str, tuple[str, ...]]:
    """The asked questions of each article id, from every tuning group but `leave_out`."""
    asked: dict[str, list[str]] = {}
    if not ASKED_BY_LANGUAGE.get(language, False):
        return {}
    for group, question in tuning_questions(language):
        if group in leave_out or question.kind != "answerable" or len(question.expect) != 1:
            continue
        asked.setdefault(question.expect[0], []).append(question.q)
    return {article_id: tuple(dict.fromkeys(texts)) for article_id, texts in asked.items()}


def with_asked(articles: dict[str, Article], language: str = "en",
               leave_out: Iterable[str] = ()) -> dict[str, Article]:
    """The same articles, each carrying the questions asked of it (none left out: all)."""
    asked = asked_questions(language, frozenset(leave_out))
    return {article_id: replace(article, asked=asked.get(article_id, ()))
            for article_id, article in articles.items()}
