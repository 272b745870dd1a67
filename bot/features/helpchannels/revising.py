"""What a help channel kept follows its writer on the platform: an edited question or coach's
reply is kept as it now reads (masked again), a deleted one is forgotten (a question with
the replies in its thread), and an edit sent again late never undoes a newer one.

An edit or deletion can outrun the turn of the post it changes (still running, or waiting to
be worked again after a failure): the Bot remembers a deletion, and an edit is remembered
here (bot/withdrawals.py), so that turn keeps nothing: the words it holds were taken back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.helpchannels.models import HelpChannelRow, HelpReplyRow, HelpThreadRow
from bot.features.helpchannels.service import MAX_TEXT, channel_of, tech_question, thread_in
from bot.masking import mask_within
from bot.vocabulary import Message, Revision
from bot.withdrawals import remember, taken_back
from knowledge import KnowledgeBase


async def revise(session: AsyncSession, kb: KnowledgeBase, revision: Revision,
                 now: datetime) -> None:
    """A question or coach's reply kept from a help channel, edited or deleted there."""
    channel = await channel_of(session, revision.where)
    if channel is None:
        return
    kept = await thread_in(session, channel, revision.message_id) \
        or await _reply_in(session, channel, revision.message_id)
    if kept is None and revision.text is not None and revision.edited_at is not None:
        # The writer's own edit of a message whose turn may not have run yet.
        await remember(session, "edited", revision.where, revision.message_id, now)
    if kept is None or not _applies(revision, kept):
        return
    if revision.text is None or (
            isinstance(kept, HelpThreadRow) and tech_question(kb, revision.text) is None):
        if isinstance(kept, HelpThreadRow):  # a question goes with the replies kept from it
            await session.execute(delete(HelpReplyRow).where(HelpReplyRow.thread_id == kept.id))
        await session.delete(kept)
        return
    # Written only where the copy is still not blank: an erase committed since it was read
    # stays (a red team's, stop 48: an edit racing the erase brought her words back).
    row = type(kept)
    await session.execute(update(row).where(row.id == kept.id, row.text != "").values(
        text=mask_within(revision.text.strip(), MAX_TEXT).text, edited_at=revision.edited_at)
        .execution_options(synchronize_session=False))


async def was_taken_back(session: AsyncSession, message: Message, message_id: str) -> bool:
    """Whether its writer deleted or edited this message before its turn kept it."""
    return await taken_back(session, message.conversation, message_id, "withdrawn", "edited")


def _applies(revision: Revision, kept: HelpThreadRow | HelpReplyRow) -> bool:
    """A deletion always does. An edit only if it is the writer's (a link's preview
    filled in is not, and may be sent again late) and newer than the last one kept, unless
    the copy was erased (blank): an edit never brings an erased writer's words back."""
    if revision.text is None:
        return True
    if revision.edited_at is None or not kept.text:
        return False
    return kept.edited_at is None or revision.edited_at > kept.edited_at


async def _reply_in(session: AsyncSession, channel: HelpChannelRow, message_id: str
                    ) -> HelpReplyRow | None:
    if not message_id:
        return None
    query = (select(HelpReplyRow).join(HelpThreadRow, HelpReplyRow.thread_id == HelpThreadRow.id)
             .where(HelpThreadRow.channel_id == channel.id,
                    HelpReplyRow.message_id == message_id[:255]).limit(1))
    return (await session.execute(query)).scalar_one_or_none()

