"""The server's secret: seals what a copy of the database must not be able to read, and signs
what a client must not be able to forge.

It comes from PREPBOT_SECRET_KEY (every replica the same), or, for the embedded SQLite
default, a key file created beside the database. It is never stored in the database, so a
backup, a dump or a stolen database file cannot open what it sealed (see docs/privacy.md).
Each use derives its own key (HKDF with a purpose label), so a signature made for one purpose
never verifies for another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE = 12


class ServerSecret:
    """Sealing, keyed hashes and signatures, each for a named purpose."""

    def __init__(self, key: bytes, lasting: bool = True) -> None:
        if len(key) < 16:
            raise ValueError("the server secret must be at least 16 bytes")
        self._key = key
        self._derived: dict[str, bytes] = {}  # purposes are a few constants: derive each once
        # False for a key made up for this process only (no PREPBOT_SECRET_KEY on PostgreSQL):
        # what it seals would not survive a restart, so sealing refuses to start.
        self.lasting = lasting

    def _derive(self, purpose: str) -> bytes:
        if purpose not in self._derived:
            self._derived[purpose] = derive(self._key, purpose)
        return self._derived[purpose]

    def seal(self, purpose: str, plain: bytes) -> bytes:
        """Encrypt and authenticate; only this secret opens it."""
        nonce = os.urandom(NONCE)
        return nonce + AESGCM(self._derive(purpose)).encrypt(nonce, plain, purpose.encode())

    def open(self, purpose: str, sealed: bytes) -> bytes:
        """What `seal` sealed, or ValueError when it was not sealed by this secret."""
        try:
            return AESGCM(self._derive(purpose)).decrypt(sealed[:NONCE], sealed[NONCE:],
                                                         purpose.encode())
        except InvalidTag as error:
            raise ValueError("sealed with another secret, or changed") from error

    def keyed_hash(self, purpose: str, message: str) -> str:
        """A hash only this secret can compute: names a row without saying whose it is."""
        return hmac.new(self._derive(purpose), message.encode(), hashlib.sha256).hexdigest()

    def sign(self, purpose: str, message: str) -> str:
        """`message.signature`, for values a client carries and must not forge."""
        mac = hmac.new(self._derive(purpose), message.encode(), hashlib.sha256).digest()[:18]
        return f"{message}.{base64.urlsafe_b64encode(mac).decode()}"

    def verify(self, purpose: str, signed: str) -> str | None:
        """The message of a value `sign` made, or None when it was forged or changed."""
        message, _, _ = signed.rpartition(".")
        return message if message and hmac.compare_digest(self.sign(purpose, message),
                                                          signed) else None


def derive(key: bytes, purpose: str) -> bytes:
    """The key for one purpose (HKDF-SHA256 with the purpose as its label)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"prepbot:{purpose}".encode()).derive(key)


def from_setting(value: str) -> bytes:
    """PREPBOT_SECRET_KEY as bytes: base64 or hex of at least 16 bytes, or a long passphrase."""
    for decode in (base64.urlsafe_b64decode, bytes.fromhex):
        try:
            key = decode(value)
        except ValueError:
            continue
        if len(key) >= 16:
            return key
    if len(value) < 32:
        raise ValueError("PREPBOT_SECRET_KEY is too short: use `openssl rand -base64 32`")
    return value.encode()


def from_file(path: Path) -> bytes:
    """An embedded install's key file, created (readable by its owner only) once."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
    return base64.urlsafe_b64decode(path.read_text().strip())
