"""The wide rule: in a module that speaks (imports bot.i18n), any literal of three words or
more is a sentence a person may read and goes through the catalogue, wherever it is held (a
helper's return value, a dict, a constant, an f-string): tests/i18n/scan.py, loose_sentences."""

from __future__ import annotations

import ast

from tests.i18n.scan import ROOT, loose_sentences, modules, speaks

# (module, how the literal starts): literals of three words or more that no person reads in
# chat. Each says why; anything else unwrapped fails the build.
NOT_CHAT = frozenset({
    # Stored, not said: the ticket's record and audit notes, written once for every reader.
    ("bot/features/tickets/jobs.py", "auto-closed: no answer"),
    ("bot/features/tools/adoption.py", "skipped: no users yet"),  # the tool's exported record
    ("bot/features/tools/coaching.py", "kept after review"),
    # Answered to a district helpdesk's server, not to a person.
    ("bot/features/tickets/outside.py", "nothing to relay"),
    ("bot/features/helpdesk/inbound.py", "tickets are not running here"),
    ("bot/features/helpdesk/inbound.py", "the ticket is gone"),
    ("bot/features/helpdesk/inbound.py", "the body is not a JSON object"),
    ("bot/features/helpdesk/inbound.py", "no prepbot ticket"),
    ("bot/features/helpdesk/inbound.py", "this ticket's route has no secret"),
    ("bot/features/helpdesk/inbound.py", "status is one of: "),
    ("bot/features/helpdesk/inbound.py", "this update was applied before"),
    ("bot/features/helpdesk/inbound.py", "an automatic reply (out of office)"),
    ("bot/features/helpdesk/inbound.py", "this email was relayed before"),
    ("bot/features/helpdesk/inbound.py", "this signed post was received before"),
    ("bot/features/helpdesk/inbound.py", "the email has no text of its own"),
    # HTTP plumbing: the playground's security policy, and the page around a translated line.
    ("adapters/web/api.py", "default-src 'self'"),
    ("adapters/web/api.py", "<!doctype html>"),
    ("bot/receiving.py", "nothing receives this here"),
    # Data that reads people's words: request words, English and Spanish theme stems.
    ("bot/features/answers/conversation.py", "open a an ticket"),
    ("bot/features/answers/conversation.py", "ticket tickets human"),
    ("bot/features/pilots/themes.py", "pantalla en blanco"),
    ("bot/features/pilots/themes.py", "inicio de sesión"),
    ("bot/features/pilots/themes.py", "tardaba en cargar"),
    ("bot/features/pilots/themes.py", "asked for it"),
    # A comment for translators, in the catalogue's extractor.
    ("bot/features/pulse/instruments.py", "a pulse survey's sentence"),
})


def _spoken_modules() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in modules()
            if speaks(ast.parse(p.read_text(encoding="utf-8")))]


def test_no_sentence_is_left_outside_the_catalogue_anywhere() -> None:
    found = [str(b) for name in _spoken_modules() for b in loose_sentences(ROOT / name)
             if not any(name == module and b.text.startswith(start) for module, start in NOT_CHAT)]
    assert found == [], "wrap these in _() (or add to NOT_CHAT, saying why):\n" + "\n".join(found)


def test_the_not_chat_list_names_only_literals_that_are_there() -> None:
    present = {(name, b.text) for name in _spoken_modules() for b in loose_sentences(ROOT / name)}
    stale = [entry for entry in NOT_CHAT if not any(
        name == entry[0] and text.startswith(entry[1]) for name, text in present)]
    assert stale == [], f"take these off NOT_CHAT: {stale}"
