"""A coach's edit, pause or cancel reaches the session people were already invited to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Form, Reply
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    INVITED,
    SESSION,
    CohortMessenger,
    button,
    form_in,
    invitations_out,
    run,
)
from tests.bot.features.coffee.test_session import hhmm
from tests.support.clock import FakeClock


async def invited(chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
                  outbox: CohortMessenger, coach: Person, school: int,
                  staff: list[Person]) -> Reply:
    """A weekly Wednesday 7:15 series; Tuesday's invitations went out and Ms Rivera is going."""
    await invitations_out(chat, runtime, clock, coach, school)
    [(_, invitation)] = outbox.received(staff[0], "☕ Coffee")
    await chat.press(button(invitation, "Going"), as_=staff[0])
    return invitation


async def edit(chat: ConsoleChat, coach: Person, **changes: str) -> str:
    """The coach opens Edit from `/coffee` and saves with some fields changed."""
    await chat.say("/coffee", as_=coach)
    form: Form = form_in(await chat.click("Edit", as_=coach))
    values = {f.name: f.initial for f in form.fields}
    [saved] = await chat.submit("coffee.setup", {**values, **changes}, context=form.context,
                                as_=coach)
    return saved.text


async def test_a_new_time_and_place_move_the_session_and_its_reminder(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    await invited(chat, runtime, clock, outbox, coach, schools["lincoln"], lincoln_staff)

    saved = await edit(chat, coach, time="7:45", place="Room 12")
    assert "1 session already planned moved; 2 invited people hear about it" in saved
    await run(runtime, clock, SESSION)  # Wednesday 07:15, the old start
    [(_, moved)] = outbox.received(rivera, "☕ Change of plan")
    assert "now Wed 9 Dec at 7:45 in Room 12" in moved.text and "Still coming?" in moved.text
    [(_, chens)] = outbox.received(chen, "☕ Change of plan")
    assert "Can you make it?" in chens.text
    assert outbox.received(rivera, "☕ Coffee and Curriculum starts") == []  # not at 7:00
    [going, _] = await chat.press(button(chens, "Going"), as_=chen)  # 7:45 suits him
    assert "see you Wed 9 Dec at 7:45" in going.text

    await run(runtime, clock, datetime(2026, 12, 9, 12, 45, tzinfo=UTC))
    [(reminded_at, reminder)] = outbox.received(rivera, "☕ Coffee and Curriculum starts")
    assert hhmm(reminded_at) == "Wed 07:30" and "7:45 in Room 12" in reminder.text
    [(brief_at, _)] = outbox.received(coach, "Your Coffee and Curriculum brief")
    assert hhmm(brief_at) == "Wed 07:15"
    assert len(outbox.received(chen, "☕ Coffee and Curriculum starts")) == 1


async def test_new_days_call_off_the_session_and_invite_for_the_new_day(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    invitation = await invited(chat, runtime, clock, outbox, coach, schools["lincoln"],
                               lincoln_staff)
    await chat.press(button(outbox.received(chen, "☕ Coffee")[0][1], "Not this time"), as_=chen)

    saved = await edit(chat, coach, days="thu")
    assert "1 session already planned called off; 1 invited person hears about it" in saved
    await run(runtime, clock, datetime(2026, 12, 10, 17, tzinfo=UTC))  # Thursday noon
    [(_, off)] = outbox.received(rivera, "☕ Change of plan")
    assert off.text == ("☕ Change of plan: Mr Okafor called off Coffee and Curriculum on "
                        "Wed 9 Dec at 7:15.")
    assert outbox.received(chen, "☕ Change of plan") == []  # he wasn't coming anyway
    assert outbox.received(rivera, "☕ Coffee and Curriculum starts") == []
    assert outbox.received(rivera, "Thanks for coming") == []
    thursday = [r.text for _, r in outbox.received(rivera, "☕ Coffee and Curriculum, Thu")]
    assert thursday == ["☕ Coffee and Curriculum, Thu 10 Dec at 7:15 in the teachers' lounge "
                        "(20 minutes). Mr Okafor brings the coffee and wants to hear what's "
                        "bugging you about tech. Coming?"]
    [refused] = await chat.press(button(invitation, "Going"), as_=rivera)
    assert "called off" in refused.text


async def test_cancelling_the_series_tells_those_invited_and_sends_nothing_more(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    await invited(chat, runtime, clock, outbox, coach, schools["lincoln"], lincoln_staff)

    await chat.say("/coffee", as_=coach)
    [asked] = await chat.click("Cancel", as_=coach)
    assert "1 session already planned will be called off" in asked.text
    [cancelled] = await chat.click("Yes, cancel the series", as_=coach)
    assert "2 invited people hear about it" in cancelled.text
    sent_before = len(outbox.sent)
    await run(runtime, clock, datetime(2026, 12, 17, 17, tzinfo=UTC))  # a week later
    later = [(who, reply.text) for _, who, reply in outbox.sent[sent_before:]]
    off = "☕ Change of plan: Mr Okafor called off Coffee and Curriculum on Wed 9 Dec at 7:15."
    assert sorted(later) == [(chen.user_id, off), (rivera.user_id, off)]


async def test_pause_then_resume_before_anyone_was_told_sends_nothing(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, _ = lincoln_staff
    await invited(chat, runtime, clock, outbox, coach, schools["lincoln"], lincoln_staff)

    await chat.say("/coffee", as_=coach)
    await chat.click("Pause", as_=coach)
    await chat.say("/coffee", as_=coach)
    [resumed] = await chat.click("Resume", as_=coach)
    assert "Resumed" in resumed.text
    await run(runtime, clock, SESSION)
    assert outbox.received(rivera, "☕ Change of plan") == []
    [(reminded_at, _)] = outbox.received(rivera, "☕ Coffee and Curriculum starts")
    assert hhmm(reminded_at) == "Wed 07:00"


async def test_resuming_after_the_called_off_notice_went_out_says_it_is_back_on(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, _ = lincoln_staff
    await invited(chat, runtime, clock, outbox, coach, schools["lincoln"], lincoln_staff)
    await chat.say("/coffee", as_=coach)
    await chat.click("Pause", as_=coach)
    await run(runtime, clock, INVITED + timedelta(minutes=30))
    await chat.say("/coffee", as_=coach)
    [resumed] = await chat.click("Resume", as_=coach)
    assert "1 session already planned back on; 2 invited people hear about it" in resumed.text

    await run(runtime, clock, SESSION)
    off, back = [reply.text for _, reply in outbox.received(rivera, "☕ Change of plan")]
    assert "called off" in off
    assert back == ("☕ Change of plan: Coffee and Curriculum is back on Wed 9 Dec at 7:15 in "
                    "the teachers' lounge (20 minutes). Still coming?")
    assert len(outbox.received(rivera, "☕ Coffee and Curriculum starts")) == 1
