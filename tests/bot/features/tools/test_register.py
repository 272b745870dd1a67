"""The tool register: requests and "me too", the register's answer to "can I use it?" in
each status, the six-point checklist and its pilot gate, links, and what nothing changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Buttons
from bot.features.tools.models import ToolCheckRow, ToolEventRow, ToolRow
from tests.bot.features.conftest import Staff, button, form_of
from tests.support.clock import FakeClock

PILOT = "/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz for 4 weeks"


async def tool(runtime: Runtime, name: str) -> ToolRow:
    async with runtime.sessions() as session:
        found = await session.execute(select(ToolRow).where(ToolRow.name == name))
        return found.scalar_one()


async def count(runtime: Runtime, table: type) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(table))).scalar_one())


async def test_a_request_counts_each_teacher_once_and_a_second_request_is_a_me_too(
        chat: ConsoleChat, staff: Staff) -> None:
    rivera, chen, _ = staff.teachers
    [first] = await chat.say("/tools request Blooket: review games for fractions", as_=rivera)
    [again] = await chat.say("/tools request blooket", as_=rivera)
    [other] = await chat.say("/tools request Blooket", as_=chen)
    assert "1 teacher has asked for it" in first.text
    assert again.text == "You've already asked for Blooket; I'll tell you when it's decided."
    assert "2 teachers have asked for it" in other.text
    [listed] = await chat.say("/tools", as_=staff.coach)
    assert "Requested: Blooket (2 asked)" in render(listed)


async def test_the_register_answers_can_i_use_it_in_each_status(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    rivera, coach = staff.rivera, staff.coach
    await chat.say("/tools add Kahoot adopted", as_=coach)
    await chat.say("/tools add Gimkit", as_=coach)
    async with runtime.sessions() as session, session.begin():
        kahoot = (await session.execute(select(ToolRow).where(ToolRow.name == "Kahoot"))
                  ).scalar_one()
        kahoot.access, kahoot.grades = "sign in with your school Google account", "3-8"
    [yes] = await chat.say("Can my students use Kahoot in class?", as_=rivera)
    assert yes.text == ("Yes: Kahoot is approved for grades 3-8 at Lincoln Elementary. How "
                        "to get access: sign in with your school Google account")
    [review] = await chat.say("is gimkit approved?", as_=rivera)
    assert review.text.startswith("Gimkit is under review (0 teachers have asked for it). A "
                                  "coach will decide")
    assert "don't have students sign up" in review.text
    await chat.say("/tools status Gimkit declined it sells student data to advertisers",
                   as_=coach)
    async with runtime.sessions() as session, session.begin():
        gimkit = (await session.execute(select(ToolRow).where(ToolRow.name == "Gimkit"))
                  ).scalar_one()
        gimkit.alternative_id = kahoot.id
    [no] = await chat.say("can I use Gimkit with my class?", as_=rivera)
    assert no.text == ("Gimkit isn't approved for classroom use: it sells student data to "
                       "advertisers. The approved alternative: Kahoot (sign in with your "
                       "school Google account).")
    assert not any(isinstance(b, Buttons) for b in no.blocks)


async def test_a_reason_teachers_are_told_hides_the_student_a_coach_named(
        chat: ConsoleChat, staff: Staff) -> None:
    # A red team's (stop 46): the coach's words reached every teacher who asked, as typed.
    await chat.say("/tools add Gimkit", as_=staff.coach)
    await chat.say("/tools status Gimkit declined Jaden Wilks (448812) was signed up without "
                   "consent", as_=staff.coach)
    [no] = await chat.say("can I use Gimkit with my class?", as_=staff.rivera)
    assert "without consent" in no.text
    assert "Jaden" not in no.text and "448812" not in no.text


async def test_a_question_naming_no_known_tool_goes_to_the_knowledge_base(
        chat: ConsoleChat, staff: Staff) -> None:
    [answer] = await chat.say("can I use the projector with my laptop", as_=staff.rivera)
    assert "register" not in render(answer)  # a device is not an app to request
    [article] = await chat.say("how do I get a new app approved", as_=staff.rivera)
    assert button(article, "Request a tool").action_id == "tools.form"


async def test_a_question_about_a_students_things_offers_no_tool_named_after_them(
        chat: ConsoleChat, staff: Staff) -> None:
    # A red team's (stop 45): "Request Jaden Wilks Chromebook" under the answer, and one click
    # put the student's name in the register every teacher reads.
    [named] = await chat.say("can I use Jaden Wilks Chromebook for MAP testing? my student "
                             "forgot his", as_=staff.rivera)
    assert "Jaden" not in render(named) and "Wilks" not in render(named)
    [plain] = await chat.say("can I use Blooket for exit tickets?", as_=staff.rivera)
    assert button(plain, "Request Blooket").action_id == "tools.request"


async def test_typed_words_after_tools_that_name_no_tool_are_a_question(
        chat: ConsoleChat, staff: Staff) -> None:
    [answer] = await chat.say("/tools menu is missing in google docs", as_=staff.rivera)
    assert "isn't in the register" not in answer.text
    [unknown] = await chat.say("/tools Padlet", as_=staff.rivera)
    assert unknown.text.startswith("Padlet isn't in the register. `/tools request Padlet`")


async def test_a_failed_privacy_point_blocks_a_pilot_until_an_admin_overrides_with_a_reason(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    coach, admin = staff.coach, staff.admin
    await chat.say("/tools add Blooket", as_=coach)
    [checked] = await chat.say("/tools check Blooket privacy fail no signed data agreement",
                               as_=coach)
    assert "It can't enter a pilot: it failed Data privacy (FERPA/COPPA)" in render(checked)
    [refused] = await chat.say(PILOT, as_=coach)
    assert refused.text.startswith("Blooket can't enter a pilot: it failed Data privacy")
    [short] = await chat.say("/tools override Blooket privacy ok", as_=admin)
    assert "needs a reason" in short.text
    [by_coach] = await chat.say("/tools override Blooket privacy the DPA is coming",
                                as_=coach)
    assert "only for admins" in by_coach.text
    [done] = await chat.say("/tools override Blooket privacy the vendor signs the DPA by "
                            "1 March", as_=admin)
    assert "It may enter a pilot now" in done.text
    async with runtime.sessions() as session:
        [event] = (await session.execute(select(ToolEventRow).where(
            ToolEventRow.kind == "override"))).scalars().all()
        assert event.text == "privacy: the vendor signs the DPA by 1 March"
    [started] = await chat.say(PILOT, as_=coach)
    assert "The Blooket pilot runs" in started.text
    [card] = await chat.say("/tools Blooket", as_=coach)
    assert "[overridden by an admin" not in render(card)  # the card says may enter
    assert "Pilot: may enter one" in render(card)


async def test_the_checklist_form_refuses_a_link_that_is_no_link_and_saves_nothing(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools add Blooket", as_=staff.coach)
    [shown] = await chat.say("/tools checklist Blooket", as_=staff.coach)
    form = form_of([shown])
    assert [f.name for f in form.fields][:3] == ["privacy", "privacy_note", "privacy_link"]
    values = {f.name: "pass" if "_" not in f.name else "" for f in form.fields} | {
        "sso_link": "see the vendor's website", "standards": ""}
    [refused] = await chat.submit("tools.checklist", values, form.context, as_=staff.coach)
    assert "isn't a web address" in refused.text
    assert await count(runtime, ToolCheckRow) == 0


async def test_a_coach_moves_a_tool_only_where_it_can_go_and_links_tickets_and_articles(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    coach = staff.coach
    await chat.say("/tools add Nearpod", as_=coach)
    [pilot] = await chat.say("/tools status Nearpod piloting", as_=coach)
    assert "/pilot start Nearpod" in pilot.text
    [retired] = await chat.say("/tools status Nearpod retired", as_=coach)
    assert "/tools retire Nearpod" in retired.text
    [bad] = await chat.say("/tools link Nearpod article no-such-article", as_=coach)
    assert "no article 'no-such-article'" in bad.text
    await chat.say("/ticket Nearpod codes don't work for my 5th graders", as_=staff.rivera)
    await chat.say("/tools link Nearpod ticket 1", as_=coach)
    await chat.say("/tools link Nearpod article nearpod-join", as_=coach)
    [card] = await chat.say("/tools Nearpod", as_=coach)
    shown = render(card)
    assert "Tickets: #1" in shown and "Articles: nearpod-join" in shown
    assert "Mentioned (30 days): 1 ticket, 0 questions" in shown
    assert (await tool(runtime, "Nearpod")).status == "evaluating"


async def test_a_teacher_sees_the_registers_answer_not_the_coachs_card(
        chat: ConsoleChat, staff: Staff) -> None:
    await chat.say("/tools add Seesaw adopted", as_=staff.coach)
    [card] = await chat.say("/tools Seesaw", as_=staff.rivera)
    assert card.text.startswith("Yes: Seesaw is approved")
    assert "Checklist" not in render(card)


@pytest.mark.parametrize("name", ["[Free V-Bucks](https://evil.example)",
                                  "[name](https://evil.example)"])
async def test_names_lose_markup_before_they_are_shown(
        chat: ConsoleChat, staff: Staff, name: str) -> None:
    [asked] = await chat.say(f"/tools request {name}", as_=staff.rivera)
    assert "[" not in asked.text and "](" not in asked.text


async def test_a_requested_tools_name_keeps_its_words_but_no_student_number_or_contact(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools request Jasper AI", as_=staff.rivera)
    await chat.say("/tools request Lucy Calkins Units of Study", as_=staff.rivera)
    await chat.say("/tools request Lexia for student 4471829, mom is tasha.b@gmail.com",
                   as_=staff.rivera)
    assert (await tool(runtime, "Jasper AI")).name == "Jasper AI"
    assert await tool(runtime, "Lucy Calkins Units of Study")
    assert await tool(runtime, "Lexia for student [id number], mom is [email]")


@pytest.mark.parametrize(("typed", "stored"), [
    ("Lexia for Jaylen Brooks", "Lexia for [name]"),
    ("Khanmigo for Ava in 3rd period", "Khanmigo for [name] in 3rd period"),
    ("Epic for Marcus and Jaylen", "Epic for [name] and [name]"),
])
async def test_a_student_named_after_a_tools_name_is_hidden_and_the_teacher_told(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, typed: str, stored: str) -> None:
    [told] = await chat.say(f"/tools request {typed}", as_=staff.rivera)
    assert await tool(runtime, stored)
    assert stored in told.text and "To protect student privacy I hid" in told.text


async def test_the_digest_warns_when_a_school_takes_on_too_many_new_tools(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    coach = staff.coach
    for name in ("Blooket", "Gimkit", "Padlet"):
        await chat.say(f"/tools add {name}", as_=coach)
        await chat.say(f"/tools status {name} adopted", as_=coach)
    [digest] = await chat.say("/digest", as_=coach)
    assert ("Lincoln Elementary: 3 new tools this semester (Blooket, Gimkit, Padlet); too "
            "many at once") in render(digest)
    await chat.say("/prepbot settings tool_fatigue_limit 4", as_=staff.admin)
    [calmer] = await chat.say("/digest", as_=coach)
    assert "Tool fatigue" not in render(calmer)


async def test_a_tools_quarterly_pulse_waits_for_users_and_advances(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, clock: FakeClock) -> None:
    await chat.say("/tools add Seesaw adopted", as_=staff.coach)
    due = (await tool(runtime, "Seesaw")).next_pulse_on
    assert due is not None and (due - clock.current.date()).days == 91
    clock.current += timedelta(days=92)
    await runtime.dispatcher.tick()
    later = await tool(runtime, "Seesaw")
    assert later.next_pulse_on is not None and later.next_pulse_on > due
    async with runtime.sessions() as session:
        events = (await session.execute(select(ToolEventRow.text).where(
            ToolEventRow.kind == "pulse"))).scalars().all()
    assert events == ["quarterly pulse skipped: no users yet"]


async def test_the_edit_form_checks_everything_before_it_saves_anything(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    coach = staff.coach
    await chat.say("/tools add Kahoot adopted", as_=coach)
    await chat.say("/tools add Blooket", as_=coach)
    [card] = await chat.say("/tools Blooket", as_=coach)
    [shown] = await chat.press(button(card, "Edit"), as_=coach)
    form = form_of([shown])
    values = {f.name: f.initial for f in form.fields} | {
        "aliases": "Blooket Play, blooket.com", "owner": "me",
        "schools": "Lincoln Elementary", "grades": "3-8", "intended": "40",
        "decide_by": "2027-01-15", "alternative": "Kahoot", "access": "ask your coach"}
    [bad] = await chat.submit("tools.edit", {**values, "schools": "Nowhere High"},
                              form.context, as_=coach)
    assert bad.text == "I don't know a school called 'Nowhere High'."
    assert (await tool(runtime, "Blooket")).aliases == ""
    [saved] = await chat.submit("tools.edit", values, form.context, as_=coach)
    shown_card = render(saved)
    assert "Schools: Lincoln Elementary" in shown_card and "Grades: 3-8" in shown_card
    assert "Decision by: Friday 15 January" in shown_card
    [review] = await chat.say("may my students use blooket play?", as_=staff.rivera)
    assert "A decision is expected by Friday 15 January" in review.text
