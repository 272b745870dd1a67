"""Answers wait, sealed, until a release: then N at a time become visible, in no order.

A survey's threshold N is fixed at launch. A teacher's answers (or a change to answers
already shown) go into the pool, sealed with the server secret (bot/server_secret.py) and
padded to one size, under a key only the secret can compute from (survey, person). When N
new answers are waiting, one transaction releases them all: the respondents and the answer
sets are written in random order, changes are applied, the pool is emptied. So:

- everything a coach can see comes from releases, and two releases differ by N answers;
- no commit writes one person beside their answers: a database copy taken after any commit
  shows who answered only in groups of N, and the pool (readable only with the secret) never
  says whose entry is whose, nor, by its size, how long a comment is;
- what is still pooled when the survey closes is never shown; the count is told, and why.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.pulse.models import PendingRow, RespondentRow, ResponseRow, SurveyRow
from bot.i18n import N_, _
from bot.server_secret import ServerSecret

PURPOSE = "pulse-pool"
SEALED_SIZE = 8704  # a 2,000-character comment of 4-byte characters, and the answers, fit
NO_SECRET = N_("Pulse answers can't be taken yet: your admin needs to set PREPBOT_SECRET_KEY "
             "(it keeps answers unreadable to anyone with a copy of the database).")


@dataclass(frozen=True)
class Entry:
    """One teacher's answers while they wait: who (to record them at release), which set."""

    person_id: int
    key: str  # the response key their form's secret gives (answering.py)
    answers: dict[str, int]
    comment: str
    new: bool  # False: a change to answers already released


def pool_key(secret: ServerSecret, survey_id: int, person_id: int) -> str:
    """The pool row of this person's entry: the secret is needed to tell whose it is."""
    return secret.keyed_hash(PURPOSE, f"{survey_id}:{person_id}")


def _seal(secret: ServerSecret, entry: Entry) -> bytes:
    plain = json.dumps(asdict(entry), ensure_ascii=False).encode()
    return secret.seal(PURPOSE, plain.ljust(SEALED_SIZE))


def _open(secret: ServerSecret, row: PendingRow) -> Entry:
    found: dict[str, Any] = json.loads(secret.open(PURPOSE, row.sealed))
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


async def hold(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
               entry: Entry) -> bool:
    """Put (or replace) an entry in the pool, then release when N new ones wait; True when
    this entry went out in a release."""
    _usable(secret)
    key = pool_key(secret, survey.id, entry.person_id)
    row = await session.get(PendingRow, key)
    if row is None:
        session.add(PendingRow(key=key, survey_id=survey.id, new=entry.new,
                               sealed=_seal(secret, entry)))
    else:
        row.sealed = _seal(secret, entry)
    await session.flush()
    if await waiting(session, survey) < survey.threshold:
        return False
    await release(session, secret, survey)
    return True


async def waiting(session: AsyncSession, survey: SurveyRow) -> int:
    """New answers waiting for the next release."""
    query = select(func.count()).where(PendingRow.survey_id == survey.id,
                                       PendingRow.new.is_(True))
    return int((await session.execute(query)).scalar_one())


async def release(session: AsyncSession, secret: ServerSecret, survey: SurveyRow) -> None:
    """Everything waiting becomes visible at once, written in random order."""
    rows = list((await session.execute(select(PendingRow).where(
        PendingRow.survey_id == survey.id))).scalars())
    entries = [_open(secret, row) for row in rows]
    await session.execute(delete(PendingRow).where(PendingRow.survey_id == survey.id))
    fresh = [e for e in entries if e.new]
    people = [e.person_id for e in fresh]
    shuffle = secrets.SystemRandom().shuffle
    shuffle(people)
    shuffle(fresh)  # independently: the two tables share no order
    session.add_all(RespondentRow(survey_id=survey.id, person_id=p) for p in people)
    session.add_all(ResponseRow(key=e.key, survey_id=survey.id, answers=e.answers,
                                comment=e.comment) for e in fresh)
    for change in (e for e in entries if not e.new):
        shown = await session.get(ResponseRow, change.key)
        if shown is not None:
            shown.answers, shown.comment = change.answers, change.comment
    await session.flush()


async def hold_back(session: AsyncSession, survey: SurveyRow) -> int:
    """At the close: what still waits is never shown; returns how many new answers that was."""
    held = await waiting(session, survey)
    await session.execute(delete(PendingRow).where(PendingRow.survey_id == survey.id))
    survey.held_back = held
    return held
