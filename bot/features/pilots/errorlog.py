"""A pilot's technical error log: tickets and questions that name the tool (or were tagged
with it), gathered per school day and class period, so "crashes in 3rd period daily" shows
up as a pattern.

The period is read from what the teacher wrote, in English or Spanish ("in 3rd period",
"period 3", "p3", "en el tercer periodo", "3.ª hora"); when they didn't say, the hour they
wrote it in stands in ("around 10:00").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.hooks.digest import Period
from bot.hooks.year import Mention, MentionAsk, ToolFacts
from bot.i18n import N_, _, format_time
from bot.registry import Registry

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9,
            "primer": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6,
            "séptim": 7, "septim": 7, "octav": 8, "noven": 9}
_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_SLOT = r"(?:period|hour|block|per[ií]odo|hora|bloque)"
_ENDING = r"(?:st|nd|rd|th|\.?(?:er|ero|era|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma|º|ª|°))"
PERIOD = re.compile(
    rf"\b(?:(?P<ord>[1-9]){_ENDING}\s+{_SLOT}|(?P<word>{_WORDS})(?:o|a)?\s+{_SLOT}|"
    rf"(?:period|block|per[ií]odo|bloque|hora)\s*(?P<num>[1-9])\b|\bp(?P<p>[1-9])\b)",
    re.IGNORECASE)
PATTERN_DAYS = 3  # the same period on this many different days is a pattern
SAMPLES = 3
# TRANSLATORS: a class period, by the English ordinal's ending (1st, 2nd, 3rd, 4th...).
PERIOD_NAMES = {"st": N_("{n}st period"), "nd": N_("{n}nd period"), "rd": N_("{n}rd period"),
                "th": N_("{n}th period")}


def suffix(n: int) -> str:
    """The English ordinal's ending: 3 -> "rd"."""
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@dataclass(frozen=True, order=True)
class When:
    """When in the school day a report came: the class period it names (1-9), or, when it
    names none (period 0), the hour it was written in."""

    period: int
    hour: int = 0

    @property
    def named(self) -> bool:
        """Whether the teacher named a class period (the hour typed is no class period)."""
        return self.period > 0

    def label(self) -> str:
        """"3rd period" or "around 10:00", in the current language."""
        if self.named:
            return _(PERIOD_NAMES[suffix(self.period)]).format(n=self.period)
        return _("around {time}").format(time=format_time(time(self.hour), "HH:mm"))


def period_of(text: str, local: datetime) -> When:
    """The class period a report names, or the hour it was written in."""
    found = PERIOD.search(text)
    if found is None:
        return When(0, local.hour)
    raw = found.group("ord") or found.group("num") or found.group("p")
    return When(int(raw) if raw else ORDINALS[found.group("word").lower()])


@dataclass(frozen=True)
class Entry:
    """One report in the log."""

    day: date
    period: When
    ref: str
    text: str


@dataclass
class ErrorLog:
    """The log: entries per day and period, and the periods that recur."""

    entries: list[Entry] = field(default_factory=list)

    @property
    def by_day(self) -> dict[date, Counter[When]]:
        """Each day's reports, counted per period."""
        days: dict[date, Counter[When]] = defaultdict(Counter)
        for entry in self.entries:
            days[entry.day][entry.period] += 1
        return dict(sorted(days.items()))

    @property
    def patterns(self) -> list[tuple[When, int, int]]:
        """(period, reports, different days) for periods reported on three days or more."""
        days: dict[When, set[date]] = defaultdict(set)
        counts: Counter[When] = Counter()
        for entry in self.entries:
            if entry.period.named:  # a stated period, not the hour it was typed
                days[entry.period].add(entry.day)
                counts[entry.period] += 1
        found = [(p, counts[p], len(d)) for p, d in days.items() if len(d) >= PATTERN_DAYS]
        return sorted(found, key=lambda item: (-item[2], item[0]))

    @property
    def tickets(self) -> int:
        """How many of the entries are tickets."""
        return sum(e.ref.startswith("ticket:") for e in self.entries)

    def samples(self) -> list[str]:
        """A few of the reports as written (masked), latest first."""
        return [e.text[:160] for e in reversed(self.entries)][:SAMPLES]


async def gather(session: AsyncSession, features: Registry, tool: ToolFacts, start: date,
                 end: date, zone: str) -> ErrorLog:
    """Every ticket and question that names the tool between two dates (both included)."""
    tz = ZoneInfo(zone)
    period = Period(datetime.combine(start, time(0), tz).astimezone(UTC),
                    datetime.combine(end + timedelta(days=1), time(0), tz).astimezone(UTC))
    ask = MentionAsk(tool.words, period, tool.tagged)
    found: dict[str, Mention] = {}
    for mentions in features.mentions:
        for mention in await mentions(session, ask):
            found.setdefault(mention.ref, mention)
    entries = []
    for mention in sorted(found.values(), key=lambda m: m.at):
        local = mention.at.astimezone(tz)
        entries.append(Entry(local.date(), period_of(mention.text, local), mention.ref,
                             mention.text))
    return ErrorLog(entries)
