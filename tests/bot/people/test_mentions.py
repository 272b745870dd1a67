"""People named in a command come back in the order the text names them, however each is
named: typed, Slack's escaped mention, or a Teams mention by id (a red team's, stop 51:
`/prepbot handover @Mr Okafor <@UPARK>` read the mention first, and gave the new coach's work
to the coach who had left)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.runtime import Runtime
from bot.people.directory import remember_person
from bot.people.mentions import named_people
from bot.vocabulary import Person

NOW = datetime(2026, 12, 1, 15, tzinfo=UTC)
OKAFOR = Person(platform="slack", user_id="UOKAFOR", display_name="Mr Okafor")
PARK = Person(platform="slack", user_id="UPARK01", display_name="Ms Park")
CHEN = Person(platform="slack", user_id="UCHEN", display_name="Mr Chen")


@pytest.mark.parametrize(("text", "mentioned", "expected"), [
    ("@Mr Okafor <@UPARK01|ms.park>", (), ["UOKAFOR", "UPARK01"]),
    ("<@UPARK01|ms.park> @Mr Okafor", (), ["UPARK01", "UOKAFOR"]),
    ("@Mr Okafor @Ms Park", (PARK,), ["UOKAFOR", "UPARK01"]),  # Teams: only Park mentioned
    ("@Ms Park @Mr Okafor", (OKAFOR,), ["UPARK01", "UOKAFOR"]),
    ("Mr Chen Ms Park, <@UOKAFOR>", (), ["UCHEN", "UPARK01", "UOKAFOR"]),
    ("Ms Park and Mr Chen", (), ["UPARK01", "UCHEN"]),
])
async def test_people_come_in_the_order_the_text_names_them(
        runtime: Runtime, text: str, mentioned: tuple[Person, ...], expected: list[str]) -> None:
    async with runtime.sessions() as session, session.begin():
        for person in (OKAFOR, PARK, CHEN):
            await remember_person(session, person, NOW, frozenset())
        named = await named_people(session, "slack", text, NOW, mentioned=mentioned)
    assert [p.user_id for p in named.people] == expected and named.unknown == []


@pytest.mark.parametrize(("text", "mentioned", "expected"), [
    ("Mr Okafor, Ms Park <@UOKAFOR>", (), ["UOKAFOR", "UPARK01"]),  # named twice: first place
    ("@Mr Okafor Chen @Mr Okafor", (OKAFOR,), ["UCHENO", "UOKAFOR"]),  # a mention in a name
])
async def test_a_person_named_twice_or_inside_a_longer_name_keeps_their_place(
        runtime: Runtime, text: str, mentioned: tuple[Person, ...], expected: list[str]) -> None:
    # A red team's (stop 51): a later mention moved her ahead; a Teams mention "Mr Okafor"
    # took the place of a typed "Mr Okafor Chen", who was dropped.
    other = Person(platform="slack", user_id="UCHENO", display_name="Mr Okafor Chen")
    async with runtime.sessions() as session, session.begin():
        for person in (OKAFOR, PARK, other):
            await remember_person(session, person, NOW, frozenset())
        named = await named_people(session, "slack", text, NOW, mentioned=mentioned)
    assert [p.user_id for p in named.people] == expected and named.unknown == []
