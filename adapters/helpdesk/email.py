"""Email to a helpdesk (every family accepts email-to-ticket), sent through the district's
SMTP server with aiosmtplib. The thread's messages share a Message-ID root, so a helpdesk that
threads by In-Reply-To sees one conversation."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib

from adapters.helpdesk.wire import headers_of
from bot.blocks import Reply
from bot.ports import Undeliverable
from bot.settings import Settings
from bot.vocabulary import Conversation, Person

THREAD, SEQUENCE = "X-Prepbot-Thread", "X-Prepbot-Message"
TIMEOUT = 30  # seconds for one SMTP conversation


def message_id(thread: str, seq: str, domain: str) -> str:
    """The Message-ID of one message of a thread: the same on every retry."""
    return f"<{thread}.{seq}@{domain}>"


class EmailMessenger:
    """The "email" platform: a post to a conversation is an email to its id (an address)."""

    platform = "email"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.domain = settings.smtp_from.rpartition("@")[2].strip(">") or "prepbot"

    def compose(self, to: str, reply: Reply) -> EmailMessage:
        """The email for one message: the core's headers, threading, From and Date."""
        message = EmailMessage()
        message["From"], message["To"] = self.settings.smtp_from, to
        message["Date"] = formatdate(localtime=False)
        headers = dict(headers_of(reply))
        for name, value in headers.items():
            message[name] = value
        thread, seq = headers.get(THREAD, ""), headers.get(SEQUENCE, "1")
        if thread:
            message["Message-ID"] = message_id(thread, seq, self.domain)
            if seq != "1":
                first = message_id(thread, "1", self.domain)
                message["In-Reply-To"], message["References"] = first, first
        if reply.key:
            message["X-Prepbot-Delivery"] = reply.key
        # No `Auto-Submitted: auto-generated` (RFC 3834): helpdesks take it for a machine's
        # mail and drop it (Zendesk suspends "auto-generated email of any kind"), and each
        # email is a teacher's request. Out-of-office answers to us are ignored on the way in.
        message.set_content(reply.text)
        return message

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Send the email; a refused recipient is not worth retrying, anything else is."""
        settings = self.settings
        try:
            await aiosmtplib.send(
                self.compose(conversation.id, reply), hostname=settings.smtp_host,
                port=settings.smtp_port, username=settings.smtp_user or None,
                password=settings.smtp_password.get_secret_value() or None,
                use_tls=settings.smtp_security == "tls",
                start_tls=settings.smtp_security == "starttls", timeout=TIMEOUT)
        except aiosmtplib.SMTPRecipientsRefused as error:
            raise Undeliverable(f"the mail server refused {conversation.id}") from error

    async def dm(self, person: Person, reply: Reply) -> None:
        """Helpdesks are reached by address only."""
        raise Undeliverable("email goes to a helpdesk's address, not to a person")

    async def members(self, conversation: Conversation) -> list[Person]:
        """An address has no members."""
        return []

    async def profile(self, person: Person) -> Person:
        """Nothing to look up."""
        return person
