"""`prepbot serve` as a separate process, as an operator runs it: free ports, bounded waits."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A port nothing listens on right now (127.0.0.1)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepbot(*args: str, cwd: Path, env: dict[str, str],
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `prepbot ARGS` to completion in `cwd` (python -m adapters.cli is the same program)."""
    return subprocess.run([sys.executable, "-m", "adapters.cli", *args], cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO), **env},
                          capture_output=True, text=True, timeout=timeout, check=False)


class Replica:
    """One `prepbot serve` process; its stdout and stderr go to files in its folder."""

    def __init__(self, cwd: Path, env: dict[str, str], name: str = "prepbot") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.out, self.err = cwd / f"{name}.out", cwd / f"{name}.err"
        environment = {**os.environ, "PYTHONPATH": str(REPO), "PREPBOT_HOST": "127.0.0.1",
                       **env}
        with self.out.open("w") as out, self.err.open("w") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "adapters.cli", "serve", "--port", str(self.port)],
                cwd=cwd, env=environment, stdout=out, stderr=err)

    def log_lines(self) -> list[str]:
        """What the process wrote to stderr (its logs) so far."""
        return self.err.read_text(encoding="utf-8").splitlines()

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, then SIGKILL if it does not stop in time; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return int(self.process.returncode)


async def until(check: Callable[[], Awaitable[Any]], timeout: float, what: str,
                every: float = 0.2) -> Any:
    """Call `check` until it returns something truthy; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(every)


async def get_json(http: ClientSession, url: str) -> tuple[int, Any]:
    """GET a JSON document; (0, None) when nothing answers yet."""
    try:
        async with http.get(url, timeout=ClientTimeout(total=5)) as response:
            return response.status, await response.json(content_type=None)
    except (TimeoutError, ClientError, OSError, ValueError):
        return 0, None


async def ready(http: ClientSession, replica: Replica, timeout: float = 60) -> dict[str, Any]:
    """Wait for a replica's /healthz to say 200; fail early if the process died."""
    async def check() -> dict[str, Any] | None:
        if replica.process.poll() is not None:
            raise AssertionError(f"prepbot exited {replica.process.returncode}:\n"
                                 + "\n".join(replica.log_lines()[-30:]))
        status, body = await get_json(http, f"{replica.url}/healthz")
        return body if status == 200 else None
    return dict(await until(check, timeout, f"{replica.url}/healthz"))
