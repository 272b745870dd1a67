"""Where tickets go: a triage conversation per category, with a default."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tickets.models import RouteRow
from bot.hooks import SetupStep
from bot.i18n import _
from bot.people.models import ConversationRow, PersonRow
from bot.roles import Role
from bot.vocabulary import Conversation

CATEGORIES = ("hardware", "network", "accounts", "lms", "apps", "privacy", "security",
              "coaching", "other")
DEFAULT = "default"


async def triage_conversation(session: AsyncSession, category: str) -> Conversation | None:
    """The conversation a category's tickets are posted to (its own route, else the default
    one), or None when nothing reachable is set."""
    for name in dict.fromkeys((category, DEFAULT)):
        route = await session.get(RouteRow, name)
        if route is not None and (where := await _reachable(session, route)) is not None:
            return where
    return None


async def _reachable(session: AsyncSession, route: RouteRow) -> Conversation | None:
    """Where a route points, unless it is someone's direct messages and they are no longer
    staff, or prepbot no longer knows the conversation (an erase deleted her DM's row): red
    teams', stop 52, found an admin made a teacher, then one erased, still sent every
    ticket."""
    query = (select(ConversationRow.ref, ConversationRow.kind, PersonRow.role)
             .outerjoin(PersonRow, PersonRow.id == ConversationRow.person_id)
             .where(ConversationRow.platform == route.platform,
                    ConversationRow.conversation_id == route.conversation_id))
    found = (await session.execute(query)).one_or_none()
    if found is None or (found.kind == "direct" and not (
            found.role and Role(found.role).allows(Role.COACH))):
        return None
    return Conversation(platform=route.platform, id=route.conversation_id, kind="channel",
                        ref=found.ref or "")


async def set_route(session: AsyncSession, category: str, where: Conversation) -> None:
    """Send a category's tickets (or every unrouted one, for "default") to a conversation."""
    route = await session.get(RouteRow, category)
    if route is None:
        session.add(RouteRow(category=category, platform=where.platform,
                             conversation_id=where.id))
    else:
        route.platform, route.conversation_id = where.platform, where.id


async def shut_out(session: AsyncSession, platform: str, conversation_id: str,
                   channel_of: Callable[[str], str]) -> list[str]:
    """Take away the routes to a conversation prepbot can no longer post in (removed from it,
    or archived) and to every other thread of its channel, so their tickets go to the default
    route or wait in the queue; which."""
    channel = channel_of(conversation_id)
    query = select(RouteRow.category, RouteRow.conversation_id).where(
        RouteRow.platform == platform).order_by(RouteRow.category)
    gone = []
    for category, where in (await session.execute(query)).all():
        # Deleted only if it still points where it was read: an admin who moved it to a
        # live channel meanwhile keeps it (a red team's, stop 55, on PostgreSQL).
        if channel_of(where) == channel and (await session.execute(delete(RouteRow).where(
                RouteRow.category == category, RouteRow.platform == platform,
                RouteRow.conversation_id == where))).rowcount:  # type: ignore[attr-defined]
            gone.append(category)
    return gone


async def stand_in(session: AsyncSession, platform: str) -> Conversation | None:
    """Where staff read on a platform: the default triage channel, if it is there."""
    where = await triage_conversation(session, DEFAULT)
    return where if where is not None and where.platform == platform else None


async def all_routes(session: AsyncSession) -> list[RouteRow]:
    """Every configured route."""
    return list((await session.execute(select(RouteRow).order_by(RouteRow.category))).scalars())


async def setup_steps(session: AsyncSession) -> list[SetupStep]:
    """The checklist's step for triage: new tickets are posted where coaches work."""
    routed = [route.category for route in await all_routes(session)]
    return [SetupStep(20, _("Set the triage channel"), bool(routed),
                      _("In the channel where coaches triage, type "
                        "`/prepbot settings route default here`: new tickets are posted there "
                        "(one category elsewhere: `/prepbot settings route hardware here`)."),
                      status=_("routed: {categories}").format(categories=", ".join(routed))
                      if routed else "")]
