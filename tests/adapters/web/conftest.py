"""What the playground's browser tests share."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where the screenshots go: PREPBOT_SCREENSHOTS (`docs/screenshots` refreshes the docs'),
    else a temporary folder."""
    folder = Path(os.environ.get("PREPBOT_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
