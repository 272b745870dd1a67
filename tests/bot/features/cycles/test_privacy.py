"""A cycle's words are a teacher's like any other: masked whole before they are cut, in her
export, taken out at her erase (her name from a colleague's answers too), and a notice of
them still waiting for Slack or Teams at her erase never goes out."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.tickets.models import TicketRow
from bot.people.models import PersonRow
from bot.privacy import delete_person, export_person
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, TimedMessenger, advance
from tests.support.clock import FakeClock
from tests.support.recording import FlakyMessenger

MARIA = Person(platform="console", user_id="maria", display_name="Maria",
               full_name="Maria Lopez")
HER_WORDS = "my divorce made this term hard but the exit tickets finally worked"


async def step_of(runtime: Runtime, user_id: str, number: int) -> CycleStepRow:
    """A teacher's cycle's step."""
    async with runtime.sessions() as session:
        return (await session.execute(
            select(CycleStepRow).join(CycleRow, CycleRow.id == CycleStepRow.cycle_id)
            .join(PersonRow, PersonRow.id == CycleRow.teacher_id)
            .where(PersonRow.user_id == user_id, CycleStepRow.step == number))).scalar_one()


async def erase(runtime: Runtime, user_id: str) -> None:
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", user_id)


async def goal_set(chat: ConsoleChat, runtime: Runtime, staff: Staff, teacher: Person,
                   evidence: str) -> None:
    """A coach starts the teacher's cycle, and she answers its first step's prompt."""
    await chat.say(f"/cycle start @{teacher.display_name}", as_=staff.coach)
    step = await step_of(runtime, teacher.user_id, 1)
    await chat.submit("cycles.step", {"goal": "exit tickets daily", "target": "explain it",
                                      "evidence": evidence}, str(step.id), as_=teacher)


async def test_her_step_answers_are_in_her_export(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): the export followed only rows that point at her, and a step
    # points at its cycle.
    await goal_set(chat, runtime, staff, staff.rivera, "quizzes in the binder Jaden Wilks keeps")
    async with runtime.sessions() as session:
        mine = await export_person(session, runtime.bot.privacy, "console", "rivera")
        chens = await export_person(session, runtime.bot.privacy, "console", "chen")
    [exported] = [row for row in mine["tables"]["cycle_steps"] if row["step"] == 1]
    assert exported["answers"]["evidence"] == "quizzes in the binder [name] keeps"
    assert "cycle_steps" not in chens["tables"]


async def test_her_name_is_taken_out_of_a_colleagues_step_answers(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): step answers are JSON, which the erase's look for her name in
    # what others wrote passed over.
    await goal_set(chat, runtime, staff, staff.teachers[1],
                   "compare with Ms Rivera and her exit tickets")
    await erase(runtime, "rivera")
    kept = await step_of(runtime, "chen", 1)
    assert kept.answers["evidence"] == "compare with [name] and her exit tickets"
    assert kept.answers["goal"] == "exit tickets daily"


async def debrief_while_slack_is_down(chat: ConsoleChat, runtime: Runtime, staff: Staff
                                     ) -> tuple[FlakyMessenger, CycleStepRow]:
    """Maria's cycle, planned; Slack goes down before she answers its debrief."""
    outbox = FlakyMessenger()
    runtime.bot.messengers.add(outbox)
    await chat.say("/prepbot school Lincoln Elementary", as_=MARIA)
    await chat.say("/cycle start @Maria", as_=staff.coach)
    outbox.down = True
    return outbox, await step_of(runtime, "maria", 4)


async def erase_then_slack_returns(runtime: Runtime, clock: FakeClock,
                                   outbox: FlakyMessenger) -> None:
    """Maria is erased; Slack comes back, and the retries are due."""
    await erase(runtime, "maria")
    outbox.down = False
    clock.current += timedelta(hours=2)
    await runtime.dispatcher.tick()


async def test_a_notice_of_her_answers_waiting_at_her_erase_never_goes_out(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, clock: FakeClock) -> None:
    # A red team's (stop 49): Slack was down when she answered, so "Maria answered step 4"
    # with her words waited for her coach; the erase blanked the step but did not know the
    # words as hers (the step points at no one), and the notice went out when Slack came back.
    outbox, step = await debrief_while_slack_is_down(chat, runtime, staff)
    await chat.submit("cycles.step", {"went_well": HER_WORDS, "evidence": "most reached it"},
                      str(step.id), as_=MARIA)
    async with runtime.sessions() as session:
        payloads = list((await session.execute(select(DeliveryRow.payload))).scalars())
    assert any("divorce" in p for p in payloads)  # waiting for her coach
    await erase_then_slack_returns(runtime, clock, outbox)
    assert not any("divorce" in reply.text for _, _, reply in outbox.sent)
    async with runtime.sessions() as session:
        payloads = list((await session.execute(select(DeliveryRow.payload))).scalars())
    assert not any("divorce" in p for p in payloads)


async def test_a_notice_of_an_answer_she_corrected_since_never_goes_out_either(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, clock: FakeClock) -> None:
    # A red team's on the fix above (stop 49): her step held only her corrected words, so the
    # notice of her first answer was not known as hers. Now every notice her turns planned
    # waits under her mark, and her erase withholds them all.
    outbox, step = await debrief_while_slack_is_down(chat, runtime, staff)
    for words in (HER_WORDS, "the exit tickets worked, most of the time"):
        await chat.submit("cycles.step", {"went_well": words, "evidence": "most reached it"},
                          str(step.id), as_=MARIA)
    await erase_then_slack_returns(runtime, clock, outbox)
    assert not any("divorce" in reply.text or "exit tickets" in reply.text
                   for _, _, reply in outbox.sent)


async def test_a_cycle_from_a_ticket_kept_as_typed_is_masked_before_it_is_cut(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): the ticket's text was cut at 300 characters, then masked: a
    # mother's cell across the cut kept "503-217", which no rule knows for a phone.
    opening = "the reading app will not load on the cart laptops in room 12 again today. " + (
        "it spins and spins and then says try later, every period of the day, sorry. " * 5)
    text = opening[:300 - len("his mom's cell is 503-217")] + "his mom's cell is 503-217-6684"
    await chat.submit("tickets.new", {"text": text, "room": "12", "urgency": "today",
                                      "category": "apps", "identifiers": "keep"},
                      "kept-1", as_=staff.rivera)
    async with runtime.sessions() as session:
        ticket = (await session.execute(select(TicketRow))).scalar_one()
    assert "503-217-6684" in ticket.text  # kept as typed, as she chose
    await chat.press(Button("Start a coaching cycle", "tickets.cycle", str(ticket.id)),
                     as_=staff.coach)
    async with runtime.sessions() as session:
        note = (await session.execute(select(CycleRow.note))).scalar_one()
    assert note.startswith("the reading app") and len(note) <= 300
    assert "503" not in note and "217" not in note


async def test_a_coach_made_a_teacher_again_reads_no_more_of_her_teachers_answers(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, clock: FakeClock) -> None:
    # A red team's (stop 49): the digest and a claimed ticket's news checked the role, but a
    # cycle's answers still reached him by DM after an admin made him a teacher again.
    outbox = FlakyMessenger()
    runtime.bot.messengers.add(outbox)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await runtime.bot.grant(staff.coach, Role.TEACHER)
    await goal_set(chat, runtime, staff, staff.rivera, HER_WORDS)
    clock.current += timedelta(minutes=5)
    await runtime.dispatcher.tick()
    assert not any("divorce" in reply.text for _, _, reply in outbox.sent)


async def test_a_notice_planned_while_he_coached_is_not_sent_once_he_no_longer_does(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, clock: FakeClock) -> None:
    # The same red team's: Slack was down when she answered; the notice waited, he was made a
    # teacher, and Slack's return sent it.
    outbox = FlakyMessenger()
    runtime.bot.messengers.add(outbox)
    outbox.down = True
    await goal_set(chat, runtime, staff, staff.rivera, HER_WORDS)
    await runtime.bot.grant(staff.coach, Role.TEACHER)
    outbox.down = False
    clock.current += timedelta(hours=1)
    await runtime.dispatcher.tick()
    assert not any("divorce" in reply.text for _, _, reply in outbox.sent)
    async with runtime.sessions() as session:
        statuses = list((await session.execute(select(DeliveryRow.status).where(
            DeliveryRow.job == "notice.staff"))).scalars())
    assert statuses == ["skipped"]


async def test_a_coach_made_a_teacher_again_cannot_write_or_move_her_teachers_steps(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's over Slack and Teams (stop 49): he rewrote her goal with his own words and
    # moved her conference, both as the cycle's coach.
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await runtime.bot.grant(staff.coach, Role.TEACHER)
    step = await step_of(runtime, "rivera", 1)
    [wrote] = await chat.submit("cycles.step", {"goal": "his own goal", "target": "t"},
                                str(step.id), as_=staff.coach)
    [moved] = await chat.press(Button("Another time", "cycles.move", str(step.id)),
                               as_=staff.coach)
    assert wrote.text == moved.text == "That coaching cycle isn't one of yours."
    after = await step_of(runtime, "rivera", 1)
    assert (after.answers, after.starts_at) == (step.answers, step.starts_at)


async def test_a_step_keeps_only_its_own_prompts_fields(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): a step-2 form carrying step 1's and step 4's fields kept them all.
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    step = await step_of(runtime, "rivera", 2)
    await chat.submit("cycles.step", {"lesson_on": "2026-12-08", "goal": "a forged goal",
                                      "went_well": "forged"}, str(step.id), as_=staff.rivera)
    assert set((await step_of(runtime, "rivera", 2)).answers) == {"lesson_on"}


async def test_an_erased_teachers_open_cycle_is_called_off_and_no_button_plans_another(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, timed: TimedMessenger,
        clock: FakeClock) -> None:
    # A red team's (stop 52): erased the day her cycle was planned, her coach was still
    # reminded of "step 1 of 4 with your teacher", and "Start a coaching cycle" on her
    # ticket's card planned a new one with what was left of her.
    await chat.submit("tickets.new", {"text": "the reading app will not load on the cart",
                                      "room": "12", "urgency": "today", "category": "apps"},
                      "t-1", as_=staff.rivera)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await erase(runtime, "rivera")
    async with runtime.sessions() as session:
        [cycle] = (await session.execute(select(CycleRow))).scalars()
        ticket = (await session.execute(select(TicketRow))).scalar_one()
    assert cycle.status == "cancelled"
    await advance(runtime, clock, clock.current + timedelta(days=10))
    assert timed.received(staff.coach, "step 1 of 4") == []
    [refused] = await chat.press(Button("", "tickets.cycle", str(ticket.id)), as_=staff.coach)
    assert refused.text == "I couldn't find that teacher."
    async with runtime.sessions() as session:
        assert len((await session.execute(select(CycleRow))).scalars().all()) == 1
