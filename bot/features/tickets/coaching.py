"""A coaching cycle from a ticket: the coach on a ticket starts one for its teacher, through
the core's `start_cycle` hook (the cycles feature plans it)."""

from __future__ import annotations

from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.tickets import service
from bot.hooks.year import CycleAsk
from bot.i18n import _
from bot.turn import Turn
from bot.vocabulary import Action

# Tickets whose teacher a cycle is most likely to help: the triage card offers one.
OFFERED_FOR = ("coaching", "apps", "lms")


async def start_cycle(turn: Turn[Action]) -> list[Reply]:
    """"Start a coaching cycle" on a ticket's card: a cycle for the teacher who asked."""
    start = turn.features.start_cycle
    if start is None:
        raise BadInput(_("Coaching cycles aren't set up here."))
    ticket = await service.get_ticket(turn.session, turn.incoming.value)
    # The source is kept on the cycle as a reference ("ticket #41"), written the same way in
    # English and Spanish; the cycles feature says the sentence around it.
    ask = CycleAsk(teacher_id=ticket.requester_id, coach_id=turn.person.id,
                   source=f"ticket #{ticket.id}", request_key=f"ticket:{ticket.id}",
                   note=ticket.text)  # whole: cut before masking, a phone was left half
    return await start(turn, ask)
