"""Browsing and searching the knowledge base: `/ask` alone, `/prepbot articles`, buttons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.blocks import Reply, form_reply
from bot.errors import BadInput
from bot.features.library import service, views
from bot.i18n import N_, _
from bot.roles import Role
from bot.turn import Turn
from bot.vocabulary import Action, Command, Submission
from knowledge import Article
from knowledge.loader import shipped_folder

SEARCH_LIMIT = 8
CLOSE_IN_MEANING = 0.6  # cosine with the closest phrasing (knowledge/dense.py)
# The share of the best fused score a listed article keeps: with the fitted weights (which
# weigh the dense channel more, so a weak article still scores something) "printer offline"
# had kept a password article at 0.41.
KEEP_FROM_TOP = 0.5
GONE = N_("That article is no longer in the knowledge base.")


async def browse(turn: Turn[Any]) -> list[Reply]:
    """The areas to browse, a search button, and coaches' tools (also what `/ask` alone shows)."""
    return [views.browse_reply(turn.kb.articles.values(), turn.role.allows(Role.COACH))]


async def articles(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot articles`: browse; with words, search."""
    words = turn.incoming.text.strip()
    return [_search(turn, words)] if words else await browse(turn)


async def search_command(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot articles search <words>`; without words, the search form."""
    words = turn.incoming.text.strip()
    return [_search(turn, words)] if words else [form_reply(views.search_form())]


async def browse_again(turn: Turn[Action]) -> list[Reply]:
    """"All areas": the browse view in place of the list."""
    reply = views.browse_reply(turn.kb.articles.values(), turn.role.allows(Role.COACH),
                               replace=True)
    return [reply]


async def area(turn: Turn[Action]) -> list[Reply]:
    """The articles of the area a teacher picked."""
    category = turn.incoming.value
    found = [a for a in turn.kb.articles.values() if a.category == category]
    if not found:
        raise BadInput(_("There are no articles in that area any more. Try `/ask` again."))
    return [views.area_reply(category, found)]


async def show(turn: Turn[Action]) -> list[Reply]:
    """One article to read."""
    return [await page(turn, article_of(turn, turn.incoming.value))]


async def ask_search(turn: Turn[Action]) -> list[Reply]:
    """The search form."""
    return [form_reply(views.search_form())]


async def search(turn: Turn[Submission]) -> list[Reply]:
    """The submitted search form."""
    words = turn.incoming.values.get("words", "").strip()
    if not words:
        raise BadInput(_("Type a word or two to look for, e.g. *printer offline*."))
    return [_search(turn, words)]


def _search(turn: Turn[Any], words: str) -> Reply:
    matches = turn.kb.search(words, SEARCH_LIMIT)
    # A search lists what shares the words, or is very close in meaning, and is not far
    # behind the best; the ranking alone would always fill the list with something.
    top = matches[0].score if matches else 0.0
    kept = [m for m in matches if (m.bm25 > 0 or m.dense >= CLOSE_IN_MEANING)
            and m.score >= KEEP_FROM_TOP * top]
    found = [turn.kb.get(m.article_id) for m in kept]
    return views.search_reply(words, [a for a in found if a is not None])


def article_of(turn: Turn[Any], article_id: str) -> Article:
    """A live article by id, or a clear message that it is gone."""
    article = turn.kb.get(article_id.strip())
    if article is None:
        raise BadInput(_(GONE))
    return article


async def page(turn: Turn[Any], article: Article) -> Reply:
    """An article's page, with who last changed it in chat."""
    last = await service.last_change(turn.session, article.id)
    shipped = Path(article.source).parent == shipped_folder()
    return views.article_page(article, last, turn.role.allows(Role.COACH),
                              views.SHIPPED if shipped else views.FOLDER)
