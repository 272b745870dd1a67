"""Answers given outside a ticket (a coach in a help channel's thread), kept in one click:
as a ticket for the teacher who asked, resolved with the answer, or as an article draft."""

from __future__ import annotations

from bot.blocks import Reply, Text
from bot.errors import BadInput
from bot.features.tickets import lifecycle, service
from bot.features.tickets.models import DraftRow
from bot.features.tickets.service import Draft
from bot.features.tickets.timing import stamp_times
from bot.hooks import Solved
from bot.i18n import N_, _
from bot.masking import mask_student_data, mask_within
from bot.people.directory import person_by_id
from bot.turn import Turn
from bot.vocabulary import Incoming

DRAFTED = N_("Saved as an article draft for the knowledge-base curators (`prepbot kb drafts`): "
              "the question as its title, your answer as its text.")


async def resolve_solved(turn: Turn[Incoming], solved: Solved) -> list[Reply]:
    """Open the asker's ticket as of when they asked, with the coach's answer as the first
    response, and resolve it now; the same thread twice gives the same ticket."""
    asker = await person_by_id(turn.session, solved.asker_id)
    if asker is None:
        raise BadInput(_("I can't find who asked that any more."))
    draft = Draft(text=solved.question, category=solved.category)
    opened = await service.open_ticket(turn.session, asker, draft, solved.asked_at,
                                       solved.key or None)
    ticket = opened.ticket
    if opened.created:
        turn.metrics.tickets.labels("opened").inc()
        lifecycle.record(turn.session, ticket, "reply", turn.person, solved.answered_at,
                         mask_student_data(solved.answer).text)
    if ticket.status in service.OPEN:
        lifecycle.move(turn.session, ticket, "resolved", turn.person, turn.now)
        turn.metrics.tickets.labels("resolved").inc()
        await stamp_times(turn.session, ticket)
    text = (_("Ticket #{id} keeps it: {who}'s question, your answer, resolved.").format(
        id=ticket.id, who=asker.display_name) if asker.display_name else
        _("Ticket #{id} keeps it: the teacher's question, your answer, resolved.").format(
            id=ticket.id))
    return [Reply(text, (Text(text, markdown=False),), private=True)]


async def draft_solved(turn: Turn[Incoming], solved: Solved) -> list[Reply]:
    """Store the question and the answer as an article draft for the curators."""
    title = mask_within(" ".join(solved.question.split()), 200).text
    turn.session.add(DraftRow(ticket_id=None, category=solved.category,
                              author_id=turn.person.id, asker_id=solved.asker_id, title=title,
                              body=mask_student_data(solved.answer).text, created_at=turn.now))
    text = _(DRAFTED)
    return [Reply(text, (Text(text),), private=True)]
