"""How the library looks: areas to browse, article pages, the coach's form and history."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo

from bot.blocks import Block, Button, Buttons, Context, Form, Input, Option, Reply, Steps, Text
from bot.features.library.service import Change
from bot.i18n import N_, _, format_date, format_skeleton, format_time, ngettext
from knowledge import Article
from knowledge.check import Problem
from knowledge.model import KB_LINK

ROW = 5  # buttons in one row: long titles stay readable on a phone
MAX_LISTED = 25
AREAS = {"hardware": N_("Devices and classroom displays"),
         "accounts": N_("Signing in and accounts"), "apps": N_("Apps and tools"),
         "lms": N_("The LMS and Google Classroom"), "network": N_("Wi-Fi and the network"),
         "coaching": N_("Coaching and new tools"), "privacy": N_("Student privacy"),
         "security": N_("Security"), "general": N_("General")}
KINDS = {"edited": N_("edited"), "published": N_("published")}  # a change in the history
# Fixed sentences are marked here and shown through _() where they are used.
BROWSE_HINT = N_("You can also just tell me what's wrong in your own words.")
SEARCH_FORM = N_("Search the articles")
NOTHING_FOUND = N_("No article matches \u201c{words}\u201d. Try other words, or tell me "
                   "what's going on in a sentence and I'll look harder.")
FOUND = N_("Articles for \u201c{words}\u201d:")
SHIPPED = N_("Shipped with prepbot.")
FOLDER = N_("From your district's article folder.")
DISTRICT = N_("Written by your district; last changed by {who} on {day}.")
UNCHANGED = N_("Nothing changed: that is already the text teachers get.")
PUBLISHED = N_("Published **{title}**. Teachers get it from now on (every server picks it "
               "up within a few seconds).")
ROLLED_BACK = N_("Rolled back **{title}**: teachers get the earlier text again.")
REMOVED = N_("Removed your district's version of `{id}`: {what}.")
NO_DRAFTS = N_("No article drafts are waiting. Coaches write one from a resolved ticket "
               "(\u201cSuggest an article\u201d on its card).")
STILL_STUCK_DEFAULT = N_("Open a ticket and a coach will take it from here: reply "
                         "\"ticket\".")


def area_label(category: str) -> str:
    """The words a teacher sees for an article's category."""
    return _(AREAS[category]) if category in AREAS else category.replace("-", " ").capitalize()


def rows(buttons: Sequence[Button]) -> tuple[Buttons, ...]:
    """Buttons in rows of a few."""
    return tuple(Buttons(tuple(buttons[i:i + ROW])) for i in range(0, len(buttons), ROW))


def plain_links(text: str) -> str:
    """`[label](kb:id)` links as bold labels: chat has no such links."""
    return KB_LINK.sub(lambda m: f"**{m.group(1)}**", text)


def browse_reply(articles: Iterable[Article], coach: bool, replace: bool = False) -> Reply:
    """Every area with how many articles it holds, a search button, and coaches' tools."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.category] = counts.get(article.category, 0) + 1
    ordered = sorted(counts, key=lambda c: (c not in AREAS, list(AREAS).index(c)
                                            if c in AREAS else 0, c))
    areas = [Button(f"{area_label(c)} ({counts[c]})", "library.area", c) for c in ordered]
    tools = [Button(_("Search"), "library.search", style="primary")]
    if coach:
        tools += [Button(_("New article"), "library.new"),
                  Button(_("Drafts"), "library.drafts")]
    total = sum(counts.values())
    intro = ngettext("**The knowledge base**: {count} article. Pick an area, or search.",
                     "**The knowledge base**: {count} articles. Pick an area, or search.",
                     total).format(count=total)
    blocks: list[Block] = [Text(intro), *rows(areas), Buttons(tuple(tools)),
                           Context(_(BROWSE_HINT))]
    return Reply(intro.replace("**", ""), tuple(blocks), private=True, replace_original=replace)


def list_reply(heading: str, articles: Sequence[Article], replace: bool = True) -> Reply:
    """A short list of articles to open, and the way back to the areas."""
    buttons = [Button(a.title, "library.show", a.id) for a in articles[:MAX_LISTED]]
    blocks: tuple[Block, ...] = (Text(heading), *rows(buttons),
                                 Buttons((Button(_("All areas"), "library.browse"),)))
    titles = "; ".join(a.title for a in articles[:MAX_LISTED])
    return Reply(f"{heading.replace('**', '')} {titles}", blocks, private=True,
                 replace_original=replace)


def area_reply(category: str, articles: Sequence[Article]) -> Reply:
    """The articles of one area."""
    return list_reply(f"**{area_label(category)}**", sorted(articles, key=lambda a: a.title))


def search_reply(words: str, articles: Sequence[Article]) -> Reply:
    """What a search found, best first, or a plain "nothing"."""
    if not articles:
        text = _(NOTHING_FOUND).format(words=words)
        return Reply(text, (Text(text, markdown=False),
                            Buttons((Button(_("All areas"), "library.browse"),))), private=True)
    return list_reply(_(FOUND).format(words=words), articles, replace=False)


def search_form() -> Form:
    """One field: the words to look for."""
    return Form("library.search", _(SEARCH_FORM), (
        Input("words", _("Words to look for"), placeholder=_("e.g. printer offline")),),
        submit_label=_("Search"))


def article_page(article: Article, last: Change | None, coach: bool, origin: str) -> Reply:
    """An article to read, who wrote it, and for coaches the way to change it."""
    blocks: list[Block] = [Text(f"**{article.title}**"), Text(plain_links(article.summary))]
    if article.steps:
        blocks.append(Steps(tuple(plain_links(step) for step in article.steps)))
    blocks.extend(Text(plain_links(note)) for note in article.notes)
    if article.still_stuck:
        blocks.append(Context(_("Still stuck? {what}").format(
            what=plain_links(article.still_stuck))))
    blocks.append(Context(_(origin) if last is None else _(DISTRICT).format(
        who=last.author, day=day_of(last.at))))
    buttons = [Button(_("More in {area}").format(area=area_label(article.category)),
                      "library.area", article.category),
               Button(_("All areas"), "library.browse")]
    if coach:
        buttons = [Button(_("Edit"), "library.edit", article.id, "primary"),
                   Button(_("History"), "library.history", article.id), *buttons]
    blocks.append(Buttons(tuple(buttons)))
    return Reply(f"{article.title}: {article.summary}", tuple(blocks), private=True,
                 replace_original=True)


def article_form(values: Mapping[str, str], context: str, categories: Iterable[str],
                 title: str) -> Form:
    """The coach's form: what teachers read, and the ways teachers ask for it."""
    chosen = values.get("category") or "general"
    options = tuple(Option(c, area_label(c)) for c in sorted({*categories, *AREAS, chosen}))
    return Form("library.save", title, (
        Input("title", _("Title"), initial=values.get("title", ""),
              placeholder=_("e.g. Document camera shows a grey screen")),
        Input("category", _("Area"), "select", options=options, initial=chosen),
        Input("answer", _("The answer in one line"), "textarea",
              initial=values.get("answer", "")),
        Input("steps", _("Steps, one per line"), "textarea", required=False,
              initial=values.get("steps", "")),
        Input("phrasings", _("How teachers ask it: at least 8 ways, one per line"), "textarea",
              initial=values.get("phrasings", "")),
        Input("still_stuck", _("Still stuck? (what to do next)"), "textarea",
              initial=values.get("still_stuck") or _(STILL_STUCK_DEFAULT)),
        Input("tags", _("Tags, separated by commas"), initial=values.get("tags", "")),
        Input("notes", _("More paragraphs (optional; blank line between them)"), "textarea",
              required=False, initial=values.get("notes", "")),
    ), submit_label=_("Publish"), context=context)


def refused_reply(problems: Sequence[Problem], mine: str) -> Reply:
    """Why a change was refused: every problem, in `prepbot kb check`'s words."""
    lines = [f"• {p.severity}: {p.message}" if p.path == mine else f"• {p}" for p in problems]
    errors = sum(p.severity == "error" for p in problems)
    intro = ngettext("Not published: `prepbot kb check` found {count} error to fix. Your "
                     "text is in the form again below.",
                     "Not published: `prepbot kb check` found {count} errors to fix. Your "
                     "text is in the form again below.", errors).format(count=errors)
    return Reply(intro + "\n" + "\n".join(lines),
                 (Text(intro), Text("\n".join(lines), markdown=False)), private=True)


def done_reply(text: str, article_id: str | None, warnings: Sequence[Problem] = ()) -> Reply:
    """A change went through: say so, with what `kb check` still warns about."""
    blocks: list[Block] = [Text(text)]
    if warnings:
        blocks.append(Context(_("Worth a look: {problems}").format(
            problems="; ".join(p.message for p in warnings))))
    if article_id:
        blocks.append(Buttons((Button(_("View it"), "library.show", article_id),
                               Button(_("History"), "library.history", article_id))))
    return Reply(text.replace("**", ""), tuple(blocks), private=True)


def history_reply(article_id: str, title: str, changes: Sequence[Change],
                  shipped: bool, zone: tzinfo = UTC) -> Reply:
    """The changes made in chat, newest first, each with a button to bring it back."""
    heading = _("**History of {title}** (`{id}`)").format(title=title, id=article_id)
    if not changes:
        text = _("{heading}: never changed in chat; it is the text shipped with "
                 "prepbot.").format(heading=heading)
        return Reply(text.replace("**", ""), (Text(text),), private=True)
    lines, buttons = [], []
    for number, change in enumerate(changes):
        local = change.at.astimezone(zone)
        when = f"{format_skeleton('MMMd', local)}, {format_time(local, 'HH:mm')}" + (
            " UTC" if zone is UTC else "")
        line = _("• #{id} {what} by {author}, {when}").format(
            id=change.id, what=_what(change), author=change.author, when=when)
        lines.append(line + (_(" (in use)") if number == 0 else ""))
        if number > 0 and not change.removed:
            buttons.append(Button(_("Restore #{id}").format(id=change.id), "library.rollback",
                                  f"{article_id}:{change.id}"))
    original = _("Back to the shipped text") if shipped else _("Unpublish it")
    if not changes[0].removed:
        buttons.append(Button(original, "library.rollback", f"{article_id}:original",
                              "danger"))
    body = "\n".join(lines)
    return Reply(f"{heading}\n{body}".replace("**", ""),
                 (Text(heading), Text(body, markdown=False), *rows(buttons)), private=True)


def _what(change: Change) -> str:
    """What one change did, in the current language."""
    if change.removed:
        return _("removed the district's version")
    if change.kind != "rolled back":
        return _(KINDS[change.kind]) if change.kind in KINDS else change.kind
    if change.restores:
        return _("rolled back to #{id}").format(id=change.restores)
    return _("rolled back to the original")


def drafts_reply(drafts: Sequence[tuple[str, str, str]]) -> Reply:
    """Drafts waiting to be finished: (key, title, where from)."""
    if not drafts:
        return Reply(_(NO_DRAFTS), (Text(_(NO_DRAFTS)),), private=True)
    lines = "\n".join(f"• {title} ({source})" for _key, title, source in drafts)
    buttons = [Button(_("Finish: {title}").format(title=title)[:75], "library.draft", key)
               for key, title, _source in drafts]
    text = _("**Article drafts waiting**")
    return Reply(_("Article drafts waiting:") + "\n" + lines,
                 (Text(text), Text(lines, markdown=False), *rows(buttons)), private=True)


def prefill(value: str) -> dict[str, str]:
    """What a `library.new` button carries to start the form (the digest's gaps, a coach's
    reply in a thread): JSON with any of "title", "category", "steps" (one string, a step
    per line) and "phrasings" (a list of how teachers asked)."""
    try:
        given = json.loads(value) if value else {}
    except ValueError:  # not JSON, or a number too long for Python to read
        return {}
    if not isinstance(given, dict):
        return {}
    phrasings = given.get("phrasings", [])
    return {"title": str(given.get("title", ""))[:200],
            "category": str(given.get("category", ""))[:32],
            "steps": str(given.get("steps", ""))[:3000],
            "phrasings": "\n".join(str(p) for p in phrasings[:20])
            if isinstance(phrasings, list) else ""}


def day_of(at: datetime) -> str:
    """A date as a teacher reads it."""
    return format_date(at, "medium")
