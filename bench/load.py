"""A mixed workload through the Slack and Teams endpoints at a fixed rate, on PostgreSQL.

    python bench/load.py [--seconds 60] [--rate 20] [--pg postgresql://...]

The server runs in a child process (so its latency and memory are its own): Slack signed
with a bench secret, Teams with a real app id whose tokens are checked against a local key;
the Slack Web API, response_url and the Bot Connector are stubs in this process. Requests are
sent open-loop at `--rate` per second (a slow server does not slow the arrivals): DM
questions, /ask, button clicks and /ticket on Slack, questions and /ticket on Teams. Printed:
throughput, p50/p99 time to acknowledgement, errors (any non-2xx or failure), the server's
RSS at start and end.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from aiohttp import ClientSession, TCPConnector, web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from anywhere

from tests.support.bf_tokens import LocalCredentialsFactory, OpenIdStub  # noqa: E402
from tests.support.connector_stub import ConnectorStub  # noqa: E402
from tests.support.signing import form_body, interactive_body, json_body, signed_headers  # noqa: E402
from tests.support.slack_stub import SlackStub  # noqa: E402

SECRET = "bench-load-signing-secret"
APP_ID = "00000000-0000-0000-0000-0000000b3ec4"
PG = "postgresql://prepbot:prepbot@127.0.0.1:5432/prepbot_test"
QUESTIONS = ("the projector says no signal", "my smartboard pen is off by an inch",
             "wifi keeps dropping in room 12", "how do I reset a student password",
             "the document camera image is upside down", "printer in the library jams")
MIX = (("slack_dm", 30), ("slack_ask", 20), ("slack_click", 15), ("slack_ticket", 10),
       ("teams_message", 15), ("teams_ticket", 10))


def serve(port: int, metadata_url: str, issuer: str) -> None:
    """The child: prepbot's real app, Teams trusting the parent's local key."""
    import adapters.teams
    from adapters.runtime import load_settings
    from adapters.server import _app_factory
    from adapters.teams.cloud_adapter import Cloud, make_authentication

    settings = load_settings()
    cloud = Cloud(openid_metadata_url=metadata_url, token_issuer=issuer)
    auth = make_authentication(settings, cloud, LocalCredentialsFactory(APP_ID))
    adapters.teams.mount = functools.partial(adapters.teams.mount, authentication=auth)
    web.run_app(_app_factory(settings), host="127.0.0.1", port=port, print=None,
                access_log=None)


def rss_kib(pid: int) -> int:
    """The process's resident memory, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Load:
    """Builds each kind of request and sends it, recording the time to acknowledgement."""

    def __init__(self, http: ClientSession, base: str, slack: SlackStub, connector: ConnectorStub,
                 token: str) -> None:
        self.http, self.base, self.slack, self.connector = http, base, slack, connector
        self.token, self.ids = token, itertools.count(1)
        self.run = f"{time.time_ns():x}"  # event ids unique across runs: none is a duplicate
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def _slack(self, kind: str, n: int, user: str) -> tuple[bytes, str]:
        question = random.choice(QUESTIONS)
        if kind == "slack_dm":
            event = {"type": "message", "channel_type": "im", "user": user,
                     "channel": f"D{user}", "text": question, "ts": f"{time.time():.6f}"}
            return json_body({"type": "event_callback", "event_id": f"EvL{self.run}-{n}",
                              "team_id": "T1", "event": event})
        if kind == "slack_click":
            return interactive_body({
                "type": "block_actions", "user": {"id": user}, "team": {"id": "T1"},
                "trigger_id": f"t{n}", "channel": {"id": f"D{user}"},
                "container": {"type": "message", "channel_id": f"D{user}"},
                "message": {"ts": "1.1", "text": ""}, "response_url": self.slack.response_url(),
                "actions": [{"type": "button", "action_id": "answers.none", "value": question,
                             "block_id": "b", "action_ts": "1.1"}]})
        text = question if kind == "slack_ask" else f"{question} in room {n % 300}"
        return form_body({"command": "/ask" if kind == "slack_ask" else "/ticket", "text": text,
                          "user_id": user, "channel_id": f"D{user}", "team_id": "T1",
                          "response_url": self.slack.response_url(), "trigger_id": f"t{n}"})

    async def one(self, kind: str) -> None:
        """Send one request of a kind and record how long the acknowledgement took."""
        n = next(self.ids)
        user = f"U{n % 200:04d}"
        if kind.startswith("slack"):
            body, content_type = self._slack(kind, n, user)
            url, headers = "/slack/events", signed_headers(SECRET, body, content_type)
        else:
            text = random.choice(QUESTIONS)
            activity = {"type": "message", "id": f"m{self.run}-{n}", "channelId": "msteams",
                        "serviceUrl": self.connector.url, "text": text if kind == "teams_message"
                        else f"/ticket {text} in room {n % 300}",
                        "from": {"id": f"29:{user}", "name": user},
                        "recipient": {"id": f"28:{APP_ID}", "name": "prepbot"},
                        "conversation": {"id": f"a:{user}", "conversationType": "personal"},
                        "channelData": {"tenant": {"id": "t1"}}}
            body, url = json.dumps(activity).encode(), "/api/messages"
            headers = {"Content-Type": "application/json", "Authorization": self.token}
        started = time.perf_counter()
        try:
            async with self.http.post(self.base + url, data=body, headers=headers) as response:
                await response.read()
                if response.status >= 300:
                    self.errors.append(f"{kind} {response.status}")
        except Exception as error:  # counted, never hidden
            self.errors.append(f"{kind} {type(error).__name__}")
        self.latencies.append(time.perf_counter() - started)


async def run(seconds: float, rate: float, pg: str) -> None:
    """Start the stubs and the server, drive the load, print the figures."""
    slack, connector, openid = await SlackStub().start(), ConnectorStub(), OpenIdStub()
    await connector.start()
    openid.start()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": pg, "SLACK_BOT_TOKEN": "xoxb-bench",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url,
           "MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "bench", "PREPBOT_SCHEDULER": "0"}
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(port), openid.metadata_url,
                              openid.issuer], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        async with ClientSession(connector=TCPConnector(limit=0)) as http:
            for _ in range(200):  # wait for start-up (migrations included)
                if child.poll() is not None:
                    raise SystemExit("the server did not start; see its output above")
                try:
                    async with http.get(base + "/healthz") as ready:
                        if ready.status == 200:
                            break
                except OSError:
                    pass
                await asyncio.sleep(0.1)
            load = Load(http, base, slack, connector,
                        "Bearer " + openid.token(APP_ID, connector.url))
            await load.one("slack_ask")  # warm up: auth.test, first connections
            load.latencies.clear()
            rss_start = rss_kib(child.pid)
            kinds = [kind for kind, weight in MIX for _ in range(weight)]
            tasks, started, total = [], time.perf_counter(), int(seconds * rate)
            for n in range(total):  # open loop: each request leaves on schedule
                delay = started + n / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(load.one(random.choice(kinds))))
            await asyncio.gather(*tasks)
            wall = time.perf_counter() - started
            await asyncio.sleep(2)  # let acknowledged work finish before reading memory
            rss_end = rss_kib(child.pid)
    finally:
        child.terminate()
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:  # still draining acknowledged work: stop it
            child.kill()
            child.wait()
        await slack.close()
        await connector.close()
        openid.stop()
    ms = sorted(x * 1000 for x in load.latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"rate {rate:g}/s for {seconds:g} s on {pg.split('@')[-1]}: {len(ms)} requests, "
          f"throughput {len(ms) / wall:.1f}/s, ack p50 {statistics.median(ms):.0f} ms, "
          f"p99 {p99:.0f} ms, errors {len(load.errors)}, server RSS {rss_start // 1024} MiB -> "
          f"{rss_end // 1024} MiB; replies sent: Slack {len(slack.calls)}, "
          f"Teams {len(connector.calls)}")
    if load.errors:
        print("errors:", sorted(set(load.errors))[:10])


def main() -> None:
    """Parse the arguments; `--serve` is the child's entry point."""
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), sys.argv[3], sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--pg", default=os.environ.get("PREPBOT_TEST_DATABASE_URL", PG))
    args = parser.parse_args()
    asyncio.run(run(args.seconds, args.rate, args.pg))


if __name__ == "__main__":
    main()
