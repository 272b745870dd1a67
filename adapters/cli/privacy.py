"""`prepbot privacy export|delete PLATFORM:USER_ID`: a person's data, out or erased."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from adapters.cli.database import LOG_NOT_EMPTIED
from adapters.cli.operations import private_file, run
from adapters.runtime import Runtime
from bot.privacy import delete_person, export_person, find_person, work_to_hand
from bot.storage.engine import checkpoint

privacy = typer.Typer(help="Export or erase everything stored about a person.",
                      no_args_is_help=True)


def _who(who: str) -> tuple[str, str]:
    platform, _, user_id = who.partition(":")
    if not platform or not user_id:
        typer.echo("Name the person as platform:user_id, e.g. slack:U0123ABCD.", err=True)
        raise typer.Exit(2)
    return platform, user_id


@privacy.command("export")
def export(who: Annotated[str, typer.Argument(help="platform:user_id")],
           file: Annotated[Path | None, typer.Argument(help="JSON file (default: stdout)")] = None
           ) -> None:
    """Write everything stored about a person as JSON."""
    platform, user_id = _who(who)
    async def work(runtime: Runtime) -> dict[str, Any]:
        async with runtime.sessions() as session:
            return await export_person(session, runtime.bot.privacy, platform,
                                       user_id)
    data = run(work)
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    if file is None:
        typer.echo(text)
    else:
        with private_file(file) as out:
            out.write(text + "\n")
        typer.echo(f"Wrote {sum(len(r) for r in data['tables'].values()) + 1} rows to {file}.")


@privacy.command("delete")
def erase(who: Annotated[str, typer.Argument(help="platform:user_id")],
          yes: Annotated[bool, typer.Option("--yes", help="Really erase; cannot be undone.")]
          = False,
          hand_to: Annotated[str, typer.Option(
              "--hand-to", help="A coach (platform:user_id) who takes over their open work.")]
          = "") -> None:
    """Erase a person: words blanked, contact details deleted, their row anonymised."""
    platform, user_id = _who(who)
    taker = _who(hand_to) if hand_to else None
    if not yes:
        typer.echo(f"This erases {who} for good. Run again with --yes to do it.", err=True)
        raise typer.Exit(2)
    async def work(runtime: Runtime) -> tuple[list[str], dict[str, int], bool]:
        rules, now = runtime.bot.privacy, runtime.bot.clock.now()
        async with runtime.sessions() as session, session.begin():
            taking = await find_person(session, *taker) if taker else None
            moved = await work_to_hand(session, rules.hand_overs,
                                       (await find_person(session, platform, user_id)).id, now
                                       ) if taking else []
            changed = await delete_person(session, rules, platform, user_id, taking, now)
        return moved, changed, await checkpoint(runtime.engine)
    moved, changed, emptied = run(work)
    if moved:
        typer.echo(f"Handed to {hand_to}: {', '.join(moved)}.")
    typer.echo(f"Erased {who}: " + ", ".join(f"{name} {count}" for name, count
                                             in sorted(changed.items())))
    if not emptied:  # the erase stands; its words are still in the log's file
        typer.echo(LOG_NOT_EMPTIED, err=True)
        raise typer.Exit(1)

