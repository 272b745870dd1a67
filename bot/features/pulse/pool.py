"""Answers wait, sealed, until a release: then N at a time become visible, in no order.

A survey's threshold N is fixed at launch. A teacher's answers (or a change to them while
they wait) go into the pool, sealed with the server secret (bot/server_secret.py) and padded
to one size, under a key only the secret can compute from (survey, person). When N answers
are waiting, one transaction releases them all: the respondents and the answer sets are
written in random order, the pool is emptied. So:

- everything a coach can see comes from releases, and two releases differ by N answers;
- no commit writes one person beside their answers: a database copy taken after any commit
  shows who answered only in groups of N, and the pool (readable only with the secret) never
  says whose entry is whose, nor, by its size, how long a comment is;
- a released answer is never written again: a change to it would be the one row two copies
  of the database differ in, and whoever acted between them its owner (a red team's, stop
  44), so released answers are final;
- what is still pooled when the survey closes is never shown; the count is told, and why.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.pulse.models import PendingRow, RespondentRow, ResponseRow, SurveyRow
from bot.i18n import N_, _
from bot.masking import mask_within
from bot.server_secret import ServerSecret
from bot.stored_settings import is_servers_secret

log = logging.getLogger(__name__)
PURPOSE = "pulse-pool"
KEPT_COMMENT = 4000  # as typed, while it waits: the most Slack (3,000) or Teams lets one type
MAX_COMMENT = 2000  # as released, masked
# Every entry is sealed at this one size: a comment as long as is kept, each character escaped
# at the most JSON does (12 bytes: an emoji's two escapes; a control character takes 6), and
# the answers fit. A comment pasted from a slide once made its entry stand out (stop 48).
SEALED_SIZE = 12 * KEPT_COMMENT + 2048
WRONG_SECRET = N_("This server secret opens none of the pulse answers waiting for release, "
                  "so it is not the server's: run this with the same PREPBOT_SECRET_KEY (or "
                  "key file) as prepbot itself. Nothing was erased.")
NO_SECRET = N_("Pulse answers can't be taken yet: your admin needs to set PREPBOT_SECRET_KEY "
               "(it keeps answers unreadable to anyone with a copy of the database).")


@dataclass(frozen=True)
class Entry:
    """One teacher's answers while they wait: who (to record them at release), which set."""

    person_id: int
    key: str  # the response key their form's secret gives (answering.py)
    answers: dict[str, int]
    comment: str


def pool_key(secret: ServerSecret, survey_id: int, person_id: int) -> str:
    """The pool row of this person's entry: the secret is needed to tell whose it is."""
    return secret.keyed_hash(PURPOSE, f"{survey_id}:{person_id}")


def _seal(secret: ServerSecret, entry: Entry) -> bytes:
    plain = json.dumps(asdict(entry)).encode()  # escaped: its size has a bound
    if len(plain) > SEALED_SIZE:  # answers no instrument has: a forged form
        raise BadInput(_("Those answers are longer than any survey's. Nothing was saved."))
    return secret.seal(PURPOSE, plain.ljust(SEALED_SIZE))


def _open(secret: ServerSecret, row: PendingRow) -> Entry | None:
    """The entry, or None where it cannot be read: sealed under another server secret (a
    database restored without its key) or, from before stop 44, a change to released answers."""
    try:
        found: dict[str, Any] = json.loads(secret.open(PURPOSE, row.sealed))
    except ValueError:
        return None
    if not found.pop("new", True):
        return None
    return Entry(**found)


def _usable(secret: ServerSecret) -> None:
    if not secret.lasting:
        raise BadInput(_(NO_SECRET))


async def entry_of(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
                   person_id: int) -> Entry | None:
    """This person's waiting entry, if any."""
    _usable(secret)
    row = await session.get(PendingRow, pool_key(secret, survey.id, person_id))
    return _open(secret, row) if row is not None else None


async def key_waiting(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
                      key: str) -> bool:
    """Whether some waiting entry was answered on the form whose response key this is."""
    rows = (await session.execute(select(PendingRow).where(
        PendingRow.survey_id == survey.id, PendingRow.new.is_(True)))).scalars()
    return any((entry := _open(secret, row)) is not None and entry.key == key for row in rows)


async def hold(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
               entry: Entry) -> bool:
    """Put (or replace) an entry in the pool, then release when N new ones wait; True when
    this entry went out in a release."""
    _usable(secret)
    key = pool_key(secret, survey.id, entry.person_id)
    row = await session.get(PendingRow, key)
    if row is None:
        session.add(PendingRow(key=key, survey_id=survey.id, sealed=_seal(secret, entry)))
    else:
        row.sealed = _seal(secret, entry)
    await session.flush()
    if await waiting(session, survey) < survey.threshold:
        return False
    return await release(session, secret, survey)


async def waiting(session: AsyncSession, survey: SurveyRow) -> int:
    """New answers waiting for the next release."""
    query = select(func.count()).where(PendingRow.survey_id == survey.id,
                                       PendingRow.new.is_(True))
    return int((await session.execute(query)).scalar_one())


async def release(session: AsyncSession, secret: ServerSecret, survey: SurveyRow) -> bool:
    """Everything waiting becomes visible at once, written in random order; False (and
    nothing shown) while fewer than N of the waiting entries can be read. One sealed with
    another secret (a replica misconfigured, a database restored without its key) is left
    waiting, never dropped: the right secret may still open it, and the close counts it."""
    rows = list((await session.execute(select(PendingRow).where(
        PendingRow.survey_id == survey.id, PendingRow.new.is_(True)))).scalars())
    opened = {row.key: entry for row in rows if (entry := _open(secret, row)) is not None}
    if len(opened) < len(rows):
        log.error("%d waiting pulse answers could not be read (another server secret?): "
                  "left waiting", len(rows) - len(opened))
    await _drop_superseded(session, survey, opened)
    if len(opened) < survey.threshold:
        return False
    await session.execute(delete(PendingRow).where(PendingRow.key.in_(list(opened))))
    fresh = list(opened.values())
    people = [e.person_id for e in fresh]
    shuffle = secrets.SystemRandom().shuffle
    shuffle(people)
    shuffle(fresh)  # independently: the two tables share no order
    session.add_all(RespondentRow(survey_id=survey.id, person_id=p) for p in people)
    session.add_all(ResponseRow(key=e.key, survey_id=survey.id, answers=e.answers,
                                comment=mask_within(e.comment, MAX_COMMENT).text)
                    for e in fresh)  # masked only now: see handlers.answer
    await session.flush()
    return True


async def _drop_superseded(session: AsyncSession, survey: SurveyRow,
                           opened: dict[str, Entry]) -> None:
    """Entries of people whose answers were released already go: one sealed under a key
    restored after they answered again under another (a red team's, stop 44) would make them
    a respondent twice, and the release fail for whoever's answer came next."""
    released = set((await session.execute(select(RespondentRow.person_id).where(
        RespondentRow.survey_id == survey.id))).scalars())
    superseded = [key for key, entry in opened.items() if entry.person_id in released]
    if superseded:
        await session.execute(delete(PendingRow).where(PendingRow.key.in_(superseded)))
        for key in superseded:
            del opened[key]


async def erase_waiting(session: AsyncSession, secret: ServerSecret, person_id: int) -> int:
    """An erased person's answers that still wait are taken back, never to be released; what
    was released stays, as it names no one. What this secret cannot open goes too, since any of
    it may be theirs (a replica given another key, a restore without it). Refused with any
    secret but the one the server last ran with (or, where none was recorded, one that opens
    none of what waits), which would find nothing of theirs and discard everyone's (red
    teams', stop 44)."""
    rows = list((await session.execute(select(PendingRow))).scalars())
    answers = [row for row in rows if row.new]  # not a change left from before stop 44
    unreadable = [row.key for row in answers if _open(secret, row) is None]
    servers = await is_servers_secret(session, secret)
    if servers is False or (servers is None and answers and len(unreadable) == len(answers)):
        raise BadInput(_(WRONG_SECRET))
    keys = {pool_key(secret, survey_id, person_id) for survey_id in {r.survey_id for r in rows}}
    if unreadable:  # any may be theirs, sealed under another key: none may outlive the erase
        log.warning("the erase discarded %d waiting pulse answers sealed with another server "
                    "secret, since any of them could be the erased person's", len(unreadable))
    result = await session.execute(delete(PendingRow).where(
        PendingRow.key.in_(keys | set(unreadable))))
    return int(getattr(result, "rowcount", 0) or 0)


async def hold_back(session: AsyncSession, survey: SurveyRow) -> int:
    """At the close: what still waits is never shown; returns how many new answers that was."""
    held = await waiting(session, survey)
    await session.execute(delete(PendingRow).where(PendingRow.survey_id == survey.id))
    survey.held_back = held
    return held
