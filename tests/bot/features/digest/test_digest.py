"""The weekly digest: every figure checked against a seeded week, and the week before it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.runtime import Runtime
from bot.features.answers import digest as answers
from bot.features.answers.gaps import cluster
from bot.features.answers.models import QuestionRow
from bot.features.digest.report import Digest, build_digest
from bot.features.digest.views import digest_reply
from bot.features.tickets import digest as tickets
from bot.features.tickets.models import DraftRow, TicketPersonRow, TicketRow
from bot.hooks.digest import DigestAsk, Period, Scope
from bot.people.directory import remember_person
from bot.schools.service import save_school
from bot.vocabulary import Person

NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 30, 5, tzinfo=UTC)  # 00:00 in New York
WEEK = Period(MONDAY, MONDAY + timedelta(days=7))


async def seed(session: AsyncSession) -> tuple[int, int]:
    lincoln = await save_school(session, "Lincoln", "America/New_York", time(7, 30), time(15))
    hillside = await save_school(session, "Hillside", "America/Los_Angeles", time(8), time(15))
    people = [await remember_person(session, Person(platform="console", user_id=f"p{i}"),
                                    MONDAY, frozenset()) for i in range(4)]

    def ask(day: int, school: int, outcome: str, article: str | None, helpful: bool | None,
            text: str = "question") -> None:
        session.add(QuestionRow(person_id=people[0].id, platform="console", school_id=school,
                                text=text, outcome=outcome, article_id=article,
                                helpful=helpful, asked_at=MONDAY + timedelta(days=day, hours=14)))

    # This week at Lincoln: 6 questions (3 answered, 1 suggested, 2 deflected).
    ask(0, lincoln.id, "answer", "projector-no-signal", True)
    ask(1, lincoln.id, "answer", "projector-no-signal", False, "projector still blank after fix")
    ask(2, lincoln.id, "answer", "printer-offline", None)
    ask(2, lincoln.id, "suggest", "wifi-connect", None)
    ask(3, lincoln.id, "deflect", None, None, "how do I book the bus for a field trip")
    ask(4, lincoln.id, "deflect", None, None, "field trip bus booking form")
    # The week before at Lincoln: 2 questions, both answered.
    ask(-3, lincoln.id, "answer", "printer-offline", None)
    ask(-2, lincoln.id, "answer", "printer-offline", None)
    # Hillside (another coach's school): 5 deflected questions this week.
    for day in range(5):
        ask(day, hillside.id, "deflect", None, None, "cafeteria menu for friday")

    def ticket(day: int, school: int, category: str, resolved_after: float | None,
               people_on: int = 1) -> None:
        created = MONDAY + timedelta(days=day, hours=14)
        row = TicketRow(requester_id=people[0].id, school_id=school, text=f"{category} issue",
                        category=category, created_at=created, updated_at=created,
                        status="resolved" if resolved_after is not None else "new")
        if resolved_after is not None:
            row.first_response_at = row.resolved_at = created + timedelta(hours=resolved_after)
            row.first_response_secs = row.resolution_secs = resolved_after * 3600
        session.add(row)
        return row

    rows = [ticket(0, lincoln.id, "hardware", 1), ticket(1, lincoln.id, "hardware", 3),
            ticket(2, lincoln.id, "lms", 2), ticket(3, lincoln.id, "network", None),
            ticket(-4, lincoln.id, "hardware", None), ticket(1, hillside.id, "lms", None)]
    await session.flush()
    for person in people[:3]:  # three teachers on the network outage
        session.add(TicketPersonRow(ticket_id=rows[3].id, person_id=person.id, joined_at=MONDAY))
    session.add(DraftRow(ticket_id=rows[0].id, category="hardware", title="Bus booking",
                         body="steps", created_at=MONDAY + timedelta(days=2)))
    return lincoln.id, hillside.id


async def composed(runtime: Runtime, scope: Scope) -> Digest:
    """The digest of WEEK as a coach of those schools would get it."""
    async with runtime.sessions() as session:
        return await build_digest(session, runtime.bot.features.digest_sections,
                                  DigestAsk(WEEK, scope, None, WEEK.end, NEW_YORK))


def section(digest: Digest, heading: str) -> str:
    """One section's blocks, as text."""
    [found] = [s for s in digest.sections if s.heading == heading]
    return " ".join(str(block) for block in found.blocks)


@pytest.fixture
async def lincoln(runtime: Runtime) -> int:
    async with runtime.sessions() as session, session.begin():
        school, _ = await seed(session)
    return school


@pytest.fixture
async def digest(runtime: Runtime, lincoln: int) -> Digest:
    return await composed(runtime, (lincoln,))


async def test_question_figures_and_their_change(runtime: Runtime, lincoln: int) -> None:
    async with runtime.sessions() as session:
        q = await answers.questions(session, WEEK, (lincoln,))
        before = await answers.questions(session, WEEK.previous, (lincoln,))
        assert await answers.top_articles(session, WEEK, (lincoln,)) == [
            ("projector-no-signal", 2), ("printer-offline", 1)]
        assert await answers.feedback_by_article(session, WEEK, (lincoln,)) == [
            ("projector-no-signal", 1, 1)]
    assert (q.asked, q.answered, q.suggested, q.deflected) == (6, 3, 1, 2)
    assert (before.asked, before.answered) == (2, 2)


async def test_gaps_are_clustered_with_samples_and_a_title(runtime: Runtime,
                                                           lincoln: int) -> None:
    async with runtime.sessions() as session:
        [bus, projector] = cluster(await answers.gap_texts(session, WEEK, (lincoln,)))
    assert bus.count == 2 and "field trip" in bus.samples[0]
    assert "bus" in bus.suggested_title.lower() and "trip" in bus.suggested_title.lower()
    assert projector.count == 1


async def test_drafts_join_the_gaps_section(digest: Digest) -> None:
    gaps = section(digest, "Knowledge-base gaps")
    assert "field trip" in gaps and "Article drafts from tickets: Bus booking" in gaps


async def test_ticket_figures_medians_and_outages(runtime: Runtime, lincoln: int) -> None:
    async with runtime.sessions() as session:
        t = await tickets.figures(session, WEEK, (lincoln,))
        before = await tickets.figures(session, WEEK.previous, (lincoln,))
        assert await tickets.counted_by(session, WEEK, (lincoln,), "category") == [
            ("hardware", 2), ("lms", 1), ("network", 1)]
        oldest = await tickets.oldest_open(session, WEEK, (lincoln,))
        outages = await tickets.outages(session, WEEK, (lincoln,))
    assert (t.opened, t.resolved, t.still_open) == (4, 3, 2)
    assert t.median_first_response_h == 2.0 and t.median_resolution_h == 2.0
    assert before.opened == 1
    assert [t.text for t in oldest] == ["hardware issue", "network issue"]
    assert [(text, n) for _, text, n in outages] == [("network issue", 3)]


async def test_a_ticket_kept_as_typed_is_quoted_masked(runtime: Runtime, lincoln: int) -> None:
    # A red team's (stop 44): "Oldest open" and the outages quoted a kept ticket as typed.
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(TicketRow).where(TicketRow.text == "network issue")
                              .values(text="Jaden Smith (ID 448812) has no wifi on his laptop"))
    quoted = section(await composed(runtime, (lincoln,)), "Tickets")
    assert "[name] (ID [id number]) has no wifi" in quoted
    assert "Jaden" not in quoted and "448812" not in quoted


async def test_other_schools_do_not_appear(digest: Digest) -> None:
    text = str(digest_reply(digest))
    assert "cafeteria" not in text
    assert digest.scope_label == "Lincoln"


async def test_the_district_digest_sees_every_school(runtime: Runtime) -> None:
    async with runtime.sessions() as session, session.begin():
        await seed(session)
    district = await composed(runtime, None)
    assert district.summary.startswith("11 questions, ")
    assert "5 tickets opened" in district.summary
    assert "5 questions like" in section(district, "Knowledge-base gaps")
    assert "\u201cCafeteria menu for friday\u201d" in section(district, "Knowledge-base gaps")


async def test_the_reply_shows_each_figure_beside_last_week(digest: Digest) -> None:
    reply = digest_reply(digest)
    rendered = " ".join(str(block) for block in reply.blocks)
    assert "6 (+4)" in rendered  # asked: 6 this week, 2 the week before
    assert "4 (+3)" in rendered  # tickets opened: 4 against 1
    headings = [s.heading for s in digest.sections]
    assert headings[:3] == ["Questions", "Knowledge-base gaps", "Tickets"]
