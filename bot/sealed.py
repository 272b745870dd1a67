"""What the inbox keeps sealed with the server secret: arrivals and the replies waiting
beside them, padded to whole steps, so that a copy of the database reads neither what they
say nor, from their length, how long a comment was."""

from __future__ import annotations

import base64

from bot.server_secret import ServerSecret

SEALED, PURPOSE = "sealed:", "inbox"
STEP = 1024  # a sealed arrival's length, in steps
# A pulse form with the longest comment kept (4,000 characters, each escaped to 12 bytes: an
# emoji's two escapes) fits; longer, in steps (a red team's, stop 48: at 32 KiB a comment of
# 3,000 emoji made its arrival twice the size of the others).
FORM_SIZE = 65536


def seal(secret: ServerSecret | None, plain: bytes, step: int) -> str:
    """Sealed and padded to whole `step`s (a longer text tells its length only in steps),
    or plain with no lasting secret."""
    if secret is None:
        return plain.decode()
    size = max(1, -(-len(plain) // step)) * step
    return SEALED + base64.b64encode(secret.seal(PURPOSE, plain.ljust(size))).decode()


def unseal(secret: ServerSecret | None, stored: str) -> str:
    """What `seal` stored, as it was (padding and all); ValueError when another secret
    sealed it."""
    if not stored.startswith(SEALED):
        return stored
    if secret is None:
        raise ValueError("an arrival sealed with a server secret this process lacks")
    return secret.open(PURPOSE, base64.b64decode(stored[len(SEALED):])).decode()


def sealed_value(secret: ServerSecret, purpose: str, plain: bytes, step: int = 1) -> str:
    """A value a client carries back (a button's), padded to whole `step`s and sealed for
    `purpose`: it reads as nothing, and cannot be edited, without the server secret."""
    size = max(1, -(-len(plain) // step)) * step
    return base64.urlsafe_b64encode(secret.seal(purpose, plain.ljust(size))).decode()


def opened_value(secret: ServerSecret, purpose: str, value: str) -> bytes:
    """What `sealed_value` sealed (padding and all); ValueError for anything else."""
    return secret.open(purpose, base64.urlsafe_b64decode(value.encode()))


def keyed(secret: ServerSecret | None, key: str) -> str:
    """An event's key as stored to know a retry: hashed with the secret, so that a copy of
    the database cannot recompute it from what it holds (a Teams key hashes the chat's id
    and a message id that is its time: a red team's, stop 48, named who wrote, and when,
    by trying every chat); as given without a lasting secret."""
    return secret.keyed_hash("event", key)[:40] if secret is not None and secret.lasting else key
