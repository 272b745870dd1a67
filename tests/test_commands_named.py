"""Every command a sentence tells someone to run exists: `/...` in chat, `prepbot ...` on the
server's command line. Sentences are every string in bot/ and adapters/ (and the playground
page), docstrings aside; a command is what is written between backticks (or <code>)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
import typer

from adapters.cli import app
from adapters.district import District
from adapters.district.feature import demo_feature
from bot.features import FEATURES
from bot.router import Router

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"`([^`\n]+)`|<code>([^<]+)</code>")
HOLE = "\x00"  # where an f-string has a value


def strings(path: Path) -> Iterator[str]:
    """The string constants of a module, f-strings with their values as holes; no docstrings."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef
                                | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    inside_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                       for part in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield "".join(str(part.value) if isinstance(part, ast.Constant) else HOLE
                          for part in node.values)
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and id(node) not in docstrings and id(node) not in inside_fstrings):
            yield node.value


def sentences() -> Iterator[tuple[str, str]]:
    """(where, text) for everything prepbot can say."""
    for folder in ("bot", "adapters"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for text in strings(path):
                yield str(path.relative_to(ROOT)), text
    for page in sorted((ROOT / "adapters" / "web" / "static").glob("*.[hj][ts]*")):
        yield str(page.relative_to(ROOT)), page.read_text("utf-8")


def named() -> list[tuple[str, str]]:
    """(where, command) for each `/command ...` or `prepbot ...` written in a sentence."""
    found = []
    for where, text in sentences():
        for match in CODE.finditer(text):
            command = (match.group(1) or match.group(2)).strip()
            if re.match(r"^/[a-z][a-z-]*(\s|$)", command) or command.startswith("prepbot "):
                found.append((where, command))
    return sorted(set(found))


# Every feature, and the demo district's `/demo` (the playground and `prepbot chat` add it).
ROUTER = Router((*FEATURES, demo_feature(cast(District, None))))
SUB_WORDS = {word for path in ROUTER.commands for word in path.split()[1:]}


def slash_problem(command: str) -> str | None:
    """Why a `/command ...` would not run as written, or None."""
    words = [w for w in command.lstrip("/").split() if HOLE not in w]
    path, rest = [words[0].lower()], words[1:]
    if path[0] not in ROUTER.names:
        return f"there is no /{path[0]}"
    # The longest registered command the words start with (`prepbot channel help on` is one
    # though `prepbot channel` alone is not), as the router matches.
    for length in range(len(rest), 0, -1):
        if " ".join([*path, *(w.lower() for w in rest[:length])]) in ROUTER.commands:
            path, rest = [*path, *(w.lower() for w in rest[:length])], rest[length:]
            break
    spec = ROUTER.commands[" ".join(path)]
    subs = [p for p in ROUTER.commands if p.startswith(" ".join(path) + " ")]
    arguments = spec.usage.split(" ", len(path))[len(path):] if spec.usage else []
    if spec.handler is None and subs:
        return f"/{' '.join(path)} needs one of its sub-commands, not {rest[:1]}"
    if rest and not arguments:
        return f"/{' '.join(path)} takes no words after it (usage: {spec.usage})"
    head = rest[0].lower() if rest else ""
    if head in SUB_WORDS and head not in spec.usage.lower():
        return f"{head!r} is not a sub-command of /{' '.join(path)} (usage: {spec.usage})"
    return None


def cli_problem(command: str) -> str | None:
    """Why `prepbot ...` would not run on the command line, or None."""
    group = typer.main.get_command(app)
    for word in command.split()[1:]:
        commands = getattr(group, "commands", None)
        if commands is None:
            return None  # the rest are the command's arguments
        if word.startswith(("-", "<", "[", HOLE)) or HOLE in word:
            return None
        found = commands.get(word)
        if found is None:
            return f"`{word}` is not a command of `{group.name or 'prepbot'}`"
        group = found
    return None


@pytest.fixture(scope="module", autouse=True)
def full_cli() -> None:
    """The operators' command groups, as `prepbot`'s entry point adds them."""
    from adapters.cli import operations

    if "schools" not in {g.name for g in app.registered_groups}:
        operations.register(app)


def test_sentences_name_commands_at_all() -> None:
    commands = [c for _, c in named()]
    assert "/prepbot schools add" in commands and "prepbot kb drafts" in commands
    assert len(commands) > 40


@pytest.mark.parametrize(("where", "command"), named())
def test_every_named_command_exists(where: str, command: str) -> None:
    problem = slash_problem(command) if command.startswith("/") else cli_problem(command)
    assert problem is None, f"{where} tells people to run `{command}`: {problem}"


@pytest.mark.parametrize(("command", "problem"), [
    ("/prepbot school add", "not a sub-command of /prepbot school"),
    ("/pulse begin Nearpod", "needs one of its sub-commands"),
    ("/coffe", "there is no /coffe"),
    ("/prepbot setup now", "takes no words"),
])
def test_a_wrong_command_is_caught(command: str, problem: str) -> None:
    assert problem in (slash_problem(command) or "")


def test_a_wrong_cli_command_is_caught() -> None:
    assert cli_problem("prepbot school add Lincoln") == "`school` is not a command of `prepbot`"
    assert cli_problem("prepbot schools add Lincoln --tz America/Chicago") is None
