"""One tool's year through /api/messages: commands typed as words, the checklist card, a
pilot naming teachers as Teams leaves @mentions (plain names), both TAM waves answered on
cards, a 3rd-period error log, the report and an adopt decision, the first quarterly pulse,
the review flag and the thirty days' notice."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from adapters.runtime import Runtime
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.teams.conftest import Teams
from tests.bot.features.conftest import NEW_YORK, advance
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock
from tests.support.connector_stub import Call, ConnectorStub

COACH = {"id": "29:coach-okafor", "name": "Mr Okafor"}
ADMIN = {"id": "29:admin-ada", "name": "Ada"}
TEACHERS = [({"id": "29:rivera", "name": "Ms Rivera"}, "10:15-11:00"),
            ({"id": "29:chen", "name": "Mr Chen"}, "12:30-13:15"),
            ({"id": "29:diaz", "name": "Dr Diaz"}, "13:20-14:05")]
AGREE, UNSURE = ((6, 6), (6, 5), (6, 7)), ((4, 4), (4, 3), (3, 4))


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


def chat_of(user: dict[str, str]) -> str:
    """A person's 1:1 chat with the bot."""
    return f"a:1personal-{user['id'].partition(':')[2]}"


class Desk:
    """People typing to prepbot in their 1:1 chats, and what reached each chat."""

    def __init__(self, teams: Teams, connector: ConnectorStub) -> None:
        self.teams, self.connector = teams, connector

    async def say(self, user: dict[str, str], text: str) -> None:
        """Type in one's 1:1 chat (New York time)."""
        await self.teams.post(self.teams.message(text, conversation=chat_of(user), user=user,
                                                 localTimezone="America/New_York"))

    async def press(self, user: dict[str, str], data: dict[str, Any]) -> None:
        """Click a card's button (or submit its form) in one's 1:1 chat."""
        await self.teams.post(self.teams.submit(data, "act-card", conversation=chat_of(user),
                                                user=user, localTimezone="America/New_York"))

    def cards(self, user: dict[str, str], words: str) -> list[Call]:
        """What reached a person's chat (new or updated cards) holding some words."""
        calls = sorted([*self.connector.sent(), *self.connector.sent("PUT")], key=lambda c: c.at)
        return [c for c in calls if c.channel == chat_of(user)
                and any(words in t for t in c.card_texts)]


def action(call: Call, title: str) -> dict[str, Any]:
    """The data of a card's button, by the start of its title."""
    return dict(next(a for e in call.card["body"] if e["type"] == "ActionSet"
                     for a in e["actions"] if a["title"].startswith(title))["data"])


def form_data(call: Call) -> dict[str, Any]:
    """The data of a card's form submit (its form id and context)."""
    return dict(next(a for e in call.card["body"] if e["type"] == "ActionSet"
                     for a in e["actions"] if "form_id" in a.get("data", {}))["data"])


async def answer_survey(desk: Desk, user: dict[str, str], points: Any) -> None:
    """A teacher answers the newest survey card in their chat."""
    card = desk.cards(user, "Send my answers")[-1]
    await desk.press(user, {**form_data(card), **likert(*points)})


async def test_a_tools_year_in_teams(teams: Teams, connector: ConnectorStub, runtime: Runtime,
                                     clock: FakeClock) -> None:
    desk = Desk(teams, connector)
    clock.current = at("2026-11-30", 9)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York",
                          time(7, 30),
                          time(15, 30))
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    for user, prep in TEACHERS:
        connector.personal[user["id"]] = chat_of(user)
        await desk.say(user, "prepbot school Lincoln Elementary")
        await desk.say(user, f"prepbot prep {prep} mon-fri")
    connector.personal[COACH["id"]] = chat_of(COACH)
    await desk.say(COACH, "prepbot school Lincoln Elementary")
    await desk.say(ADMIN, "prepbot settings pulse_min_responses 3")
    rivera, chen, diaz = (user for user, _ in TEACHERS)

    # The request, "me too", the checklist card, and the pilot with Teams' plain names.
    await desk.say(rivera, "can I use Blooket with my class?")
    await desk.press(rivera, action(desk.cards(rivera, "Request Blooket")[-1], "Request Blooket"))
    await desk.say(chen, "can I use Blooket with my class?")
    await desk.press(chen, action(desk.cards(chen, "under review")[-1], "Me too"))
    assert desk.cards(chen, "2 teachers have asked for it")
    await desk.say(COACH, "tools add Kahoot adopted")
    await desk.say(COACH, "tools checklist Blooket")
    checklist = desk.cards(COACH, "Checklist: Blooket")[-1]
    await desk.press(COACH, {**form_data(checklist), "privacy": "pass", "sso": "pass",
                             "accessibility": "pass", "cost": "pass", "mobile": "pass"})
    assert desk.cards(COACH, "It may enter a pilot")
    mentions = " ".join(f"<at>{u['name']}</at>" for u, _ in TEACHERS)
    await desk.say(COACH, f"pilot start Blooket with {mentions} for 4 weeks")
    assert desk.cards(COACH, "with Ms Rivera, Mr Chen, Dr Diaz")

    # Both waves answered on cards; Blooket breaks in 3rd period on four days.
    await advance(runtime, clock, at("2026-11-30", 15))
    for (user, _), points in zip(TEACHERS, (AGREE, AGREE, UNSURE), strict=True):
        await answer_survey(desk, user, points)
    for day in ("2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"):
        await advance(runtime, clock, at(day, 11))
        await desk.say(rivera, "Blooket froze again in 3rd period")
    await desk.say(chen, "ticket Blooket crashes in 3rd period every day")
    await advance(runtime, clock, at("2026-12-21", 15))
    for user, _ in TEACHERS:
        await answer_survey(desk, user, AGREE)

    # The report, and the coach's adopt decision on its card.
    await advance(runtime, clock, at("2026-12-28", 9))
    [report] = desk.cards(COACH, "Blooket pilot report")
    shown = "\n".join(report.card_texts)
    assert "3rd period: 5 reports on 4 different days, a pattern" in shown
    assert "Recommendation: adopt" in shown
    await desk.press(COACH, action(report, "Adopt"))
    assert desk.cards(COACH, "Blooket is adopted")
    await desk.say(diaz, "can I use Blooket with my class?")
    assert desk.cards(diaz, "Yes: Blooket is approved")

    # The first quarterly pulse; a semester on, the review flag and the notice.
    clock.current = at("2027-03-29", 6)
    await advance(runtime, clock, at("2027-03-29", 15))
    for user, _ in TEACHERS:
        assert len(desk.cards(user, "Send my answers")) == 3
        await answer_survey(desk, user, UNSURE)
    await desk.say(COACH, "tools use Blooket 20 intended")
    clock.current = at("2027-05-03", 5)
    await advance(runtime, clock, at("2027-05-03", 12))
    [flag] = desk.cards(COACH, "Blooket is used by 3 of the 20 teachers")
    await desk.press(COACH, action(flag, "Retire"))
    retire = desk.cards(COACH, "Retire Blooket")[-1]
    await desk.press(COACH, {**form_data(retire), "reason": "under 30% of teachers use it",
                             "alternative": "Kahoot"})
    await advance(runtime, clock, at("2027-05-04", 15))
    for user, _ in TEACHERS:
        [notice] = desk.cards(user, "Notice: Blooket will be retired on Wednesday 2 June")
        assert any("Kahoot" in t for t in notice.card_texts)
