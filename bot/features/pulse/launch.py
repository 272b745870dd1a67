"""Launching a wave: read the coach's words or form, fetch the cohort, plan the invitations."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.pulse import service, views
from bot.features.pulse.dates import parse_close_date
from bot.features.pulse.instruments import DEFAULT, Instrument, instruments_for
from bot.i18n import N_, _
from bot.masking import privacy_note
from bot.people.directory import remember_person
from bot.people.models import ConversationRow, PersonRow
from bot.turn import FetchFirst, Turn
from bot.vocabulary import Conversation, Incoming

log = logging.getLogger(__name__)
# The word before the close date, and the last word that shares results, in either language.
CLOSE_WORDS = {"closes", "closing", "until", "close", "by", "cierra", "cierre", "hasta"}
# A cohort's name when launched in its own channel: stored as written, shown translated
# (views.py: cohort_of).
HERE = N_("this channel")
SHARE_WORDS = {"share", "shared", "public", "compartir", "compartida", "publica", "pública"}
USAGE = N_("Try `/pulse start Nearpod #nearpod-pilot closes friday` (add `share` to show the "
           "cohort the results after it closes), or `/pulse start` for a form.")


@dataclass(frozen=True)
class Asked:
    """The words of an inline launch, before anything is looked up."""

    tool: str
    cohort: str
    closes: str
    share: bool


def read_inline(text: str) -> Asked:
    """`Nearpod #nearpod-pilot closes friday [share]` into its parts."""
    words = text.split()
    share = bool(words) and words[-1].lower() in SHARE_WORDS
    words = words[:-1] if share else words
    at = next((i for i, w in enumerate(words) if w.lower() in CLOSE_WORDS), len(words))
    head, closes = words[:at], " ".join(words[at + 1:])
    cohort = next((w for w in head if w.startswith(("#", "<#", "<!subteam"))), "")
    tool = " ".join(w for w in head if w != cohort).strip()
    if not tool:
        raise BadInput(_("Which tool is the pilot about?") + " " + _(USAGE))
    return Asked(tool, cohort, closes or "in 1 week", share)


def cohort_of(token: str, here: Conversation) -> tuple[Conversation, str]:
    """A channel mention (`<#C123|name>` or `#name`) as a conversation; none means here."""
    token = token.strip()
    if not token:
        if here.kind != "channel":
            raise BadInput(_("Which channel or team is the cohort?") + " " + _(USAGE))
        return here, HERE
    if token.startswith("<#") and token.endswith(">"):
        channel_id, _bar, name = token[2:-1].partition("|")
        return Conversation(platform=here.platform, id=channel_id, kind="channel"), \
            f"#{name or channel_id}"
    name = token if token.startswith("#") else f"#{token}"
    return Conversation(platform=here.platform, id=token.lstrip("#"), kind="channel"), name


async def cohort_members(turn: Turn[Incoming], cohort: Conversation) -> list[PersonRow]:
    """The cohort's people, from the platform, remembered so the delivery policy knows them."""
    messenger = turn.messengers.get(cohort.platform)
    if messenger is None:
        raise BadInput(_("I can't reach that platform right now, so I can't see who is in "
                         "the cohort. Try again in a minute."))
    query = select(ConversationRow.ref).where(ConversationRow.platform == cohort.platform,
                                              ConversationRow.conversation_id == cohort.id)
    ref = (await turn.session.execute(query)).scalar_one_or_none() or cohort.ref
    try:
        people = await turn.members(Conversation(platform=cohort.platform, id=cohort.id,
                                                 kind="channel", ref=ref))
    except FetchFirst:
        raise  # asked between two runs of this turn, never with the database's writer held
    except Exception as error:  # whatever the platform answered, the coach hears back
        log.warning("could not list the cohort %s: %s", cohort.id, type(error).__name__)
        raise BadInput(_("I couldn't ask the platform who is in that channel or team just "
                         "now, so nothing was launched. Try again in a minute; if it keeps "
                         "happening, your admin can check prepbot's log.")) from error
    # Guests (visitors, student teachers) are not part of a tool pilot's staff.
    rows = [await remember_person(turn.session, person, turn.now, turn.settings.admin_keys)
            for person in people if person.user_id != turn.person.user_id and not person.guest]
    if not rows:
        raise BadInput(_("I found nobody else in that channel or team. Is the bot a member "
                         "of it?"))
    return rows


def instrument_for(turn: Turn[Incoming], name: str = DEFAULT) -> Instrument:
    """A loaded instrument by id."""
    known = instruments_for(turn.settings.kb_dir)
    if name not in known:
        raise BadInput(_("I don't know the survey \u201c{name}\u201d. I know: {known}.").format(
            name=name, known=", ".join(known)))
    return known[name]


async def launch(turn: Turn[Incoming], asked: Asked, instrument: Instrument, key: str | None
                 ) -> list[Reply]:
    """Create the wave and plan its invitations and reminder; retried launches do nothing."""
    cohort, name = cohort_of(asked.cohort, turn.incoming.conversation)
    today = await service.today_for(turn.session, turn.person, turn.now)
    closes_on = parse_close_date(asked.closes, today)
    # The cohort reads the tool's name in every question, masked as the register's names are.
    tool = service.masked_tool(asked.tool)
    spec = service.Launch(tool.text, cohort, name, closes_on, asked.share, instrument)
    survey, created = await service.create(turn.session, spec, turn.person, turn.now, key)
    if created:
        await service.invite(turn.session, survey, await cohort_members(turn, cohort),
                             turn.now)
    return [views.launched(survey, created, privacy_note(tool))]
