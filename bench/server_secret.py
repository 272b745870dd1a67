"""The server secret's operations with each purpose's key derived once, beside deriving it
on every call (as before stop 43), in the same process, alternating.

    python bench/server_secret.py [--calls 20000] [--pairs 5]

Prints the median microseconds a call over the pairs for: sealing a 32 KiB inbox form and
opening it, sealing a pulse answer, signing and verifying a visitor cookie, and the keyed hash
that names a pulse respondent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.server_secret import ServerSecret, derive  # noqa: E402

KEY = b"k" * 32
FORM = b"x" * 32 * 1024
ANSWER = b"{}".ljust(512)


class EveryCall(ServerSecret):
    """The baseline: HKDF on every seal, open, hash, sign and verify."""

    def _derive(self, purpose: str) -> bytes:
        return derive(self._key, purpose)


def operations(secret: ServerSecret) -> dict[str, Callable[[], object]]:
    """One call of each kind the product makes."""
    sealed_form = secret.seal("inbox", FORM)
    cookie = secret.sign("visitor", "web:3f2a9c")
    return {
        "seal + open a 32 KiB form": lambda: secret.open("inbox", secret.seal("inbox", FORM)),
        "open a 32 KiB form": lambda: secret.open("inbox", sealed_form),
        "seal a pulse answer": lambda: secret.seal("pulse", ANSWER),
        "sign a visitor cookie": lambda: secret.sign("visitor", "web:3f2a9c"),
        "verify a visitor cookie": lambda: secret.verify("visitor", cookie),
        "keyed hash of a respondent": lambda: secret.keyed_hash("pulse", "41:slack:U0123"),
    }


def microseconds(call: Callable[[], object], calls: int) -> float:
    """Mean wall-clock microseconds a call over `calls` calls."""
    start = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - start) / calls * 1e6


def main() -> None:
    """Alternate the two secrets `--pairs` times and print the medians side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args()
    before, after = operations(EveryCall(KEY)), operations(ServerSecret(KEY))
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in after}
    for _ in range(args.pairs):
        for name in after:
            times[name][0].append(microseconds(before[name], args.calls))
            times[name][1].append(microseconds(after[name], args.calls))
    print(f"{'operation':<30} {'derive every call':>18} {'derive once':>12}  (µs, median)")
    for name, (old, new) in times.items():
        print(f"{name:<30} {statistics.median(old):>18.2f} {statistics.median(new):>12.2f}")


if __name__ == "__main__":
    main()
