"""The `prepbot` command line, run as a newcomer would run it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.storage.migrate import head_revision

REPO = Path(__file__).resolve().parents[3]
EVAL = REPO / "knowledge" / "eval" / "heldout" / "teachers_c.jsonl"  # no tuning set: no fold
# Scoring a tuning set re-tunes the embedding eleven times (knowledge.calibrate.fold): about
# 90 s on an idle 2-core machine, and CI runs the PostgreSQL suite beside it.
FOLD_SECONDS = 600


def prepbot(*args: str, cwd: Path, input: str | None = None, wait: float = 120,
            **env: str) -> subprocess.CompletedProcess[str]:
    """Run `prepbot ARGS` as a user would, in a folder of its own."""
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "adapters.cli", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=wait, input=input)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = prepbot("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("serve", "chat", "db", "kb", "roles"):
        assert command in result.stdout


@pytest.mark.parametrize("command", [(), ("schools", "add"), ("kb", "eval")])
def test_help_shows_no_type_placeholders_on_flags(tmp_path: Path,
                                                  command: tuple[str, ...]) -> None:
    result = prepbot(*command, "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--help" in result.stdout and "<bool>" not in result.stdout


def test_db_upgrade_creates_the_default_sqlite_file(tmp_path: Path) -> None:
    result = prepbot("db", "upgrade", cwd=tmp_path, DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert f"revision {head_revision()}" in result.stdout
    assert (tmp_path / "prepbot.db").exists()


def test_kb_check_passes_on_the_shipped_articles(tmp_path: Path) -> None:
    result = prepbot("kb", "check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout


def test_kb_check_of_a_folder_that_is_not_there_fails_and_names_it(tmp_path: Path) -> None:
    # A red team's (stop 52): "0 error(s), 0 warning(s)." and exit 0, for articles never read.
    result = prepbot("kb", "check", "--dir", str(tmp_path / "knowlege"), cwd=tmp_path)
    assert result.returncode == 2 and "0 error(s)" not in result.stdout
    assert f"No folder at {tmp_path / 'knowlege'}" in result.stderr


def test_serve_on_a_port_that_cannot_be_refuses_it_in_a_sentence(tmp_path: Path) -> None:
    # A red team's (stop 52): `--port 99999` was an OverflowError traceback.
    result = prepbot("serve", "--port", "99999", cwd=tmp_path, DATABASE_URL="")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Invalid value for '--port'" in result.stderr and "65535" in result.stderr


@pytest.mark.parametrize(("name", "value", "said"), [
    ("PORT", "99999", "less than or equal to 65535"),
    ("PORT", "eighty", "a valid integer"),
    ("PREPBOT_SMTP_PORT", "0", "greater than or equal to 1"),
    # A red team's (stop 53): a server that answered 413 to every request, and a traceback.
    ("PREPBOT_MAX_BODY_BYTES", "-5", "greater than or equal to 16384"),
    ("PREPBOT_SECRET_KEY", "tooShort1", "too short: make one with `openssl rand"),
    # Another's: endless durations were a traceback, or a scheduler that never ticked again.
    ("PREPBOT_TICK_SECONDS", "inf", "finite number"),
    ("PREPBOT_DELIVERY_LEASE_SECONDS", "1e300", "less than or equal to 86400"),
    ("PREPBOT_STAFF_DIRECTORY_HOURS", "inf", "finite number"),
    ("DATABASE_URL", "mysql://prepbot@127.0.0.1/prepbot", "SQLite (sqlite:///file) or "),
    ("DATABASE_URL", "postgresql://prepbot@127.0.0.1:99999/prepbot", "port must be 1 to")])
def test_a_setting_that_cannot_be_is_named_in_a_sentence(
        tmp_path: Path, name: str, value: str, said: str) -> None:
    # Left at stop 52: only `--port` was checked; PORT=99999 was an OverflowError traceback.
    result = prepbot("serve", cwd=tmp_path, **{"DATABASE_URL": "", name: value})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"The setting {name} cannot be used" in result.stderr and said in result.stderr
    assert value not in result.stderr, "a setting's value may be a secret: never echoed"


@pytest.mark.parametrize("command", [("serve",), ("db", "upgrade")])
@pytest.mark.parametrize("url", ["postgresql://prepbot:hunter2Zq81SECRET/prepbot",
                                 "postgresql://prepbot:hunter2Zq81SECRET@127.0.0.1:54x2/p"])
def test_a_database_url_that_cannot_be_read_never_prints_its_password(
        tmp_path: Path, command: tuple[str, ...], url: str) -> None:
    # A red team's (stop 53): without its "@host" the password was read as a port, and the
    # traceback printed it into the service's log.
    result = prepbot(*command, cwd=tmp_path, DATABASE_URL=url)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "The setting DATABASE_URL cannot be used: it is not a database URL" in result.stderr
    assert "hunter2Zq81SECRET" not in result.stderr + result.stdout


def test_a_copy_to_a_url_that_cannot_be_read_never_prints_its_password(tmp_path: Path) -> None:
    result = prepbot("db", "copy", "--from", "sqlite:///prepbot.db", "--to",
                     "postgresql://prepbot:hunter2Zq81SECRET/prepbot", cwd=tmp_path,
                     DATABASE_URL="")
    assert result.returncode == 2 and "--to is not a database URL" in result.stderr
    assert "hunter2Zq81SECRET" not in result.stderr + result.stdout


def test_kb_eval_prints_machine_readable_figures(tmp_path: Path) -> None:
    result = prepbot("kb", "eval", str(EVAL), "--json", cwd=tmp_path)
    figures = json.loads(result.stdout)
    assert {"top1", "top3", "oos_deflected", "in_deflected", "answer_acc", "n"} <= set(figures)
    assert figures["n"] == sum(1 for line in EVAL.read_text().splitlines() if line.strip())


@pytest.mark.timeout(FOLD_SECONDS)
def test_kb_eval_scores_a_tuning_set_as_if_it_had_never_been_written(tmp_path: Path) -> None:
    tuning = REPO / "knowledge" / "eval" / "tuning" / "teachers_a.jsonl"
    copy = tmp_path / "copied.jsonl"
    copy.write_text(tuning.read_text())
    out_of_fold = prepbot("kb", "eval", str(tuning), "--json", cwd=tmp_path,
                          wait=FOLD_SECONDS - 60)
    shipped = prepbot("kb", "eval", str(copy), "--json", cwd=tmp_path)
    assert "scored out of fold" in out_of_fold.stderr and not shipped.stderr
    # The shipped system indexes every tuning message: a copy under another name is scored
    # against itself, and looks better than it is.
    assert json.loads(out_of_fold.stdout)["top1"] < json.loads(shipped.stdout)["top1"]


def test_kb_eval_names_a_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "projector", "expect": null}\nnot json\n')
    result = prepbot("kb", "eval", str(bad), cwd=tmp_path)
    assert result.returncode == 2 and "bad.jsonl:2" in result.stderr


def test_roles_set_refuses_a_name_without_platform(tmp_path: Path) -> None:
    result = prepbot("roles", "set", "U123", "coach", cwd=tmp_path)
    assert result.returncode == 2 and "platform:user_id" in result.stderr


def test_roles_set_gives_a_role(tmp_path: Path) -> None:
    result = prepbot("roles", "set", "slack:U123", "coach", cwd=tmp_path, DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert "slack:U123 is now a coach" in result.stdout


def test_roles_set_refuses_as_the_admins_command_does_and_changes_nothing(
        tmp_path: Path) -> None:
    # A red team's (stop 52): the operator's command still said "done" for a demotion the
    # settings undid, and stored a stranger for an id typed in another case.
    listed = prepbot("roles", "set", "console:ada", "teacher", cwd=tmp_path, DATABASE_URL="",
                     PREPBOT_ADMINS="console:ada")
    assert listed.returncode == 2 and "named in PREPBOT_ADMINS" in listed.stderr
    prepbot("roles", "set", "slack:U0123ABCD", "coach", cwd=tmp_path, DATABASE_URL="")
    nobody = prepbot("roles", "set", "slack:U0999", "teacher", cwd=tmp_path, DATABASE_URL="")
    assert nobody.returncode == 2 and "No one is stored as slack:U0999" in nobody.stderr
    typed = prepbot("roles", "set", "slack:u0123abcd", "teacher", cwd=tmp_path,
                    DATABASE_URL="")
    assert typed.returncode == 0 and "slack:u0123abcd is now a teacher" in typed.stdout


def test_chat_answers_in_the_terminal(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "chat"], cwd=tmp_path, text=True,
        input="the projector says no signal\n2\nquit\n", capture_output=True, timeout=120,
        env={**os.environ, "DATABASE_URL": ""})
    assert "Did this help?" in process.stdout
    assert "didn't fix it" in process.stdout


def test_a_coach_runs_a_pulse_in_the_terminal_with_the_demo_district(tmp_path: Path) -> None:
    typed = ("/demo\n/pulse start Nearpod #demo-pilot closes friday\n/demo skip hour\n"
             "/pulse status Nearpod\nquit\n")
    process = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "chat", "--role", "coach", "--name",
         "Mr Okafor"], cwd=tmp_path, text=True, input=typed, capture_output=True,
        # A school Monday at 8:00 in Chicago: on a Friday afternoon the pulse would wait.
        timeout=120, env={**os.environ, "DATABASE_URL": "",
                          "PREPBOT_DEMO_START": "2026-11-30T14:00:00+00:00"})
    assert process.returncode == 0, process.stderr
    assert "The demo district is ready" in process.stdout
    assert "goes to 7 people in #demo-pilot" in process.stdout
    assert "can't reach that platform" not in process.stdout
    assert "Ana Alvarez (simulated) sent their survey answers" in process.stdout
    assert "7 invited, 5 answers released" in process.stdout


def test_with_slack_set_up_chat_has_no_demo_unless_asked(tmp_path: Path) -> None:
    slack = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "DATABASE_URL": ""}
    plain = prepbot("chat", cwd=tmp_path, input="/demo\nquit\n", **slack)
    assert "I don't know the command `/demo`" in plain.stdout
    apart = prepbot("chat", "--demo", cwd=tmp_path, input="/demo\nquit\n", **slack)
    assert "The demo district is ready" in apart.stdout
    real = prepbot("schools", "list", cwd=tmp_path, **slack)
    assert real.returncode == 0 and "Demo Middle School" not in real.stdout


@pytest.mark.timeout(60)
def test_serve_starts_on_its_defaults_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "adapters.cli", "serve"], cwd=tmp_path,
                              env={**os.environ, "PORT": str(port), "DATABASE_URL": ""},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        status = None
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.1)
        assert status == 200
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0
    assert f"http://localhost:{port}/" in output
