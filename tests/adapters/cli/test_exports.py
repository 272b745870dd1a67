"""Export files: written readable by the operator's account alone, whatever was at the name
before, and a folder that is not there is a sentence, not a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.adapters.cli.test_cli import prepbot


@pytest.fixture
def install(tmp_path: Path) -> Path:
    """A scratch install where console:park is a coach; its folder."""
    assert prepbot("roles", "set", "console:park", "coach", cwd=tmp_path,
                   DATABASE_URL="").returncode == 0
    return tmp_path


def test_an_export_over_a_file_another_account_owns_becomes_the_operators_own(
        install: Path) -> None:
    # A red team's (stop 52): the file another account made first was filled and stayed
    # theirs, so they read the whole export.
    if os.geteuid() != 0:
        pytest.skip("needs root to give the file to another account")
    planted = install / "park.json"
    planted.write_text("")
    os.chown(planted, 65534, 65534)
    exported = prepbot("privacy", "export", "console:park", str(planted), cwd=install,
                       DATABASE_URL="")
    assert exported.returncode == 0, exported.stderr
    written = planted.stat()
    assert (written.st_uid, written.st_mode & 0o777) == (os.geteuid(), 0o600)
    assert json.loads(planted.read_text())["person"]["user_id"] == "park"


def test_an_export_to_a_planted_symlink_replaces_the_link_not_its_target(install: Path) -> None:
    # A red team's (stop 52): the export was written through the link, into its target.
    elsewhere = install / "theirs.csv"
    elsewhere.write_text("someone else's file\n")
    elsewhere.chmod(0o644)
    link = install / "tickets.csv"
    link.symlink_to(elsewhere)
    exported = prepbot("tickets", "export", str(link), cwd=install, DATABASE_URL="")
    assert exported.returncode == 0, exported.stderr
    assert elsewhere.read_text() == "someone else's file\n"
    assert elsewhere.stat().st_mode & 0o777 == 0o644
    assert not link.is_symlink() and link.stat().st_mode & 0o777 == 0o600
    assert link.read_text().startswith("number,")
    assert not [p for p in install.iterdir() if p.suffix == ".part"], "no temporary file left"


@pytest.mark.parametrize("command", [
    ("privacy", "export", "console:park"), ("tickets", "export"), ("pulse", "export")])
def test_an_export_into_a_folder_that_is_not_there_is_one_sentence(
        install: Path, command: tuple[str, ...]) -> None:
    # A red team's (stop 52): a FileNotFoundError traceback.
    missing = install / "exprots" / "out.csv"
    exported = prepbot(*command, str(missing), cwd=install, DATABASE_URL="")
    assert exported.returncode == 2 and "Traceback" not in exported.stderr, exported.stderr
    assert exported.stderr == f"Cannot write {missing}: No such file or directory.\n"
