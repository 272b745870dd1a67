"""One tool's year, through the core: a teacher's request, the checklist, a four-week pilot
with three teachers (both TAM waves answered, an error log with a 3rd-period pattern), the
report and an adopt decision, the first quarterly pulse, and a semester later with low use
the review flag and the thirty days' notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Buttons, Form, Reply
from bot.vocabulary import Person
from tests.bot.features.conftest import (
    NEW_YORK,
    Staff,
    TimedMessenger,
    advance,
    button,
    form_of,
    in_prep,
    local,
)
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock

AGREE, UNSURE = ((6, 6), (6, 5), (6, 7)), ((4, 4), (4, 3), (3, 4))
PILOT = "/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz for 4 weeks"


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """A New York wall-clock time (standard or daylight) as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


async def answer_wave(chat: ConsoleChat, timed: TimedMessenger, people: list[Person],
                      answers: list[tuple[tuple[int, int], ...]]) -> list[Reply]:
    """Each teacher answers the latest survey form they got."""
    replies = []
    for person, points in zip(people, answers, strict=True):
        _, form = timed.forms(person, "pulse.answer")[-1]
        replies += await chat.submit(form.form_id, likert(*points), form.context, as_=person)
    return replies


async def request_and_check(chat: ConsoleChat, staff: Staff) -> None:
    """Ms Rivera asks, Mr Chen says "me too", the coach fills in the checklist."""
    rivera, chen, _ = staff.teachers
    [deflected] = await chat.say("can I use Blooket with my class?", as_=rivera)
    assert "isn't in the district's tool register" in render(deflected)
    [asked] = await chat.press(button(deflected, "Request Blooket"), as_=rivera)
    assert "1 teacher has asked for it" in asked.text
    [review] = await chat.say("can I use Blooket with my class?", as_=chen)
    assert "Blooket is under review" in review.text
    [metoo] = await chat.press(button(review, "Me too"), as_=chen)
    assert "2 teachers have asked for it" in metoo.text
    await chat.say("/tools add Kahoot adopted", as_=staff.coach)
    [shown] = await chat.say("/tools checklist Blooket", as_=staff.coach)
    form = form_of([shown])
    values = {f.name: f.initial for f in form.fields if not isinstance(f, Form)}
    values |= {"privacy": "pass", "privacy_link": "https://vendor.example/dpa",
               "sso": "pass", "accessibility": "pass", "cost": "pass", "mobile": "pass",
               "standards": "CCSS.MATH.CONTENT.3.OA.C.7"}
    [saved] = await chat.submit("tools.checklist", values, form.context, as_=staff.coach)
    assert "It may enter a pilot" in render(saved)


async def report_errors(chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
                        staff: Staff) -> None:
    """In week 2 Blooket breaks in 3rd period every day; one other question has no period."""
    rivera, chen, diaz = staff.teachers
    for day in ("2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"):
        await advance(runtime, clock, at(day, 11))
        await chat.say("Blooket froze again in 3rd period, the whole class got kicked out",
                       as_=rivera)
    await chat.say("/ticket Blooket crashes in 3rd period every day and students lose their "
                   "game", as_=chen)
    await chat.say("how do I make a Blooket game private", as_=diaz)


async def test_a_tool_from_request_to_retirement(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    teachers, coach = staff.teachers, staff.coach
    rivera, chen, diaz = teachers
    await chat.say("/prepbot settings pulse_min_responses 3", as_=staff.admin)
    await request_and_check(chat, staff)

    [started] = await chat.say(PILOT, as_=coach)
    assert "runs Monday 30 November to Sunday 27 December" in started.text
    assert "8 planned" in render(started)

    # Day one: the pre survey reaches each teacher in their prep period; all three answer.
    await advance(runtime, clock, at("2026-11-30", 15))
    for person in teachers:
        [(sent, _)] = timed.forms(person, "pulse.answer")
        assert in_prep(person, sent) and local(sent).date().isoformat() == "2026-11-30"
    await answer_wave(chat, timed, teachers, [AGREE, AGREE, UNSURE])

    await report_errors(chat, runtime, clock, staff)

    # Fridays: the one-line check-in, in each teacher's prep period.
    await advance(runtime, clock, at("2026-12-11", 15))
    lines = {"rivera": "froze twice in 3rd period", "chen": "kids loved it", "diaz": "nothing"}
    for person in teachers:
        checkins = timed.forms(person, "pilots.checkin")
        assert len(checkins) == 2 and all(in_prep(person, sent) for sent, _ in checkins)
        assert [local(sent).strftime("%a") for sent, _ in checkins] == ["Fri", "Fri"]
        _, form = checkins[-1]
        await chat.submit(form.form_id, {"text": lines[person.user_id]}, form.context,
                          as_=person)

    # The coach notes an observation from the day's reminder.
    [(_, visit)] = timed.received(coach, "Observation Tuesday 1 December")
    [note_form] = await chat.press(button(visit, "Add my note"), as_=coach)
    await chat.submit("pilots.observed", {"note": "Fast start; two students lost their "
                                                  "work when it froze", "on_task": "7 of 9"},
                      form_of([note_form]).context, as_=coach)

    # The last week: the post survey (wave 2) goes out, and everyone agrees now.
    await advance(runtime, clock, at("2026-12-21", 15))
    assert all(len(timed.forms(p, "pulse.answer")) == 2 for p in teachers)
    await answer_wave(chat, timed, teachers, [AGREE, AGREE, AGREE])

    # The day after it ends, the coach's report: buy-in, the pattern, themes, a recommendation.
    await advance(runtime, clock, at("2026-12-28", 9))
    [(_, report)] = timed.received(coach, "Blooket pilot report")
    shown = render(report)
    assert "Before (wave 1): 67% agree they'll keep using it, below the 85% target" in shown
    assert "After (last wave): 100% agree they'll keep using it, meets the 85% target" in shown
    assert "3rd period: 5 reports on 4 different days, a pattern" in shown
    assert "crashes and freezes (1)" in shown and "nothing broke (1)" in shown
    assert "1 of 8 noted; on task 7 of 9" in shown
    assert "Recommendation: adopt" in shown and "3rd period problem with IT" in shown
    adopt = button(report, "Adopt")
    assert adopt.style == "primary"
    [decided] = await chat.press(adopt, as_=coach)
    assert "Blooket is adopted" in decided.text

    # Those who asked hear it, in their prep period; the register now says yes.
    await advance(runtime, clock, at("2026-12-29", 14))
    for person in (rivera, chen):
        [(sent, _)] = timed.received(person, "Good news: Blooket")
        assert in_prep(person, sent)
    [yes] = await chat.say("can I use Blooket with my class?", as_=diaz)
    assert yes.text.startswith("Yes: Blooket is approved")

    # A quarter later: the first quarterly TAM pulse to the tool's users.
    clock.current = at("2027-03-29", 6)  # daylight saving time since 14 March
    await advance(runtime, clock, at("2027-03-29", 14))
    assert all(len(timed.forms(p, "pulse.answer")) == 3 for p in teachers)
    await answer_wave(chat, timed, teachers, [AGREE, UNSURE, UNSURE])
    await advance(runtime, clock, at("2027-03-30", 8))
    [digest] = await chat.say("/digest", as_=coach)
    assert "Blooket: buy-in 33% (wave 3), below the 85% target, down from 100%" in \
        render(digest)

    # A semester after adoption, 3 of 20 intended teachers use it: flagged for review.
    await chat.say("/tools use Blooket 20 intended", as_=coach)
    clock.current = at("2027-05-03", 5)
    await advance(runtime, clock, at("2027-05-03", 12))
    [(_, review)] = timed.received(coach, "Blooket is used by 3 of the 20 teachers")
    [digest] = await chat.say("/digest", as_=coach)
    assert "used by 3 of 20 teachers (15%): review it" in render(digest)

    # Retiring it: thirty days' notice to its users, in their school hours, then retired.
    [retire_form] = await chat.press(button(review, "Retire"), as_=coach)
    [told] = await chat.submit("tools.retire", {"reason": "under 30% of teachers use it",
                                                "alternative": "Kahoot"},
                               form_of([retire_form]).context, as_=coach)
    assert "retired on Wednesday 2 June" in told.text and "its 3 users" in told.text
    await advance(runtime, clock, at("2027-05-04", 15))
    for person in teachers:
        [(sent, notice)] = timed.received(person, "Notice: Blooket will be retired")
        assert in_prep(person, sent)
        assert "Kahoot" in notice.text and "Google Drive" in notice.text
    [soon] = await chat.say("can I use Blooket with my class?", as_=diaz)
    assert "being retired on Wednesday 2 June" in soon.text and "Kahoot" in soon.text
    clock.current = at("2027-06-02", 5)
    await advance(runtime, clock, clock.current + timedelta(hours=1))
    [gone] = await chat.say("can I use Blooket with my class?", as_=rivera)
    assert gone.text.startswith("Blooket isn't approved for classroom use: under 30%")
    assert "The approved alternative: Kahoot" in gone.text
    assert not any(isinstance(b, Buttons) for b in gone.blocks)
