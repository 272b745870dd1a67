"""Operators' commands: schools and closures, tickets (export, sweeps), article drafts and
the articles published from chat."""

from __future__ import annotations

import asyncio
import csv
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import time
from pathlib import Path
from typing import Annotated, TextIO, TypeVar

import typer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

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
    """Open prepbot's storage, do one piece of work, close; a friendly error on bad input."""
    async def main() -> T:
        runtime = await build_runtime(load_settings())
        try:
            return await work(runtime)
        finally:
            await runtime.close()
    try:
        return asyncio.run(main())
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
    text = file.read_text("utf-8")

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
        tuple(mask_student_data(value).text if i in at else value for i, value in enumerate(row))
        for row in table.rows])


def private_file(path: Path) -> TextIO:
    """A file opened for writing that only this account can read (0600, whatever the umask):
    an export holds teachers' words and pictures (a red team's, stop 49: they were 0644)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # an older file of the same name keeps its mode otherwise
    return open(descriptor, "w", newline="", encoding="utf-8")


def export(name: str, file: Path, narrow: str = "", mask: Sequence[str] = ()) -> int:
    """Write a feature's named export as CSV (to stdout for `-`), the `mask` columns masked;
    returns the rows written."""
    async def work(runtime: Runtime) -> Table:
        async with runtime.sessions() as session:
            return await runtime.bot.features.exports[name](session, narrow)
    table = masked(run(work), mask)
    out = sys.stdout if str(file) == "-" else private_file(file)
    try:
        writer = csv.writer(out)
        writer.writerow(spreadsheet.row(table.columns))
        # Opened in a spreadsheet: no cell a teacher typed may run there as a formula.
        writer.writerows(spreadsheet.row(row) for row in table.rows)
    finally:
        if out is not sys.stdout:
            out.close()
    return len(table.rows)


@tickets.command("export")
def tickets_export(file: Annotated[Path, typer.Argument(help="CSV to write; - for stdout")]
                   ) -> None:
    """Write every ticket as CSV (student details masked, even where a teacher kept them)."""
    count = export("tickets", file, mask=TICKET_FREE_TEXT)
    typer.echo(f"{count} ticket(s) exported.", err=str(file) == "-")


@tickets.command("sweep")
def tickets_sweep() -> None:
    """Run timed work now: due reminders and messages, auto-close, and retention."""
    report = run(lambda runtime: runtime.dispatcher.tick())
    typer.echo(f"{report.sent} message(s) sent; reminders, auto-close and retention done.")


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
