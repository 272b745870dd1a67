"""Help channels' rules over their own tables: which channels are watched, the hourly answer
budget, the questions kept and coaches' replies."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import String, cast, delete, func, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.helpchannels.models import HelpChannelRow, HelpReplyRow, HelpThreadRow
from bot.hooks import SetupStep
from bot.i18n import _, ngettext
from bot.masking import mask_within
from bot.people.directory import role_of
from bot.people.models import PersonRow
from bot.roles import Role
from bot.storage.rows import row_named
from bot.vocabulary import Conversation, Message
from knowledge import Decision, KnowledgeBase
from knowledge.intents import recognise

WINDOW = timedelta(hours=1)  # the rate limit counts answers per hour
MAX_TEXT = 2000  # of a kept question, and of a post judged as it arrives


async def channel_of(session: AsyncSession, where: Conversation) -> HelpChannelRow | None:
    """The help channel a conversation is in, if a coach turned it on."""
    query = select(HelpChannelRow).where(HelpChannelRow.platform == where.platform,
                                         HelpChannelRow.channel_id == where.channel_id)
    return (await session.execute(query)).scalar_one_or_none()


async def worth_reading(session: AsyncSession, kb: KnowledgeBase, message: Message,
                        admins: frozenset[str]) -> bool:
    """Whether a message read in a channel is one a help channel keeps: a teacher's tech
    question, or a coach's reply in a kept question's thread. The rest (chatter, colleagues
    helping each other, any other channel) is dropped before anything is stored, inbox and
    people included (a red team's, stop 44, found chatter's sender and time kept)."""
    channel = await channel_of(session, message.conversation)
    if channel is None or not message.text.strip():
        return False
    # Its sender's role, looked up only in a help channel (every channel's messages come here).
    coach = (await role_of(session, message.person, admins)).allows(Role.COACH)
    if message.heard == "reply":
        return coach and await thread_in(session, channel, message.thread) is not None
    return not coach and tech_question(kb, message.text) is not None


def tech_question(kb: KnowledgeBase, text: str) -> Decision | None:
    """The knowledge base's reading of a post that asks a tech question; None for chatter.
    Read from its start only: every post in the channel is judged as it arrives, and Slack
    allows 40,000 characters."""
    text = text.strip()[:MAX_TEXT]
    decision = kb.answer(text) if recognise(text) == "question" else None
    return None if decision is None or (decision.kind == "deflect" and not decision.tech) \
        else decision


async def turn_on(session: AsyncSession, where: Conversation, when_unsure: str,
                  coach: PersonRow, now: datetime) -> HelpChannelRow:
    """Watch a channel (or change what it does when unsure, if already watched)."""
    channel = await channel_of(session, where)
    if channel is None:
        channel = HelpChannelRow(platform=where.platform, channel_id=where.channel_id,
                                 turned_on_by=coach.id, turned_on_at=now,
                                 window_start=now, answers_in_window=0)
        session.add(channel)
    channel.when_unsure = when_unsure
    await session.flush()
    return channel


async def turn_off(session: AsyncSession, where: Conversation) -> bool:
    """Stop watching a channel and forget what was kept from it; False when it was not on."""
    channel = await channel_of(session, where)
    if channel is None:
        return False
    threads = select(HelpThreadRow.id).where(HelpThreadRow.channel_id == channel.id)
    await session.execute(delete(HelpReplyRow).where(HelpReplyRow.thread_id.in_(threads)))
    await session.execute(delete(HelpThreadRow).where(HelpThreadRow.channel_id == channel.id))
    await session.delete(channel)
    return True


async def take_answer(session: AsyncSession, channel: HelpChannelRow, per_hour: int,
                      now: datetime) -> bool:
    """Spend one answer of the channel's hourly budget; False when it is spent.

    Two conditional updates, so replicas answering in the same channel at once never give
    more than the budget: a new window starts with this answer, or the window has room.
    """
    table = HelpChannelRow
    fresh = await session.execute(
        update(table).where(table.id == channel.id, table.window_start <= now - WINDOW)
        .values(window_start=now, answers_in_window=1)
        .execution_options(synchronize_session=False))
    if getattr(fresh, "rowcount", 0):
        return True
    room = await session.execute(
        update(table).where(table.id == channel.id, table.answers_in_window < per_hour)
        .values(answers_in_window=table.answers_in_window + 1)
        .execution_options(synchronize_session=False))
    return bool(getattr(room, "rowcount", 0))


async def keep_thread(session: AsyncSession, channel: HelpChannelRow, message: Message,
                      asker: PersonRow, category: str, now: datetime) -> HelpThreadRow:
    """Keep a question posted in a help channel (masked), once per thread."""
    found = await thread_in(session, channel, message.thread)
    if found is not None:
        return found
    row = HelpThreadRow(channel_id=channel.id, thread=message.thread[:255], asker_id=asker.id,
                        text=mask_within(message.text, MAX_TEXT).text,
                        category=category, answered=False, asked_at=now)
    try:
        async with session.begin_nested():
            session.add(row)
    except IntegrityError:  # the same post taken at once by another replica
        again = await thread_in(session, channel, message.thread)
        if again is None:
            raise
        return again
    return row


async def thread_in(session: AsyncSession, channel: HelpChannelRow,
                    thread: str) -> HelpThreadRow | None:
    """A kept question by its thread."""
    query = select(HelpThreadRow).where(HelpThreadRow.channel_id == channel.id,
                                        HelpThreadRow.thread == thread[:255])
    return (await session.execute(query)).scalar_one_or_none()


async def keep_reply(session: AsyncSession, thread: HelpThreadRow, author: PersonRow,
                     message: Message, now: datetime) -> bool:
    """Keep a coach's reply (masked); True when it is their first in this thread."""
    earlier = await session.execute(select(HelpReplyRow.id).where(
        HelpReplyRow.thread_id == thread.id, HelpReplyRow.author_id == author.id).limit(1))
    first = earlier.first() is None
    session.add(HelpReplyRow(thread_id=thread.id, author_id=author.id, said_at=now,
                             text=mask_within(message.text, MAX_TEXT).text,
                             message_id=message.message_id[:255]))
    return first


async def thread_by_id(session: AsyncSession, value: str) -> HelpThreadRow:
    """The thread a button names, or a friendly error when it is gone."""
    row = await row_named(session, HelpThreadRow, value)
    if row is None:
        raise BadInput(_("I no longer have that thread: help-channel questions are kept for a "
                         "while, and none once the channel's help mode is off."))
    return row


async def replies_of(session: AsyncSession, thread: HelpThreadRow,
                     author: PersonRow) -> list[HelpReplyRow]:
    """What one coach wrote in a thread, oldest first."""
    query = (select(HelpReplyRow).where(HelpReplyRow.thread_id == thread.id,
                                        HelpReplyRow.author_id == author.id)
             .order_by(HelpReplyRow.said_at, HelpReplyRow.id))
    return list((await session.execute(query)).scalars())


async def describe(session: AsyncSession) -> list[tuple[str, str]]:
    """The help channels, for `/prepbot settings`."""
    rows = (await session.execute(select(HelpChannelRow).order_by(HelpChannelRow.id))).scalars()
    return [(_("help channel"), _("{channel} (when unsure: {mode})").format(
                channel=f"{r.platform}:{r.channel_id}", mode=r.when_unsure)) for r in rows]


async def setup_steps(session: AsyncSession) -> list[SetupStep]:
    """The checklist's optional step: a channel where teachers already ask (setup is complete
    without it)."""
    watched = (await session.execute(
        select(func.count()).select_from(HelpChannelRow))).scalar_one()
    return [SetupStep(35, _("Answer in your help channel"), bool(watched),
                      _("If teachers already ask in a channel such as #tech-help, type "
                        "`/prepbot channel help on` there: I answer, in the thread, only the "
                        "questions I am sure of."),
                      status=ngettext("on in {count} channel", "on in {count} channels",
                                      watched).format(count=watched), optional=True)]


async def erase_asker(session: AsyncSession, person_id: int) -> int:
    """An erased teacher's kept questions lose their words and the link to her message (its
    id, which edits are followed by): a link no message has, so the thread stays unique."""
    result = await session.execute(
        update(HelpThreadRow).where(HelpThreadRow.asker_id == person_id)
        .values(text="", thread=literal("erased:") + cast(HelpThreadRow.id, String)))
    return int(getattr(result, "rowcount", 0) or 0)
