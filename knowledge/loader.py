"""Read articles from the shipped folder, a district's own folder and its stored texts."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from knowledge.asked import with_asked
from knowledge.model import Article, linked_ids, split_body

log = logging.getLogger(__name__)
FRONT = "---"
# libyaml's safe loader when PyYAML was built with it: the same YAML read about 7 times faster
# (a district's articles are re-read on every change published from chat).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Where articles kept as texts (a district's, published from chat) say they come from.
STORED = Path("database")


@dataclass(frozen=True)
class SourceFile:
    """One article file as read: its front matter, body, and where the body starts."""

    path: Path
    text: str
    meta: dict[str, Any]
    body: str
    body_line: int
    error: str = ""


def shipped_folder(language: str = "en") -> Path:
    """The folder of the articles that ship inside the package, in one language."""
    root = Path(str(resources.files("knowledge") / "articles"))
    return root if language == "en" else root / language


def read_source(path: Path) -> SourceFile:
    """Parse one file; a file that cannot be parsed comes back with `error` set."""
    return parse_source(path, path.read_text(encoding="utf-8"))


def parse_source(path: Path, text: str) -> SourceFile:
    """Parse an article's text as if read from `path`; `error` is set when it cannot be."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT:
        return SourceFile(path, text, {}, text, 1, "no front matter: the file must start with ---")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FRONT)
    except StopIteration:
        return SourceFile(path, text, {}, "", 1, "front matter is not closed with ---")
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        return SourceFile(path, text, {}, "", 1, f"front matter is not valid YAML: {error}")
    if not isinstance(meta, dict):
        return SourceFile(path, text, {}, "", 1, "front matter must be a mapping of fields")
    return SourceFile(path, text, meta, "\n".join(lines[end + 1:]), end + 2)


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value or () if item is not None)


def language_of(source: SourceFile) -> str:
    """An article file's language: its `language:` field, else its shipped folder's (a
    district's file with no field is English)."""
    if source.meta.get("language"):
        return str(source.meta["language"]).strip().lower()
    if source.path.parent == shipped_folder("es"):
        return "es"
    return "en"


def to_article(source: SourceFile) -> Article:
    """Build an Article from a parsed file (missing fields become empty)."""
    meta = source.meta
    summary, steps, notes, still_stuck = split_body(source.body)
    updated = meta.get("updated", "")
    return Article(
        id=str(meta.get("id", source.path.stem)), title=str(meta.get("title", "")),
        category=str(meta.get("category", "general")),
        audience=str(meta.get("audience", "teacher")),
        escalate_to=str(meta.get("escalate_to", "coach")), tags=_strings(meta.get("tags")),
        phrasings=_strings(meta.get("phrasings")),
        updated=updated.isoformat() if isinstance(updated, date) else str(updated),
        summary=summary, steps=steps, notes=notes, still_stuck=still_stuck,
        source=str(source.path), retired=bool(meta.get("retired", False)),
        body_line=source.body_line, links=linked_ids(source.body),
        language=language_of(source),
    )


def folders(extra: Path | None, language: str = "en") -> list[Path]:
    """The folders to read, shipped first, so a district's articles override shipped ones."""
    return [shipped_folder(language)] + ([extra] if extra else [])


def stored_sources(texts: Mapping[str, str] | None) -> list[SourceFile]:
    """Articles kept as texts (id -> the text of an article file), as `database/<id>.md`."""
    return [parse_source(STORED / f"{article_id}.md", text)
            for article_id, text in sorted((texts or {}).items())]


def source_files(extra: Path | None, language: str = "en",
                 texts: Mapping[str, str] | None = None) -> list[SourceFile]:
    """Every article file, in override order; stored texts come last and win."""
    return [read_source(path) for folder in folders(extra, language) if folder.is_dir()
            for path in sorted(folder.glob("*.md"))] + stored_sources(texts)


def load_articles(extra: Path | None = None, language: str = "en",
                  texts: Mapping[str, str] | None = None, asked: bool = True
                  ) -> dict[str, Article]:
    """The live articles of one language by id: a district's file or stored text (English
    unless it says `language: es`) replaces a shipped one, `retired` removes it; each
    carries the questions teachers asked of it unless `asked` is false (knowledge/asked.py)."""
    articles: dict[str, Article] = {}
    for source in source_files(extra, language, texts):
        if source.error:
            log.warning("skipping article %s: %s", source.path, source.error)
            continue
        article = to_article(source)
        if article.language != language:
            continue
        if article.retired:
            articles.pop(article.id, None)
        else:
            articles[article.id] = article
    return with_asked(articles, language) if asked else articles
