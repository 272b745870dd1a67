"""A fresh install in Teams: the admin's install greeting is the first-run checklist; a school
added from chat makes `coffee setup` open its form."""

from __future__ import annotations

from typing import Any

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.teams.conftest import Teams
from tests.adapters.teams.test_proactive import installed
from tests.adapters.teams.test_triage import COACH, COACH_CHAT, action
from tests.support.connector_stub import ConnectorStub, texts_of

ADMIN = {"id": "29:admin-ada", "name": "Ada"}
ADMIN_CHAT = "a:1personal-ada"


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The card's inputs by id."""
    found: dict[str, dict[str, Any]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input."):
                found[str(node["id"])] = node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(card)
    return found


async def test_an_admin_installs_sets_up_a_school_and_coffee_setup_opens(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    for activity in installed(teams, ADMIN_CHAT):
        activity["from"] = ADMIN
        await teams.post(activity)
    checklist, helped = connector.sent()
    assert "Getting started: 1 of 4 done" in " ".join(checklist.card_texts)
    assert "Add a school" in checklist.card_texts  # its button
    assert any("I'm prepbot" in t for t in helped.card_texts)

    await teams.post(teams.message("coffee setup", conversation=COACH_CHAT, user=COACH))
    assert "No schools yet" in " ".join(connector.sent()[-1].card_texts)

    await teams.post(teams.submit(action(checklist.card, "Add a school"), card_id="act-1",
                                  conversation=ADMIN_CHAT, user=ADMIN))
    form = connector.sent()[-1].card
    assert "**Add a school**" in texts_of(form)
    submit = action(form, "Save")
    await teams.post(teams.submit({**submit, "name": "Lincoln Middle", "tz": "America/Chicago",
                                   "opens": "07:45", "closes": "15:15", "days": "mon-fri"},
                                  card_id="act-2", conversation=ADMIN_CHAT, user=ADMIN))
    assert any(t.startswith("Lincoln Middle added: America/Chicago, 07:45-15:15")
               for t in connector.sent()[-1].card_texts)

    await teams.post(teams.message("coffee setup", conversation=COACH_CHAT, user=COACH))
    setup = connector.sent()[-1].card
    school = inputs(setup)["school"]
    assert [c["title"] for c in school["choices"]] == ["Lincoln Middle"]

    await teams.post(teams.message("prepbot setup", conversation=ADMIN_CHAT, user=ADMIN))
    ticked = " ".join(connector.sent()[-1].card_texts)
    assert "Getting started: 2 of 4 done" in ticked and "Done: 1." in ticked


async def test_a_teacher_installing_gets_the_welcome_without_the_checklist(
        teams: Teams, connector: ConnectorStub) -> None:
    for activity in installed(teams):
        await teams.post(activity)
    [greeting] = connector.sent()
    assert not any("Getting started" in t for t in greeting.card_texts)
