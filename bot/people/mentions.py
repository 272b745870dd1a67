"""People named in a command: `@Ms Rivera @Mr Chen`, Slack's escaped `<@U123|rivera>`, or
the plain names Teams leaves once it has turned its mentions into text.

Slack sends a mentioned user's id (with `should_escape`), so anyone can be named there. Teams
sends each mention's id beside the text (`Command.mentioned`), which tells namesakes apart.
Otherwise a name is matched to someone prepbot already knows on the same platform (their
display name or user id, any case); several names may run together ("Ms Rivera Mr Chen"),
the longest known names first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.i18n import N_, _
from bot.people.directory import find_person, remember_person
from bot.people.models import PersonRow
from bot.vocabulary import Person

SLACK_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
SEPARATORS = re.compile(r"@|,|;|\band\b|\n", re.IGNORECASE)
MAX_KNOWN = 5000  # names matched by scanning; a district has far fewer staff on one platform
# A name two people share is asked about, never guessed (a red team's, stop 49: the cycle went
# to whichever "Maria Garcia" had written to prepbot first, at another school).
SHARED = N_("More than one person here is called “{name}”, so I can't tell which you mean: "
            "pick them with an @mention, or ask your admin.")


@dataclass
class Named:
    """Who the words named, once each in the order the text names them (a red team's, stop
    51: "handover @Mr Okafor <@UPARK>" read the mention first, and gave the work the wrong
    way), and the words that named nobody."""

    found: list[tuple[int, PersonRow]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def people(self) -> list[PersonRow]:
        """The people, in the order of their places in the text."""
        return [person for _at, person in sorted(self.found, key=lambda each: each[0])]

    def add(self, person: PersonRow, at: int) -> None:
        """Keep a person once, at the first place the text names them (mentions are read
        before typed names, so a later mention must not move her: a red team's, stop 51)."""
        kept = [(place, p) for place, p in self.found if p.id != person.id]
        first = min([at, *(place for place, p in self.found if p.id == person.id)])
        self.found = [*kept, (first, person)]


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.IGNORECASE)


async def _known(session: AsyncSession, platform: str) -> list[PersonRow]:
    query = (select(PersonRow).where(PersonRow.platform == platform,
                                     PersonRow.display_name != "")
             .order_by(PersonRow.id).limit(MAX_KNOWN))
    people = list((await session.execute(query)).scalars())
    return sorted(people, key=lambda p: -len(p.display_name))


async def _shared(session: AsyncSession, platform: str) -> set[str]:
    """Display names (lower case) two people or more share on a platform: all of them, not
    only the known ones scanned (a red team's, stop 50: past MAX_KNOWN a namesake was not
    counted, and the name was guessed again)."""
    names = await session.execute(select(PersonRow.display_name).where(
        PersonRow.platform == platform, PersonRow.display_name != ""))
    return {name for name, count in Counter(n.lower() for n in names.scalars()).items()
            if count > 1}


def _shown_at(text: str, name: str) -> re.Match[str] | None:
    """Where a mention's name stands in the text: a place where it stands alone (up to a
    separator or the end) first, since "Ann" may begin a typed "Ann Lee" (a red team's,
    stop 51)."""
    places = list(_pattern(name).finditer(text))
    alone = [m for m in places if re.match(rf"\s*(?:{SEPARATORS.pattern}|$)", text[m.end():],
                                           re.IGNORECASE)]
    return next(iter(alone or places), None)


async def _take_mentions(session: AsyncSession, platform: str, text: str,
                         mentioned: Sequence[Person], named: Named) -> str:
    """Add the people the platform says the text @mentions, each by its id, and take their
    names out of the text. Only people prepbot knows count: a mention's id and name are the
    sender's client's to write, so an unknown one is left to be read as a name."""
    for mention in mentioned:
        found = _shown_at(text, mention.display_name) if mention.display_name else None
        person = await find_person(session, platform, mention.user_id) if found else None
        if found is None or person is None:
            continue
        named.add(person, found.start())
        # A separator padded to the name's length, so the next mentions' places still compare.
        text = text[:found.start()] + ",".ljust(len(found[0])) + text[found.end():]
    return text


async def named_people(session: AsyncSession, platform: str, text: str, now: datetime,
                       admins: frozenset[str] = frozenset(),
                       mentioned: Sequence[Person] = ()) -> Named:
    """The people a piece of a command names, resolved on the sender's platform; `mentioned`
    are the platform's own @mentions of the command (by id, with the name the text shows)."""
    named = Named()
    for m in SLACK_MENTION.finditer(text):
        # The name in <@U123|name> is a handle: a known person keeps their display name.
        found = await find_person(session, platform, m[1])
        handle = Person(platform=platform, user_id=m[1], display_name=m[2] or "")
        named.add(found or await remember_person(session, handle, now, admins), m.start())
    # Each mention becomes a separator as long as itself: every place still compares.
    rest = SLACK_MENTION.sub(lambda m: ",".ljust(len(m[0])), text)
    rest = await _take_mentions(session, platform, rest, mentioned, named)
    chunks = _chunks(rest)
    if not chunks:
        return named
    known = await _known(session, platform)
    shared = await _shared(session, platform)
    for at, chunk in chunks:
        exact = await find_person(session, platform, chunk)
        if exact is None and chunk.lower() in shared:
            raise BadInput(_(SHARED).format(name=chunk))
        exact = exact or next((p for p in known if p.display_name.lower() == chunk.lower()),
                              None)
        if exact is not None:
            named.add(exact, at)
            continue
        left = chunk
        for person in known:  # longest names first: "Ms Rivera-Ortiz" before "Ms Rivera"
            pattern = _pattern(person.display_name)
            if place := pattern.search(left):
                if person.display_name.lower() in shared:
                    raise BadInput(_(SHARED).format(name=person.display_name))
                named.add(person, at + place.start())
                left = pattern.sub(lambda m: " ".ljust(len(m[0])), left)
        if left.strip(" .-"):
            named.unknown.append(" ".join(left.split()))
    return named


def _chunks(text: str) -> list[tuple[int, str]]:
    """The stretches between separators, stripped, each with where it starts."""
    found, start = [], 0
    for end, after in [*((m.start(), m.end()) for m in SEPARATORS.finditer(text)),
                       (len(text), len(text))]:
        if stripped := text[start:end].strip(" ."):
            found.append((start + text[start:end].index(stripped), stripped))
        start = after
    return found
