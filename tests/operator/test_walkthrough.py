"""A new operator follows docs/ on this machine: PostgreSQL, two replicas, Slack, then a move
from SQLite to PostgreSQL with `prepbot db copy`.

The docs install with `python -m venv .venv && .venv/bin/pip install .`. Doing that here would
download every dependency (no network in CI, minutes without a cache), so the test runs the
same program (`python -m adapters.cli` is the `prepbot` console script) from the current
interpreter's environment, in a fresh working folder with nothing but what the docs create.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession

from tests.deploy.databases import fresh_postgres, seed_sqlite, snapshot
from tests.deploy.servers import Replica, get_json, prepbot, ready, until
from tests.support.signing import form_body, interactive_body, signed_headers

SERVER = os.environ.get("PREPBOT_TEST_DATABASE_URL", "")
pytestmark = [pytest.mark.timeout(300),
              pytest.mark.skipif(not SERVER, reason="needs PREPBOT_TEST_DATABASE_URL")]
slack_stub = pytest.importorskip("tests.support.slack_stub")
pytest.importorskip("adapters.slack")

SECRET = "operator-signing-secret"
TEACHER, COACH, ADMIN = "UTEACHER", "UCOACH", "UADMIN"
REMINDER = "is still waiting on you"
ids = itertools.count(1)


async def post(http: ClientSession, replica: Replica, body: tuple[bytes, str],
               secret: str = SECRET) -> int:
    """POST a Slack payload to a replica, signed as Slack signs it."""
    raw, kind = body
    async with http.post(f"{replica.url}/slack/events", data=raw,
                         headers=signed_headers(secret, raw, kind)) as response:
        return response.status


async def command(http: ClientSession, replica: Replica, stub: Any, name: str, text: str,
                  user: str, reply_to: str) -> int:
    """A slash command typed in Slack, its answer due at the stub's response_url `reply_to`."""
    fields = {"command": name, "text": text, "user_id": user, "user_name": user.lower(),
              "channel_id": "CTRIAGE", "channel_name": "triage", "team_id": "T1",
              "response_url": stub.response_url(reply_to), "trigger_id": f"t{next(ids)}"}
    return await post(http, replica, form_body(fields))


async def click(http: ClientSession, replica: Replica, stub: Any, action: str, value: str,
                user: str) -> int:
    """A button clicked in Slack."""
    payload = {"type": "block_actions", "user": {"id": user, "username": user.lower()},
               "team": {"id": "T1"}, "trigger_id": f"t{next(ids)}",
               "channel": {"id": "CTRIAGE"},
               "container": {"type": "message", "channel_id": "CTRIAGE"},
               "message": {"ts": "1700000000.000001", "text": ""},
               "response_url": stub.response_url(f"click{next(ids)}"),
               "actions": [{"type": "button", "action_id": action, "block_id": "b1",
                            "value": value, "action_ts": "1700000200.000001"}]}
    return await post(http, replica, interactive_body(payload))


def answers(stub: Any, reply_to: str) -> str:
    """Everything the stub received on one response_url, as text."""
    return json.dumps([c.params for c in stub.of("response_url")
                       if c.params.get("url_id") == reply_to])


def reminders(stub: Any) -> int:
    """How many ticket reminders reached Slack."""
    return sum(REMINDER in json.dumps(c.params) for c in stub.of("chat.postMessage"))


async def scheduler_of(http: ClientSession, replica: Replica) -> str:
    """What a replica's /healthz says about the scheduler ("" when it does not answer)."""
    _, body = await get_json(http, f"{replica.url}/healthz")
    return str(body["scheduler"]) if isinstance(body, dict) else ""


async def ticks(http: ClientSession, replicas: list[Replica]) -> float:
    """Scheduler ticks run so far, over all replicas (only the leader ticks)."""
    total = 0.0
    for replica in replicas:
        async with http.get(f"{replica.url}/metrics") as response:
            for line in (await response.text()).splitlines():
                if line.startswith('prepbot_scheduler_ticks_total{outcome="ok"}'):
                    total += float(line.split()[-1])
    return total


async def test_two_replicas_on_postgresql_answer_slack_and_one_leads(tmp_path: Path) -> None:
    stub = await slack_stub.SlackStub().start()
    replicas: list[Replica] = []
    try:
        async with fresh_postgres(SERVER) as url, ClientSession() as http:
            # docs/install.md: settings in the environment (or .env), migrate, roles, serve.
            env = {"DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-operator",
                   "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": stub.api_url,
                   "PREPBOT_ADMINS": f"slack:{ADMIN}", "PREPBOT_TICK_SECONDS": "1",
                   "LOG_FORMAT": "json"}
            upgraded = prepbot("db", "upgrade", cwd=tmp_path, env=env)
            assert upgraded.returncode == 0, upgraded.stderr
            coach = prepbot("roles", "set", f"slack:{COACH}", "coach", cwd=tmp_path, env=env)
            assert coach.returncode == 0, coach.stderr
            replicas = [Replica(tmp_path, env, "replica-a"), Replica(tmp_path, env, "replica-b")]
            a, b = replicas
            for replica in replicas:
                await ready(http, replica)
            assert await until(lambda: _one_leader(http, replicas), 30, "exactly one leader")

            # Signed requests are answered by both replicas; an unsigned one by neither. One
            # after the other: a person's very first two messages arriving on two replicas at
            # the same instant can both try to create their row (see the report of issue 11).
            for replica, name in ((a, "help-a"), (b, "help-b")):
                assert await command(http, replica, stub, "/prepbot", "help", TEACHER,
                                     name) == 200
                assert await post(http, replica, form_body({"command": "/ask"}),
                                  secret="wrong") == 401
                await until(functools.partial(_said, stub, name, "/ticket"), 20, name)

            # A scheduled job runs exactly once: a ticket waits on its teacher, the leader's
            # sweep reminds them (reminders after 0 school days, set from chat by an admin).
            assert await command(http, a, stub, "/ticket", "the projector in room 12 flickers",
                                 TEACHER, "ticket") == 200
            await until(lambda: _said(stub, "ticket", "Ticket #1 is open"), 20, "ticket #1")
            assert await command(http, b, stub, "/prepbot", "settings ticket_remind_after_days 0",
                                 ADMIN, "settings") == 200
            await until(lambda: _said(stub, "settings", "is now 0"), 20, "the setting")
            # Reminders go out in school hours only: a school open all week, so the test does
            # not depend on the real time of day.
            assert await command(http, b, stub, "/prepbot",
                                 "schools add Night Shift Etc/UTC 00:00-23:59 mon-sun",
                                 ADMIN, "school-add") == 200
            await until(lambda: _said(stub, "school-add", "Night Shift"), 20, "the school")
            assert await command(http, a, stub, "/prepbot", "school Night Shift", TEACHER,
                                 "school") == 200
            await until(lambda: _said(stub, "school", "Night Shift"), 20, "the teacher's school")
            assert await click(http, b, stub, "tickets.wait", "1", COACH) == 200
            await until(lambda: _count(stub), 30, "the leader's reminder")
            seen = await ticks(http, replicas)
            await until(lambda: _ticked(http, replicas, seen + 2), 20, "two more ticks")
            assert reminders(stub) == 1, "the reminder was sent more than once"

            # The leader stops; the follower takes over.
            leader = a if await scheduler_of(http, a) == "leader" else b
            assert leader.stop() == 0
            other = b if leader is a else a
            await until(lambda: _leads(http, other), 30, "the follower to take over")
    finally:
        for replica in replicas:
            replica.stop()
        await stub.close()
    logs = "\n".join(line for r in replicas for line in r.log_lines())
    assert "room 12 flickers" not in logs and SECRET not in logs


async def _one_leader(http: ClientSession, replicas: list[Replica]) -> bool:
    return sorted([await scheduler_of(http, r) for r in replicas]) == ["follower", "leader"]


async def _leads(http: ClientSession, replica: Replica) -> bool:
    return await scheduler_of(http, replica) == "leader"


async def _said(stub: Any, reply_to: str, words: str) -> bool:
    return words in answers(stub, reply_to)


async def _count(stub: Any) -> bool:
    return reminders(stub) >= 1


async def _ticked(http: ClientSession, replicas: list[Replica], wanted: float) -> bool:
    return await ticks(http, replicas) >= wanted


async def test_sqlite_moves_to_postgresql_with_db_copy(tmp_path: Path) -> None:
    # docs/scaling.md: stop prepbot, copy, point DATABASE_URL at PostgreSQL, start again.
    source = seed_sqlite(tmp_path)
    async with fresh_postgres(SERVER) as url:
        copied = prepbot("db", "copy", "--from", source, "--to", url, cwd=tmp_path, env={})
        assert copied.returncode == 0, copied.stderr
        (before, sample), (after, moved) = await snapshot(source), await snapshot(url)
        assert after == before and sum(before.values()) > 0
        for table in sample:
            assert moved[table] == sample[table], table
        current = prepbot("db", "current", cwd=tmp_path, env={"DATABASE_URL": url})
        assert current.returncode == 0, current.stdout
