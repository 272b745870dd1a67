"""The coach's brief: who is coming, pain points grouped by topic, attendees' open tickets."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.coffee import views
from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.hooks import OpenWork
from bot.people.models import PersonRow
from knowledge import KnowledgeBase

OTHER = "Other"


def topic_of(kb: KnowledgeBase, note: str) -> str:
    """The knowledge-base article a pain point matches, else its category, else "Other"."""
    if not note.strip():
        return ""
    decision = kb.answer(note)
    article = kb.get(decision.top_id) if decision.top_id else None
    if article is None:
        return OTHER
    return article.title if decision.kind != "deflect" else article.category.title()


async def compose(session: AsyncSession, coffee: CoffeeSessionRow, series: CoffeeSeriesRow,
                  tz: str, open_work: Sequence[OpenWork] = ()) -> Reply:
    """The brief for one session, from the answers as they stand now."""
    query = (select(PersonRow, CoffeeRsvpRow)
             .join(CoffeeRsvpRow, CoffeeRsvpRow.person_id == PersonRow.id)
             .where(CoffeeRsvpRow.session_id == coffee.id, CoffeeRsvpRow.answer == "going")
             .order_by(PersonRow.display_name))
    going = (await session.execute(query)).all()
    pains: dict[str, list[str]] = {}
    for _, rsvp in going:
        if rsvp.note:
            pains.setdefault(rsvp.topic or OTHER, []).append(rsvp.note)
    names = {person.id: person.display_name or person.user_id for person, _ in going}
    tickets = [line for lines_of in open_work for line in await lines_of(session, names)]
    return views.brief(series, coffee.starts_at, tz, list(names.values()), pains, tickets,
                       coffee.id)
