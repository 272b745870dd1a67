"""One click keeps a coach's answer from a help thread: a resolved ticket or an article draft.

Both go to whichever feature registered the hook (tickets, today), with the question and
everything the clicking coach wrote in that thread.
"""

from __future__ import annotations

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.features.helpchannels import service, views
from bot.features.helpchannels.models import HelpThreadRow
from bot.hooks import Solved
from bot.i18n import _
from bot.turn import Turn
from bot.vocabulary import Action


async def resolve(turn: Turn[Action]) -> list[Reply]:
    """"Resolve as a ticket": the question becomes a ticket, resolved with the answer."""
    keep = turn.features.resolve_solved
    if keep is None:
        raise BadInput(_(views.NOT_HERE))
    thread = await service.thread_by_id(turn.session, turn.incoming.value)
    return await keep(turn, await _solved(turn, thread))


async def draft(turn: Turn[Action]) -> list[Reply]:
    """"Save as article draft": the question and answer go to the curators, once."""
    keep = turn.features.draft_solved
    if keep is None:
        raise BadInput(_(views.NOT_HERE))
    thread = await service.thread_by_id(turn.session, turn.incoming.value)
    if thread.drafted_at is not None:
        return [say(_(views.ALREADY_DRAFTED))]
    replies = await keep(turn, await _solved(turn, thread))
    thread.drafted_at = turn.now
    return replies


async def _solved(turn: Turn[Action], thread: HelpThreadRow) -> Solved:
    written = await service.replies_of(turn.session, thread, turn.person)
    answer = "\n\n".join(r.text for r in written if r.text.strip())
    if not answer:
        raise BadInput(_(views.NO_REPLY))
    if not thread.text.strip():
        raise BadInput(_(views.ERASED))
    return Solved(question=thread.text, answer=answer, asker_id=thread.asker_id,
                  asked_at=thread.asked_at, answered_at=written[0].said_at,
                  category=thread.category, key=f"help-thread:{thread.id}")
