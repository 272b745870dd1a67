"""Coaches change the knowledge base from chat: write, edit, publish a draft, roll back.

Every change is checked as `prepbot kb check` checks a file, kept with who made it, and
committed before this replica rebuilds its index (the others follow within seconds:
jobs.py). Shipped articles are never edited: a change is the district's version over them.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.blocks import Reply, form_reply
from bot.errors import BadInput
from bot.features.library import authoring, service, views
from bot.features.library.handlers import article_of
from bot.i18n import _
from bot.turn import Turn
from bot.vocabulary import Action, Command, Submission
from knowledge import Article

ARTICLES = "articles"  # what a change asks every replica to refresh


async def edit_command(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot articles edit <id>`: the form, filled in with the article."""
    if not turn.incoming.text.strip():
        raise BadInput(_("Which article? `/prepbot articles edit <article id>`, e.g. "
                         "`/prepbot articles edit printer-offline`."))
    return [_edit_form(turn, article_of(turn, turn.incoming.text))]


async def edit(turn: Turn[Action]) -> list[Reply]:
    """"Edit" under an article."""
    return [_edit_form(turn, article_of(turn, turn.incoming.value))]


async def new_command(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot articles new [title]`: an empty form."""
    return [_form(turn, {"title": turn.incoming.text.strip()}, "new", _("New article"))]


async def new(turn: Turn[Action]) -> list[Reply]:
    """"New article", or "Write an article" under a digest's gap (title and phrasings)."""
    return [_form(turn, views.prefill(turn.incoming.value), "new", _("New article"))]


async def draft(turn: Turn[Action]) -> list[Reply]:
    """"Finish" a draft another feature keeps: the form, filled in from it."""
    feature, _sep, ref = turn.incoming.value.partition(":")
    source = turn.features.article_drafts.get(feature)
    found = await source(turn.session, ref) if source else []
    if not found:
        raise BadInput(_("I can't find that draft any more."))
    kept = found[0]
    values = {"title": kept.title, "steps": kept.body, "category": kept.category,
              "phrasings": "\n".join(kept.phrasings)}
    return [_form(turn, values, f"new:{turn.incoming.value}", _("Finish the article"))]


async def drafts(turn: Turn[Command] | Turn[Action]) -> list[Reply]:
    """Drafts waiting to be finished and published, from every feature that keeps some."""
    used = await service.used_drafts(turn.session)
    waiting = [(f"{name}:{d.ref}", d.title, d.source)
               for name, source in turn.features.article_drafts.items()
               for d in await source(turn.session, None) if f"{name}:{d.ref}" not in used]
    return [views.drafts_reply(waiting[:10])]


async def save(turn: Turn[Submission]) -> list[Reply]:
    """Publish what the form holds, when `prepbot kb check` finds no error in it."""
    mode, _sep, key = turn.incoming.context.partition(":")
    values = {name: turn.incoming.values.get(name, "") for name in authoring.FIELDS}
    if not values["title"].strip():
        raise BadInput(_("The article needs a title."))
    stored = await service.stored_texts(turn.session)
    if mode == "edit":
        base: Article | None = article_of(turn, key)
        article_id = key
    elif mode == "new":
        base, article_id = None, authoring.new_id(values["title"], {*turn.kb.articles, *stored})
    else:
        raise BadInput(_("I couldn't use that form any more. Please start again."))
    if len(article_id) > authoring.MAX_STORED_ID:
        raise BadInput(_("The id `{id}` is too long to keep in chat (64 characters at most): "
                         "change that article in its file instead.").format(id=article_id[:80]))
    text = authoring.compose(article_id, values, base, turn.now.date())
    if stored.get(article_id) == text:
        return [views.done_reply(_(views.UNCHANGED), article_id)]
    problems = await _checked(turn, stored, {**stored, article_id: text}, article_id)
    if any(p.severity == "error" for p in problems):
        form = views.article_form(values, turn.incoming.context, _categories(turn),
                                  _("Fix and publish"))
        return [views.refused_reply(problems, authoring.where(article_id)), form_reply(form)]
    kind = "edited" if article_id in stored or base is not None else "published"
    await service.record(turn.session, article_id, text, kind, turn.person, turn.now,
                         draft=key if mode == "new" and key else None)
    turn.refresh_after_commit(ARTICLES)
    title = authoring.one_line(values["title"])
    return [views.done_reply(_(views.PUBLISHED).format(title=title), article_id, problems)]


async def history(turn: Turn[Action]) -> list[Reply]:
    """The changes made in chat to one article."""
    return [await _history(turn, turn.incoming.value.strip())]


async def history_command(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot articles history <id>`."""
    if not turn.incoming.text.strip():
        raise BadInput(_("Which article? `/prepbot articles history <article id>`."))
    return [await _history(turn, turn.incoming.text.strip())]


async def rollback(turn: Turn[Action]) -> list[Reply]:
    """Bring back an earlier version (or the text from before any change in chat)."""
    article_id, _sep, target = turn.incoming.value.partition(":")
    if not await service.has_changes(turn.session, article_id):
        raise BadInput(_("That article was never changed in chat: there is nothing to roll "
                         "back."))
    restored = None if target == "original" else await service.change_of(
        turn.session, article_id, target)
    text = restored.text if restored else ""
    stored = await service.stored_texts(turn.session)
    if stored.get(article_id, "") == text:
        return [views.done_reply(_(views.UNCHANGED), article_id)]
    after = {k: v for k, v in stored.items() if k != article_id}
    if text:
        after[article_id] = text
    problems = await _checked(turn, stored, after, article_id)
    if any(p.severity == "error" for p in problems):
        return [views.refused_reply(problems, authoring.where(article_id))]
    await service.record(turn.session, article_id, text, "rolled back", turn.person, turn.now,
                         restores=restored.id if restored else None)
    turn.refresh_after_commit(ARTICLES)
    if text:
        title = authoring.title_of(text) or article_id
        return [views.done_reply(_(views.ROLLED_BACK).format(title=title), article_id)]
    what = (_("the shipped text is back") if authoring.underneath(turn.kb.extra, article_id)
            else _("it is no longer published"))
    return [views.done_reply(_(views.REMOVED).format(id=article_id, what=what), None)]


def _edit_form(turn: Turn[Any], article: Article) -> Reply:
    return _form(turn, authoring.values_of(article), f"edit:{article.id}",
                 _("Edit: {title}").format(title=article.title))


def _form(turn: Turn[Any], values: dict[str, str], context: str, title: str) -> Reply:
    return form_reply(views.article_form(values, context, _categories(turn), title))


def _categories(turn: Turn[Any]) -> set[str]:
    return {a.category for a in turn.kb.articles.values()}


async def _checked(turn: Turn[Any], before: dict[str, str], after: dict[str, str],
                   article_id: str) -> list[Any]:
    # Reading and checking every article file takes tens of milliseconds: not on the loop.
    return await asyncio.to_thread(authoring.problems, turn.kb.extra, before, after,
                                   article_id)


async def _history(turn: Turn[Any], article_id: str) -> Reply:
    changes = await service.history(turn.session, article_id)
    article = turn.kb.get(article_id)
    if article is None and not changes:
        raise BadInput(_("There is no article with that id. `/prepbot articles` lists them."))
    title = article.title if article else article_id
    return views.history_reply(article_id, title, changes,
                               authoring.underneath(turn.kb.extra, article_id),
                               _zone(turn.person.tz))


def _zone(name: str | None) -> tzinfo:
    """The person's own time zone for the times in a history; UTC when unknown."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC
