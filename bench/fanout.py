"""Coffee and Curriculum invitations to 10,000 teachers through the real Slack messenger
against the local Web API stub: once unlimited, once with the stub answering 429 Retry-After.

    python bench/fanout.py [--recipients 10000] [--rate 25]

Prints, for each run: messages per second, total time (planning included: the cohort's
members are listed and looked up through the stub), duplicates (must be 0) and 429s served.
The rate limit is per method (chat.postMessage, conversations.open), a token bucket of
`--rate` calls a second, Slack's shape (conversations.open is Tier 3, chat.postMessage about
one a second per channel with workspace bursts); it must be below the unlimited run's own
throughput to bind (on a loaded 2-CPU machine that was about 43 msg/s, so 200/s never did).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.runtime import build_runtime, load_settings  # noqa: E402
from adapters.slack.messenger import SlackMessenger, make_client  # noqa: E402
from tests.process.seeding import add_series, ledger_counts, member_ids, prepare  # noqa: E402
from tests.process.slack_record import RecordingSlack  # noqa: E402
from tests.support.clock import FakeClock  # noqa: E402

COHORT = "CBENCH"
MORNING = datetime(2026, 12, 8, 10, tzinfo=UTC)


@dataclass
class Result:
    """One run's figures."""

    label: str
    sent: int
    seconds: float
    duplicates: int
    limited: int

    def line(self) -> str:
        """The figures as one printed row."""
        rate = self.sent / self.seconds if self.seconds else 0.0
        return (f"{self.label:<28} {self.sent:>7} msgs {self.seconds:>8.1f} s "
                f"{rate:>8.1f} msg/s  duplicates {self.duplicates}  429s {self.limited}")


async def run(label: str, recipients: int, rate: float | None) -> Result:
    """One fan-out from an empty database to the last invitation sent."""
    stub = await RecordingSlack(rate).start()
    stub.members[COHORT] = member_ids(COHORT, recipients)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        await prepare(url)
        await add_series(url, COHORT, MORNING)
        runtime = await build_runtime(load_settings(DATABASE_URL=url), clock=FakeClock(MORNING),
                                      migrate=False)
        runtime.messengers.add(SlackMessenger(make_client("xoxb-bench", stub.api_url)))
        started = time.perf_counter()
        try:
            while (await runtime.dispatcher.tick()).sent or (await pending(url)):
                pass
            seconds = time.perf_counter() - started
        finally:
            await runtime.close()
            await stub.close()
    received = stub.invitations()
    duplicates = sum(count - 1 for count in received.values() if count > 1)
    return Result(label, sum(received.values()), seconds, duplicates, stub.limited)


async def pending(url: str) -> bool:
    """True while some invitation is still waiting to go."""
    counts = await ledger_counts(url)
    return bool(counts.get("pending") or counts.get("sending"))


async def main() -> None:
    """Both runs, side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=25.0)
    args = parser.parse_args()
    results = [await run("no rate limit (baseline)", args.recipients, None),
               await run(f"429 above {args.rate:.0f}/s per method", args.recipients,
                         args.rate)]
    for result in results:
        print(result.line())
    if any(r.duplicates or r.sent != args.recipients for r in results):
        sys.exit("FAILED: duplicates, or invitations missing")


if __name__ == "__main__":
    asyncio.run(main())
