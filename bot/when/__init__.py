"""Weekdays, dates and times as people type them, in English or in Spanish.

Anyone may use either language, or both in one phrase (a bilingual teacher types "lun-fri"):
what is read does not depend on who types it, except which number comes first in "3/4",
where the current language decides (month first in English, day first in Spanish).

The words come from CLDR through Babel, in every locale of READ: weekday and month names
and abbreviations ("miércoles", "mié", "Wed"), relative days and weeks ("pasado mañana",
"la semana próxima", "next week"), "in {0} days" / "dentro de {0} días", duration units
("semanas", "wks") and day periods ("p. m.", "de la tarde", "in the evening"). Only what
CLDR does not hold is written here: small number words, and the little words around a
range or list ("de lunes a viernes", "mon to fri", "lun, mié y vie").
"""

from __future__ import annotations

from bot.when.clock import clock, span
from bot.when.dates import day, week
from bot.when.words import days, days_in_word, fold, month, weekday

__all__ = ["clock", "day", "days", "days_in_word", "fold", "month", "span", "week", "weekday"]
