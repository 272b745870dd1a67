"""What the helpdesk receives (the email, the webhook's JSON) and what admins are told.

What the helpdesk receives is written for the district's IT staff in the district's language
(bot.i18n.DEFAULT, English), whoever the teacher is, as a triage channel's card is; what admins
are told is in the admin's language.

A message for the "email" or "webhook" messenger (adapters/helpdesk/) is a Reply whose text
is the body and whose one Fields block holds the headers; the conversation it is posted to is
the address or URL. The email messenger adds From, Date, and Message-ID / In-Reply-To from
X-Prepbot-Thread and X-Prepbot-Message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.blocks import Fields, Reply, Text
from bot.features.helpdesk.models import HandoffRow, HelpdeskRouteRow, PassedRow
from bot.features.helpdesk.routes import shown_url
from bot.features.helpdesk.service import now_text
from bot.i18n import DEFAULT, N_, _, speaking

EVENTS = {"opened": "ticket.opened", "teacher_reply": "ticket.teacher_reply",
          "reopened": "ticket.reopened"}
USAGE = N_("Usage: `/prepbot settings helpdesk <route> email <address>`, `... webhook <https "
           "URL>`, `... secret` (a form) or `... secret <value>`, `... email off`, `... webhook "
           "off`, `... off` (keep its tickets in prepbot) or `... remove`. A route is `default`, "
           "a category or `school <name>`.")


@dataclass(frozen=True)
class Facts:
    """What the helpdesk is told about a ticket besides its text."""

    school: str
    requester: str
    platform: str
    writer: str = ""  # who wrote this message, when it is not the opening


def subject(handoff: HandoffRow, message: PassedRow, first_text: str) -> str:
    """The email subject: the ticket's number, its first words, and the thread reference."""
    # Without quotes or backslashes, a helpdesk can put the subject in a JSON body as it is.
    line = " ".join(first_text.split()).replace('"', "'").replace("\\", "/")
    words = line if len(line) <= 60 else line[:59].rstrip() + "…"
    prefix = "" if message.seq == 1 else "Re: "  # what every mail program understands
    with speaking(DEFAULT):
        return prefix + _("prepbot ticket #{number}: {words} [{thread}]").format(
            number=handoff.ticket_id, words=words, thread=handoff.thread)


def email(handoff: HandoffRow, message: PassedRow, facts: Facts, first_text: str) -> Reply:
    """The email for one message of the thread, in the district's language."""
    with speaking(DEFAULT):
        body = "\n".join(_body(handoff, message, facts))
    headers = (("Subject", subject(handoff, message, first_text)),
               ("X-Prepbot-Thread", handoff.thread), ("X-Prepbot-Message", str(message.seq)))
    return Reply(body, (Fields(headers),))


def _body(handoff: HandoffRow, message: PassedRow, facts: Facts) -> list[str]:
    if message.kind == "opened":
        lines = [_("A teacher asked prepbot for help and needs a person. Replies to this email "
                   "reach the teacher in chat."), "", message.text, "",
                 *(f"{label}: {value}" for label, value in _facts(handoff, facts))]
    elif message.kind == "reopened":
        lines = [reopened(handoff, facts)]
    else:
        lines = [_("{who} added to ticket #{number}:").format(
            who=facts.writer or facts.requester, number=handoff.ticket_id), "", message.text]
    return [*lines, "", _("Reference: {thread} (keep it in the subject when you reply)").format(
        thread=handoff.thread)]


def reopened(handoff: HandoffRow, facts: Facts) -> str:
    """What the helpdesk is told when a teacher reopens the ticket it resolved."""
    with speaking(DEFAULT):
        return _("{who} says it is still broken and reopened ticket #{number} in prepbot.").format(
            who=facts.writer or facts.requester, number=handoff.ticket_id)


def webhook_body(handoff: HandoffRow, message: PassedRow, facts: Facts, first_text: str
                 ) -> bytes:
    """The webhook's JSON: the same every time it is retried, so the signature's timestamp is
    the only thing that changes."""
    document = {
        "id": f"{handoff.thread}.{message.seq}",
        "event": EVENTS.get(message.kind, message.kind),
        "thread": handoff.thread,
        "subject": subject(handoff, message, first_text),
        "text": reopened(handoff, facts) if message.kind == "reopened" else message.text,
        "written_at": message.at.isoformat(),
        "ticket": {"number": handoff.ticket_id, "category": handoff.category,
                   "school": facts.school, "room": handoff.room, "urgency": handoff.urgency,
                   "requested_by": facts.requester, "platform": facts.platform,
                   "opened_at": handoff.opened_at.isoformat()},
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def webhook(body: bytes, event_id: str, signed: tuple[tuple[str, str], ...]) -> Reply:
    """The webhook request: its body and its headers (the idempotency key, the signature)."""
    headers = (("Content-Type", "application/json"), ("Idempotency-Key", event_id), *signed)
    return Reply(body.decode(), (Fields(headers),))


def _facts(handoff: HandoffRow, facts: Facts) -> list[tuple[str, str]]:
    # The opening time stays in ISO form and UTC: the helpdesk's staff may be anywhere.
    return [(_("Ticket"), f"#{handoff.ticket_id}"), (_("Category"), handoff.category),
            (_("School"), facts.school or "-"), (_("Room"), handoff.room or "-"),
            (_("Urgency"), handoff.urgency or "-"),
            (_("Requested by"), _("{who} (in {platform})").format(who=facts.requester,
                                                                  platform=facts.platform)),
            (_("Opened"), now_text(handoff.opened_at))]


def route_summary(label: str, row: HelpdeskRouteRow) -> str:
    """One route as chat shows it: never the secret, and only the host of a URL."""
    parts = []
    if row.email:
        parts.append(_("email {address}").format(address=row.email))
    if row.webhook_url:
        parts.append(_("webhook {url}").format(url=shown_url(row.webhook_url)))
    parts.append(_("secret set") if row.secret is not None else _("no secret"))
    if not (row.email or row.webhook_url):
        return _("{route}: off (tickets stay in prepbot)").format(route=label)
    return f"{label}: " + ", ".join(parts)


def warnings(row: HelpdeskRouteRow) -> list[str]:
    """What still stops a route from working as the admin probably expects."""
    if row.webhook_url and row.secret is None:
        return [_("The webhook is not used until the route has a secret: it could not be "
                  "signed.")]
    if row.email and row.secret is None:
        return [_("Email works now; set a secret too if the helpdesk will send status updates "
                  "(resolved, needs info) to prepbot.")]
    return []


def changed(label: str, row: HelpdeskRouteRow, what: str) -> Reply:
    """The admin's confirmation: what changed, the route now, and what is still missing."""
    lines = [what, route_summary(label, row), *warnings(row)]
    return Reply(lines[0], tuple(Text(line, markdown=False) for line in lines), private=True)


NO_SMTP = N_("The server has no mail settings yet (PREPBOT_SMTP_HOST, PREPBOT_SMTP_FROM): emails "
             "are kept and retried for three days, until an operator sets them "
             "(docs/helpdesk/README.md).")


def with_line(reply: Reply, line: str) -> Reply:
    """The reply with one more paragraph."""
    return Reply(reply.text, (*reply.blocks, Text(line, markdown=False)), reply.private)
