"""Helpers for writing article files into a temporary district folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

PHRASINGS = [f"made up phrasing number {n} about the {{topic}}" for n in range(1, 9)]


def article_text(article_id: str, *, title: str = "A district article", topic: str = "widget",
                 phrasings: list[str] | None = None, steps: int = 3, extra_front: str = "",
                 body_tail: str = "", still_stuck: bool = True) -> str:
    """A valid article file, with knobs to break exactly one thing."""
    lines = ["---", f"id: {article_id}", f"title: {title}", "category: hardware",
             "audience: teacher", "escalate_to: it", f"tags: [{topic}]", "updated: 2026-12-01"]
    lines += [extra_front] if extra_front else []
    lines.append("phrasings:")
    lines += [f"  - {p}" for p in (phrasings or [p.format(topic=topic) for p in PHRASINGS])]
    lines += ["---", f"Restart the {topic} and it works again.", ""]
    lines += [f"{n}. Do step {n} on the {topic}." for n in range(1, steps + 1)]
    lines += ["", body_tail] if body_tail else []
    if still_stuck:
        lines += ["", "**Still stuck?** Reply \"ticket\" and I will open one for you."]
    return "\n".join(lines) + "\n"


@pytest.fixture
def district(tmp_path: Path) -> Path:
    """An empty district folder (PREPBOT_KB_DIR)."""
    folder = tmp_path / "district"
    folder.mkdir()
    return folder


def write(folder: Path, article_id: str, text: str | None = None, **knobs: Any) -> Path:
    """Write one article into a folder and return its path."""
    path = folder / f"{article_id}.md"
    path.write_text(text if text is not None else article_text(article_id, **knobs), "utf-8")
    return path
