"""The helpdesk's answers: a signed status webhook (resolved, needs info, a reply) and replies
to the email thread (posted by the inbound-mail service in Mailgun's shape, whose signature
the adapter checked). Both find the ticket by its thread reference and go through the tickets
feature's `update_ticket` hook, which tells the teachers in chat through the ledger."""

from __future__ import annotations

import json
from typing import Any

from bot.errors import BadInput
from bot.features.helpdesk import service
from bot.features.helpdesk.models import HandoffRow, HelpdeskRouteRow
from bot.features.helpdesk.routes import opened
from bot.features.helpdesk.signing import checked_signature, refusal
from bot.hooks.outside import TicketUpdate
from bot.i18n import N_
from bot.receiving import Outcome, Receipt
from bot.storage.idempotency import claim_event

SOURCE = N_("The district helpdesk")  # stored as written; each teacher reads it in their language
STATUSES = {"resolved": "resolved", "needs_info": "needs_info", "comment": "reply"}
QUOTED = ("On ", "-----Original Message-----", "From: ", "________________________________")


async def _handoff(receipt: Receipt, *texts: str) -> HandoffRow | None:
    for thread in service.references_in(*texts):
        found = await service.by_thread(receipt.session, thread)
        if found is not None:
            return found
    return None


async def _apply(receipt: Receipt, handoff: HandoffRow, kind: str, text: str) -> Outcome:
    update_ticket = receipt.features.update_ticket
    if update_ticket is None:
        return Outcome("unavailable", "tickets are not running here")
    try:
        done = await update_ticket(receipt, TicketUpdate(handoff.ticket_id, kind, text, SOURCE))
    except BadInput:
        return Outcome("unknown", "the ticket is gone")
    return Outcome("accepted", done)


def _document(body: bytes) -> dict[str, Any] | None:
    try:
        found = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    return found if isinstance(found, dict) else None


async def status(receipt: Receipt) -> Outcome:
    """`POST /helpdesk/status`: `{"thread": "...prepbot-42-...", "status": "resolved" |
    "needs_info" | "comment", "message": "...", "id": "..."}`, signed with the route's secret."""
    inbound = receipt.inbound
    document = _document(inbound.body)
    if document is None:
        return Outcome("invalid", "the body is not a JSON object")
    handoff = await _handoff(receipt, str(document.get("thread", "")))
    if handoff is None:
        return Outcome("unknown", "no prepbot ticket has that reference")
    secret = opened(receipt.secret, await receipt.session.get(HelpdeskRouteRow, handoff.route))
    if secret is None:
        return Outcome("refused", "this ticket's route has no secret to check signatures with")
    why = refusal(secret, inbound.headers, inbound.body, receipt.now)
    if why is not None:
        return Outcome("refused", why)
    kind = STATUSES.get(str(document.get("status", "")).strip().lower())
    if kind is None:
        return Outcome("invalid", "status is one of: " + ", ".join(STATUSES))
    headers = inbound.headers
    # The signature covers the timestamp and the body, not the invocation id beside them: a
    # captured request replayed with a new id is still the same signature, taken once.
    signed = checked_signature(headers)
    event = str(document.get("id") or headers.get("x-zendesk-webhook-invocation-id") or signed)
    for key in (f"helpdesk-signed:{signed}", f"helpdesk-status:{event}"):
        if not await claim_event(receipt.session, key[:255], receipt.now):
            return Outcome("duplicate", "this update was applied before")
    return await _apply(receipt, handoff, kind, str(document.get("message") or "")[:4000])


def _headers(fields: dict[str, str] | Any) -> dict[str, str]:
    """The headers Mailgun lists in `message-headers` (a JSON list of [name, value])."""
    try:
        pairs = json.loads(fields.get("message-headers", "[]"))
        return {str(k).lower(): str(v) for k, v in pairs if isinstance(k, str)}
    except (ValueError, TypeError):
        return {}


def reply_text(fields: dict[str, str] | Any) -> str:
    """What the helpdesk wrote, without the quoted thread below it."""
    stripped = str(fields.get("stripped-text", "")).strip()
    if stripped:
        return stripped
    kept = []
    for line in str(fields.get("body-plain", "")).splitlines():
        if line.startswith(">") or line.strip().startswith(QUOTED):
            break
        kept.append(line)
    return "\n".join(kept).strip()


async def email_reply(receipt: Receipt) -> Outcome:
    """`POST /helpdesk/email`: a reply to a ticket's email thread, relayed to the teachers."""
    fields = receipt.inbound.fields
    headers = _headers(fields)
    # Mailgun signs only its timestamp and token, not the email: a token is taken once, so a
    # captured post cannot be replayed with another body within its five minutes.
    if not await claim_event(receipt.session, f"mailgun-token:{fields.get('token', '')}"[:255],
                             receipt.now):
        return Outcome("duplicate", "this signed post was received before")

    def header(name: str) -> str:
        return str(fields.get(name) or headers.get(name.lower(), ""))

    handoff = await _handoff(receipt, header("In-Reply-To"), header("References"),
                             str(fields.get("subject", "")), reply_text(fields))
    if handoff is None:
        return Outcome("unknown", "no prepbot ticket reference in this email")
    if header("Auto-Submitted").strip().lower().startswith("auto-replied"):
        return Outcome("ignored", "an automatic reply (out of office), not the helpdesk's")
    message_id = header("Message-Id") or str(fields.get("token", ""))
    if not await claim_event(receipt.session, f"helpdesk-mail:{message_id}"[:255], receipt.now):
        return Outcome("duplicate", "this email was relayed before")
    text = reply_text(fields)
    if not text:
        return Outcome("ignored", "the email has no text of its own")
    return await _apply(receipt, handoff, "reply", text)
