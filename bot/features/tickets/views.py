"""How tickets look: the triage card, the teacher's view, the forms and the notices."""

from __future__ import annotations

import uuid

from bot.blocks import Block, Button, Buttons, Context, Fields, Form, Input, Option, Reply, Text
from bot.features.tickets.coaching import OFFERED_FOR
from bot.features.tickets.models import TicketRow
from bot.features.tickets.queue import QUEUE_STATUS, excerpt
from bot.features.tickets.routes import CATEGORIES
from bot.features.tickets.service import URGENCIES
from bot.masking import Masked, privacy_note

# A teacher reads their own ticket; a coach reads the card (and the queue's filter words).
STATUS_WORDS = {"new": "new", "assigned": "being handled", "waiting": "waiting on you",
                "resolved": "resolved", "closed": "closed"}


def new_ticket_form(text: str = "", category: str = "other") -> Form:
    """The form behind `/ticket` with no text; its context is a nonce against double submits."""
    return Form("tickets.new", "Open a ticket", (
        Input("text", "What happened?", "textarea", initial=text,
              placeholder="e.g. the projector shows no signal after the bell"),
        Input("room", "Room", required=False, placeholder="e.g. 204"),
        Input("urgency", "How urgent?", "select",
              options=tuple(Option(k, v) for k, v in URGENCIES.items()), initial="today"),
        Input("category", "What kind of problem?", "select",
              options=tuple(Option(c, c.title()) for c in CATEGORIES), initial=category),
        Input("identifiers", "Student names or ids in the text", "select", required=False,
              options=(Option("mask", "Hide them (recommended)"), Option("keep", "Keep them")),
              initial="mask"),
    ), submit_label="Open ticket", context=str(uuid.uuid4()))


def opened_reply(ticket: TicketRow, masked: Masked, created: bool) -> Reply:
    """Tell the teacher their number (only ever after the commit)."""
    text = (f"Ticket #{ticket.id} is open. A coach or IT will pick it up; "
            f"I'll tell you here when anything changes." if created
            else f"You already have ticket #{ticket.id} for this.")
    blocks: list[Block] = [Text(text)]
    if masked.kinds:
        blocks.append(Context(privacy_note(masked)))
    return Reply(text, tuple(blocks), replace_original=False)


def metoo_offer(ticket: TicketRow, affected: int, draft_text: str, offer: str) -> Reply:
    """Offer to join an open ticket instead of opening a duplicate."""
    intro = (f"Same problem? Ticket #{ticket.id} is already open at your school "
             f"({affected} {'teacher' if affected == 1 else 'teachers'}):")
    text = f"{intro} \u201c{ticket.text}\u201d"
    buttons = (Button(f"Add me to #{ticket.id}", "tickets.join", offer, "primary"),
               Button("No, open a new ticket", "tickets.separate",
                      f"{uuid.uuid4()}|{draft_text[:1800]}"))
    return Reply(text, (Text(intro), Text(f"\u201c{ticket.text}\u201d", markdown=False),
                        Buttons(buttons)))


def ticket_fields(ticket: TicketRow, affected: int, requester: str, assignee: str) -> Fields:
    """The facts of a ticket, side by side."""
    return Fields((("Status", QUEUE_STATUS.get(ticket.status, ticket.status)),
                   ("Category", ticket.category), ("Urgency", URGENCIES.get(ticket.urgency, "")),
                   ("Room", ticket.room or "-"), ("Teachers affected", str(affected)),
                   ("Requested by", requester), ("Handled by", assignee or "nobody yet")))


def needs_article(ticket: TicketRow) -> bool:
    """The knowledge base fell short: no article for it, or the article didn't help."""
    return ticket.article_id is None or ticket.didnt_help


def triage_card(ticket: TicketRow, affected: int, requester: str, assignee: str,
                replace: bool = False, pictures: tuple[Block, ...] = ()) -> Reply:
    """The card coaches act on."""
    # Waiting on the teacher, a ticket someone handles is not offered to be claimed again.
    waiting = ("reply", "resolve") if ticket.assignee_id else ("claim", "reply", "resolve")
    actions = {"new": ("claim", "reply", "wait", "resolve", "merge"),
               "assigned": ("reply", "wait", "resolve", "merge"),
               "waiting": waiting,
               "resolved": ("reopen", "suggest") if needs_article(ticket) else ("reopen",),
               "closed": ("reopen",)}[ticket.status]
    actions = (*actions, "unpicture") if pictures else actions
    labels = {"claim": "Claim", "reply": "Reply", "wait": "Waiting on teacher",
              "resolve": "Resolve", "reopen": "Reopen", "merge": "Merge into…",
              "suggest": "Suggest an article from this fix", "unpicture": "Delete pictures",
              "cycle": "Start a coaching cycle"}
    if ticket.status in {"new", "assigned", "waiting"} and ticket.category in OFFERED_FOR:
        actions = (*actions, "cycle")
    buttons = tuple(Button(labels[a], f"tickets.{a}", str(ticket.id),
                           "primary" if a in {"claim", "resolve"} else
                           "danger" if a == "unpicture" else "default")
                    for a in actions)
    title = f"Ticket #{ticket.id}"
    blocks = (Text(f"**{title}**"), Text(ticket.text, markdown=False), *pictures,
              ticket_fields(ticket, affected, requester, assignee), Buttons(buttons))
    return Reply(f"{title}: {excerpt(ticket.text, 150)}", blocks, replace_original=replace)


def teacher_view(ticket: TicketRow) -> Reply:
    """A teacher's own ticket, with a way to add to it."""
    status = STATUS_WORDS.get(ticket.status, ticket.status)
    text = f"Ticket #{ticket.id} is {status}."
    buttons = [Button("Add a reply", "tickets.answer", str(ticket.id))]
    if ticket.status in {"resolved", "closed"}:
        buttons = [Button("It's still broken: reopen", "tickets.reopen", str(ticket.id))]
    return Reply(text, (Text(text), Text(ticket.text, markdown=False), Buttons(tuple(buttons))))


def listing(title: str, tickets: list[TicketRow], empty: str) -> Reply:
    """A short list of tickets with a button to open each."""
    if not tickets:
        return Reply(empty, (Text(empty),), private=True)
    lines = "\n".join(f"• #{t.id} ({STATUS_WORDS.get(t.status, t.status)}) "
                      f"{excerpt(t.text, 80)}" for t in tickets)
    buttons = tuple(Button(f"Open ticket #{t.id}", "tickets.view", str(t.id))
                    for t in tickets[:10])
    return Reply(f"{title}\n{lines}", (Text(f"**{title}**"), Text(lines, markdown=False),
                                       Buttons(buttons)), private=True)


def text_form(form_id: str, title: str, label: str, ticket_id: int, submit: str) -> Form:
    """A one-field form about a ticket (reply, answer)."""
    return Form(form_id, title, (Input("text", label, "textarea"),), submit_label=submit,
                context=str(ticket_id))


def merge_form(ticket_id: int) -> Form:
    """Which ticket to merge this one into."""
    return Form("tickets.merge", f"Merge #{ticket_id} into…",
                (Input("target", "Ticket number to keep", placeholder="e.g. 41"),),
                submit_label="Merge", context=str(ticket_id))


def draft_form(ticket: TicketRow) -> Form:
    """Suggest a knowledge-base article from a fix."""
    return Form("tickets.draft", "Suggest an article from this fix", (
        Input("title", "Article title", placeholder="e.g. Document camera shows a grey screen"),
        Input("body", "What fixed it (one step per line)", "textarea"),
    ), submit_label="Save draft", context=str(ticket.id))


def notice(ticket: TicketRow, sentence: str, reopen: bool = False) -> Reply:
    """What teachers on a ticket are told when something changes."""
    text = f"Ticket #{ticket.id}: {sentence}"
    button = (Button("It's still broken: reopen", "tickets.reopen", str(ticket.id)) if reopen
              else Button("Reply", "tickets.answer", str(ticket.id)))
    return Reply(text, (Text(text, markdown=False), Buttons((button,))))
