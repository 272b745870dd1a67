"""Sending to the helpdesk is a ledger job: rendered when it is sent (a webhook is signed at
that moment), sent by the "email" or "webhook" messenger, retried by the dispatcher."""

from __future__ import annotations

from functools import partial

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.helpdesk import service, views
from bot.features.helpdesk.models import HandoffRow, HelpdeskRouteRow, PassedRow
from bot.features.helpdesk.routes import opened
from bot.features.helpdesk.signing import signed_headers
from bot.people.directory import person_by_id
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.schools.models import SchoolRow


async def _facts(session: AsyncSession, handoff: HandoffRow, message: PassedRow) -> views.Facts:
    school = await session.get(SchoolRow, handoff.school_id) if handoff.school_id else None
    opening = (await session.execute(select(PassedRow).where(
        PassedRow.handoff_id == handoff.id, PassedRow.seq == 1))).scalar_one_or_none()
    author = await person_by_id(session, (opening or message).author_id)
    writer = await person_by_id(session, message.author_id)
    return views.Facts(school.name if school else "",
                       (author.display_name if author else "") or "a teacher",
                       author.platform.title() if author else "chat",
                       (writer.display_name if writer else "") or "a teacher")


async def _first_text(session: AsyncSession, handoff: HandoffRow) -> str:
    query = select(PassedRow.text).where(PassedRow.handoff_id == handoff.id, PassedRow.seq == 1)
    return (await session.execute(query)).scalar_one_or_none() or ""


async def render_email(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The email for a passed-on message (None once the ticket is gone)."""
    found = await service.message_of(session, row.payload)
    if found is None:
        return None
    message, handoff = found
    return views.email(handoff, message, await _facts(session, handoff, message),
                       await _first_text(session, handoff))


async def render_webhook(jobs: Jobs, session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The webhook request, signed now with the route's secret (None when the route lost its
    secret, or the ticket is gone: nothing unsigned ever leaves)."""
    found = await service.message_of(session, row.payload)
    if found is None or jobs.secret is None or jobs.clock is None:
        return None
    message, handoff = found
    secret = opened(jobs.secret, await session.get(HelpdeskRouteRow, handoff.route))
    if secret is None:
        return None
    body = views.webhook_body(handoff, message, await _facts(session, handoff, message),
                              await _first_text(session, handoff))
    return views.webhook(body, f"{handoff.thread}.{message.seq}",
                         signed_headers(secret, jobs.clock.now(), body))


def register(jobs: Jobs) -> None:
    """The two ways out to a helpdesk."""
    jobs.renderer(service.EMAIL_JOB)(render_email)
    jobs.renderer(service.WEBHOOK_JOB)(partial(render_webhook, jobs))
