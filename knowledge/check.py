"""`prepbot kb check`: every problem in the article files, with the file and line to fix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from knowledge.loader import SourceFile, folders, read_source, stored_sources
from knowledge.model import KB_LINK, STEP, STILL_STUCK
from knowledge.normalize import fold

Severity = Literal["error", "warning"]
REQUIRED = ("id", "title", "category", "audience", "escalate_to", "tags", "phrasings", "updated")
LISTS = ("tags", "phrasings")
MIN_PHRASINGS = 8
STEPS_WARN, STEPS_MAX = 8, 10


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an article file."""

    path: str
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def check(extra: Path | None = None, texts: Mapping[str, str] | None = None) -> list[Problem]:
    """Check the shipped articles, a district's folder and its stored texts (id -> article
    text, reported as `database/<id>.md`); errors first within each file."""
    per_folder = [[read_source(p) for p in sorted(folder.glob("*.md"))]
                  for folder in folders(extra) if folder.is_dir()]
    if texts:
        per_folder.append(stored_sources(texts))
    sources = [s for group in per_folder for s in group]
    live = _live_ids(sources)
    problems: list[Problem] = []
    for group in per_folder:
        problems += _duplicate_ids(group)
    for source in sources:
        problems += _check_file(source, live)
    problems += _duplicate_phrasings(sources)
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity))


def _live_ids(sources: Iterable[SourceFile]) -> set[str]:
    live: set[str] = set()
    for source in sources:
        if source.error:
            continue
        article_id = str(source.meta.get("id", source.path.stem))
        if source.meta.get("retired"):
            live.discard(article_id)
        else:
            live.add(article_id)
    return live


def _line_of(source: SourceFile, needle: str, start: int = 1) -> int:
    """The first line (1-based, from `start`) containing `needle`; `start` if none does."""
    for number, line in enumerate(source.text.splitlines()[start - 1:], start=start):
        if needle in line:
            return number
    return start


def _field_line(source: SourceFile, name: str) -> int:
    for number, line in enumerate(source.text.splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
        if number >= source.body_line:
            break
    return 1


def _check_file(source: SourceFile, live: set[str]) -> list[Problem]:
    path = str(source.path)
    if source.error:
        return [Problem(path, 1, source.error)]
    meta = source.meta
    problems: list[Problem] = []
    article_id = meta.get("id")
    if article_id is not None and str(article_id) != source.path.stem:
        message = f"id {article_id!r} differs from the file name {source.path.stem!r}"
        problems.append(Problem(path, _field_line(source, "id"), message))
    if meta.get("retired"):
        return problems  # a retirement notice needs nothing else
    for name in REQUIRED:
        if meta.get(name) in (None, "", []):
            problems.append(Problem(path, _field_line(source, name) if name in meta else 1,
                                    f"required field {name!r} is missing or empty"))
        elif name in LISTS and not isinstance(meta[name], list):
            problems.append(Problem(path, _field_line(source, name), f"{name!r} must be a list"))
    problems += _check_phrasings(source, meta)
    problems += _check_body(source)
    for number, line in enumerate(source.text.splitlines(), start=1):
        for match in KB_LINK.finditer(line):
            if match.group(2) not in live:
                message = f"link to unknown article {match.group(2)!r}"
                problems.append(Problem(path, number, message))
    return problems


def _check_phrasings(source: SourceFile, meta: dict[str, Any]) -> list[Problem]:
    phrasings = meta.get("phrasings")
    if not isinstance(phrasings, list):
        return []
    path, start = str(source.path), _field_line(source, "phrasings")
    problems = []
    if len(phrasings) < MIN_PHRASINGS:
        problems.append(Problem(path, start, f"only {len(phrasings)} phrasings; "
                                             f"write at least {MIN_PHRASINGS}"))
    seen: set[str] = set()
    for phrasing in phrasings:
        key = fold(str(phrasing))
        if key in seen:
            problems.append(Problem(path, _line_of(source, str(phrasing), start),
                                    f"phrasing {phrasing!r} is listed twice", "warning"))
        seen.add(key)
    return problems


def _check_body(source: SourceFile) -> list[Problem]:
    path, lines = str(source.path), source.text.splitlines()
    body = [(number, line) for number, line in enumerate(lines, start=1)
            if number >= source.body_line]
    problems = []
    first = next(((n, line) for n, line in body if line.strip()), None)
    if first is None or STEP.match(first[1]) or first[1].strip().startswith(STILL_STUCK):
        problems.append(Problem(path, first[0] if first else source.body_line,
                                "the body must start with a one-line answer"))
    steps = [(n, line) for n, line in body if STEP.match(line)]
    if len(steps) > STEPS_MAX:
        problems.append(Problem(path, steps[STEPS_MAX][0],
                                f"{len(steps)} steps; keep it to about {STEPS_WARN}"))
    elif len(steps) > STEPS_WARN:
        problems.append(Problem(path, steps[STEPS_WARN][0],
                                f"{len(steps)} steps; keep it to about {STEPS_WARN}", "warning"))
    if not any(line.strip().startswith(STILL_STUCK) for _, line in body):
        problems.append(Problem(path, len(lines) or 1,
                                f"no {STILL_STUCK} paragraph at the end of the body"))
    return problems


def _duplicate_ids(group: list[SourceFile]) -> list[Problem]:
    first: dict[str, SourceFile] = {}
    problems = []
    for source in group:
        if source.error or "id" not in source.meta:
            continue
        article_id = str(source.meta["id"])
        if article_id in first:
            problems.append(Problem(str(source.path), _field_line(source, "id"),
                                    f"id {article_id!r} is also used by {first[article_id].path}"))
        else:
            first[article_id] = source
    return problems


def _duplicate_phrasings(sources: list[SourceFile]) -> list[Problem]:
    """The same phrasing in two articles makes retrieval guess; an override is one article."""
    owners: dict[str, tuple[str, SourceFile]] = {}
    overridden = _overridden(sources)
    problems = []
    for source in sources:
        if source.error or source in overridden or source.meta.get("retired"):
            continue
        article_id = str(source.meta.get("id", source.path.stem))
        phrasings = source.meta.get("phrasings")
        for phrasing in phrasings if isinstance(phrasings, list) else []:
            key = fold(str(phrasing))
            owner = owners.setdefault(key, (article_id, source))
            if owner[0] != article_id:
                start = _field_line(source, "phrasings")
                problems.append(Problem(str(source.path), _line_of(source, str(phrasing), start),
                                        f"phrasing {phrasing!r} is also in {owner[1].path}"))
    return problems


def _overridden(sources: list[SourceFile]) -> list[SourceFile]:
    """Files replaced by a later file with the same id (a district override)."""
    last: dict[str, SourceFile] = {}
    for source in sources:
        if not source.error:
            last[str(source.meta.get("id", source.path.stem))] = source
    return [s for s in sources if not s.error
            and last[str(s.meta.get("id", s.path.stem))] is not s]
