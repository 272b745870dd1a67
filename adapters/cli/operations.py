"""Operators' commands: schools and closures, tickets (export, sweeps), article drafts and
the articles published from chat."""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import time
from pathlib import Path
from typing import Annotated, TextIO, TypeVar

import typer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.cli.database import with_database
from adapters.runtime import Runtime, build_runtime, load_settings
from bot import spreadsheet
from bot.errors import PrepbotError
from bot.hooks import Table
from bot.masking import mask_student_data
from bot.schools.models import SchoolRow
from bot.schools.service import import_closures, save_school, school_named

T = TypeVar("T")
schools = typer.Typer(help="Schools, their hours and closure dates.", no_args_is_help=True)
tickets = typer.Typer(help="Export tickets and run their timed work.", no_args_is_help=True)
# A ticket's columns a teacher typed freely. A teacher may keep student details "as typed" for
# the coach (the form's "Keep them"), but an export leaves prepbot: masked again, whatever
# the teacher chose (the stored ticket is left as it is).
TICKET_FREE_TEXT = ("room", "text")


def run(work: Callable[[Runtime], Awaitable[T]]) -> T:
    """Open prepbot's storage, do one piece of work, close; a friendly error on bad input
    (exit 2) or a database that cannot be reached (exit 1), as `prepbot db` gives."""
    async def main() -> T:
        runtime = await build_runtime(load_settings(), follow_admins=False)
        try:
            return await work(runtime)
        finally:
            await runtime.close()
    try:
        return with_database(main)
    except PrepbotError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from error


def in_session(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run work in one committed transaction."""
    async def go(runtime: Runtime) -> T:
        async with runtime.sessions() as session, session.begin():
            return await work(session)
    return run(go)


def _hours(text: str) -> tuple[time, time]:
    try:
        start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError as error:
        raise typer.BadParameter("use HH:MM-HH:MM, e.g. 07:30-15:00") from error
    return start, end


@schools.command("add")
def schools_add(name: str,
                tz: Annotated[str, typer.Option(help="IANA time zone")] = "America/New_York",
                hours: Annotated[str, typer.Option(help="school hours")] = "07:30-15:00") -> None:
    """Add a school (or change its zone and hours)."""
    opens, closes = _hours(hours)
    in_session(lambda s: save_school(s, name, tz, opens, closes))
    typer.echo(f"{name}: {tz}, {opens:%H:%M}-{closes:%H:%M}.")


@schools.command("list")
def schools_list() -> None:
    """List the schools."""
    async def names(session: AsyncSession) -> list[SchoolRow]:
        return list((await session.execute(select(SchoolRow).order_by(SchoolRow.name))).scalars())
    for school in in_session(names):
        typer.echo(f"{school.name}\t{school.tz}\t{school.opens:%H:%M}-{school.closes:%H:%M}")


@schools.command("closures")
def schools_closures(name: str, file: Annotated[Path, typer.Argument(
        help="CSV of date,label lines (ISO dates)")]) -> None:
    """Import closure dates (holidays, testing and PD days) for a school."""
    try:  # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark (a red team's, stop 52)
        text = file.read_text("utf-8-sig")
    except UnicodeDecodeError as error:
        typer.echo(f"{file} is not UTF-8 text: in Excel, save it as \"CSV UTF-8 (Comma "
                   "delimited)\" and import that file.", err=True)
        raise typer.Exit(2) from error
    except OSError as error:
        typer.echo(f"Cannot read {file}: {error.strerror or error}.", err=True)
        raise typer.Exit(2) from error

    async def work(session: AsyncSession) -> int:
        school = await school_named(session, name)
        if school is None:
            raise typer.BadParameter(f"no school called {name!r}; add it first")
        return await import_closures(session, school, text)
    typer.echo(f"{in_session(work)} closure date(s) added to {name}.")


def masked(table: Table, columns: Sequence[str]) -> Table:
    """The table with the named columns' text masked of student details."""
    at = {table.columns.index(name) for name in columns}
    return Table(table.columns, [
        tuple(mask_student_data(value, schools=False).text if i in at else value
              for i, value in enumerate(row))
        for row in table.rows])


@contextmanager
def private_file(path: Path) -> Iterator[TextIO]:
    """A file written that only this account can read (0600, whatever the umask): an export
    holds teachers' words and pictures (a red team's, stop 49: they were 0644). It is written
    to a new file beside it and renamed over the name, so a file another account owns there
    (or a symlink planted there) is replaced, never written into (a red team's, stop 52)."""
    try:  # O_EXCL|O_NOFOLLOW, mode 0600
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                            suffix=".part")
    except OSError as error:
        raise _unwritable(path, error) from error
    written = Path(name)
    try:
        with open(descriptor, "w", newline="", encoding="utf-8") as out:
            yield out
        os.replace(written, path)
    except OSError as error:
        raise _unwritable(path, error) from error
    finally:
        written.unlink(missing_ok=True)  # gone already once renamed


def _unwritable(path: Path, error: OSError) -> typer.Exit:
    typer.echo(f"Cannot write {path}: {error.strerror or error}.", err=True)
    return typer.Exit(2)


@contextmanager
def output(file: Path) -> Iterator[TextIO]:
    """Standard output for `-`, else a private file."""
    if str(file) == "-":
        yield sys.stdout
        return
    with private_file(file) as out:
        yield out


def export(name: str, file: Path, narrow: str = "", mask: Sequence[str] = ()) -> int:
    """Write a feature's named export as CSV (to stdout for `-`), the `mask` columns masked;
    returns the rows written."""
    async def work(runtime: Runtime) -> Table:
        async with runtime.sessions() as session:
            return await runtime.bot.features.exports[name](session, narrow)
    table = masked(run(work), mask)
    with output(file) as out:
        writer = csv.writer(out)
        writer.writerow(spreadsheet.row(table.columns))
        # Opened in a spreadsheet: no cell a teacher typed may run there as a formula.
        writer.writerows(spreadsheet.row(row) for row in table.rows)
    return len(table.rows)


@tickets.command("export")
def tickets_export(file: Annotated[Path, typer.Argument(help="CSV to write; - for stdout")]
                   ) -> None:
    """Write every ticket as CSV (student details masked, even where a teacher kept them)."""
    count = export("tickets", file, mask=TICKET_FREE_TEXT)
    typer.echo(f"{count} ticket(s) exported.", err=str(file) == "-")


@tickets.command("sweep")
def tickets_sweep() -> None:
    """Run timed work now: plan due reminders and messages (the running server sends them),
    auto-close, and retention."""
    planned = run(sweep)
    typer.echo(f"{planned} message(s) planned; auto-close and retention done. Messages are "
               "sent by the running server (`prepbot serve`), not from a shell.")


async def sweep(runtime: Runtime) -> int:
    """The scheduler's planners and chores (auto-close, retention), never its sends nor the
    inbox's recovery: a shell has no Slack or Teams messenger, and every due message sent
    from it failed (a red team's, stop 52). Returns how many deliveries were planned."""
    dispatcher, now = runtime.dispatcher, runtime.bot.clock.now()
    planned = await dispatcher.plan(now)
    for chore in dispatcher.jobs.chores.values():
        async with dispatcher.sessions() as session, session.begin():
            await chore(session, now)
    return planned


def digest(coach: Annotated[str, typer.Option("--coach", help="platform:user_id of the coach")],
           period: Annotated[str, typer.Option(help='"", "last week" or FROM..TO')] = ""
           ) -> None:
    """Print a coach's digest as plain text."""
    from adapters.console import render
    from bot.operator import act_as

    platform, _, user_id = coach.partition(":")
    replies = run(lambda runtime: act_as(runtime.bot, platform, user_id, "digest", period))
    typer.echo("\n".join(render(reply) for reply in replies))


teams = typer.Typer(help="Microsoft Teams app package.", no_args_is_help=True)
pulse = typer.Typer(help="TAM pulse surveys.", no_args_is_help=True)


@pulse.command("export")
def pulse_export(file: Annotated[Path, typer.Argument(help="CSV to write; - for stdout")],
                 tool: Annotated[str, typer.Option(help="Only this tool's surveys")] = ""
                 ) -> None:
    """Write the anonymous answers of closed surveys (no names, no dates) as CSV."""
    count = export("pulse", file, tool)
    typer.echo(f"{count} anonymous answer set(s) exported.", err=str(file) == "-")


@teams.command("package")
def teams_package(
        app_id: Annotated[str, typer.Option(help="Bot app id (default: MicrosoftAppId)")] = "",
        out: Annotated[Path, typer.Option(help="Zip to write")] = Path("prepbot-teams.zip"),
        source: Annotated[Path | None, typer.Option(
            help="Folder with your edited manifest.json, color.png and outline.png "
                 "(default: the ones prepbot ships)")] = None
        ) -> None:
    """Write the Teams app package (manifest with your app id, and icons) to upload."""
    from adapters.teams.package import APP, build_package

    try:
        written = build_package(app_id or load_settings().microsoft_app_id, out, source or APP)
    except ValueError as error:
        typer.echo(f"Cannot build the package: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(f"Wrote {written}: upload it in Teams admin center > Manage apps.")


def kb_drafts() -> None:
    """List article drafts coaches suggested from resolved tickets."""
    async def work(runtime: Runtime) -> Table:
        async with runtime.sessions() as session:
            return await runtime.bot.features.exports["kb_drafts"](session, "")
    for number, category, title, ticket, created, body in run(work).rows:
        typer.echo(f"#{number} [{category}] {title} (from ticket #{ticket or '?'}, {created})"
                   "\n  " + body.replace("\n", "\n  "))


def published_texts() -> dict[str, str]:
    """The articles coaches published from chat, by id (`prepbot kb check --published`)."""
    async def work(runtime: Runtime) -> Table:
        async with runtime.sessions() as session:
            return await runtime.bot.features.exports["kb_articles"](session, "")
    return {article_id: text for article_id, _, text in run(work).rows}


def register(app: typer.Typer) -> None:
    """Add these groups to the `prepbot` command."""
    from adapters.cli import kb
    from adapters.cli.privacy import privacy

    app.add_typer(schools, name="schools")
    app.add_typer(privacy, name="privacy")
    app.add_typer(tickets, name="tickets")
    app.add_typer(teams, name="teams")
    app.add_typer(pulse, name="pulse")
    app.command("digest")(digest)
    kb.command("drafts")(kb_drafts)
