"""A teacher shows a name the masker hid in her own open ticket ("Chantel is a colleague, not
a student"). Offered to her alone, as her ticket opens: one button for each name hidden that
could be a colleague's. The names ride in the buttons' values, sealed with the server secret,
so no hidden name is stored, nor readable in a value, unless she shows it; a button is hers,
for that ticket, while its text is as it was offered (docs/privacy.md, "Showing a hidden
name")."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from bot.blocks import Block, Button, Buttons, Context, Reply, Text
from bot.errors import BadInput
from bot.features.tickets.models import TicketEventRow, TicketRow
from bot.features.tickets.service import OPEN
from bot.features.tickets.triage import tell_triage
from bot.i18n import _
from bot.masking import HiddenName
from bot.server_secret import ServerSecret
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action

SHOW = "tickets-show"  # what a "show this name" button's value is sealed for
MOST_OFFERED = 3  # more names hidden than this is a list of students, not a colleague or two
MOST_WORDS = 3  # a longer run of names is several students ("Jaden Smith Maya Lopez")
LONGEST = 60  # characters of a name offered back
HIDDEN = re.compile(re.escape("[name]"))
LIST = re.compile(r"[,;&/\n]|\s(?:and|y)\s", re.IGNORECASE)  # "Jaden, Maya and Luis"
WORDS = re.compile(r"[^\s\-–—]+")  # a tab, a space or a hyphen parts them


@dataclass(frozen=True)
class Offer:
    """The names hidden in one ticket's text, each with the places ("[name]"s, counted from
    0) it was hidden at, as offered to one person while the text read as `digest` says."""

    person_id: int
    ticket_id: int
    made: str  # the ticket's creation: a purged ticket's number may be given to the next
    digest: str
    names: tuple[tuple[str, tuple[int, ...]], ...]


def digest_of(text: str) -> str:
    """A short fingerprint of a ticket's stored text."""
    return hashlib.blake2b(text.encode(), digest_size=9).hexdigest()


def made_of(ticket: TicketRow) -> str:
    """When a ticket was made, as an offer carries it."""
    return str(int(ticket.created_at.timestamp()))


def offered(hidden: tuple[HiddenName, ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The hidden names offered back, each with its places: none at all where the text holds
    a list of names ("Jaden, Maya and Luis", "Jaden Smith Maya Lopez") or more than
    MOST_OFFERED of them, and none that a student's cue stands beside."""
    names = {h.name for h in hidden}
    if len(names) > MOST_OFFERED or any(LIST.search(name) or len(name) > LONGEST
                                        or len(WORDS.findall(name)) > MOST_WORDS
                                        for name in names):
        return ()
    places: dict[str, list[int]] = {}
    for place, (name, _cued) in enumerate(hidden):
        places.setdefault(name, []).append(place)
    cued = {h.name for h in hidden if h.cued}
    return tuple((name, tuple(at)) for name, at in places.items() if name not in cued)


def offer_buttons(turn: Turn[Any], ticket: TicketRow,
                  hidden: tuple[HiddenName, ...]) -> tuple[Block, ...]:
    """The note and the buttons offering the hidden names (offered) back to the person who
    typed them."""
    offer = Offer(turn.person.id, ticket.id, made_of(ticket), digest_of(ticket.text),
                  offered(hidden))
    if not offer.names:
        return ()
    return (Context(_("A colleague's name, not a student's? Show it on your ticket:")),
            _buttons(turn, offer))


def _buttons(turn: Turn[Any], offer: Offer) -> Buttons:
    return Buttons(tuple(Button(_("Show \u201c{name}\u201d").format(name=name), "tickets.show",
                                value_of(turn.secret, offer, chosen))
                         for chosen, (name, _at) in enumerate(offer.names)))


def value_of(secret: ServerSecret, offer: Offer, chosen: int) -> str:
    """A button's value: the offer and the name chosen, sealed (unreadable and unforgeable
    without the server secret)."""
    names = [[name, list(at)] for name, at in offer.names]
    plain = json.dumps([offer.person_id, offer.ticket_id, offer.made, offer.digest, chosen,
                        names], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(secret.seal(SHOW, plain.encode())).decode()


def offer_in(secret: ServerSecret, value: str) -> tuple[Offer, int] | None:
    """The offer a button's value carries and the name chosen, if the server sealed it."""
    try:
        plain = secret.open(SHOW, base64.urlsafe_b64decode(value.encode()))
        person, ticket, made, digest, chosen, names = json.loads(plain)
        offer = Offer(int(person), int(ticket), str(made), str(digest),
                      tuple((str(name), tuple(map(int, at))) for name, at in names))
        return (offer, int(chosen)) if 0 <= int(chosen) < len(offer.names) else None
    except (TypeError, ValueError):  # not sealed by this server, or not what value_of wrote
        return None


async def show(turn: Turn[Action]) -> list[Reply]:
    """Put a name the masker hid back in the clicker's own open ticket; tell the coach."""
    read = offer_in(turn.secret, turn.incoming.value)
    offer, chosen = read if read else (None, 0)
    ticket = await row_named(turn.session, TicketRow, str(offer.ticket_id)) if offer else None
    if (offer is None or ticket is None or offer.person_id != turn.person.id
            or ticket.requester_id != turn.person.id or made_of(ticket) != offer.made
            or digest_of(ticket.text) != offer.digest):
        raise BadInput(_("That button isn't one I gave you for this ticket as it reads now, so "
                         "nothing was shown. Your ticket is unchanged."))
    if ticket.status not in OPEN or ticket.merged_into is not None:
        raise BadInput(_("Ticket #{id} is closed, so nothing was shown.").format(id=ticket.id))
    name, places = offer.names[chosen]
    ticket.text = shown(ticket.text, name, set(places))
    ticket.updated_at = turn.now
    turn.session.add(TicketEventRow(ticket_id=ticket.id, at=turn.now, kind="name_shown",
                                    actor_id=turn.person.id, text=name))
    teacher = turn.person.display_name or _("the teacher")
    await tell_triage(turn, ticket, lambda: _(
        "#{id}: {teacher} says \u201c{name}\u201d is no student's name and shows it. The "
        "ticket reads: {text}").format(id=ticket.id, teacher=teacher, name=name,
                                       text=ticket.text[:600]))
    return [_after(turn, ticket, offer, chosen)]


def shown(text: str, name: str, places: set[int]) -> str:
    """The text with the "[name]"s at these places (counted from 0) put back as `name`."""
    count = iter(range(len(text)))
    return HIDDEN.sub(lambda hidden: name if next(count) in places else hidden[0], text)


def _after(turn: Turn[Action], ticket: TicketRow, offer: Offer, chosen: int) -> Reply:
    """The offer again without the name shown, its places counted afresh."""
    gone = offer.names[chosen][1]
    rest = tuple((name, tuple(p - sum(g < p for g in gone) for p in at))
                 for k, (name, at) in enumerate(offer.names) if k != chosen)
    said = _("Shown on ticket #{id}: \u201c{name}\u201d.").format(
        id=ticket.id, name=offer.names[chosen][0])
    if not rest:
        return Reply(said, (Text(said),), private=True, replace_original=True)
    again = Offer(offer.person_id, ticket.id, offer.made, digest_of(ticket.text), rest)
    return Reply(said, (Text(said), _buttons(turn, again)), private=True, replace_original=True)
