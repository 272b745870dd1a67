"""A notice prepbot can never deliver where it was meant goes to the admins instead, and to
the default triage channel where staff read: a post to a channel it was removed from or that
was archived (a triage card), a message to a coach who took prepbot out of their chat (a
teacher's reply to her claimed ticket). What pointed at such a channel (a ticket route) is
taken away and the admins are told how to set it again. A red team's, stop 54, found every
ticket of a route lost there, its teacher told a coach would pick it up, and no one else told
anything.

A ticket's news for a coach made a teacher again before it went out goes there too, as it would
have had she been one when it was planned (tickets/triage.tell_triage).

A notice to a teacher is never rerouted: it is hers alone; nor one for her coach alone (a
cycle's debrief): only a coach's notice any coach may read (outbox.SHARED_NOTICE)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply, Text, reply_from_json, reply_to_json
from bot.i18n import DEFAULT, N_, _, join, speaking
from bot.outbox import KEEP_TRYING, NOTICE, NOTICES, SHARED_NOTICE, STAFF_NOTICE
from bot.people.models import PersonRow
from bot.ports import Messengers, Threads
from bot.registry import Registry
from bot.roles import Role
from bot.scheduling import ledger
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow

log = logging.getLogger(__name__)
REROUTED = "rerouted"  # in the occurrence: a rerouted notice is never rerouted again
MOST = 5  # admins told at once

CHANNEL = N_("⚠️ I can no longer post in the channel this was meant for (I was removed from "
             "it, or it was archived), so it comes to you instead.")
ROUTES = N_("Tickets in {routes} were posted there: I took that route away, so they go to the "
            "default route meanwhile, and wait in `/tickets` if there is none. Type "
            "`/prepbot settings route <category|default> here` in a channel I'm in to choose "
            "a new one.")
COACH = N_("⚠️ I can no longer reach {name} (prepbot may have been taken out of their chat), "
           "so this comes to you instead.")
NOT_COACH = N_("⚠️ {name} is no longer a coach, so this comes to you instead.")


async def reroute(session: AsyncSession, row: DeliveryRow, features: Registry | None,
                  now: datetime, messengers: Messengers | None = None) -> list[str]:
    """Plan, for the platform's admins and where staff read, a notice that can never be
    delivered; the occurrences planned, for the dispatcher to send at once."""
    if row.job not in NOTICES or REROUTED in row.occurrence or not row.payload:
        return []
    try:
        original = reply_from_json(row.payload)
    except (ValueError, TypeError):
        return []
    found = await _warning(session, row, features, _channels(messengers, row.platform))
    if found is None:
        return []
    parts, name, routes = found

    def prefaced(language: str) -> str:
        with speaking(language):  # the warning in the reader's language, the notice as it was
            said = " ".join(_(part).format(name=name or _("their coach"), routes=join(routes))
                            for part in parts)
        return reply_to_json(Reply(f"{said}\n\n{original.text}", (Text(said), *original.blocks)))

    occurrence = f"{_whose(row)}{REROUTED}{row.id}."
    planned = [Planned(STAFF_NOTICE, f"{occurrence}{admin.id}", row.platform, now,
                       now + KEEP_TRYING, person_id=admin.id, user_id=admin.user_id,
                       urgent=True, payload=prefaced(admin.speaks))
               for admin in await _admins(session, row.platform, row.person_id)]
    stand_in = features.stand_in if features else None
    if stand_in and (where := await stand_in(session, row.platform)) is not None \
            and where.id != row.conversation_id:
        planned.append(Planned(NOTICE, f"{occurrence}channel", row.platform, now,
                               now + KEEP_TRYING, conversation_id=where.id, urgent=True,
                               payload=prefaced(DEFAULT)))
    await ledger.plan(session, planned)
    if not planned:
        log.warning("a notice could not be delivered and no one on %s can be told", row.platform)
    return [p.occurrence for p in planned]


def _channels(messengers: Messengers | None, platform: str) -> Callable[[str], str]:
    """How the platform tells a conversation's channel: a thread's (Teams), else itself."""
    messenger = messengers.get(platform) if messengers else None
    return messenger.channel_of if isinstance(messenger, Threads) else str


async def _warning(session: AsyncSession, row: DeliveryRow, features: Registry | None,
                   channel_of: Callable[[str], str]) -> tuple[list[str], str, list[str]] | None:
    """What the readers are told first (its parts, the coach's name, the routes taken away),
    or None for a notice that is no one else's."""
    if row.conversation_id:
        routes = [line for shut in (features.shut_out if features else [])
                  for line in await shut(session, row.platform, row.conversation_id,
                                         channel_of)]
        return [CHANNEL] + ([ROUTES] if routes else []), "", routes
    if row.job == SHARED_NOTICE and row.person_id is not None:
        coach = await session.get(PersonRow, row.person_id)
        name = (coach.display_name or coach.user_id) if coach else ""
        return [COACH if coach is None or coach.coaches else NOT_COACH], name, []
    return None


def _whose(row: DeliveryRow) -> str:
    """The start of the occurrence that says whose turn planned it (outbox.sent_by), kept so
    that her erase withholds the rerouted copy too."""
    head, colon, _rest = row.occurrence.partition(":")
    return head + colon if head.startswith("by") and colon else ""


async def _admins(session: AsyncSession, platform: str, besides: int | None) -> list[PersonRow]:
    query = (select(PersonRow).where(PersonRow.platform == platform,
                                     PersonRow.role == Role.ADMIN)
             .order_by(PersonRow.id).limit(MOST + 1))
    return [p for p in (await session.execute(query)).scalars() if p.id != besides][:MOST]
