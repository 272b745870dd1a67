"""Every coach or admin command, button and form, tried by someone without the role, on every
adapter: refused with a sentence that says who may, and not one row written anywhere."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from adapters.runtime import Runtime
from adapters.slack.bolt_app import NOT_TAKEN
from adapters.web.api import PLAYGROUND
from bot.features import FEATURES
from bot.registry import Registry
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.teams.conftest import TEACHER as TEAMS_TEACHER
from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import Slack, row_counts
from tests.support.connector_stub import ConnectorStub


@dataclass(frozen=True)
class Attempt:
    """One privileged thing to try: a command (name and text), an action or a form."""

    kind: str
    name: str
    text: str = ""
    needs: Role = Role.COACH

    def __str__(self) -> str:
        return f"{self.kind}:{self.name} {self.text}".strip()


def privileged() -> list[Attempt]:
    """Every command, sub-command, button and form the features declare above teacher."""
    router = Registry(FEATURES).router
    found = [Attempt("command", path.split()[0], " ".join(path.split()[1:]), route.role)
             for path, route in router.commands.items() if route.role != Role.TEACHER]
    found += [Attempt("action", name, "", route.role)
              for name, route in router.actions.items() if route.role != Role.TEACHER]
    found += [Attempt("form", name, "", route.role)
              for name, route in router.forms.items() if route.role != Role.TEACHER]
    # With arguments that would change something, too.
    found += [Attempt("command", "prepbot", "role slack:UTEACHER admin", Role.ADMIN),
              Attempt("command", "prepbot", "settings ticket_retention_days 1", Role.ADMIN)]
    return found


ATTEMPTS = privileged()
CASES = [(a, Role.TEACHER) for a in ATTEMPTS] + [
    (a, Role.COACH) for a in ATTEMPTS if a.needs == Role.ADMIN]


def refused(text: str, attempt: Attempt) -> bool:
    """The reply says no, and says who may."""
    lowered = text.lower()
    who = "admins" if attempt.needs == Role.ADMIN else "coaches"
    return "only" in lowered and who in lowered


def test_the_matrix_covers_every_privileged_route() -> None:
    names = {f"{a.name} {a.text}".strip() for a in ATTEMPTS}
    assert {"pulse", "pulse start", "digest", "digest settings", "coffee setup",
            "prepbot settings route", "tickets.claim", "tickets.resolve",
            "tickets.reply"} <= names


async def grant(runtime: Runtime, platform: str, user_id: str, role: Role) -> None:
    """Give the person trying the role under test (teachers are teachers already)."""
    await runtime.bot.grant(Person(platform=platform, user_id=user_id), role)


async def each_case(attempt_one: Callable[[Attempt, Role], Awaitable[str | None]]) -> None:
    """Try every case on one running adapter (one server for all: building one per case was
    most of the suite's time); each case's own check is that nothing is written. Fails
    naming every case that was not refused."""
    failures = [f"{attempt} as {role.value}: {problem}" for attempt, role in CASES
                if (problem := await attempt_one(attempt, role))]
    assert not failures, "\n".join(failures)


async def test_every_privileged_route_is_refused_on_the_playground(
        http: ClientSession, server: TestServer) -> None:
    demo = server.app[PLAYGROUND].bot  # the playground's own database

    async def attempt_one(attempt: Attempt, role: Role) -> str | None:
        persona = {"role": role.value, "name": "Tester"}  # the demo's persona switch
        body: dict[str, Any] = {"kind": "message", "persona": persona, "text": "hello"}
        await http.post("/playground/send", json=body)  # the person exists before counting
        before = await row_counts(demo)
        if attempt.kind == "command":
            body = {"kind": "command", "name": attempt.name, "text": attempt.text}
        elif attempt.kind == "action":
            body = {"kind": "action", "action_id": attempt.name, "value": "1"}
        else:
            body = {"kind": "submission", "form_id": attempt.name, "values": {},
                    "context": "1"}
        async with http.post("/playground/send", json={**body, "persona": persona}) as answer:
            if answer.status != 200:
                return f"HTTP {answer.status}"
            replies = json.dumps((await answer.json())["replies"])
        return judged(replies, attempt, before, await row_counts(demo))

    await each_case(attempt_one)


async def test_every_privileged_route_is_refused_on_slack(slack: Slack,
                                                          runtime: Runtime) -> None:
    async def attempt_one(attempt: Attempt, role: Role) -> str | None:
        user = f"U{role.value.upper()}"
        await grant(runtime, "slack", user, role)
        await slack.dm("hello", user=user)
        before, seen = await row_counts(runtime), len(slack.stub.calls)
        if attempt.kind == "command":
            for _ in range(3):  # one the server could not store on a busy machine (it says so,
                # and stores nothing) is typed again, as its sender would
                _, answer = await slack.command(f"/{attempt.name}", attempt.text, user=user)
                if NOT_TAKEN not in answer:
                    break
        elif attempt.kind == "action":
            await slack.click({"action_id": attempt.name, "value": "1"}, user=user)
        else:
            await slack.interact({
                "type": "view_submission", "user": {"id": user}, "team": {"id": "T1"},
                "trigger_id": "t1", "view": {"id": "V1", "type": "modal",
                                             "callback_id": attempt.name,
                                             "private_metadata": "",
                                             "state": {"values": {}}}})
        said = json.dumps([call.params for call in slack.stub.calls[seen:]])
        return judged(said, attempt, before, await row_counts(runtime))

    await each_case(attempt_one)


async def test_every_privileged_route_is_refused_on_teams(teams: Teams, connector: ConnectorStub,
                                                          runtime: Runtime) -> None:
    async def attempt_one(attempt: Attempt, role: Role) -> str | None:
        user = {**TEAMS_TEACHER, "id": f"29:{role.value}"}
        await grant(runtime, "teams", user["id"], role)
        await teams.post(teams.message("hello", **{"from": user}))
        before = await row_counts(runtime)
        for _ in range(2):  # told "nothing was saved" (a write slower than the inbox waits,
            # on a loaded machine), she tries again, as the reply asks
            seen = len(connector.calls)
            response = await teams.post(teams_activity(teams, attempt, user))
            if response.status not in (200, 201):
                return f"HTTP {response.status}"
            said = json.dumps([call.body for call in connector.calls[seen:]])
            if "nothing was saved" not in said:
                break
        return judged(said, attempt, before, await row_counts(runtime))

    await each_case(attempt_one)


def teams_activity(teams: Teams, attempt: Attempt, user: dict[str, str]) -> dict[str, Any]:
    """The attempt as Teams sends it: a typed command, or a card's Action.Submit."""
    if attempt.kind == "command":
        return teams.message(f"/{attempt.name} {attempt.text}".strip(), **{"from": user})
    key = "action_id" if attempt.kind == "action" else "form_id"
    extra = {"value": "1"} if attempt.kind == "action" else {"context": "1"}
    return teams.submit({key: attempt.name, **extra}, "act-1", **{"from": user})


def judged(said: str, attempt: Attempt, before: object, after: object) -> str | None:
    """What went wrong with one case (None: refused, saying who may, and nothing written)."""
    if not refused(said, attempt):
        return f"not refused: {said[:300]}"
    return None if after == before else f"rows changed: {before} -> {after}"
