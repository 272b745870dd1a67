"""Forms left open: a checklist or edit form carries a stamp of each part it showed, so one
sent after the tool moved on (another coach's privacy fail, an admin's override, a handover)
can't write its old values back over the new ones (a red team's, stop 52), and yet saves
every part that only its sender changed (stop 57: refused whole, her other points were lost).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.errors import BadInput
from bot.features.tools.checklist import POINTS
from bot.features.tools.models import ToolCheckRow, ToolRow
from bot.i18n import _

State = tuple[object, ...]
UNCHECKED = ("unknown", "", "", "")  # a point nobody recorded reads as this


def checklist_state(tool: ToolRow, checks: dict[str, ToolCheckRow]) -> State:
    """What a checklist form shows and writes: each point, its override, the standards."""
    rows = [checks.get(p.key) for p in POINTS]
    return (tool.standards, *((r.result, r.note, r.evidence, r.override) if r else UNCHECKED
                              for r in rows))


def checklist_entries(tool: ToolRow, checks: dict[str, ToolCheckRow]) -> State:
    """What of the checklist a form can change: an override is an admin's, never the form's."""
    return (tool.standards, *((r.result, r.note, r.evidence) if r else UNCHECKED[:3]
                              for r in (checks.get(p.key) for p in POINTS)))


# The facts an edit form writes, in facts_state's order: the row's attribute, the form's field.
FACTS = (("aliases", "aliases"), ("owner_id", "owner"), ("schools", "schools"),
         ("grades", "grades"), ("website", "website"), ("access", "access"),
         ("intended", "intended"), ("decide_by", "decide_by"),
         ("alternative_id", "alternative"), ("reason", "reason"))

TEXT_FACTS = {"aliases", "grades", "website", "access", "reason"}  # free text, kept masked


def facts_state(tool: ToolRow) -> State:
    """What an edit form shows and writes (none and zero alike: an empty field)."""
    schools = tuple(sorted(s for s in (tool.schools or "").split(",") if s.strip()))
    return (tool.aliases, tool.owner_id, schools, tool.grades, tool.website, tool.access,
            tool.intended or 0, tool.decide_by, tool.alternative_id, tool.reason)


def stamp(state: State) -> str:
    """A short fingerprint of a state, fit for a form's context."""
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16]


def parts_context(tool: ToolRow, state: State, entries: State | None = None) -> str:
    """A form's context: the tool's id and, part by part, a stamp of what it showed and of
    what of that the form can change ("12:3f9a01c2b7e4d5a6.9c0e...")."""
    return f"{tool.id}:" + ".".join(_short(shown) + _short(entry) for shown, entry
                                    in zip(state, entries or state, strict=True))


def _short(part: object) -> str:
    return stamp((part,))[:8]


@dataclass(frozen=True)
class Opened:
    """What a form showed, part by part: all of it, and what of it the form can change."""

    shown: tuple[str, ...]
    entries: tuple[str, ...]


Verdict = Literal["write", "keep", "clash"]


def opened_parts(context: str, parts: int) -> Opened | None:
    """The parts a form was opened with; None for a form stamped whole (or not at all)."""
    stamps = context.partition(":")[2].split(".")
    if len(stamps) != parts or any(len(s) != 16 for s in stamps):
        return None
    return Opened(tuple(s[:8] for s in stamps), tuple(s[8:] for s in stamps))


def verdicts(opened: Opened, now: State, now_entries: State, sent: State) -> list[Verdict]:
    """Each part's fate: "write" what was sent where nobody else changed it since; "keep"
    what is recorded where the sender left it as shown, or sent what is recorded; "clash"
    where both she and someone else changed it (hers is not saved, and she is told)."""
    fates: list[Verdict] = []
    for i, part in enumerate(sent):
        if _short(now[i]) == opened.shown[i]:
            fates.append("write")
        elif part == now_entries[i] or _short(part) == opened.entries[i]:
            fates.append("keep")
        else:
            fates.append("clash")
    return fates


def clashed(names: Sequence[str], fates: Sequence[Verdict]) -> list[str]:
    """The names of the parts that clashed."""
    return [name for name, fate in zip(names, fates, strict=True) if fate == "clash"]


def seen(context: str) -> str:
    """The stamp a form was opened with ("" for a form from before stamps: unknown)."""
    return context.partition(":")[2]


def refuse_checklist(tool: ToolRow, opened: str, before: State, after: State) -> None:
    """A checklist form opened before the points last changed is refused when it would
    change them (sent twice, or with what is recorded now, it is simply saved)."""
    if opened != stamp(before) and before != after:
        raise BadInput(_("{name}'s checklist changed since you opened this form (another "
                         "coach recorded a point, or an admin an override): nothing was "
                         "saved. Open it again with `/tools checklist {name}` to see what "
                         "is recorded now.").format(name=tool.name))


def refuse_edit(tool: ToolRow, opened: str, before: State, after: State) -> None:
    """An edit form opened before the tool's facts or owner last changed is refused when it
    would change them: its old values would undo the other change (a handover)."""
    if opened != stamp(before) and before != after:
        raise BadInput(_("{name} changed since you opened this form (someone edited it, or "
                         "it changed hands): nothing was saved. Press “Edit” on its card "
                         "again (`/tools {name}`) to see it as it is now.").format(
                             name=tool.name))
