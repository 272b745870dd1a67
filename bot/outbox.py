"""The ledger's front door for messages a handler starts: a coach's reply relayed to a
teacher, a triage card posted to a channel, a note to a coach.

A turn's notices are planned into the delivery ledger inside the turn's own transaction, so
they exist exactly when what they announce does; right after the commit the dispatcher sends
them (claim, send, mark), and if that fails they are retried like every other delivery.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply, reply_from_json, reply_to_json
from bot.people.models import PersonRow
from bot.scheduling import ledger
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Conversation, Person

NOTICE = "notice"
# A notice for someone as a coach (a teacher's answers, a claimed ticket's news): sent only if
# they still are one when it goes out (a red team's, stop 49: a coach made a teacher again kept
# receiving them, planned before or after).
STAFF_NOTICE = "notice.staff"
# A notice for a coach about work any coach may take up (a ticket's news): if it can never
# reach them, the admins and the default triage channel get it (bot/rerouting.py). A teacher's
# words meant for her own coach alone (a cycle's debrief) are never that.
SHARED_NOTICE = "notice.staff.shared"
NOTICES = (NOTICE, STAFF_NOTICE, SHARED_NOTICE)
KEEP_TRYING = timedelta(days=3)  # a relayed message older than this is not worth sending


@dataclass(frozen=True)
class Notice:
    """A reply for a person's DM, or for a conversation (a triage channel)."""

    reply: Reply
    person: Person | None = None
    conversation: Conversation | None = None
    person_id: int | None = None
    staff: bool = False  # for the person as a coach (STAFF_NOTICE)
    shared: bool = False  # and any coach may read it in their stead (SHARED_NOTICE)

    @property
    def platform(self) -> str:
        """Which platform's messenger carries it."""
        where = self.person or self.conversation
        assert where is not None
        return where.platform


def sent_by(person_id: int) -> str:
    """The start of the occurrence of every notice a person's turn plans: an erase withholds
    them all, whatever they quote (a red team's, stop 49: a notice of her first answer, since
    corrected, was not known as hers and went out after her erase)."""
    return f"by{person_id}:"


def to_person(row: PersonRow) -> Person:
    """The vocabulary's Person for a stored person."""
    return Person(platform=row.platform, user_id=row.user_id, display_name=row.display_name,
                  tz=row.tz)


def to_notice(row: PersonRow, reply: Reply, staff: bool = False, shared: bool = False
              ) -> Notice:
    """A DM for a stored person (as a coach, with `staff`; any coach may read it, `shared`)."""
    return Notice(reply, person=to_person(row), person_id=row.id, staff=staff or shared,
                  shared=shared)


async def plan(session: AsyncSession, notices: Sequence[Notice], source: str,
               now: datetime) -> list[str]:
    """Put a turn's notices in the ledger (sent at once, not held for school hours);
    returns their occurrences, for the dispatcher to send right after the commit."""
    planned = [Planned(_job(notice), f"{source}:{n}",
                       notice.platform, now, now + KEEP_TRYING,
                       person_id=notice.person_id,
                       user_id=notice.person.user_id if notice.person else "",
                       conversation_id=notice.conversation.id if notice.conversation else None,
                       payload=reply_to_json(notice.reply), urgent=True)
               for n, notice in enumerate(notices)]
    await ledger.plan(session, planned)
    return [p.occurrence for p in planned]


def _job(notice: Notice) -> str:
    return SHARED_NOTICE if notice.shared else STAFF_NOTICE if notice.staff else NOTICE


async def render(_: AsyncSession, row: DeliveryRow) -> Reply | None:
    """A notice's reply, exactly as the handler made it."""
    try:
        return reply_from_json(row.payload)
    except (ValueError, TypeError):  # a payload no version of prepbot could have written
        return None
