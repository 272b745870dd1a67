"""One session end to end: RSVP and a note, the reminder, the coach's brief, the follow-up."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Buttons, Text
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    NEW_YORK,
    SESSION,
    TUESDAY,
    CohortMessenger,
    button,
    form_in,
    invitations_out,
    run,
    set_up,
)
from tests.support.clock import FakeClock


def hhmm(moment: datetime) -> str:
    return f"{moment.astimezone(ZoneInfo(NEW_YORK)):%a %H:%M}"


async def test_rsvp_reminder_brief_and_follow_up(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    await chat.say("/ticket the projector in room 12 shows no signal", as_=rivera)
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))  # Tuesday 08:00

    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    replies = await chat.press(button(invite, "Going"), as_=rivera)
    assert replies[0].replace_original and "see you Wed 9 Dec at 7:15" in replies[0].text
    note = form_in(replies)
    assert note.fields[0].label == "Anything bugging you about tech this week?"
    await chat.submit("coffee.note", {"note": "the smartboard pen is off by an inch"},
                      context=note.context, as_=rivera)
    [(_, chens)] = outbox.received(chen, "☕ Coffee")
    await chat.press(button(chens, "Not this time"), as_=chen)

    await run(runtime, clock, SESSION)
    [(brief_at, brief)] = outbox.received(coach, "Your Coffee and Curriculum brief")
    assert hhmm(brief_at) == "Wed 06:45"
    body = "\n".join(b.text for b in brief.blocks if isinstance(b, Text))
    assert "Ms Rivera" in body and "Mr Chen" not in body
    assert "“the smartboard pen is off by an inch”" in body
    # the note is grouped under the knowledge-base article it matches
    assert "Board touch is off or the pen writes in the wrong spot: “the smartboard" in body
    assert "projector in room 12" in body and "(Ms Rivera)" in body
    [(reminded_at, reminder)] = outbox.received(rivera, "☕ Coffee and Curriculum starts")
    assert hhmm(reminded_at) == "Wed 07:00" and "7:15" in reminder.text
    assert outbox.received(chen, "☕ Coffee and Curriculum starts") == []

    await run(runtime, clock, datetime(2026, 12, 9, 16, tzinfo=UTC))
    [(followed_at, followup)] = outbox.received(rivera, "Thanks for coming")
    assert hhmm(followed_at) == "Wed 07:45"  # right after the session, once school is open
    assert outbox.received(chen, "Thanks for coming") == []
    ticket_form = form_in(await chat.press(button(followup, "Open a ticket"), as_=rivera))
    assert ticket_form.form_id == "tickets.new"
    [booked] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    assert "Mr Okafor will be in touch" in booked.text
    assert any("would like to book a coaching cycle" in t for t in outbox.to(coach))


async def test_the_coach_marks_who_came_and_absentees_get_no_follow_up(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"], time="14:00")
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))
    for person in lincoln_staff:
        [(_, invite)] = outbox.received(person, "☕ Coffee")
        await chat.press(button(invite, "Going"), as_=person)
    await run(runtime, clock, datetime(2026, 12, 9, 18, 50, tzinfo=UTC))  # 13:50, brief is in
    [(_, brief)] = outbox.received(coach, "Your Coffee and Curriculum brief")
    form = form_in(await chat.press(button(brief, "Mark who came"), as_=coach))
    assert [f.label for f in form.fields] == ["Mr Chen", "Ms Rivera"]
    values = {f.name: ("missed" if f.label == "Mr Chen" else "came") for f in form.fields}
    [saved] = await chat.submit("coffee.attended", values, context=form.context, as_=coach)
    assert "Marked 1" in saved.text
    await run(runtime, clock, datetime(2026, 12, 9, 20, tzinfo=UTC))
    assert len(outbox.received(rivera, "Thanks for coming")) == 1
    assert outbox.received(chen, "Thanks for coming") == []
    [refused] = await chat.press(button(brief, "Mark who came"), as_=rivera)
    assert "coach" in refused.text.lower()


async def test_a_teachers_coffee_shows_the_next_session_their_answer_and_a_pause_switch(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera = lincoln_staff[0]
    await invitations_out(chat, runtime, clock, coach, schools["lincoln"])
    [mine] = await chat.say("/coffee", as_=rivera)
    text = "\n".join(b.text for b in mine.blocks if isinstance(b, Text))
    assert "Wed 9 Dec at 7:15" in text and "not answered yet" in text
    await chat.click("Going", as_=rivera)
    [mine] = await chat.say("/coffee", as_=rivera)
    assert "Your answer: going" in "\n".join(b.text for b in mine.blocks if isinstance(b, Text))
    [paused] = await chat.click("Pause invitations", as_=rivera)
    assert "Paused" in paused.text
    [mine] = await chat.say("/coffee", as_=rivera)
    labels = [b.label for blk in mine.blocks if isinstance(blk, Buttons) for b in blk.buttons]
    assert "Resume invitations" in labels
    # Paused: the reminder for the session she said yes to is held back too.
    await run(runtime, clock, datetime(2026, 12, 9, 13, tzinfo=UTC))
    assert outbox.received(rivera, "☕ Coffee and Curriculum starts") == []


async def test_a_note_that_names_a_student_is_masked_before_the_coach_sees_it(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera = lincoln_staff[0]
    await invitations_out(chat, runtime, clock, coach, schools["lincoln"])
    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    note = form_in(await chat.press(button(invite, "Going"), as_=rivera))
    [thanks] = await chat.submit("coffee.note", {"note": "my kid Sam Lee can't log in"},
                                 context=note.context, as_=rivera)
    assert "To protect student privacy I hid a name" in str(thanks.blocks)

    await run(runtime, clock, SESSION)
    [(_, brief)] = outbox.received(coach, "Your Coffee and Curriculum brief")
    body = "\n".join(b.text for b in brief.blocks if isinstance(b, Text))
    assert "“my kid [name] can't log in”" in body and "Sam" not in body


async def test_the_hosts_brief_quotes_an_attendees_kept_ticket_masked(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 44): the brief quoted a ticket kept as typed, as the digest did.
    rivera, _chen = lincoln_staff
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    await chat.submit("tickets.new", {
        "text": "Jaden Smith (student ID 448812) cannot log in to his Chromebook",
        "room": "12", "urgency": "today", "category": "accounts", "identifiers": "keep"},
        "kept-1", as_=rivera)
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))
    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    await chat.press(button(invite, "Going"), as_=rivera)
    await run(runtime, clock, SESSION)

    [(_, brief)] = outbox.received(coach, "Your Coffee and Curriculum brief")
    body = "\n".join(b.text for b in brief.blocks if isinstance(b, Text))
    assert "[name] (student ID [id number]) cannot log in" in body
    assert "448812" not in body and "Jaden" not in body


async def test_the_brief_does_not_reach_a_host_made_a_teacher_before_it_goes_out(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 50): the brief, with a teacher's note and her open ticket, went to a
    # host an admin had made a teacher again since the invitations.
    rivera = lincoln_staff[0]
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    await chat.say("/ticket the projector in room 12 shows no signal", as_=rivera)
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))  # invitations out
    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    replies = await chat.press(button(invite, "Going"), as_=rivera)
    await chat.submit("coffee.note", {"note": "my co-teacher locks the smartboard"},
                      context=form_in(replies).context, as_=rivera)
    await runtime.bot.grant(coach, Role.TEACHER)
    await run(runtime, clock, SESSION)
    briefs = [render(reply) for _, reply in outbox.received(coach)]
    assert not any("smartboard" in brief or "room 12" in brief for brief in briefs)
