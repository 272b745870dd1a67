"""The six-point checklist every new tool meets before rollout, and the pilot gate: a failed
privacy or accessibility point keeps a tool out of pilots until an admin overrides it with
a stated reason, which is recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.tools.models import ToolCheckRow, ToolEventRow, ToolRow
from bot.i18n import N_, _, join, ngettext
from bot.masking import mask_within
from bot.storage.rows import one_at_a_time

# Said wherever a failed point keeps a tool from adoption: `/tools status`, a pilot's decision.
NOT_ADOPTED = N_("{name} can't be adopted: {blocked}. An admin can override with a reason: "
                 "`/tools override {name} <point> <reason>`.")
RESULTS = ("pass", "fail", "unknown")  # stored, and typed in `/tools check`
RESULT_WORDS = {"pass": N_("pass"), "fail": N_("fail"), "unknown": N_("unknown")}  # shown


@dataclass(frozen=True)
class Point:
    """One point: its key, label, the question a coach answers, and whether a fail blocks.
    The label and question are marked for the catalogue: show them with `_()`."""

    key: str
    label: str
    question: str
    blocking: bool = False


POINTS = (
    Point("privacy", N_("Data privacy (FERPA/COPPA)"), N_("Does the vendor protect student data "
          "under FERPA and COPPA (a signed data privacy agreement)?"), blocking=True),
    Point("sso", N_("Single sign-on"), N_("Can students and staff sign in with the district's "
          "single sign-on, with no new passwords?")),
    Point("accessibility", N_("Accessibility (WCAG 2.1 AA)"), N_("Does it meet WCAG 2.1 AA, so "
          "students with visual or motor impairments can use it?"), blocking=True),
    Point("cost", N_("Cost under $5 per student a year"), N_("For a supplemental tool, is the "
          "cost per student under $5 a year, premium features included?")),
    Point("evidence", N_("Evidence (ESSA tiers 1-4)"), N_("Is there evidence it works, at ESSA "
          "tier 1, 2, 3 or 4?")),
    Point("mobile", N_("Works on phones"), N_("Does it work on smartphones, for students "
          "without a computer at home?")),
)
BY_KEY = {p.key: p for p in POINTS}
ALIASES = {"ferpa": "privacy", "coppa": "privacy", "data": "privacy", "wcag": "accessibility",
           "a11y": "accessibility", "essa": "evidence", "phone": "mobile", "phones": "mobile",
           "price": "cost", "signon": "sso", "sign-on": "sso"}


def point_named(word: str) -> Point:
    """A point from a coach's word for it ("privacy", "wcag", "essa")."""
    key = ALIASES.get(word.lower(), word.lower())
    if key not in BY_KEY:
        raise BadInput(_("{word!r} is not a checklist point. The points: {points}.").format(
            word=word, points=", ".join(p.key for p in POINTS)))
    return BY_KEY[key]


async def checks_of(session: AsyncSession, tool_id: int) -> dict[str, ToolCheckRow]:
    """The points filled in so far, by key."""
    query = select(ToolCheckRow).where(ToolCheckRow.tool_id == tool_id)
    return {row.point: row for row in (await session.execute(query)).scalars()}


async def hold(session: AsyncSession, tool_id: int) -> None:
    """A tool's checklist and its moves take turns until each commits: a decision reads the
    points another turn is changing (a red team's, stop 50: "Adopt" at the moment a privacy
    "fail" was recorded adopted the tool)."""
    await one_at_a_time(session, f"tool:{tool_id}")


async def record(session: AsyncSession, tool: ToolRow, point: Point, result: str, note: str,
                 evidence: str, by: int, now: datetime) -> ToolCheckRow:
    """Set one point; a changed result drops an earlier override (it was about that fail)."""
    await hold(session, tool.id)
    if result not in RESULTS:
        raise BadInput(_("{point}: choose pass, fail or unknown.").format(point=_(point.label)))
    row = (await checks_of(session, tool.id)).get(point.key)
    if row is None:
        row = ToolCheckRow(tool_id=tool.id, point=point.key, checked_at=now)
        session.add(row)
    if row.result != result:
        row.override, row.override_by, row.override_at = "", None, None
    row.result, row.note, row.evidence = result, kept_note(note), evidence
    row.checked_by, row.checked_at = by, now
    session.add(ToolEventRow(tool_id=tool.id, at=now, actor_id=by, kind="check",
                             text=f"{point.key}: {result}"))
    await session.flush()
    return row


def kept_note(note: str) -> str:
    """A point's note as it is kept: masked, and cut to fit."""
    return mask_within(note.strip(), 500).text


async def override(session: AsyncSession, tool: ToolRow, point: Point, reason: str, by: int,
                   now: datetime) -> ToolCheckRow:
    """An admin lets a tool into pilots despite a failed blocking point, saying why."""
    await hold(session, tool.id)
    row = (await checks_of(session, tool.id)).get(point.key)
    if not point.blocking or row is None or row.result != "fail":
        state = _(RESULT_WORDS[row.result]) if row else _("not checked yet")
        raise BadInput(_("Only a failed privacy or accessibility point needs an override; "
                         "{name}'s {point} point is {state}.").format(
                             name=tool.name, point=point.key, state=state))
    if len(reason.strip()) < 10:
        raise BadInput(_("An override needs a reason someone can read later, e.g. `/tools "
                         "override {name} {point} the vendor signs the DPA by 1 March`.").format(
                             name=tool.name, point=point.key))
    reason = mask_within(reason.strip(), 500).text
    row.override, row.override_by, row.override_at = reason[:500], by, now
    session.add(ToolEventRow(tool_id=tool.id, at=now, actor_id=by, kind="override",
                             text=f"{point.key}: {reason.strip()}"[:600]))
    await session.flush()
    return row


def blocked(checks: dict[str, ToolCheckRow]) -> str:
    """Why a tool may not enter a pilot ("" when it may), in the current language."""
    failed = [_(p.label) for p in POINTS if p.blocking and p.key in checks
              and checks[p.key].result == "fail" and not checks[p.key].override]
    return _("it failed {points}").format(points=join(failed)) if failed else ""


def counted(result: str, count: int) -> str:
    """How many points have one result: "4 pass", "1 fail"."""
    if result == "pass":
        return ngettext("{count} pass", "{count} pass", count).format(count=count)
    if result == "fail":
        return ngettext("{count} fail", "{count} fail", count).format(count=count)
    return ngettext("{count} unknown", "{count} unknown", count).format(count=count)


def summary(checks: dict[str, ToolCheckRow]) -> str:
    """`4 pass, 1 fail (sso), 1 unknown (evidence)`: the points' keys, as typed in
    `/tools check`, name the ones to look at."""
    parts = []
    for result in RESULTS:
        keys = [p.key for p in POINTS if (p.key in checks and checks[p.key].result == result)
                or (result == "unknown" and p.key not in checks)]
        if keys:
            detail = "" if result == "pass" else f" ({', '.join(keys)})"
            parts.append(counted(result, len(keys)) + detail)
    return ", ".join(parts)
