"""A teacher shows a name the masker hid in her own open ticket ("Chantel is a colleague, not
a student"). Offered to her alone, as her ticket opens: one button for each name hidden that
could be a colleague's. The names ride in the buttons' values, sealed with the server secret
and padded, so no hidden name is stored, nor readable in a value, unless she shows it; a
button is hers, for that ticket, for a week, while its text is as it was offered
(docs/privacy.md, "Showing a hidden name")."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from bot.blocks import Block, Button, Buttons, Context, Reply, Text
from bot.errors import BadInput
from bot.features.tickets.models import TicketEventRow, TicketRow
from bot.features.tickets.service import OPEN
from bot.features.tickets.similar import made_of
from bot.features.tickets.triage import tell_triage
from bot.i18n import _
from bot.masking.hidden_names import HiddenName
from bot.sealed import opened_value, sealed_value
from bot.server_secret import ServerSecret
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action

SHOW = "tickets-show"  # what a "show this name" button's value is sealed for
MOST_NAMES = 2  # more names hidden than this is a list of students, not a colleague or two
MOST_WORDS = 3  # words in all of them: "Chantel and Marcus Lee", not "Jaden Maya. Luis Sofia";
# and two at most in one: "Jaden Maya Luis" is three students
LONGEST = 60  # characters of a name offered back
PADDED = 512  # bytes a value's plain text is padded to: its length tells no name's
GOOD_FOR = timedelta(days=7)
HIDDEN = re.compile(re.escape("[name]"))
# A name's words, parted by a space, a tab or a hyphen; an initial is none ("Alice M. Harte")
WORDS = re.compile(r"[^\s\-–—.]{2,}")
LIST = re.compile(r"[,;&/+\n]|\s(?:and|y|or|o|with|con|plus)\s", re.IGNORECASE)

# A name as offered: how the button says it, and at each of its places ("[name]"s, counted
# from 0) how it was written there ("Chantel" ... "CHANTEL").
Offered = tuple[str, tuple[tuple[int, str], ...]]


@dataclass(frozen=True)
class Offer:
    """The names offered from one ticket's text to one person, while the text reads as
    `digest` says, from `issued` (seconds since the epoch) on."""

    person_id: int
    ticket_id: int
    made: str  # the ticket's creation: a purged ticket's number may be given to the next
    digest: str
    issued: int
    names: tuple[Offered, ...]


def digest_of(text: str) -> str:
    """A short fingerprint of a ticket's stored text."""
    return hashlib.blake2b(text.encode(), digest_size=9).hexdigest()


def offered(hidden: tuple[HiddenName, ...]) -> tuple[Offered, ...]:
    """The hidden names offered back: none at all where the text holds a list of names (one
    joined by commas, "and", "+", "with", ...), more than MOST_NAMES of them, one of more than
    two words or more than MOST_WORDS words in all; none that is surely a student's
    (bot/masking/hidden_names.py). Each name once, however it was capitalised."""
    folded: dict[str, list[tuple[int, str]]] = {}
    for place, (name, _cued) in enumerate(hidden):
        folded.setdefault(name.casefold(), []).append((place, name))
    words = [len(WORDS.findall(name)) for name in folded]
    if len(folded) > MOST_NAMES or sum(words) > MOST_WORDS or max(words, default=0) > 2 or any(
            LIST.search(name) or len(name) > LONGEST for name in folded):
        return ()
    students = {h.name.casefold() for h in hidden if h.cued}
    return tuple((places[0][1], tuple(places)) for name, places in folded.items()
                 if name not in students)


def offer_buttons(turn: Turn[Any], ticket: TicketRow,
                  hidden: tuple[HiddenName, ...]) -> tuple[Block, ...]:
    """The note and the buttons offering the hidden names (offered) back to the person who
    typed them."""
    offer = Offer(turn.person.id, ticket.id, made_of(ticket), digest_of(ticket.text),
                  int(turn.now.timestamp()), offered(hidden))
    if not offer.names:
        return ()
    return (Context(_("A colleague's name, not a student's? Show it on your ticket:")),
            _buttons(turn, offer))


def _buttons(turn: Turn[Any], offer: Offer) -> Buttons:
    return Buttons(tuple(Button(_("Show \u201c{name}\u201d").format(name=name), "tickets.show",
                                value_of(turn.secret, offer, chosen))
                         for chosen, (name, _at) in enumerate(offer.names)))


def value_of(secret: ServerSecret, offer: Offer, chosen: int) -> str:
    """A button's value: the offer and the name chosen, padded and sealed (unreadable and
    unforgeable without the server secret)."""
    plain = json.dumps([offer.person_id, offer.ticket_id, offer.made, offer.digest,
                        offer.issued, chosen, offer.names], ensure_ascii=False,
                       separators=(",", ":")).encode()
    return sealed_value(secret, SHOW, plain, PADDED)


def offer_in(secret: ServerSecret, value: str) -> tuple[Offer, int] | None:
    """The offer a button's value carries and the name chosen, if the server sealed it."""
    try:
        plain = opened_value(secret, SHOW, value)
        person, ticket, made, digest, issued, chosen, names = json.loads(plain)
        offer = Offer(int(person), int(ticket), str(made), str(digest), int(issued), tuple(
            (str(label), tuple((int(at), str(written)) for at, written in places))
            for label, places in names))
        return (offer, int(chosen)) if 0 <= int(chosen) < len(offer.names) else None
    except (TypeError, ValueError):  # not sealed by this server, or not what value_of wrote
        return None


async def show(turn: Turn[Action]) -> list[Reply]:
    """Put a name the masker hid back in the clicker's own open ticket; tell the coach."""
    read = offer_in(turn.secret, turn.incoming.value)
    offer, chosen = read if read else (None, 0)
    ticket = await row_named(turn.session, TicketRow, str(offer.ticket_id)) if offer else None
    if ticket is not None:  # a second click at once waits, then reads the text the first left
        await turn.session.refresh(ticket, with_for_update=True)
    if (offer is None or ticket is None or offer.person_id != turn.person.id
            or ticket.requester_id != turn.person.id or made_of(ticket) != offer.made
            or digest_of(ticket.text) != offer.digest
            or turn.now.timestamp() - offer.issued > GOOD_FOR.total_seconds()):
        raise BadInput(_("That button isn't one I gave you for this ticket as it reads now, so "
                         "nothing was shown. Your ticket is unchanged."))
    if ticket.status not in OPEN or ticket.merged_into is not None:
        raise BadInput(_("Ticket #{id} is closed, so nothing was shown.").format(id=ticket.id))
    name, places = offer.names[chosen]
    ticket.text = shown(ticket.text, dict(places))
    ticket.updated_at = turn.now
    turn.session.add(TicketEventRow(ticket_id=ticket.id, at=turn.now, kind="name_shown",
                                    actor_id=turn.person.id, text=name))
    teacher = turn.person.display_name or _("the teacher")
    await tell_triage(turn, ticket, lambda: _(
        "#{id}: {teacher} says \u201c{name}\u201d is no student's name and shows it. The "
        "ticket reads: {text}").format(id=ticket.id, teacher=teacher, name=name,
                                       text=ticket.text[:600]))
    return [_after(turn, ticket, offer, chosen)]


def shown(text: str, spellings: dict[int, str]) -> str:
    """The text with the "[name]"s at these places (counted from 0) put back as written."""
    count = itertools.count()
    return HIDDEN.sub(lambda hidden: spellings.get(next(count), hidden[0]), text)


def _after(turn: Turn[Action], ticket: TicketRow, offer: Offer, chosen: int) -> Reply:
    """The offer again without the name shown, its places counted afresh."""
    gone = [at for at, _written in offer.names[chosen][1]]
    rest = tuple((name, tuple((p - sum(g < p for g in gone), w) for p, w in places))
                 for k, (name, places) in enumerate(offer.names) if k != chosen)
    # it replaces the ticket's confirmation, so it says again what happens next
    said = _("Shown on ticket #{id}: \u201c{name}\u201d. A coach or IT will pick it up; I'll "
             "tell you here when anything changes.").format(id=ticket.id,
                                                            name=offer.names[chosen][0])
    if not rest:
        return Reply(said, (Text(said),), private=True, replace_original=True)
    again = replace(offer, digest=digest_of(ticket.text), names=rest)
    return Reply(said, (Text(said), _buttons(turn, again)), private=True, replace_original=True)
