"""An article: front matter plus a body split into answer, steps, notes and "Still stuck?"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STEP = re.compile(r"^\s*(\d+)\.\s+(.*)$")
STILL_STUCK = "**Still stuck?**"
KB_LINK = re.compile(r"\[([^\]]+)\]\(kb:([a-z0-9-]+)\)")


@dataclass(frozen=True)
class Article:
    """One curated article, as a teacher reads it and as retrieval indexes it."""

    id: str
    title: str
    category: str
    audience: str
    escalate_to: str
    tags: tuple[str, ...]
    phrasings: tuple[str, ...]
    updated: str
    summary: str
    steps: tuple[str, ...]
    notes: tuple[str, ...] = ()
    still_stuck: str = ""
    source: str = ""
    retired: bool = False
    body_line: int = 1
    links: tuple[str, ...] = field(default=())
    language: str = "en"  # "es" for the Spanish shelf (knowledge/articles/es, `language: es`)
    # Questions teachers asked that this article answered (knowledge/asked.py): indexed
    # beside the phrasings, never shown nor written back into the article's text.
    asked: tuple[str, ...] = ()

    @property
    def body_text(self) -> str:
        """Everything a reader sees, as one string, for indexing."""
        return " ".join((self.summary, *self.steps, *self.notes, self.still_stuck))

    @property
    def ways_asked(self) -> tuple[str, ...]:
        """Every way the problem is put into words for retrieval: phrasings, then asked."""
        return self.phrasings + self.asked


def split_body(body: str) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    """Split a body into (one-line answer, steps, other paragraphs, "Still stuck?" text)."""
    summary, still_stuck = "", ""
    steps: list[str] = []
    notes: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        lines = [line for line in paragraph.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(STEP.match(line) for line in lines):
            steps.extend(STEP.match(line).group(2).strip() for line in lines)  # type: ignore[union-attr]
        elif paragraph.strip().startswith(STILL_STUCK):
            still_stuck = paragraph.strip()[len(STILL_STUCK):].strip()
        elif not summary and not steps:
            summary = " ".join(line.strip() for line in lines)
        else:
            notes.append(" ".join(line.strip() for line in lines))
    return summary, tuple(steps), tuple(notes), still_stuck


def linked_ids(text: str) -> tuple[str, ...]:
    """The ids of the articles a text links to with `[label](kb:id)`."""
    return tuple(match.group(2) for match in KB_LINK.finditer(text))
