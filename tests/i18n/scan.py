"""Find sentences a person would read that bypass the message catalogue (bot/i18n.py).

A string literal with letters in a place a person reads it (a Reply's or Text's text, a
button's label, a form's title and fields, an error raised at them, a command's help, a
variable named as a sentence) must come out of `_()`, `ngettext()` or `N_()`; the core's
sentences kept in bot/texts.py are shown through `_()` too.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRAPPERS = {"_", "ngettext", "N_"}
# Constructor or function -> the positions and keywords a person reads.
SPOKEN: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Reply": ((0,), ("text",)), "Text": ((0,), ("text",)), "say": ((0,), ("text",)),
    "Context": ((0,), ("text",)), "Steps": ((0,), ("items",)),
    "Fields": ((0,), ("pairs",)), "Button": ((0,), ("label",)),
    "Option": ((1,), ("label",)), "Input": ((1,), ("label", "placeholder")),
    "Choice": ((1,), ("label",)), "Form": ((1,), ("title", "submit_label")),
    "Image": ((1,), ("alt",)), "BadInput": ((0,), ()), "NotAllowed": ((0,), ()),
    "PrepbotError": ((0,), ()), "OnCommand": ((2,), ("help", "refusal")),
    "SetupStep": ((1, 3, 4), ("title", "how", "status")), "StoredSetting": ((2,), ("help",)),
}
SENTENCE_NAMES = {"text", "said", "intro", "sentence", "message", "title", "label", "body",
                  "heading", "note", "line", "lines", "summary", "prompt", "question"}
# String methods that return the same sentence reshaped: what they are called on is read.
RESHAPERS = {"format", "strip", "rstrip", "lstrip", "capitalize", "upper", "lower", "title",
             "replace", "removeprefix", "removesuffix"}
LETTERS = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Bypass:
    """One sentence not in the catalogue."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literals(node: ast.expr) -> Iterator[ast.expr]:
    """The bare literals an expression shows, looking through joins, formats and branches."""
    if (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(
            node, ast.JoinedStr):
        yield node
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, ast.Tuple | ast.List):
        for element in node.elts:
            yield from _literals(element)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in RESHAPERS:  # "Hello {name}".format(...) bypasses as much
            yield from _literals(node.func.value)
        elif node.func.attr == "join":
            for arg in node.args:
                yield from _literals(arg)
    elif isinstance(node, ast.GeneratorExp | ast.ListComp):
        yield from _literals(node.elt)


def _words(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    assert isinstance(node, ast.JoinedStr)
    return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))


def _spoken(call: ast.Call) -> Iterator[ast.expr]:
    positions, keywords = SPOKEN.get(_name(call.func), ((), ()))
    for index in positions:
        if index < len(call.args):
            yield call.args[index]
    for keyword in call.keywords:
        if keyword.arg in keywords:
            yield keyword.value


def _sentence_values(tree: ast.AST) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield from _spoken(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id.lower() in SENTENCE_NAMES
                   for t in targets):
                yield node.value


def _unshown_texts(tree: ast.AST, path: str) -> Iterator[Bypass]:
    """`texts.X` anywhere but inside `_()`: a core sentence shown untranslated."""
    wrapped = {id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call)
               and _name(node.func) in WRAPPERS for arg in ast.walk(node)}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "texts" and node.attr.isupper()
                and id(node) not in wrapped and node.attr != "ROLE_GROUPS"):
            yield Bypass(path, node.lineno, f"texts.{node.attr} outside _()")


def bypasses(path: Path) -> list[Bypass]:
    """Every sentence in one module that a person would read untranslated."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = str(path.relative_to(ROOT))
    found = [Bypass(name, literal.lineno, _words(literal))
             for value in _sentence_values(tree) for literal in _literals(value)
             if LETTERS.search(_words(literal))]
    found += _unshown_texts(tree, name)
    return sorted(set(found), key=lambda b: b.line)


def modules() -> list[Path]:
    """The modules whose sentences people read: all of bot/ and adapters/ but migrations."""
    return sorted(p for top in ("bot", "adapters") for p in (ROOT / top).rglob("*.py")
                  if "migrations" not in p.parts)


# The wide rule: a literal of three words or more is a sentence someone may read, wherever it
# is held (a helper's return, a dict, a constant, an f-string), unless it sits where no person
# reads it: a docstring, a log line, SQL, a regex, an exception for developers, an operator's
# CLI, the words of a command, a comparison or a lookup key.
NOT_READ_CALLS = WRAPPERS | {
    "debug", "info", "warning", "error", "exception", "critical", "getLogger",
    "text", "execute", "select", "compile", "sub", "match", "search", "fullmatch",
    "ValueError", "TypeError", "RuntimeError", "KeyError", "AssertionError",
    "add_argument", "option", "argument", "command", "echo", "secho", "Field"}
NOT_READ_KEYWORDS = {"help", "description", "metavar"}  # a CLI's, for operators
COMMAND_DECLARATIONS = {"OnCommand"}  # its first argument is the command's words
NOT_SENTENCES = ("SELECT", "CREATE", "/")  # SQL, and a command's usage


def _unread(tree: ast.AST) -> set[int]:
    """The ids of every node no person reads (see NOT_READ_CALLS)."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                roots.append(first.value)  # a docstring
        elif isinstance(node, ast.Call) and _name(node.func) in NOT_READ_CALLS:
            roots.append(node)
        elif isinstance(node, ast.Call) and _name(node.func) in COMMAND_DECLARATIONS:
            roots += node.args[:1]
        elif isinstance(node, ast.Compare | ast.Subscript):
            roots.append(node)
        elif isinstance(node, ast.Dict):
            roots += [key for key in node.keys if key is not None]
        elif isinstance(node, ast.keyword) and node.arg in NOT_READ_KEYWORDS:
            roots.append(node.value)
    return {id(child) for root in roots for child in ast.walk(root)}


def speaks(tree: ast.AST) -> bool:
    """Whether a module uses the catalogue (imports bot.i18n): then it talks to people."""
    return any(isinstance(n, ast.ImportFrom) and n.module == "bot.i18n" for n in ast.walk(tree))


def loose_sentences(path: Path) -> list[Bypass]:
    """Every literal of three words or more in one module that is neither wrapped in the
    catalogue nor where no person reads it (the wide rule, above)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name, unread, found = str(path.relative_to(ROOT)), _unread(tree), []
    for node in ast.walk(tree):
        if id(node) in unread:
            continue
        if isinstance(node, ast.JoinedStr):
            unread.update(id(child) for child in ast.walk(node))  # judged as one sentence
        elif not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        words = _words(node)
        if (len(LETTERS.findall(words)) >= 3 and " " in words.strip()
                and not words.lstrip().startswith(NOT_SENTENCES)):
            found.append(Bypass(name, node.lineno, words))
    return sorted(found, key=lambda b: b.line)
