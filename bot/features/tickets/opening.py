"""Teachers open tickets: `/ticket`, the form, the button after an answer, "me too"."""

from __future__ import annotations

import dataclasses

from bot.blocks import Reply, Text, form_reply
from bot.errors import BadInput
from bot.features.tickets import handlers, pictures, service, unhiding, views
from bot.features.tickets.models import TicketRow
from bot.features.tickets.queue import QUEUE_STATUS
from bot.features.tickets.routes import CATEGORIES, triage_conversation
from bot.features.tickets.service import Draft
from bot.features.tickets.similar import (
    METOO_WINDOW,
    draft_in,
    draft_value,
    offer,
    offered,
    similar_open_ticket,
)
from bot.features.tickets.triage import tell_listeners, tell_triage
from bot.hooks import Escalation
from bot.i18n import _, ngettext
from bot.people.directory import person_by_id
from bot.storage.rows import request_key
from bot.turn import Turn
from bot.vocabulary import Action, Command, Incoming, Submission
from knowledge import Article


async def ticket_command(turn: Turn[Command]) -> list[Reply]:
    """`/ticket <text>` opens one (or offers "me too"); `/ticket` alone, or with one word,
    shows the form; `/ticket list` lists, as `/tickets` does."""
    text = turn.incoming.text.strip()
    words = text.lower().split()
    if handlers.asks_for_the_list(words):  # a coach or teacher looking for tickets
        return await handlers.listing(turn, words)
    if len(words) < 2:  # "wifi" alone is no description: the form asks for the rest
        return [form_reply(views.new_ticket_form(text))]
    category = _category_of(turn, text)
    window = await METOO_WINDOW.read(turn.session)
    match = await similar_open_ticket(turn.session, turn.kb, turn.person.school_id, text,
                                      turn.now, window)
    if match is not None:
        return [views.metoo_offer(match, await service.affected(turn.session, match),
                                  draft_value(turn, text), offer(turn, match),
                                  _problem_title(turn, text))]
    key = request_key(turn.incoming.person.platform, turn.incoming.event_id) \
        if turn.incoming.event_id else None
    return await _open(turn, Draft(text=text, category=category), key)


def _leading(turn: Turn[Incoming], text: str) -> Article | None:
    """The article the knowledge base leads with for this text, unless it deflects."""
    decision = turn.kb.answer(text)
    return turn.kb.get(decision.top_id, decision.language) \
        if decision.top_id and decision.kind != "deflect" else None


def _problem_title(turn: Turn[Incoming], text: str) -> str:
    article = _leading(turn, text)
    return article.title if article else ""


def _category_of(turn: Turn[Incoming], text: str) -> str:
    article = _leading(turn, text)
    return article.category if article else "other"


async def from_form(turn: Turn[Submission]) -> list[Reply]:
    """The new-ticket form was submitted."""
    values = turn.incoming.values
    category = values.get("category", "other")
    draft = Draft(text=values.get("text", ""), room=values.get("room", ""),
                  urgency=values.get("urgency", "today"),
                  category=category if category in CATEGORIES else "other",
                  keep_identifiers=values.get("identifiers") == "keep")
    key = request_key("form", turn.incoming.context) if turn.incoming.context else None
    return await _open(turn, draft, key)


async def escalate(turn: Turn[Action], escalation: Escalation) -> list[Reply]:
    """Another feature hands over a teacher who needs a person: open their ticket, or show
    the form when there is nothing to carry over yet ("ticket" typed before any question)."""
    if not escalation.text.strip():
        return [form_reply(views.new_ticket_form())]
    draft = Draft(text=escalation.text, category=escalation.category,
                  article_id=escalation.article_id, articles_shown=escalation.articles_shown,
                  didnt_help=escalation.didnt_help, hidden=escalation.hidden)
    return await _open(turn, draft, escalation.request_key)


async def join(turn: Turn[Action]) -> list[Reply]:
    """"Add me to #41", only on an offer the server made to this very person."""
    ticket = await offered(turn, turn.incoming.value)
    if ticket.status not in service.OPEN:
        raise BadInput(_("Ticket #{id} is already {status}. Open a new one if the problem is "
                         "back.").format(id=ticket.id, status=_(QUEUE_STATUS[ticket.status])))
    added = await service.join(turn.session, ticket, turn.person, turn.now)
    count = await service.affected(turn.session, ticket)
    if added:  # what this teacher shared about it goes on the ticket, and the coach sees it
        brought = await pictures.attach_held(turn.session, turn.person.id, ticket, turn.now)
        name = turn.person.display_name
        await tell_triage(turn, ticket, lambda: ngettext(
                              "#{id}: {name} has the same problem ({count} teacher affected).",
                              "#{id}: {name} has the same problem ({count} teachers affected).",
                              count).format(id=ticket.id, name=name or _("a teacher"),
                                            count=count),
                          await pictures.shown(turn, ticket) if brought else ())
    text = (ngettext("You're on ticket #{id} now ({count} teacher affected). I'll tell you "
                     "when it's fixed.",
                     "You're on ticket #{id} now ({count} teachers affected). I'll tell you "
                     "when it's fixed.", count).format(id=ticket.id, count=count) if added
            else _("You're already on #{id}.").format(id=ticket.id))
    return [Reply(text, (Text(text),), private=True, replace_original=True)]


async def separate(turn: Turn[Action]) -> list[Reply]:
    """"No, open a new ticket" after a "me too" offer."""
    nonce, text = draft_in(turn, turn.incoming.value)
    draft = Draft(text=text, category=_category_of(turn, text))
    return await _open(turn, draft, request_key("separate", nonce))


async def _open(turn: Turn[Incoming], draft: Draft, key: str | None) -> list[Reply]:
    with turn.metrics.ticket_seconds.time():
        opened = await service.open_ticket(turn.session, turn.person, draft, turn.now, key)
    if opened.created:
        turn.metrics.tickets.labels("opened").inc()
        await _announce(turn, opened.ticket)
        await tell_listeners(turn, opened.ticket, "opened", opened.ticket.text)
    reply = views.opened_reply(opened.ticket, opened.masked, opened.created)
    offer = unhiding.offer_buttons(turn, opened.ticket, opened.names)
    # Asked for in a channel: the number, and what masking hid, are for the teacher alone.
    return [dataclasses.replace(reply, blocks=reply.blocks + offer,
                                private=turn.incoming.conversation.kind != "direct")]


async def _announce(turn: Turn[Incoming], ticket: TicketRow) -> None:
    where = await triage_conversation(turn.session, ticket.category)
    if where is not None:
        requester = await person_by_id(turn.session, ticket.requester_id)
        shown = await pictures.shown(turn, ticket)
        # Built in the district's language (turn.post), whoever opened the ticket.
        turn.post(where, lambda: views.triage_card(
            ticket, 1, requester.display_name if requester else _("a teacher"), "",
            pictures=shown))
