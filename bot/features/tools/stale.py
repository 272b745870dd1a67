"""Forms left open: a checklist or edit form carries a stamp of what it showed, so one sent
after the tool moved on (another coach's privacy fail, an admin's override, a handover)
can't write its old values back over the new ones (a red team's, stop 52)."""

from __future__ import annotations

import hashlib

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


def facts_state(tool: ToolRow) -> State:
    """What an edit form shows and writes (none and zero alike: an empty field)."""
    schools = tuple(sorted(s for s in (tool.schools or "").split(",") if s.strip()))
    return (tool.aliases, tool.owner_id, schools, tool.grades, tool.website, tool.access,
            tool.intended or 0, tool.decide_by, tool.alternative_id, tool.reason)


def stamp(state: State) -> str:
    """A short fingerprint of a state, fit for a form's context."""
    return hashlib.sha256(repr(state).encode()).hexdigest()[:16]


def context(tool: ToolRow, state: State) -> str:
    """A form's context: the tool's id and the stamp of what the form shows."""
    return f"{tool.id}:{stamp(state)}"


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
