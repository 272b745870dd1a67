"""Notices: messages a handler wants sent to someone else, delivered after its commit."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.blocks import Reply
from bot.people.models import PersonRow
from bot.ports import Messenger
from bot.vocabulary import Conversation, Person

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """A reply for a person's DM, or for a conversation (a triage channel)."""

    reply: Reply
    person: Person | None = None
    conversation: Conversation | None = None

    @property
    def platform(self) -> str:
        """Which platform's messenger carries it."""
        where = self.person or self.conversation
        assert where is not None
        return where.platform


def to_person(row: PersonRow) -> Person:
    """The vocabulary's Person for a stored person."""
    return Person(platform=row.platform, user_id=row.user_id, display_name=row.display_name,
                  tz=row.tz)


async def deliver(notices: Sequence[Notice], messengers: Mapping[str, Messenger]) -> int:
    """Send each notice through its platform's messenger; returns how many went out."""
    sent = 0
    for notice in notices:
        messenger = messengers.get(notice.platform)
        if messenger is None:
            log.info("no messenger for %s; a notice was not sent", notice.platform)
            continue
        try:
            if notice.person is not None:
                await messenger.dm(notice.person, notice.reply)
            elif notice.conversation is not None:
                await messenger.post(notice.conversation, notice.reply)
            sent += 1
        except Exception:  # one failed send must not stop the others
            log.warning("a %s notice could not be delivered", notice.platform, exc_info=True)
    return sent
