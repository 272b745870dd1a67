"""What the core's hooks module gives every feature: a digest figure beside last period's."""

from __future__ import annotations

import pytest

from bot.hooks.digest import change
from bot.i18n import speaking


@pytest.mark.parametrize(("now", "before", "english", "spanish"), [
    (12, 9, "12 (+3)", "12 (+3)"), (3.5, 4, "3.5 (-0.5)", "3,5 (-0,5)"),
    (12, 12, "12 (same)", "12 (igual)"), (1234, None, "1,234", "1.234"),
    (None, 3, "-", "-"), (2500, 1000, "2,500 (+1,500)", "2.500 (+1.500)")])
def test_a_figure_and_its_change_are_written_as_the_readers_language_writes_numbers(
        now: float | None, before: float | None, english: str, spanish: str) -> None:
    assert change(now, before) == english
    with speaking("es"):
        assert change(now, before) == spanish
