"""What prepbot does with a message it reads in a help channel without being addressed.

A teacher's new post is put to the knowledge base: chatter gets nothing and leaves no trace;
a tech question is kept (so a coach's reply can be saved), and answered in its thread only
when the knowledge base is sure and the channel's hourly budget has room; otherwise prepbot
stays quiet or adds one reaction, as the channel was set. Replies in threads are never
answered: a coach's first reply in a kept thread gets a private offer to keep it.
"""

from __future__ import annotations

from bot.blocks import Reply
from bot.features.helpchannels import revising, service, views
from bot.features.helpchannels.models import HelpChannelRow
from bot.i18n import N_
from bot.roles import Role
from bot.stored_settings import StoredSetting
from bot.turn import Turn
from bot.vocabulary import Message
from knowledge import Decision

ANSWERS_PER_HOUR = StoredSetting(
    "help_channel_answers_per_hour", 6, N_("answers prepbot gives unasked in one help channel "
                                           "in an hour"), minimum=1, maximum=60)
CONFIDENCE = StoredSetting(
    "help_channel_confidence", 80, N_("how sure prepbot must be (percent) to answer unasked "
                                      "in a help channel"), minimum=55, maximum=99)


async def overheard(turn: Turn[Message]) -> list[Reply]:
    """A message read in a channel: a help channel's post or thread reply, else nothing."""
    channel = await service.channel_of(turn.session, turn.incoming.conversation)
    if channel is None or not turn.incoming.text.strip():
        return []
    if turn.incoming.heard == "reply":
        return await _reply(turn, channel)
    return await _post(turn, channel)


async def _post(turn: Turn[Message], channel: HelpChannelRow) -> list[Reply]:
    if turn.role.allows(Role.COACH):
        return []  # a coach's post is an announcement or an answer, not a question for us
    text = turn.incoming.text.strip()
    decision = service.tech_question(turn.kb, text)
    if decision is None:
        return []  # chatter: no reply, nothing kept (the adapters drop it before this)
    if await revising.was_taken_back(turn.session, turn.incoming, turn.incoming.thread):
        return []  # deleted or edited before this turn ran: neither kept nor answered
    thread = await service.keep_thread(turn.session, channel, turn.incoming, turn.person,
                                       _category(decision), turn.now)
    answer = turn.features.answer_decided
    if answer is not None and await _sure(turn, decision) and await service.take_answer(
            turn.session, channel, await ANSWERS_PER_HOUR.read(turn.session), turn.now):
        thread.answered = True
        return [await answer(turn, text, decision)]
    return views.unsure(channel.when_unsure)


async def _sure(turn: Turn[Message], decision: Decision) -> bool:
    wanted = await CONFIDENCE.read(turn.session) / 100
    return decision.kind == "answer" and decision.confidence >= wanted


def _category(decision: Decision) -> str:
    article = decision.article or (decision.suggestions[0] if decision.suggestions else None)
    return article.category if article else "other"


async def _reply(turn: Turn[Message], channel: HelpChannelRow) -> list[Reply]:
    if not turn.role.allows(Role.COACH):
        return []  # people helping each other: prepbot keeps out of it
    thread = await service.thread_in(turn.session, channel, turn.incoming.thread)
    if thread is None:
        return []  # a thread that did not start with a tech question
    if await revising.was_taken_back(turn.session, turn.incoming, turn.incoming.message_id):
        return []  # the coach deleted or edited it before this turn ran
    first = await service.keep_reply(turn.session, thread, turn.person, turn.incoming, turn.now)
    return [views.offer(thread.id)] if first else []
