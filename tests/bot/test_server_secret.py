"""The server secret: what it seals and signs for one purpose is good for that purpose and
that secret only, however often and in whatever order its purposes are used."""

from __future__ import annotations

import pytest

from bot.server_secret import ServerSecret

OURS = b"our server's secret, 32 bytes.."
THEIRS = b"another server's secret, not ours"


def test_a_signature_for_one_purpose_never_verifies_for_another() -> None:
    secret = ServerSecret(OURS)
    for first, second in (("visitor", "join"), ("join", "visitor")):
        signed = secret.sign(first, "web:3f2a9c")
        assert secret.verify(first, signed) == "web:3f2a9c"
        assert secret.verify(second, signed) is None
        assert secret.verify(second, secret.sign(second, "web:3f2a9c")) == "web:3f2a9c"


def test_what_one_purpose_sealed_opens_for_that_purpose_only() -> None:
    secret = ServerSecret(OURS)
    pulse = secret.seal("pulse", b"answers")
    inbox = secret.seal("inbox", b"a form")
    assert secret.open("pulse", pulse) == b"answers"
    assert secret.open("inbox", inbox) == b"a form"
    with pytest.raises(ValueError):
        secret.open("inbox", pulse)
    with pytest.raises(ValueError):
        secret.open("pulse", inbox)


def test_another_servers_secret_opens_and_verifies_nothing_ours_made() -> None:
    ours, theirs = ServerSecret(OURS), ServerSecret(THEIRS)
    sealed, signed = ours.seal("pulse", b"answers"), ours.sign("visitor", "web:1")
    theirs.seal("pulse", b"their own"), theirs.sign("visitor", "web:1")  # their keys derived
    with pytest.raises(ValueError):
        theirs.open("pulse", sealed)
    assert theirs.verify("visitor", signed) is None
    assert ours.keyed_hash("pulse", "41:slack:U1") != theirs.keyed_hash("pulse", "41:slack:U1")


def test_keyed_hashes_differ_by_purpose_and_repeat_within_one() -> None:
    secret = ServerSecret(OURS)
    once = secret.keyed_hash("pulse", "41:slack:U1")
    assert secret.keyed_hash("pulse", "41:slack:U1") == once
    assert secret.keyed_hash("respondent", "41:slack:U1") != once
