"""An article as the coach's form holds it, and back: the text of an article file.

The form has the parts a coach writes (title, area, the one-line answer, steps, the ways
teachers ask it, "Still stuck?", tags, other paragraphs); the rest of the front matter is
kept from the article being edited. What the form makes is checked by knowledge/check.py,
the same checks and messages as `prepbot kb check`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from knowledge import Article
from knowledge.check import Problem, check
from knowledge.loader import STORED, load_articles, parse_source
from knowledge.model import STILL_STUCK
from knowledge.normalize import fold

FIELDS = ("title", "category", "answer", "steps", "phrasings", "still_stuck", "tags", "notes")
BULLET = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s*")
MAX_STORED_ID = 64  # library_articles.article_id
MAX_ID = 56  # a new article's id: leaves room for "-2" and the like


def lines(text: str) -> list[str]:
    """One item per line, without bullets or numbers and without blank lines."""
    return [item for line in text.splitlines() if (item := BULLET.sub("", line).strip())]


def one_line(text: str) -> str:
    """A text's lines joined into one."""
    return _paragraph(text)


def _paragraph(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def values_of(article: Article) -> dict[str, str]:
    """What the form shows for an article being edited."""
    return {"title": article.title, "category": article.category, "answer": article.summary,
            "steps": "\n".join(article.steps), "phrasings": "\n".join(article.phrasings),
            "still_stuck": article.still_stuck, "tags": ", ".join(article.tags),
            "notes": "\n\n".join(article.notes)}


def compose(article_id: str, values: Mapping[str, str], base: Article | None,
            today: date) -> str:
    """The article file a submitted form makes (front matter, then the body)."""
    meta: dict[str, Any] = {
        "id": article_id, "title": _paragraph(values.get("title", "")),
        "category": fold(values.get("category", "")).replace(" ", "-") or "general",
        "audience": base.audience if base else "teacher",
        "escalate_to": base.escalate_to if base else "coach",
        "tags": [t for t in (fold(t) for t in re.split(r"[,\n]", values.get("tags", ""))) if t],
        "updated": today.isoformat(), "phrasings": lines(values.get("phrasings", ""))}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    body = [_paragraph(values.get("answer", ""))]
    steps = lines(values.get("steps", ""))
    if steps:
        body.append("\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1)))
    body += [_paragraph(p) for p in re.split(r"\n\s*\n", values.get("notes", "")) if p.strip()]
    stuck = _paragraph(values.get("still_stuck", "")).removeprefix(STILL_STUCK).strip()
    if stuck:
        body.append(f"{STILL_STUCK} {stuck}")
    return f"---\n{front}---\n" + "\n\n".join(part for part in body if part) + "\n"


def new_id(title: str, taken: set[str]) -> str:
    """An id for a new article from its title, not used by any other article."""
    stem = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:MAX_ID].strip("-") or "article"
    found, number = stem, 1
    while found in taken:
        number += 1
        found = f"{stem}-{number}"
    return found


def title_of(text: str) -> str:
    """The title in an article's text ('' when it has none)."""
    return str(parse_source(STORED / "article.md", text).meta.get("title", ""))


def underneath(extra: Path | None, article_id: str) -> bool:
    """True when a shipped or folder article has this id: what teachers get once the
    district's version in the database is gone."""
    return article_id in load_articles(extra)


def where(article_id: str) -> str:
    """How `prepbot kb check` names an article kept in the database."""
    return str(STORED / f"{article_id}.md")


def problems(extra: Path | None, before: Mapping[str, str], after: Mapping[str, str],
             article_id: str) -> list[Problem]:
    """What `prepbot kb check` finds in the changed article, and the errors the change
    causes elsewhere (a link to an article that is gone, a phrasing now used twice)."""
    found = check(extra, after)
    mine = [p for p in found if p.path == where(article_id)]
    elsewhere = [p for p in found if p.path != where(article_id) and p.severity == "error"]
    earlier = set(check(extra, before)) if elsewhere else set()  # most often there are none
    return mine + [p for p in elsewhere if p not in earlier]
