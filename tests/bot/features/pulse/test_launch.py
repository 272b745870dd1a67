"""A coach launches a pulse in one line or a form; teachers cannot; waves link up."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Choice, Context, Form
from bot.errors import BadInput
from bot.features.pulse.dates import parse_close_date
from bot.features.pulse.launch import cohort_of, read_inline
from bot.features.pulse.models import SurveyRow
from bot.vocabulary import Conversation, Person
from tests.bot.features.pulse.conftest import CHANNEL, CohortMessenger, launch
from tests.support.clock import FakeClock

MONDAY = date(2026, 11, 30)


async def surveys(runtime: Runtime) -> list[SurveyRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(SurveyRow).order_by(SurveyRow.id))).scalars())


async def test_an_inline_launch_invites_every_member_but_the_coach_with_one_form(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    [reply] = await launch(chat, coach, runtime)
    [survey] = await surveys(runtime)
    assert (survey.tool, survey.cohort_id, survey.wave, survey.invited) == (
        "Nearpod", CHANNEL, 1, 6)
    assert survey.closes_on == date(2026, 12, 4) and "Friday 4 December" in reply.text
    assert outbox.forms_to(coach) == []
    for person in pilot:
        [form] = outbox.forms_to(person)
        choices = [f for f in form.fields if isinstance(f, Choice)]
        assert len(choices) == 6 and all(len(c.options) == 7 for c in choices)
        assert choices[0].options[0].label == "strongly disagree"
        assert choices[4].label == "I plan to keep using Nearpod next semester."
    dm = next(r for kind, who, r in outbox.sent if who == pilot[0].user_id)
    assert Context("Your answers are anonymous: your coach sees only totals, and only in "
                   "groups of 5 people's answers.") in dm.blocks


async def test_the_form_launch_and_a_double_submit_make_one_survey(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        morning: FakeClock) -> None:
    [reply] = await chat.say("/pulse start", as_=coach)
    form = reply.blocks[0]
    assert isinstance(form, Form) and {f.name for f in form.fields} >= {
        "tool", "cohort", "closes", "share"}
    values = {"tool": "Pear Deck", "cohort": f"#{CHANNEL}", "closes": "2026-12-11",
              "share": "yes"}
    await chat.submit(form.form_id, values, form.context, as_=coach)
    [again] = await chat.submit(form.form_id, values, form.context, as_=coach)
    [survey] = await surveys(runtime)
    assert survey.share_results and survey.closes_on == date(2026, 12, 11)
    assert "already launched" in again.text


async def test_guests_of_the_channel_are_not_surveyed(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    visitor = Person(platform="console", user_id="visitor", display_name="Visitor", guest=True)
    outbox.channels[CHANNEL].append(visitor)
    await launch(chat, coach, runtime)
    [survey] = await surveys(runtime)
    assert survey.invited == len(pilot) and outbox.forms_to(visitor) == []


async def test_a_teacher_cannot_launch(chat: ConsoleChat, teacher: Person, runtime: Runtime,
                                       outbox: CohortMessenger) -> None:
    [reply] = await chat.say(f"/pulse start Nearpod #{CHANNEL}", as_=teacher)
    assert "only for coaches and admins" in reply.text
    assert await surveys(runtime) == []


async def test_the_same_cohort_and_tool_again_is_the_next_wave(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    [refused] = await chat.say(f"/pulse start Nearpod #{CHANNEL} closes in 4 weeks", as_=coach)
    assert "still open" in refused.text
    await chat.say("/pulse close nearpod", as_=coach)
    [reply] = await chat.say(f"/pulse start Nearpod #{CHANNEL} closes in 4 weeks", as_=coach)
    first, second = await surveys(runtime)
    assert (second.wave, second.previous_id) == (2, first.id) and "wave 2" in reply.text
    assert second.closes_on == date(2026, 12, 28)


async def test_an_empty_channel_is_refused(chat: ConsoleChat, coach: Person, runtime: Runtime,
                                           outbox: CohortMessenger) -> None:
    [reply] = await chat.say("/pulse start Nearpod #nobody-here closes friday", as_=coach)
    assert "nobody" in reply.text and await surveys(runtime) == []


async def test_the_cohort_is_asked_of_the_platform_with_no_transaction_open(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        morning: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 45): the launch listed the cohort with its transaction open, so a
    # rate-limited member list held SQLite's writer and every teacher's acknowledgement.
    held: list[int] = []
    listing = outbox.members

    async def members(conversation: Conversation) -> list[Person]:
        held.append(runtime.engine.pool.checkedout())  # the turn's session holds a connection
        return await listing(conversation)
    monkeypatch.setattr(outbox, "members", members)

    [reply] = await launch(chat, coach, runtime)
    assert "6 people" in reply.text and [s.invited for s in await surveys(runtime)] == [6]
    assert held == [0], "asked once, between two runs of the turn"


async def test_a_platform_that_cannot_list_the_cohort_is_reported_and_nothing_launched(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        morning: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    async def refused(_conversation: Conversation) -> list[Person]:
        raise OSError("connection reset")
    monkeypatch.setattr(outbox, "members", refused)
    [reply] = await launch(chat, coach, runtime)
    assert "couldn't ask the platform" in reply.text and await surveys(runtime) == []


@pytest.mark.parametrize(("words", "expected"), [
    ("friday", date(2026, 12, 4)), ("Fri", date(2026, 12, 4)),
    ("monday", date(2026, 12, 7)), ("tomorrow", date(2026, 12, 1)),
    ("2026-12-18", date(2026, 12, 18)), ("in 2 weeks", date(2026, 12, 14)),
    ("in three days", date(2026, 12, 3)), ("next friday", date(2026, 12, 4)),
    ("el viernes", date(2026, 12, 4)), ("vie", date(2026, 12, 4)),
    ("el lunes", date(2026, 12, 7)), ("mañana", date(2026, 12, 1)),
    ("en 2 semanas", date(2026, 12, 14)), ("dentro de tres días", date(2026, 12, 3)),
    ("el próximo viernes", date(2026, 12, 4)), ("el 18 de diciembre", date(2026, 12, 18)),
    ("18 December", date(2026, 12, 18)),
])
def test_close_dates_in_plain_words_english_or_spanish(words: str, expected: date) -> None:
    assert parse_close_date(words, MONDAY) == expected


@pytest.mark.parametrize("words", ["someday", "2026-11-30", "yesterday", "in 0 days", "ayer",
                                   "hoy", "algún día"])
def test_close_dates_that_cannot_be_used(words: str) -> None:
    with pytest.raises(BadInput):
        parse_close_date(words, MONDAY)


def test_inline_words_and_channel_mentions() -> None:
    asked = read_inline("Google Earth <#C042|earth-pilot> closes in 2 weeks share")
    assert (asked.tool, asked.cohort, asked.closes, asked.share) == (
        "Google Earth", "<#C042|earth-pilot>", "in 2 weeks", True)
    here = Conversation(platform="slack", id="C9", kind="channel")
    assert cohort_of(asked.cohort, here) == (
        Conversation(platform="slack", id="C042", kind="channel"), "#earth-pilot")
    assert cohort_of("", here) == (here, "this channel")


def test_inline_words_in_spanish() -> None:
    asked = read_inline("Nearpod <#C042|piloto> cierra el viernes compartir")
    assert (asked.tool, asked.cohort, asked.closes, asked.share) == (
        "Nearpod", "<#C042|piloto>", "el viernes", True)
    assert read_inline("Nearpod #piloto hasta el 18 de diciembre").closes == (
        "el 18 de diciembre")


async def test_a_coach_launches_in_spanish_words_closing_on_friday(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await chat.say("/prepbot language es", as_=coach)
    [reply] = await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} cierra el viernes")
    [survey] = await surveys(runtime)
    assert survey.closes_on == date(2026, 12, 4) and "viernes 4 de diciembre" in reply.text


async def test_a_spanish_speaking_coach_launches_and_is_corrected_in_spanish(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await chat.say("/prepbot language es", as_=coach)
    [late] = await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes 2026-11-01")
    assert "El domingo 1 de noviembre ya comenzó" in late.text
    [unread] = await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes someday")
    assert "No pude entender “someday” como una fecha" in unread.text
    assert "`el viernes`, `mañana`, `en 2 semanas`" in unread.text
    [reply] = await launch(chat, coach, runtime)
    assert "(ola 1)" in reply.text and "6 personas" in reply.text
    assert "viernes 4 de diciembre" in reply.text
    [status] = await chat.say("/pulse status", as_=coach)
    assert "abierta hasta el final del viernes 4 de diciembre" in status.text
    assert "Las respuestas se publican de 5 en 5" in str(status.blocks)


@pytest.mark.parametrize("how", ["inline", "form"])
async def test_what_a_tool_name_says_of_a_student_never_reaches_the_cohort(
        how: str, chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 56): the name went as typed into every question of every invitation.
    tool = "Lexia for student ID 2034511, mom 956-555-0143"
    if how == "inline":
        [reply] = await launch(chat, coach, runtime, f"{tool} #{CHANNEL} closes friday")
    else:
        [opened] = await chat.say("/pulse start", as_=coach)
        form = opened.blocks[0]
        assert isinstance(form, Form)
        [reply] = await chat.submit(form.form_id, {"tool": tool, "cohort": f"#{CHANNEL}"},
                                    form.context, as_=coach)
        await runtime.dispatcher.tick()
    [survey] = await surveys(runtime)
    assert survey.tool.startswith("Lexia for student ID [id number], mom [")
    assert not any(secret in f"{survey.tool} {survey.tool_key} {survey.spec}"
                   for secret in ("2034511", "555-0143"))
    sent = " ".join(repr(r) for _kind, _who, r in outbox.sent)
    assert outbox.forms_to(pilot[0]) and "2034511" not in sent and "555-0143" not in sent
    assert "To protect student privacy I hid" in reply.text  # the coach is told
    # and finds it again by the name she typed (a red team's on the fix, stop 56)
    [status] = await chat.say(f"/pulse status {tool}", as_=coach)
    assert "no open pulse" not in status.text and "[id number]" in status.text


async def test_a_pulse_stored_before_its_name_was_masked_is_found_by_that_name(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # Surveys launched before stop 56 keep the name as typed: lookups try it as typed too.
    await launch(chat, coach, runtime)
    old = "Lexia for student ID 2034511"
    async with runtime.sessions() as session, session.begin():
        [survey] = (await session.execute(select(SurveyRow))).scalars()
        survey.tool, survey.tool_key = old, old.lower()
    [status] = await chat.say(f"/pulse status {old}", as_=coach)
    assert "no open pulse" not in status.text
