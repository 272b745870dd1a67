"""`prepbot`: serve, chat, and look after the database and the knowledge base."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from adapters.cli.database import db
from adapters.logs import configure as configure_logging
from adapters.runtime import Runtime, build_runtime, load_settings
from bot.people.giving import change_role
from bot.roles import Role
from bot.vocabulary import Person

# Plain help, not typer's rich panels: those show every flag as `--help <bool>`, and plain
# text reads the same in a terminal, a pipe and a screen reader.
app = typer.Typer(help="prepbot: a support assistant for K-12 teachers and their tech coaches.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None)
kb = typer.Typer(help="Check, evaluate and reload the knowledge base.", no_args_is_help=True)
roles = typer.Typer(help="Give people roles.", no_args_is_help=True)
app.add_typer(db, name="db")
app.add_typer(kb, name="kb")
app.add_typer(roles, name="roles")


@app.command()
def serve(port: Annotated[int | None, typer.Option(
        min=1, max=65535, help="Port (default: PORT or 3978).")] = None) -> None:
    """Start the server: the playground at /, Slack at /slack/events, Teams at /api/messages."""
    from sqlalchemy.exc import SQLAlchemyError

    from adapters.server import serve as run
    from bot.storage.migrate import NewerDatabase

    settings = load_settings(**({"PORT": port} if port else {}))
    configure_logging(settings.log_format)
    try:
        run(settings)
    except NewerDatabase as error:  # after a rollback of the code (a red team's, stop 52)
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    except (SQLAlchemyError, OSError) as error:  # a database that is down, a port in use
        typer.echo(f"Cannot start prepbot: {type(error).__name__}: "
                   f"{str(error).splitlines()[0]}", err=True)
        raise typer.Exit(1) from error


@app.command()
def chat(role: Annotated[Role, typer.Option(help="Who you are in this chat.")] = Role.TEACHER,
         name: Annotated[str, typer.Option(help="Your display name.")] = "You",
         demo: Annotated[bool | None, typer.Option(
             "--demo/--no-demo", help="With the district in a box (default: when no Slack or "
             "Teams is set up; with one, --demo runs on a temporary demo database).")] = None
         ) -> None:
    """Talk to prepbot in this terminal."""
    settings = load_settings()
    # The terminal is the conversation: only warnings may interrupt it.
    configure_logging(settings.log_format, logging.WARNING)
    here = settings.playground_mode == "main"  # no platform: this install is a demo
    wanted = here if demo is None else demo
    # An id without spaces, so `/prepbot role console:mr-okafor coach` works as typed.
    user_id = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "you"
    person = Person(platform="console", user_id=user_id, display_name=name)

    async def main() -> None:
        if wanted and not here:
            from adapters.district.world import apart

            async with apart(settings) as runtime:
                await talk(runtime, person, role, district=True)
            return
        from adapters.district import DemoClock

        runtime = await build_runtime(settings, clock=DemoClock(settings.demo_start)
                                      if wanted else None)
        try:
            await talk(runtime, person, role, district=wanted)
        finally:
            await runtime.close()

    asyncio.run(main())


async def talk(runtime: Runtime, person: Person, role: Role, district: bool) -> None:
    """The terminal's conversation, with the district in a box when asked for."""
    from adapters.console import ConsoleChat, run_console
    from adapters.console.chat import BANNER
    from adapters.console.messenger import ConsoleMessenger, news_for

    messenger = ConsoleMessenger()
    runtime.messengers.add(messenger)
    await runtime.bot.grant(person, role)
    chat = ConsoleChat(runtime.bot, person)
    if not district:
        await run_console(runtime.bot, chat=chat, news=news_for(messenger, person),
                          banner=BANNER)
        return
    from adapters.console import district as demo
    from adapters.district import DemoClock, District
    from bot.vocabulary import Conversation

    clock = runtime.bot.clock
    assert isinstance(clock, DemoClock)
    town = District(runtime.bot, clock, Conversation(platform="console", id="triage",
                                                     kind="channel"))
    demo.joined(town, messenger)
    await run_console(runtime.bot, chat=chat, news=demo.district_news(town, messenger, person),
                      banner=demo.BANNER)


@kb.command("check")
def kb_check(folder: Annotated[Path | None, typer.Option(
        "--dir", help="A district folder to check with the shipped articles "
                      "(default: PREPBOT_KB_DIR).")] = None,
             published: Annotated[bool, typer.Option(
        "--published", help="Also the articles coaches published from chat (reads the "
                            "database; shown as database/<id>.md).")] = False) -> None:
    """Validate every article; exit 1 if any has an error."""
    from knowledge.check import check

    extra = folder or (Path(s) if (s := load_settings().kb_dir) else None)
    if extra is not None and not extra.is_dir():  # or "0 error(s)" for articles never read
        typer.echo(f"No folder at {extra}: name the district's articles folder (--dir or "
                   "PREPBOT_KB_DIR).", err=True)
        raise typer.Exit(2)
    if published:
        from adapters.cli.operations import published_texts

        problems = check(extra, published_texts())
    else:
        problems = check(extra)
    for problem in problems:
        typer.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    typer.echo(f"{errors} error(s), {len(problems) - errors} warning(s).")
    raise typer.Exit(1 if errors else 0)


@kb.command("eval")
def kb_eval(file: Annotated[Path, typer.Argument(
                help='JSONL lines: {"q", "expect", "kind"} messages or {"text", "intent"}')],
            as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False
            ) -> None:
    """Score retrieval (per kind of message) or intent recognition on a JSONL file; a tuning
    file is scored out of fold (without its own asked questions, nor the fit on it)."""
    from knowledge import load_knowledge_base
    from knowledge.calibrate import fold
    from knowledge.evaluate import evaluate_file
    from knowledge.tuning import tuning_questions

    settings = load_settings()
    knowledge_base = load_knowledge_base(settings.kb_dir or None)
    if file.name in {group for group, _ in tuning_questions()}:
        typer.echo(f"{file.name} is a tuning set: scored out of fold, as if never written.",
                   err=True)
        knowledge_base = fold(knowledge_base, file.name)
    try:
        report = evaluate_file(file, knowledge_base.answer)
    except (OSError, ValueError) as error:
        typer.echo(f"Cannot read {file}: {error}", err=True)
        raise typer.Exit(2) from error
    typer.echo(report.as_json() if as_json else report.as_text())


@kb.command("reload")
def kb_reload(url: Annotated[str, typer.Option(help="The running server.")] = "") -> None:
    """Ask the running server on this machine to re-read the knowledge base."""
    from adapters.runtime import server_secret
    from adapters.server import RELOAD_HEADER, reload_token
    from bot.storage.engine import make_engine

    settings = load_settings()
    target = url or f"http://127.0.0.1:{settings.port}"
    token = reload_token(server_secret(settings, make_engine(settings.database_url)))
    request = urllib.request.Request(f"{target}/admin/kb/reload", method="POST",
                                     headers={RELOAD_HEADER: token})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            count = json.load(response)["articles"]
    except (urllib.error.URLError, OSError) as error:
        typer.echo(f"Could not reach prepbot at {target}: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"Reloaded: {count} articles.")


@roles.command("set")
def roles_set(who: Annotated[str, typer.Argument(help="platform:user_id, e.g. slack:U123")],
              role: Annotated[Role, typer.Argument(help="teacher, coach or admin")]) -> None:
    """Give a person a role."""
    platform, _, user_id = who.partition(":")
    if not platform or not user_id:
        typer.echo("Name the person as platform:user_id, e.g. slack:U0123ABCD.", err=True)
        raise typer.Exit(2)

    from adapters.cli.operations import run

    async def give(runtime: Runtime) -> None:
        # As `/prepbot role` gives it: refused, changing nothing, where it would not hold or
        # would leave work with no one (a red team's, stop 52).
        async with runtime.sessions() as session, session.begin():
            await change_role(session, runtime.bot.features.hand_overs,
                              runtime.settings.admin_keys, who, role, runtime.bot.clock.now())

    run(give)
    typer.echo(f"{who} is now {role.with_article}.")


def main() -> None:
    """The console script."""
    from adapters.cli import operations  # registers the operators' command groups

    operations.register(app)
    try:
        sys.exit(app())
    except ValidationError as error:  # PORT=99999 or PORT=abc was a traceback (stop 53)
        for problem in error.errors():  # its input is not echoed: it may be a secret
            where = ".".join(str(part) for part in problem["loc"])
            said = problem["msg"].removeprefix("Value error, ")
            typer.echo(f"The setting {where} cannot be used: {said}. Check the "
                       "environment and .env.", err=True)
        sys.exit(2)
