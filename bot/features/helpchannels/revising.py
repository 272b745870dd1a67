"""What a help channel kept follows its writer on the platform: an edited question or coach's
reply is kept as it now reads (masked again), a deleted one is forgotten (a question with
the replies in its thread), and an edit sent again late never undoes a newer one.

An edit or deletion can outrun the turn of the post it changes (still running, or waiting to
be worked again after a failure). It is remembered by the message's id alone, nobody's words,
and that turn then keeps nothing: the words it holds were taken back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.helpchannels.models import HelpChannelRow, HelpReplyRow, HelpThreadRow
from bot.features.helpchannels.service import MAX_TEXT, channel_of, tech_question, thread_in
from bot.masking import mask_student_data
from bot.storage.idempotency import ProcessedEvent, claim_event
from bot.vocabulary import Revision
from knowledge import KnowledgeBase


async def revise(session: AsyncSession, kb: KnowledgeBase, revision: Revision,
                 now: datetime) -> None:
    """A question or coach's reply kept from a help channel, edited or deleted there."""
    channel = await channel_of(session, revision.where)
    if channel is None:
        return
    kept = await thread_in(session, channel, revision.message_id) \
        or await _reply_in(session, channel, revision.message_id)
    # A deletion, or the writer's own edit (not a link's preview filled in), of a message
    # whose turn may not have run yet: remembered, so that turn keeps none of its words.
    if revision.text is None or (kept is None and revision.edited_at is not None):
        await claim_event(session, _withdrawn(channel, revision.message_id), now)
    if kept is None or _older(revision, kept):
        return
    if revision.text is None or (
            isinstance(kept, HelpThreadRow) and tech_question(kb, revision.text) is None):
        if isinstance(kept, HelpThreadRow):  # a question goes with the replies kept from it
            await session.execute(delete(HelpReplyRow).where(HelpReplyRow.thread_id == kept.id))
        await session.delete(kept)
        return
    kept.text = mask_student_data(revision.text.strip()[:MAX_TEXT]).text
    kept.edited_at = revision.edited_at or kept.edited_at


async def was_withdrawn(session: AsyncSession, channel: HelpChannelRow, message_id: str
                        ) -> bool:
    """Whether its writer deleted or edited this message before its turn kept it."""
    key = _withdrawn(channel, message_id)
    return bool(message_id) and await session.get(ProcessedEvent, key) is not None


def _older(revision: Revision, kept: HelpThreadRow | HelpReplyRow) -> bool:
    return None not in (revision.edited_at, kept.edited_at) and \
        revision.edited_at <= kept.edited_at  # type: ignore[operator]


async def _reply_in(session: AsyncSession, channel: HelpChannelRow, message_id: str
                    ) -> HelpReplyRow | None:
    if not message_id:
        return None
    query = (select(HelpReplyRow).join(HelpThreadRow, HelpReplyRow.thread_id == HelpThreadRow.id)
             .where(HelpThreadRow.channel_id == channel.id,
                    HelpReplyRow.message_id == message_id[:255]).limit(1))
    return (await session.execute(query)).scalar_one_or_none()


def _withdrawn(channel: HelpChannelRow, message_id: str) -> str:
    # Kept with the event ids, for as long: the channel and message only, nobody's words.
    return f"withdrawn:{channel.platform}:{channel.channel_id}:{message_id}"[:255]
