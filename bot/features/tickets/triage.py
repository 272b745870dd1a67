"""Coaches work tickets in chat: claim, reply, wait, resolve, reopen, merge, suggest an article."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.blocks import Block, Button, Buttons, Context, Reply, Text, form_reply
from bot.errors import BadInput, NotAllowed
from bot.features.tickets import lifecycle, pictures, service, views
from bot.features.tickets.models import DraftRow, TicketRow
from bot.features.tickets.routes import triage_conversation
from bot.features.tickets.timing import stamp_times
from bot.hooks.outside import Teller, TicketNews
from bot.i18n import DEFAULT, N_, _, speaking
from bot.masking import Masked, mask_student_data, mask_within, privacy_note
from bot.people.directory import person_by_id
from bot.roles import Role
from bot.turn import Turn
from bot.vocabulary import Action, Incoming, Submission

TOLD = {"claimed": N_("{coach} is on it."),
        "waiting": N_("{coach} needs something from you. Reply here to keep it moving."),
        "resolved": N_("{coach} marked it resolved. Still broken? Reopen it."),
        "reopened": N_("it was reopened and is back in the queue."),
        "closed": N_("it was closed.")}


async def card(turn: Turn[Incoming], ticket: TicketRow, replace: bool = True) -> Reply:
    """The triage card as it stands now: in place of the card clicked, or else to the coach
    alone (a list or a form opened in a channel must not post a ticket there)."""
    requester = await person_by_id(turn.session, ticket.requester_id)
    assignee = await person_by_id(turn.session, ticket.assignee_id)
    shown = views.triage_card(ticket, await service.affected(turn.session, ticket),
                              requester.display_name if requester else "?",
                              assignee.display_name if assignee else "", replace,
                              await pictures.shown(turn, ticket))
    return shown if replace else dataclasses.replace(shown, private=True)


async def tell_teachers(turn: Turn[Incoming], ticket: TicketRow,
                        sentence: Callable[[], str], reopen: bool = False) -> None:
    """Notify everyone on the ticket (except whoever caused the change), each in their own
    language: `sentence` is said once per teacher."""
    for person in await service.people_on(turn.session, ticket):
        if person.id != turn.person.id:
            turn.notify(person, lambda: views.notice(ticket, sentence(), reopen))


async def _ticket_of(turn: Turn[Action | Submission]) -> TicketRow:
    incoming = turn.incoming
    number = incoming.value if isinstance(incoming, Action) else (
        incoming.context if isinstance(incoming, Submission) else "")
    return await service.get_ticket(turn.session, number)


async def change(turn: Turn[Action], kind: str) -> list[Reply]:
    """Apply a status change from the card, tell the teachers, and redraw the card."""
    ticket = await _ticket_of(turn)
    lifecycle.move(turn.session, ticket, kind, turn.person, turn.now)
    turn.metrics.tickets.labels(kind).inc()
    await stamp_times(turn.session, ticket)
    coach = turn.person.display_name
    await tell_teachers(turn, ticket, lambda: _(TOLD[kind]).format(coach=coach or _("Your coach")),
                        reopen=kind == "resolved")
    return [await card(turn, ticket)]


async def claim(turn: Turn[Action]) -> list[Reply]:
    """Claim a ticket."""
    return await change(turn, "claimed")


async def wait(turn: Turn[Action]) -> list[Reply]:
    """Mark a ticket as waiting on the teacher."""
    return await change(turn, "waiting")


async def resolve(turn: Turn[Action]) -> list[Reply]:
    """Resolve a ticket (the card then offers an article draft if the knowledge base fell short)."""
    return await change(turn, "resolved")


async def reopen(turn: Turn[Action]) -> list[Reply]:
    """Reopen: coaches from the card, teachers on their own ticket ("still broken")."""
    ticket = await _ticket_of(turn)
    if turn.role == Role.TEACHER:
        if not await service.is_on(turn.session, ticket, turn.person):
            raise NotAllowed(_("You can only reopen your own tickets."))
        lifecycle.move(turn.session, ticket, "reopened", turn.person, turn.now)
        await tell_triage(turn, ticket, lambda: _("#{id} was reopened by the teacher.").format(
            id=ticket.id))
        await tell_listeners(turn, ticket, "reopened", "")  # a helpdesk that resolved it hears
        return [views.teacher_view(ticket, turn.person.id)]
    return await change(turn, "reopened")


async def view(turn: Turn[Action]) -> list[Reply]:
    """Open one ticket: the card for coaches, the teacher's own view for teachers; shown to
    whoever clicked only (a list opened in a channel must not post the ticket there)."""
    ticket = await _ticket_of(turn)
    if turn.role.allows(Role.COACH):
        return [await card(turn, ticket, replace=False)]
    if not await service.is_on(turn.session, ticket, turn.person):
        raise NotAllowed(_("That ticket isn't yours."))
    return [views.teacher_view(ticket, turn.person.id)]


async def delete_pictures(turn: Turn[Action]) -> list[Reply]:
    """"Delete pictures" on a card: gone from the database and from every link, at once."""
    ticket = await _ticket_of(turn)
    count = await pictures.delete_from(turn, ticket)
    lifecycle.record(turn.session, ticket, "pictures_deleted", turn.person, turn.now, str(count))
    return [await card(turn, ticket)]


async def ask_reply(turn: Turn[Action]) -> list[Reply]:
    """The coach's reply form."""
    ticket = await _ticket_of(turn)
    form = views.text_form("tickets.reply", _("Reply on #{id}").format(id=ticket.id),
                           _("Your message to the teacher"), ticket.id, _("Send"))
    return [form_reply(form)]


async def send_reply(turn: Turn[Submission]) -> list[Reply]:
    """Relay a coach's reply to the teachers' conversations with the bot."""
    ticket = await _ticket_of(turn)
    masked = mask_student_data(_required(turn.incoming.values.get("text", "")))
    lifecycle.record(turn.session, ticket, "reply", turn.person, turn.now, masked.text)
    await stamp_times(turn.session, ticket)
    coach = turn.person.display_name
    await tell_teachers(turn, ticket,
                        lambda: _("{coach} wrote: {text}").format(
                            coach=coach or _("Your coach"), text=masked.text))
    return [_with_note(Reply(_("Sent to the teachers on #{id}.").format(id=ticket.id),
                             (Text(_("Sent to #{id}.").format(id=ticket.id)),), private=True),
             masked)]


async def ask_answer(turn: Turn[Action]) -> list[Reply]:
    """The teacher's form to answer on their ticket."""
    ticket = await _ticket_of(turn)
    if not await service.is_on(turn.session, ticket, turn.person):
        raise NotAllowed(_("That ticket isn't yours."))
    form = views.text_form("tickets.answer", _("Reply on #{id}").format(id=ticket.id),
                           _("Your message"), ticket.id, _("Send"))
    return [form_reply(form)]


async def send_answer(turn: Turn[Submission]) -> list[Reply]:
    """A teacher's answer goes back into the ticket; a waiting or auto-closed ticket moves again."""
    ticket = await _ticket_of(turn)
    if not await service.is_on(turn.session, ticket, turn.person):
        raise NotAllowed(_("That ticket isn't yours."))
    masked = mask_student_data(_required(turn.incoming.values.get("text", "")))
    text, told = masked.text, _("Added to ticket #{id}.").format(id=ticket.id)
    lifecycle.record(turn.session, ticket, "teacher_reply", turn.person, turn.now, text)
    if ticket.status == "waiting":
        ticket.status, ticket.waiting_since = "assigned", None
    elif ticket.status == "closed" and ticket.resolved_at is None:
        lifecycle.move(turn.session, ticket, "reopened", turn.person, turn.now)
        told = _("Added to ticket #{id}, and it's open again.").format(id=ticket.id)
    added = await pictures.attach_held(turn.session, turn.person.id, ticket, turn.now)
    name = turn.person.display_name
    await tell_triage(turn, ticket, lambda: _("#{id}: {name} wrote: {text}").format(
                          id=ticket.id, name=name, text=text),
                      await pictures.shown(turn, ticket) if added else ())
    await tell_listeners(turn, ticket, "teacher_reply", text)
    return [_with_note(Reply(told, (Text(told),)), masked)]


async def tell_listeners(turn: Turn[Incoming], ticket: TicketRow, kind: str, text: str) -> None:
    """Let other features hear of it (a district helpdesk), in this same transaction."""
    news = TicketNews(ticket.id, kind, text, turn.person.id, turn.now, ticket.category,
                      ticket.school_id, ticket.room, ticket.urgency)
    for listener in turn.features.ticket_listeners:
        await listener(turn.session, news)


async def tell_triage(turn: Teller, ticket: TicketRow, text: str | Callable[[], str],
                      extra: tuple[Block, ...] = ()) -> None:
    """Tell the coach handling a ticket (in their language), or its triage channel while
    nobody has claimed it (in the district's: a channel has many readers)."""
    def said() -> Reply:
        words = text() if callable(text) else text
        return Reply(words, (Text(words, markdown=False), *extra))
    assignee = await person_by_id(turn.session, ticket.assignee_id)
    # A coach made a teacher again hears no more of the tickets she claimed: the channel
    # does (a red team's, stop 49: her old tickets' news and pictures kept coming).
    if assignee is not None and assignee.coaches:
        turn.notify(assignee, said, shared=True)  # lost nowhere (bot/rerouting.py)
        return
    where = await triage_conversation(turn.session, ticket.category)
    if where is not None:
        with speaking(DEFAULT):
            turn.post(where, said())


async def ask_merge(turn: Turn[Action]) -> list[Reply]:
    """The merge form."""
    return [form_reply(views.merge_form((await _ticket_of(turn)).id))]


async def do_merge(turn: Turn[Submission]) -> list[Reply]:
    """Merge this ticket into another; its teachers follow."""
    source = await _ticket_of(turn)
    target = await service.get_ticket(turn.session,
                                      turn.incoming.values.get("target", "").strip().lstrip("#"))
    await lifecycle.merge(turn.session, source, target, turn.person, turn.now)
    await tell_teachers(turn, source, lambda: _("it was merged into #{id}; more news "
                                                "there.").format(id=target.id))
    return [await card(turn, target, replace=False)]


async def ask_draft(turn: Turn[Action]) -> list[Reply]:
    """The "suggest an article" form."""
    return [form_reply(views.draft_form(await _ticket_of(turn)))]


async def save_draft(turn: Turn[Submission]) -> list[Reply]:
    """Store an article draft for the knowledge base's curators."""
    ticket = await _ticket_of(turn)
    values = turn.incoming.values
    title = mask_within(_required(values.get("title", "")), 200).text
    body = mask_student_data(_required(values.get("body", ""))).text
    draft = DraftRow(ticket_id=ticket.id, category=ticket.category, author_id=turn.person.id,
                     title=title, body=body, created_at=turn.now)  # a title of the coach's
    turn.session.add(draft)
    await turn.session.flush()
    text = _("Thanks: the draft is saved for the knowledge-base curators (`prepbot kb drafts`).")
    # The library's form, filled in from this draft, publishes it from chat.
    finish = Button(_("Finish and publish it"), "library.draft", f"tickets:{draft.id}", "primary")
    return [Reply(text, (Text(text), Buttons((finish,))), private=True)]


def _with_note(reply: Reply, masked: Masked) -> Reply:
    """A confirmation that also says which student details were hidden, if any."""
    note = privacy_note(masked)
    return Reply(reply.text, (*reply.blocks, Context(note)), reply.private) if note else reply


def _required(text: str) -> str:
    if not text.strip():
        raise BadInput(_("That field can't be empty."))
    return text.strip()
