"""Storing questions and feedback: the signal the weekly digest reads for gaps."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.answers.models import QuestionRow
from bot.hooks import SetupStep
from bot.i18n import _, ngettext
from bot.masking import mask_within
from bot.people.models import PersonRow
from bot.storage.rows import row_named
from bot.vocabulary import Conversation, Incoming, Message, Revision
from knowledge import Decision, KnowledgeBase

MAX_QUESTION_CHARS = 2000
# "ticket" or "no" refers to the last question for this long: a prep period and then some.
RECENT = timedelta(hours=2)


async def record_question(session: AsyncSession, person: PersonRow, asked: Incoming,
                          text: str, decision: Decision, now: datetime) -> QuestionRow:
    """Store a question (student details masked: it feeds the digest's gaps) with what the
    bot did about it, and the message it came in, if one its writer can edit or delete."""
    where = asked.conversation
    message_id = asked.message_id if isinstance(asked, Message) else ""
    row = QuestionRow(
        person_id=person.id, platform=asked.person.platform, school_id=person.school_id,
        text=mask_within(text, MAX_QUESTION_CHARS).text,
        outcome=decision.kind, article_id=decision.top_id,
        suggestions=",".join(a.id for a in decision.suggestions),
        confidence=round(decision.confidence, 4), asked_at=now,
        message_key=message_key(where, message_id) if message_id else None)
    session.add(row)
    await session.flush()
    return row


async def answered_before(session: AsyncSession, asked: Incoming) -> bool:
    """Whether this very message was answered already (Slack sends a help-channel post
    edited to @mention prepbot again, as a mention)."""
    if not isinstance(asked, Message) or not asked.message_id:
        return False
    key = message_key(asked.conversation, asked.message_id)
    found = await session.execute(select(QuestionRow.id).where(
        QuestionRow.platform == asked.person.platform, QuestionRow.message_key == key).limit(1))
    return found.first() is not None


def message_key(where: Conversation, message_id: str) -> str:
    """A channel message, as the answers log knows it."""
    return f"{where.channel_id}:{message_id}"[:255]


async def revise(session: AsyncSession, kb: KnowledgeBase, revision: Revision,
                 now: datetime) -> None:
    """A question its writer edited (kept as it now reads, masked) or deleted (forgotten).
    Only the writer's own edit counts, only if newer than the last, and never on an erased
    (blank) copy: an edit must not bring an erased teacher's words back."""
    where = revision.where
    asked = (QuestionRow.platform == where.platform,
             QuestionRow.message_key == message_key(where, revision.message_id))
    if revision.text is None:
        await session.execute(delete(QuestionRow).where(*asked))
    elif revision.edited_at is not None:
        newer = or_(QuestionRow.edited_at.is_(None), QuestionRow.edited_at < revision.edited_at)
        await session.execute(update(QuestionRow).where(*asked, newer, QuestionRow.text != "")
                              .values(edited_at=revision.edited_at, text=mask_within(
                                  revision.text.strip(), MAX_QUESTION_CHARS).text))


async def own_question(session: AsyncSession, person: PersonRow, value: str) -> QuestionRow:
    """The question a button refers to, if it belongs to the person clicking."""
    row = await row_named(session, QuestionRow, value)
    if row is None or row.person_id != person.id:
        raise BadInput(_("I couldn't find that question any more. Try asking again."))
    return row


async def record_feedback(session: AsyncSession, question: QuestionRow, helpful: bool,
                          now: datetime) -> None:
    """Store "Did this help?"; clicking again changes the answer, never adds a second one."""
    question.helpful = helpful
    question.feedback_at = now
    await session.flush()


async def record_choice(session: AsyncSession, question: QuestionRow, article_id: str) -> None:
    """The teacher picked an article from the suggestions: that is now the question's article."""
    question.article_id = article_id
    question.outcome = "answer"
    await session.flush()


async def last_question(session: AsyncSession, person: PersonRow, now: datetime
                        ) -> QuestionRow | None:
    """The person's latest question, if it was asked within RECENT (what "ticket" refers to)."""
    query = (select(QuestionRow).where(QuestionRow.person_id == person.id,
                                       QuestionRow.asked_at >= now - RECENT)
             .order_by(QuestionRow.asked_at.desc(), QuestionRow.id.desc()).limit(1))
    return (await session.execute(query)).scalars().first()


async def setup_steps(session: AsyncSession) -> list[SetupStep]:
    """The checklist's last step: someone asked a question (an admin trying it counts)."""
    asked = (await session.execute(select(func.count()).select_from(QuestionRow))).scalar_one()
    status = ngettext("{count} asked so far", "{count} asked so far", asked).format(
        count=asked) if asked else ""
    return [SetupStep(40, _("Try a question"), bool(asked),
                      _("Ask me a tech question the way a teacher would, for example "
                        "*the projector says no signal*."), status=status)]
