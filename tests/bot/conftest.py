"""Shared by the masker's tests: a school's colleagues known one word at a time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.staff import know_staff, use_staff_names

COLLEAGUES = ["Michael Tso", "Jerome Yazzie", "Kevin Lucero", "Grace Mutua", "Rosa Garcia",
              "Stan Wozniak"]


@pytest.fixture
def colleagues_one_word() -> Iterator[None]:
    """These colleagues known, and one word of a name enough to spare it
    (PREPBOT_MASKING_STAFF=all)."""
    know_staff(COLLEAGUES)
    use_staff_names("all")
    yield
    use_staff_names("whole")
