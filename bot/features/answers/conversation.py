"""Conversation before retrieval: what a message is decides whether articles are looked up.

The same in every adapter, since every adapter's free text reaches `handlers.ask`:
- asking for a person or a ticket ("ticket", "talk to someone", "human please") opens a
  ticket carrying the person's last question, through the core's `escalate` hook (with no
  recent question, the tickets feature shows its form);
- greetings and thanks get a short friendly reply, help gets the help;
- yes or no right after an answer is "Did this help?" answered in words;
- a Slack file upload's "uploaded a file" line is not a question.
Vague messages and questions go on to the knowledge base (knowledge/intents.py recognises
them all; the knowledge base itself asks back about vague ones).
"""

from __future__ import annotations

import re

from bot import texts
from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.answers import service, views
from bot.features.answers.models import QuestionRow
from bot.hooks import Escalation
from bot.i18n import _
from bot.masking import hidden_in
from bot.turn import Turn
from bot.vocabulary import Command, Incoming, Message
from knowledge.intents import recognise
from knowledge.normalize import fold
from knowledge.topics import another_office

# Slack's text for a file shared with no comment, old and new forms ("<@U1> uploaded a file:
# <url|name>"); a comment typed with the file follows "and commented:".
UPLOAD = re.compile(r"^\s*(<@[^>]+>\s*)?uploaded an? (file|image|photo|snippet)\b[^\n]*?"
                    r"(and commented:\s*(?P<comment>.*))?$", re.IGNORECASE | re.DOTALL)
# A ticket request that also says what is wrong carries its own text ("open a ticket, the
# whole cart is down"); three words beyond the request are enough to be a description.
DESCRIBES = 3
REQUEST_WORDS = frozenset(fold("""open a an ticket tickets make create file submit please
pls for me this it to talk speak with someone somebody human person real tech technician
need want get can you could i just escalate help desk helpdesk work order request asap
the my send put in live agent support it a
quiero necesito hablar con una un alguien persona real tecnico abrir abre abreme abrame
por favor ticket mesa de ayuda soporte que venga pasame comunicame""").split())

# Words that ask for a person, a ticket or IT outright. A "request" with none of them that
# names another office and no technology ("I need a sub on Friday", "necesito un suplente el
# viernes") is a question for that office: it goes on to be referred
# (knowledge/topics.py: another_office, referral).
ASKS_FOR_US = frozenset(fold("""ticket tickets human humano humana person persona someone
somebody alguien technician técnico tech it ti helpdesk agent agente report reportar reporta
reporte request solicitud visit visita""").split())


def without_upload_notice(text: str) -> str | None:
    """The text without Slack's upload notice; None when nothing else was said."""
    found = UPLOAD.match(text)
    if found is None:
        return text
    comment = (found.group("comment") or "").strip()
    return comment or None


async def converse(turn: Turn[Message | Command], text: str) -> list[Reply] | None:
    """The reply to a conversational message, or None when it is a question to look up."""
    intent = recognise(text)
    if intent == "ticket" and not _for_another_office(text):
        return await _ticket(turn, text)
    if intent == "greeting":
        return [views.text_reply(_(views.GREETING))]
    if intent == "thanks":
        return [views.text_reply(_(views.THANKS))]
    if intent == "help":
        return [turn.features.router.help(turn.role)]
    if intent in ("yes", "no"):
        return await _feedback(turn, intent == "yes")
    return None


def _for_another_office(text: str) -> bool:
    """A need another office meets, said with no word asking for us."""
    return another_office(text) is not None and not ASKS_FOR_US.intersection(fold(text).split())


async def _ticket(turn: Turn[Message | Command], text: str) -> list[Reply]:
    escalate = turn.features.escalate
    if escalate is None:
        raise BadInput(_(texts.NO_ESCALATION))
    described = [w for w in fold(text).split() if w not in REQUEST_WORDS]
    if len(described) >= DESCRIBES:
        return await escalate(turn, Escalation(text=text))
    last = await service.last_question(turn.session, turn.person, turn.now)
    if last is None:
        return await escalate(turn, Escalation(text=""))  # the tickets feature's form
    return await escalate(turn, escalation_of(turn, last))


def escalation_of(turn: Turn[Incoming], question: QuestionRow) -> Escalation:
    """A stored question as a hand-over to a person (the same key as its ticket button)."""
    article = turn.kb.get(question.article_id) if question.article_id else None
    shown = ",".join(filter(None, [question.article_id, question.suggestions]))
    return Escalation(text=question.text, category=article.category if article else "other",
                      article_id=question.article_id, articles_shown=shown,
                      didnt_help=question.helpful is False,
                      request_key=f"question:{question.id}", hidden=hidden_in(question.text))


async def _feedback(turn: Turn[Message | Command], helpful: bool) -> list[Reply]:
    last = await service.last_question(turn.session, turn.person, turn.now)
    if last is not None and last.outcome == "suggest" and not helpful:
        # "no" to "did you mean": none of them fits, as the "None of these" button says.
        await service.record_feedback(turn.session, last, False, turn.now)
        return [views.deflect_reply(last.id)]
    if last is None or last.outcome != "answer":
        return [views.text_reply(_(views.THANKS) if helpful else _(views.NO_CONTEXT))]
    await service.record_feedback(turn.session, last, helpful, turn.now)
    turn.metrics.feedback.labels("yes" if helpful else "no").inc()
    reply = views.feedback_reply(helpful, last.id)
    return [Reply(reply.text, reply.blocks)]  # a new message: the answer stays as it was
