"""The App Home tab: built from what the core answers today, one section per feature."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.slack.blockkit import MAX_BLOCKS, Json, plain, render_blocks
from bot.blocks import Context, Reply
from bot.i18n import N_, _, language_of, speaking
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Command, Conversation, Person

MAX_HOME_BLOCKS = 100
Ask = Callable[[Command], Awaitable[list[Reply]]]
RoleOf = Callable[[Person], Awaitable[Role]]
SpeaksOf = Callable[[Person], Awaitable[str]]

# (heading, command, argument text, least role): each section shows what that command
# answers this person, so a feature's section is one line here. No heading where the
# core's reply has its own ("Your tickets", or "Ticket queue" for coaches; "Getting started"
# for an admin's setup checklist). A section is asked only of those the command is for: a
# teacher's Home shows no coach-only refusal.
SECTIONS: tuple[tuple[str, str, str, Role], ...] = (
    ("", "tickets", "", Role.TEACHER),
    ("", "prepbot", "setup", Role.ADMIN),
    (N_("Knowledge base"), "ask", "", Role.TEACHER),
    (N_("Coffee and Curriculum"), "coffee", "", Role.TEACHER),
    (N_("Pulse surveys"), "pulse", "status", Role.COACH),
    (N_("What I can do"), "prepbot", "help", Role.TEACHER),
)
# Shown first, above the sections asked before it: an admin's first-run checklist.
PINNED = {("prepbot", "setup")}


def header(text: str) -> Json:
    """A header block."""
    return {"type": "header", "text": plain(text, 150)}


def role_reader(sessions: async_sessionmaker[AsyncSession]) -> RoleOf:
    """Reads a person's role as the core stored it (the core sets it on every turn)."""
    async def role_of(person: Person) -> Role:
        query = select(PersonRow.role).where(PersonRow.platform == person.platform,
                                             PersonRow.user_id == person.user_id)
        async with sessions() as session:
            found = (await session.execute(query)).scalar_one_or_none()
        return Role(found) if found in set(Role) else Role.TEACHER

    return role_of


def language_reader(sessions: async_sessionmaker[AsyncSession]) -> SpeaksOf:
    """Reads the language prepbot speaks to a person (chosen, else their platform's)."""
    async def speaks_of(person: Person) -> str:
        query = select(PersonRow.language, PersonRow.locale).where(
            PersonRow.platform == person.platform, PersonRow.user_id == person.user_id)
        async with sessions() as session:
            found = (await session.execute(query)).one_or_none()
        return language_of(found[0], found[1]) if found else language_of(None, person.locale)

    return speaks_of


async def home_view(person: Person, where: Conversation, ask: Ask, role_of: RoleOf,
                    public_url: str = "", speaks_of: SpeaksOf | None = None) -> Json:
    """The Home tab for one person: every section they may see, each from the core's reply,
    with the headings in the person's language (the sections come in it from the core)."""
    blocks: list[Json] = []
    top = 0
    role: Role | None = None
    for heading, name, text, least in SECTIONS:
        if least != Role.TEACHER:
            # read after the first section: that turn has stored who they are (and admins)
            role = role or await role_of(person)
            if not role.allows(least):
                continue
        replies = await ask(Command(person=person, conversation=where, event_id=None,
                                    name=name, text=text))
        section: list[Json] = [{"type": "divider"}]
        if heading:
            section.append({"heading": heading})  # written once the language is known
        for reply in replies:
            section.extend(render_blocks(reply.blocks or (Context(reply.text),), MAX_BLOCKS,
                                         public_url))
        if (name, text) in PINNED:
            blocks[top:top] = section
            top += len(section)
        else:
            blocks.extend(section)
    # read after the sections: the first turn has stored the person and their locale
    speaks = await speaks_of(person) if speaks_of else language_of(None, person.locale)
    with speaking(speaks):
        blocks = [header("prepbot"), *render_blocks((Context(_(
            "Ask me a tech question in a DM, mention me in a channel, or use a slash "
            "command.")),)), *(header(_(b["heading"])) if "heading" in b else b for b in blocks)]
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[:MAX_HOME_BLOCKS]
    return {"type": "home", "blocks": blocks}
