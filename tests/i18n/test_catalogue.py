"""The message catalogue: no sentence bypasses it, every one has its Spanish, and the
catalogue files are up to date with the sources (refresh: docs/translating.md)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from bot.i18n import LOCALE_DIR, _, ngettext, speaking
from tests.i18n.scan import ROOT, bypasses, modules

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_no_sentence_bypasses_the_catalogue() -> None:
    found = [str(b) for path in modules() for b in bypasses(path)]
    assert found == [], "wrap these in _() (or N_() at import time):\n" + "\n".join(found)


def test_no_module_that_translates_rebinds_underscore() -> None:
    """ in a function that also says  would call a
    string: the throwaway name must be another one there."""
    found = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not any(isinstance(n, ast.ImportFrom) and n.module == "bot.i18n"
                   and any(a.name == "_" for a in n.names) for n in tree.body):
            continue
        found += [f"{path.relative_to(ROOT)}:{n.lineno}" for n in ast.walk(tree)
                  if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
                  and not _in_comprehension(tree, n)]
    assert found == []


def _in_comprehension(tree: ast.AST, name: ast.Name) -> bool:
    return any(isinstance(c, ast.comprehension) and name in ast.walk(c.target)
               for c in ast.walk(tree))


def _catalogue(path: Path) -> dict[object, object]:
    with path.open("rb") as po:
        return {m.id: m.string for m in read_po(po) if m.id}


def test_every_sentence_has_its_spanish_with_the_same_placeholders() -> None:
    for msgid, msgstr in _catalogue(LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po").items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strs = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        assert all(strs), f"no Spanish for {msgid!r}"
        for text in strs:
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(ids[-1])), text


def test_the_catalogue_is_up_to_date_with_the_sources() -> None:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    extracted = {message[2] if isinstance(message[2], str) else message[2][0]
                 for message in extract_from_dir(str(ROOT), method_map, options_map)}
    template = {k if isinstance(k, str) else k[0] for k in _catalogue(
        LOCALE_DIR / "messages.pot")}
    spanish = {k if isinstance(k, str) else k[0] for k in _catalogue(
        LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po")}
    assert extracted - template == set(), "run the refresh in docs/translating.md"
    assert template - extracted == set(), "run the refresh in docs/translating.md"
    assert spanish == template


def test_the_language_of_the_moment_decides_the_sentence() -> None:
    assert _("Did this help?") == "Did this help?"
    with speaking("es-MX"):
        assert _("Did this help?") == "¿Le sirvió?"
        one = ("You're on ticket #{id} now ({count} teacher affected). I'll tell you when "
               "it's fixed.")
        many = one.replace("teacher affected", "teachers affected")
        assert "maestros afectados" in ngettext(one, many, 3)
        assert "maestro afectado" in ngettext(one, many, 1)
    with speaking("fr-FR"):  # a language prepbot does not speak: English
        assert _("Did this help?") == "Did this help?"
