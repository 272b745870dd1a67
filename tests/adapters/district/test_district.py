"""The district in a box: simulated teachers, marked so, who answer through the real core."""

from __future__ import annotations

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.district import District
from adapters.runtime import Runtime
from bot.blocks import Fields, Image
from bot.features.answers.models import QuestionRow
from bot.features.tickets.models import TicketRow
from bot.people.models import PersonRow
from bot.schools.models import SchoolRow
from bot.schools.service import school_named
from tests.support.clock import FakeClock


async def count(runtime: Runtime, column: object) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(column)))).scalar_one())


def said(district: District, what: str) -> list[str]:
    """Who the feed says did or got something."""
    return [e.who for e in district.feed.after(0) if e.what.startswith(what)]


async def test_its_people_are_of_their_own_platform_and_say_they_are_simulated(
        opened: ConsoleChat, runtime: Runtime) -> None:
    async with runtime.sessions() as session:
        people = list((await session.execute(select(PersonRow))).scalars())
        [school] = (await session.execute(select(SchoolRow))).scalars()
    demo = [p for p in people if p.platform == "demo"]
    assert len(demo) == 10  # eight teachers, a coach, the district office
    assert all(p.display_name.endswith("(simulated)") for p in demo)
    assert {p.platform for p in people} == {"demo", "console"}
    assert school.name == "Demo Middle School (simulated)"


async def test_opening_it_again_writes_no_second_history(
        opened: ConsoleChat, runtime: Runtime) -> None:
    asked = await count(runtime, QuestionRow.id)
    assert asked >= 20, "two weeks of questions"
    [again] = await opened.say("/demo")
    assert "The demo district is ready" not in again.text
    assert await count(runtime, QuestionRow.id) == asked


async def test_a_pulse_runs_to_results_with_varied_answers_and_a_chart(
        opened: ConsoleChat, district: District) -> None:
    [launched] = await opened.say("/pulse start Nearpod #demo-pilot closes friday")
    assert "goes to 7 people in #demo-pilot" in launched.text
    [moved] = await opened.say("/demo skip hour")
    assert "Meanwhile 7 messages went out" in moved.text
    assert len(said(district, "received: TAM pulse: Nearpod")) == 7
    assert len(said(district, "sent their survey answers")) >= 5

    [results] = await opened.say("/pulse results Nearpod")
    assert "answers released of 7 invited" in results.blocks[0].text  # type: ignore[union-attr]
    [figures] = [b for b in results.blocks if isinstance(b, Fields)]
    assert any("sd 0.0" not in value for _, value in figures.pairs), "the answers vary"
    assert [b for b in results.blocks if isinstance(b, Image)]


async def test_coffee_from_invitations_to_the_brief_and_the_follow_up(
        opened: ConsoleChat, district: District, runtime: Runtime,
        terminal_messenger: ConsoleMessenger) -> None:
    async with runtime.sessions() as session:
        school = await school_named(session, "Demo Middle School (simulated)")
    assert school is not None
    [done] = await opened.submit("coffee.setup", {
        "cohort": "demo-staff", "mode": "group", "days": "wed", "cadence": "1",
        "time": "7:15", "minutes": "20", "place": "the library", "school": str(school.id),
        "ends": "2027-06-18", "invite": "day_before"}, context="new:demo")
    assert "Coffee and Curriculum is set up" in done.text

    await opened.say("/demo skip hour")
    invited = said(district, "received: ☕ Coffee and Curriculum")
    assert len(invited) == 8
    going = said(district, "said they're going")
    assert 2 <= len(going) < 8, "some come, some don't"
    assert said(district, "told the coach:")

    terminal_messenger.take()
    await opened.say("/demo skip morning")
    [brief] = [r for _, r in terminal_messenger.take()
               if r.text.startswith("Your Coffee and Curriculum brief for Wed 2 Dec at 7:15")]
    assert f"{len(going)} coming" in brief.text
    assert "What's bugging them" in str(brief.blocks)

    await opened.say("/demo skip hour")
    followed = said(district, "received: Thanks for coming to Coffee and Curriculum")
    assert sorted(followed) == sorted(going)


async def test_the_digest_reads_real_looking_figures_and_a_chart(
        opened: ConsoleChat, clock: FakeClock) -> None:
    clock.advance(minutes=5)
    [digest] = await opened.say("/digest")
    fields = dict(pair for b in digest.blocks if isinstance(b, Fields) for pair in b.pairs)
    assert int(fields["Asked"].split()[0]) > 5 and int(fields["Opened"].split()[0]) > 0
    [chart] = [b for b in digest.blocks if isinstance(b, Image)]
    assert chart.alt.startswith("Bar chart of questions and tickets per day: Wed, Nov 25")
    busy = [part for part in chart.alt.split("; ") if not part.startswith(("Sat", "Sun"))
            and " 0 questions" not in part]
    assert len(busy) >= 3, chart.alt


async def test_teachers_go_on_asking_and_opening_the_odd_ticket_as_time_moves(
        opened: ConsoleChat, district: District, runtime: Runtime) -> None:
    tickets = await count(runtime, TicketRow.id)
    before = len(said(district, "asked:"))
    await opened.say("/demo skip week")
    assert len(said(district, "asked:")) >= before + 4
    assert await count(runtime, TicketRow.id) > tickets


async def test_a_skip_it_cannot_read_says_what_it_can(opened: ConsoleChat) -> None:
    [refused] = await opened.say("/demo skip fortnight")
    assert "`/demo skip morning`" in refused.text
