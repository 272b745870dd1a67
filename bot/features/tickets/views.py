"""How tickets look: the triage card, the teacher's view, the forms and the notices."""

from __future__ import annotations

import uuid

from bot.blocks import Block, Button, Buttons, Context, Fields, Form, Input, Option, Reply, Text
from bot.features.tickets.coaching import OFFERED_FOR
from bot.features.tickets.models import TicketRow
from bot.features.tickets.queue import QUEUE_STATUS, excerpt
from bot.features.tickets.routes import CATEGORIES
from bot.features.tickets.service import URGENCIES
from bot.i18n import N_, _, ngettext
from bot.masking import Masked, privacy_note

# A teacher reads their own ticket; a coach reads the card (and the queue's filter words).
STATUS_WORDS = {"new": N_("new"), "assigned": N_("being handled"),
                "waiting": N_("waiting on you"), "resolved": N_("resolved"), "closed": N_("closed")}
# What a category is called where a person reads it (its id stays the filter and route word).
CATEGORY_WORDS = {"hardware": N_("Hardware"), "network": N_("Network"),
                  "accounts": N_("Accounts"), "lms": N_("LMS"), "apps": N_("Apps"),
                  "privacy": N_("Privacy"), "security": N_("Security"),
                  "coaching": N_("Coaching"), "other": N_("Other")}


def category_word(category: str) -> str:
    """A category as people read it, in their language."""
    return _(CATEGORY_WORDS[category]) if category in CATEGORY_WORDS else category


def new_ticket_form(text: str = "", category: str = "other") -> Form:
    """The form behind `/ticket` with no text; its context is a nonce against double submits."""
    return Form("tickets.new", _("Open a ticket"), (
        Input("text", _("What happened?"), "textarea", initial=text,
              placeholder=_("e.g. the projector shows no signal after the bell")),
        Input("room", _("Room"), required=False, placeholder=_("e.g. {room}").format(room="204")),
        Input("urgency", _("How urgent?"), "select",
              options=tuple(Option(k, _(v)) for k, v in URGENCIES.items()), initial="today"),
        Input("category", _("What kind of problem?"), "select",
              options=tuple(Option(c, category_word(c)) for c in CATEGORIES), initial=category),
        Input("identifiers", _("Student names or ids in the text"), "select", required=False,
              options=(Option("mask", _("Hide them (recommended)")),
                       Option("keep", _("Keep them"))),
              initial="mask"),
    ), submit_label=_("Open ticket"), context=str(uuid.uuid4()))


def opened_reply(ticket: TicketRow, masked: Masked, created: bool) -> Reply:
    """Tell the teacher their number (only ever after the commit)."""
    text = (_("Ticket #{id} is open. A coach or IT will pick it up; I'll tell you here when "
              "anything changes.").format(id=ticket.id) if created
            else _("You already have ticket #{id} for this.").format(id=ticket.id))
    blocks: list[Block] = [Text(text)]
    if masked.kinds:
        blocks.append(Context(privacy_note(masked)))
    return Reply(text, tuple(blocks), replace_original=False)


def metoo_offer(ticket: TicketRow, affected: int, draft: str, offer: str,
                problem: str) -> Reply:
    """Offer to join an open ticket instead of opening a duplicate: its number and the
    problem both were taken for (an article's title), never its words (they are another
    teacher's), to this teacher only."""
    intro = ngettext("Same problem? Ticket #{id} ({problem}) is already open at your "
                     "school ({affected} teacher).",
                     "Same problem? Ticket #{id} ({problem}) is already open at your "
                     "school ({affected} teachers).", affected).format(
                         id=ticket.id, problem=problem, affected=affected)
    buttons = (Button(_("Add me to #{id}").format(id=ticket.id), "tickets.join", offer, "primary"),
               Button(_("No, open a new ticket"), "tickets.separate", draft))
    return Reply(intro, (Text(intro), Buttons(buttons)), private=True)


def ticket_fields(ticket: TicketRow, affected: int, requester: str, assignee: str) -> Fields:
    """The facts of a ticket, side by side."""
    return Fields(((_("Status"), _(QUEUE_STATUS.get(ticket.status, ticket.status))),
                   (_("Category"), category_word(ticket.category)),
                   (_("Urgency"), _(URGENCIES.get(ticket.urgency, ""))),
                   (_("Room"), ticket.room or "-"), (_("Teachers affected"), str(affected)),
                   (_("Requested by"), requester), (_("Handled by"), assignee or _("nobody yet"))))


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
    labels = {"claim": N_("Claim"), "reply": N_("Reply"), "wait": N_("Waiting on teacher"),
              "resolve": N_("Resolve"), "reopen": N_("Reopen"), "merge": N_("Merge into…"),
              "suggest": N_("Suggest an article from this fix"),
              "unpicture": N_("Delete pictures"), "cycle": N_("Start a coaching cycle")}
    if ticket.status in {"new", "assigned", "waiting"} and ticket.category in OFFERED_FOR:
        actions = (*actions, "cycle")
    buttons = tuple(Button(_(labels[a]), f"tickets.{a}", str(ticket.id),
                           "primary" if a in {"claim", "resolve"} else
                           "danger" if a == "unpicture" else "default")
                    for a in actions)
    title = _("Ticket #{id}").format(id=ticket.id)
    blocks = (Text(f"**{title}**"), Text(ticket.text, markdown=False), *pictures,
              ticket_fields(ticket, affected, requester, assignee), Buttons(buttons))
    return Reply(f"{title}: {excerpt(ticket.text, 150)}", blocks, replace_original=replace)


def teacher_view(ticket: TicketRow, viewer_id: int) -> Reply:
    """A teacher's ticket, with a way to add to it; to this teacher only, and in their own
    words: one who said "me too" on it sees its category, not the words of whoever opened it."""
    status = _(STATUS_WORDS.get(ticket.status, ticket.status))
    text = _("Ticket #{id} is {status}.").format(id=ticket.id, status=status)
    buttons = [Button(_("Add a reply"), "tickets.answer", str(ticket.id))]
    if ticket.status in {"resolved", "closed"}:
        buttons = [Button(_("It's still broken: reopen"), "tickets.reopen", str(ticket.id))]
    return Reply(text, (Text(text), Text(shown_to(ticket, viewer_id), markdown=False),
                        Buttons(tuple(buttons))), private=True)


def shown_to(ticket: TicketRow, viewer_id: int) -> str:
    """What a teacher reads of a ticket: its words if they opened it, else what it is about."""
    if ticket.requester_id == viewer_id:
        return ticket.text
    return _("You said “me too” on this ticket ({category}).").format(
        category=category_word(ticket.category))


def listing(title: str, tickets: list[TicketRow], empty: str, viewer_id: int) -> Reply:
    """A teacher's short list of tickets with a button to open each."""
    if not tickets:
        return Reply(empty, (Text(empty),), private=True)
    lines = "\n".join(f"• #{t.id} ({_(STATUS_WORDS.get(t.status, t.status))}) "
                      f"{excerpt(shown_to(t, viewer_id), 80)}" for t in tickets)
    buttons = tuple(Button(_("Open ticket #{id}").format(id=t.id), "tickets.view", str(t.id))
                    for t in tickets[:10])
    return Reply(f"{title}\n{lines}", (Text(f"**{title}**"), Text(lines, markdown=False),
                                       Buttons(buttons)), private=True)


def text_form(form_id: str, title: str, label: str, ticket_id: int, submit: str) -> Form:
    """A one-field form about a ticket (reply, answer)."""
    return Form(form_id, title, (Input("text", label, "textarea"),), submit_label=submit,
                context=str(ticket_id))


def merge_form(ticket_id: int) -> Form:
    """Which ticket to merge this one into."""
    return Form("tickets.merge", _("Merge #{ticket_id} into…").format(ticket_id=ticket_id),
                (Input("target", _("Ticket number to keep"),
                       placeholder=_("e.g. {number}").format(number="41")),),
                submit_label=_("Merge"), context=str(ticket_id))


def draft_form(ticket: TicketRow) -> Form:
    """Suggest a knowledge-base article from a fix."""
    return Form("tickets.draft", _("Suggest an article from this fix"), (
        Input("title", _("Article title"),
              placeholder=_("e.g. Document camera shows a grey screen")),
        Input("body", _("What fixed it (one step per line)"), "textarea"),
    ), submit_label=_("Save draft"), context=str(ticket.id))


def notice(ticket: TicketRow, sentence: str, reopen: bool = False) -> Reply:
    """What teachers on a ticket are told when something changes."""
    text = _("Ticket #{id}: {sentence}").format(id=ticket.id, sentence=sentence)
    button = (Button(_("It's still broken: reopen"), "tickets.reopen", str(ticket.id)) if reopen
              else Button(_("Reply"), "tickets.answer", str(ticket.id)))
    return Reply(text, (Text(text, markdown=False), Buttons((button,))))
