"""Only your own: every button and form that names an object (a question, a ticket, a coffee
session or series, a 1:1 slot, a survey), sent by someone it does not belong to, with the
victim's ids or forged ones. The reply says no and gives nothing away; not one row changes.

Ms Rivera (the victim) asked a question, opened a ticket, was invited to a coffee session and
a survey; Mr Okafor runs the coffee series. Mallory is another teacher at the same school;
Coach Bell is another coach.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features import FEATURES
from bot.features.coffee.models import (
    CoffeeMemberRow,
    CoffeeRsvpRow,
    CoffeeSeriesRow,
    CoffeeSessionRow,
    CoffeeSlotRow,
)
from bot.features.pulse.instruments import instruments_for
from bot.features.pulse.models import SurveyRow
from bot.features.tickets.models import TicketRow
from bot.features.tickets.similar import JOIN, made_of
from bot.features.tickets.unhiding import Offer, digest_of, value_of
from bot.people.directory import find_person
from bot.roles import Role
from bot.scheduling.ledger import Planned, plan
from bot.schools.service import save_school
from bot.tables import metadata
from bot.vocabulary import Person
from tests.adapters.teams.conftest import TEACHER as TEAMS_TEACHER
from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import RECEIPTS, Slack
from tests.support.connector_stub import ConnectorStub

RIVERA = Person(platform="console", user_id="rivera", display_name="Ms Rivera")
OKAFOR = Person(platform="console", user_id="okafor", display_name="Mr Okafor")
MALLORY = Person(platform="console", user_id="mallory", display_name="Mallory")
BELL = Person(platform="console", user_id="bell", display_name="Coach Bell")
WORDS = "the gym projector shows no signal since Monday"
SOON = datetime(2026, 12, 9, 12, 15, tzinfo=UTC)
SECRET = "x" * 22  # a form secret: whoever holds it may change those answers


@dataclass(frozen=True)
class Victim:
    """The ids of Ms Rivera's things."""

    question: str
    ticket: str
    series: str
    session: str
    member: str
    slot: str
    survey: str
    offer: str  # a "me too" offer the server made to her, not to Mallory
    show: str  # a "show the name hidden in your ticket" offer the server made to her


async def seed(runtime: Runtime, chat: ConsoleChat) -> Victim:
    """Everything Ms Rivera has, made the way the features make it."""
    async with runtime.sessions() as session, session.begin():
        school = await save_school(session, "Lincoln", "America/New_York", time(7, 30),
                                   time(15))
        school_id = school.id
    for person in (RIVERA, MALLORY):
        await chat.say("/prepbot school Lincoln", as_=person)
    await runtime.bot.grant(OKAFOR, Role.COACH)
    await runtime.bot.grant(BELL, Role.COACH)
    [answer] = await chat.say("the projector says no signal", as_=RIVERA)
    question = chat.button("Yes").value
    await chat.say(f"/ticket {WORDS}", as_=RIVERA)
    async with runtime.sessions() as session, session.begin():
        rivera = await find_person(session, "console", "rivera")
        okafor = await find_person(session, "console", "okafor")
        assert rivera is not None and okafor is not None and answer
        series = CoffeeSeriesRow(coach_id=okafor.id, platform="console", cohort_id="C1",
                                 start_time=time(7, 15), school_id=school_id,
                                 starts_on=date(2026, 12, 1),
                                 ends_on=date(2027, 6, 1), created_at=SOON)
        session.add(series)
        await session.flush()
        coffee = CoffeeSessionRow(series_id=series.id, day=SOON.date(), starts_at=SOON,
                                  ends_at=SOON + timedelta(minutes=20))
        session.add(coffee)
        await session.flush()
        member = CoffeeMemberRow(series_id=series.id, person_id=rivera.id, ignored=3)
        slot = CoffeeSlotRow(series_id=series.id, person_id=rivera.id, cycle=1,
                             starts_at=SOON, status="offered")
        session.add_all([CoffeeRsvpRow(session_id=coffee.id, person_id=rivera.id), member, slot])
        tam = instruments_for("")["tam"].for_tool("Nearpod").as_data()
        survey = SurveyRow(tool="Nearpod", tool_key="nearpod", spec=tam, platform="console",
                           cohort_id="C1", coach_id=okafor.id, opened_at=SOON,
                           closes_on=date(2026, 12, 31), closes_at=SOON + timedelta(days=20))
        session.add(survey)
        await session.flush()
        await plan(session, [Planned("pulse.invite", f"survey-{survey.id}", "console", SOON,
                                     survey.closes_at, person_id=rivera.id, user_id="rivera")])
        ids = (str(series.id), str(coffee.id), str(member.id), str(slot.id), str(survey.id))
        offer = runtime.bot.secret.sign(JOIN, f"{rivera.id}:1")
        ticket = await session.get(TicketRow, 1)
        assert ticket is not None
        show = value_of(runtime.bot.secret, Offer(
            rivera.id, 1, made_of(ticket), digest_of(ticket.text), int(SOON.timestamp()),
            (("Chantel", ((0, "Chantel"),)),)), 0)
    return Victim(question, "1", *ids, offer, show)


def attempts(v: Victim) -> list[tuple[str, str, str, Person]]:
    """(kind, action or form id, value or context, who tries): all of them."""
    teacher = [("action", "answers.helpful.yes", v.question), ("action", "answers.helpful.no",
               v.question), ("action", "answers.show", f"{v.question}:printer-offline"),
               ("action", "answers.none", v.question), ("action", "answers.ticket", v.question),
               ("action", "tickets.join", v.ticket), ("action", "tickets.join", v.offer),
               ("action", "tickets.join", f"{v.ticket}.forged"),
               ("action", "tickets.show", v.ticket), ("action", "tickets.show", v.show),
               ("action", "tickets.view", v.ticket), ("action", "tickets.reopen", v.ticket),
               ("action", "tickets.answer", v.ticket), ("form", "tickets.answer", v.ticket),
               ("action", "coffee.rsvp.going", v.session), ("action", "coffee.rsvp.no",
               v.session), ("action", "coffee.ask_note", v.session),
               ("form", "coffee.note", v.session), ("action", "coffee.pause", v.series),
               ("form", "coffee.pause", v.series), ("action", "coffee.keep", v.member),
               ("action", "coffee.cycle", v.session), ("action", "coffee.slot.accept", v.slot),
               ("action", "coffee.slot.other", v.slot),
               ("form", "pulse.answer", f"{v.survey}:{SECRET}"),
               ("action", "pulse.change", f"{v.survey}:{SECRET}")]
    coach = [("action", f"coffee.series.{verb}", v.series)
             for verb in ("pause", "resume", "edit", "cancel")] + [
        ("action", "coffee.guests", v.series), ("action", "coffee.attendance", v.session),
        ("form", "coffee.setup", f"edit:{v.series}"), ("form", "coffee.guests", v.series),
        ("form", "coffee.attended", v.session)]
    return [(k, i, val, MALLORY) for k, i, val in teacher] + [(k, i, val, BELL)
                                                              for k, i, val in coach]


FORM_VALUES = {"text": "let me in", "note": "hello", "until": "2026-12-20", "pu1": "2",
               "cohort": "C1", "days": "wed", "cadence": "1", "time": "7:15", "minutes": "20",
               "place": "library", "school": "1", "ends": "2027-01-30", "invite": "day_before"}


async def everything(runtime: Runtime) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare before and after."""
    async with runtime.sessions() as session:
        return {table.name: sorted(map(repr, (await session.execute(select(table))).all()))
                for table in metadata.sorted_tables
                if table.name not in RECEIPTS | {"processed_events"}}


@pytest.fixture
async def victim(runtime: Runtime, chat: ConsoleChat) -> Victim:
    return await seed(runtime, chat)


async def test_every_object_action_refuses_someone_elses_object(
        runtime: Runtime, chat: ConsoleChat, victim: Victim) -> None:
    await chat.say("hello", as_=MALLORY)
    await chat.say("hello", as_=BELL)
    tried = attempts(victim)
    before = await everything(runtime)
    for kind, name, value, who in tried:
        if kind == "action":
            replies = await chat.press(Button("x", name, value), as_=who)
        else:
            replies = await chat.submit(name, FORM_VALUES, value, as_=who)
        said = json.dumps([str(r) for r in replies])
        assert WORDS not in said and "projector says no signal" not in said, (name, said)
        assert await everything(runtime) == before, (kind, name, value)
    assert len(tried) >= 30


@pytest.mark.parametrize("name,value", [("tickets.join", "victim.ticket"),
                                        ("tickets.join", "victim.offer"),
                                        ("tickets.show", "victim.show"),
                                        ("coffee.rsvp.going", "victim.session"),
                                        ("tickets.view", "victim.ticket")])
async def test_forged_ids_through_slack_buttons(slack: Slack, runtime: Runtime, chat: ConsoleChat,
                                                victim: Victim, name: str, value: str) -> None:
    await slack.dm("hello", user="UMALLORY")
    before, seen = await everything(runtime), len(slack.stub.calls)
    await slack.click({"action_id": name, "value": getattr(victim, value.split(".")[1])},
                      user="UMALLORY")
    said = json.dumps([call.params for call in slack.stub.calls[seen:]])
    assert WORDS not in said and await everything(runtime) == before


@pytest.mark.parametrize("data", [
    {"action_id": "tickets.join", "value": "1"},
    {"action_id": "tickets.show", "value": "1"},
    {"form_id": "coffee.note", "context": "1", "note": "hi"},
    {"action_id": "coffee.cycle", "value": "1"}])
async def test_forged_ids_through_teams_action_submit(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, victim: Victim,
        data: dict[str, str]) -> None:
    user = {**TEAMS_TEACHER, "id": "29:mallory"}
    await teams.post(teams.message("hello", **{"from": user}))
    before, seen = await everything(runtime), len(connector.calls)
    response = await teams.post(teams.submit(data, "act-1", **{"from": user}))
    assert response.status in (200, 201)
    said = json.dumps([call.body for call in connector.calls[seen:]])
    assert WORDS not in said and await everything(runtime) == before


MALFORMED = ["\u00b2", "9" * 25, "1" * 5000, "-1", "\u0663", "2147483648",
             "student ID 4412345, call 555-867-5309"]


async def test_every_button_and_form_answers_a_malformed_id_without_failing(
        runtime: Runtime, chat: ConsoleChat, caplog: pytest.LogCaptureFixture) -> None:
    # A red team's (stop 47) forged "keep inviting me" value failed the turn, and the error's
    # traceback logged it whole, student details and all; then every id: int() refuses "²"
    # (which isdigit() passes) and 4,300 digits, SQLite 25.
    await chat.say("hello", as_=BELL)
    async with runtime.sessions() as session, session.begin():
        (await find_person(session, "console", "bell")).role = Role.ADMIN.value  # every action
    tried = 0
    for feature in FEATURES:
        for value in MALFORMED:
            for action in feature.actions:
                await chat.press(Button("x", action.action_id, value), as_=BELL)
            for form in feature.forms:
                await chat.submit(form.form_id, {"text": value}, value, as_=BELL)
            tried += len(feature.actions) + len(feature.forms)
    assert tried > 400
    assert not [r for r in caplog.records if r.levelname == "ERROR" or "4412345" in r.getMessage()]
