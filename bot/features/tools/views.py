"""How the register looks: the list, a tool's card, the register's answer to "can I use
it?", the request, checklist, edit and retire forms, and the notices."""

from __future__ import annotations

import uuid
from datetime import date

from bot.blocks import Block, Button, Buttons, Context, Fields, Form, Input, Option, Reply, Text
from bot.features.tools.adoption import Use
from bot.features.tools.checklist import POINTS, RESULTS
from bot.features.tools.models import ToolCheckRow, ToolRow

LABELS = {"requested": "requested", "evaluating": "being evaluated", "piloting": "in a pilot",
          "adopted": "approved", "sunsetting": "being retired", "retired": "retired",
          "declined": "not approved"}
RESULT_MARKS = {"pass": "pass", "fail": "FAIL", "unknown": "unknown"}
NO_SIGNUPS = "Until it's approved, please don't have students sign up or upload a roster."


def day(value: date) -> str:
    """A date as people say it: "Friday 18 December"."""
    return f"{value:%A} {value.day} {value:%B}"


def listing(tools: list[ToolRow], demand: dict[int, int], staff: bool) -> Reply:
    """The register, grouped by status; teachers see what they may use and what is coming."""
    if not tools:
        text = "The register is empty. `/tools request <name>` asks for a tool."
        return Reply(text, (Text(text),), private=True)
    lines = []
    for status, label in LABELS.items():
        group = [t for t in tools if t.status == status]
        if group and (staff or status not in ("retired",)):
            names = ", ".join(t.name + (f" ({demand[t.id]} asked)" if staff and demand.get(t.id)
                                        else "") for t in group)
            lines.append(f"**{label.capitalize()}**: {names}")
    hint = ("`/tools <name>` for a tool's card, `/tools request <name>` to ask for one."
            if not staff else "`/tools <name>` for a card; `/tools add`, `/tools checklist`, "
            "`/tools retire`; `/pilot start` runs a pilot.")
    return Reply("The tool register\n" + "\n".join(lines),
                 (Text("**The tool register**"), Text("\n".join(lines)), Context(hint)),
                 private=True)


def card(tool: ToolRow, facts: list[tuple[str, str]], staff: bool) -> Reply:
    """A tool's card: its facts, and what coaches can do with it."""
    text = f"{tool.name}: {LABELS.get(tool.status, tool.status)}"
    blocks: list[Block] = [Text(f"**{tool.name}**"), Fields(tuple(facts))]
    if staff:
        actions = [Button("Checklist", "tools.checklist", str(tool.id)),
                   Button("Edit", "tools.edit", str(tool.id))]
        if tool.status == "adopted":
            actions.append(Button("Retire with 30 days' notice", "tools.retire",
                                  str(tool.id), "danger"))
        blocks.append(Buttons(tuple(actions)))
    return Reply(text, tuple(blocks), private=True)


def can_use(tool: ToolRow, alternative: ToolRow | None, asked: int, school: str) -> Reply:
    """The register's answer to "can I use it with my class?"."""
    name, status = tool.name, tool.status
    buttons: tuple[Button, ...] = ()
    if status == "adopted":
        where = f" at {school}" if school else ""
        grades = f" for grades {tool.grades}" if tool.grades else ""
        how = tool.access or "ask your coach for an account, or sign in with your school account"
        text = f"Yes: {name} is approved{grades}{where}. How to get access: {how}"
    elif status == "sunsetting" and tool.retire_on:
        text = (f"{name} is being retired on {day(tool.retire_on)}"
                f"{': ' + tool.reason if tool.reason else ''}. Please don't start anything "
                f"new with it.{_instead(alternative)}")
    elif status in ("requested", "evaluating", "piloting"):
        when = (f"It's in a pilot; a decision is expected by {day(tool.decide_by)}."
                if status == "piloting" and tool.decide_by else
                f"A decision is expected by {day(tool.decide_by)}." if tool.decide_by else
                "A coach will decide; I'll tell everyone who asked.")
        who = "teacher has" if asked == 1 else "teachers have"
        text = f"{name} is under review ({asked} {who} asked for it). {when} {NO_SIGNUPS}"
        buttons = (Button("Me too: tell me when it's decided", "tools.metoo", str(tool.id)),)
    else:
        why = f": {tool.reason}" if tool.reason else ""
        text = f"{name} isn't approved for classroom use{why}.{_instead(alternative)}"
    blocks: list[Block] = [Text(text, markdown=False)]
    if buttons:
        blocks.append(Buttons(buttons))
    return Reply(text, tuple(blocks))


def _instead(alternative: ToolRow | None) -> str:
    if alternative is None:
        return " Your coach can suggest an approved tool that does the same job."
    how = f" ({alternative.access})" if alternative.access else ""
    return f" The approved alternative: {alternative.name}{how}."


def request_offer(name: str) -> tuple[Block, ...]:
    """Under an answer: ask for a tool the register doesn't have, in one click."""
    if name:
        return (Text(f"{name} isn't in the district's tool register yet, so I can't tell you "
                     "it's approved for students. Ask your coach, or request it:",
                     markdown=False),
                Buttons((Button(f"Request {name}", "tools.request", name[:80], "primary"),)))
    return (Buttons((Button("Request a tool", "tools.form", ""),)),)


def request_form(name: str = "") -> Form:
    """A teacher's request: the tool, and the need it meets."""
    return Form("tools.request", "Request a tool", (
        Input("name", "Tool or app", initial=name, placeholder="e.g. Blooket"),
        Input("purpose", "What would students do with it? (the learning goal or standard)",
              "textarea", required=False),
    ), submit_label="Request it", context=str(uuid.uuid4()))


def requested(tool: ToolRow, counted: bool, asked: int) -> Reply:
    """Tell the teacher their request (or "me too") counted."""
    if tool.status in ("adopted", "retired", "declined", "sunsetting"):
        text = f"{tool.name} is already {LABELS[tool.status]}. Ask me \u201ccan I use " \
               f"{tool.name}?\u201d for the details."
    elif counted:
        text = (f"Thanks: {tool.name} is in the register as {LABELS[tool.status]}, and "
                f"{asked} {'teacher has' if asked == 1 else 'teachers have'} asked for it. "
                "I'll tell you when it's decided.")
    else:
        text = f"You've already asked for {tool.name}; I'll tell you when it's decided."
    return Reply(text, (Text(text, markdown=False),), private=True, replace_original=True)


def checklist_form(tool: ToolRow, checks: dict[str, ToolCheckRow]) -> Form:
    """The six points (pass / fail / unknown, a note, an evidence link) and the standards."""
    fields: list[Input] = []
    for point in POINTS:
        row = checks.get(point.key)
        fields += [
            Input(point.key, f"{point.label}: {point.question}", "select",
                  options=tuple(Option(r, r) for r in RESULTS),
                  initial=row.result if row else "unknown"),
            Input(f"{point.key}_note", f"{point.label}: note", required=False,
                  initial=row.note if row else ""),
            Input(f"{point.key}_link", f"{point.label}: evidence link", required=False,
                  initial=row.evidence if row else "", placeholder="https://")]
    fields.append(Input("standards", "Standards it maps to (CCSS, NGSS, state)", "textarea",
                        required=False, initial=tool.standards))
    return Form("tools.checklist", f"Checklist: {tool.name}", tuple(fields), "Save checklist",
                context=str(tool.id))


def checklist_lines(checks: dict[str, ToolCheckRow]) -> str:
    """One line per point with its result, note and any override."""
    lines = []
    for point in POINTS:
        row = checks.get(point.key)
        mark = RESULT_MARKS[row.result] if row else "unknown"
        note = f": {row.note}" if row and row.note else ""
        link = f" ({row.evidence})" if row and row.evidence else ""
        over = f" [overridden by an admin: {row.override}]" if row and row.override else ""
        lines.append(f"• {point.label}: {mark}{note}{link}{over}")
    return "\n".join(lines)


def checked(tool: ToolRow, checks: dict[str, ToolCheckRow], blocked: str) -> Reply:
    """The checklist as saved, and whether the tool may enter a pilot."""
    gate = (f"It can't enter a pilot: {blocked}. An admin can override with a reason: "
            f"`/tools override {tool.name} <point> <reason>`." if blocked
            else f"It may enter a pilot: `/pilot start {tool.name} with @a @b @c for 4 weeks`.")
    text = f"Checklist for {tool.name} saved."
    return Reply(f"{text}\n{checklist_lines(checks)}\n{gate}",
                 (Text(text), Text(checklist_lines(checks), markdown=False), Text(gate)),
                 private=True)


def edit_form(tool: ToolRow, owner: str, schools: str, alternative: str) -> Form:
    """A coach's edit of a tool's facts."""
    return Form("tools.edit", f"Edit: {tool.name}", (
        Input("aliases", "Other names (comma-separated)", required=False, initial=tool.aliases),
        Input("owner", "Owner coach (a name, or 'me')", required=False, initial=owner),
        Input("schools", "Schools using it (comma-separated; empty for all)", required=False,
              initial=schools),
        Input("grades", "Grades", required=False, initial=tool.grades, placeholder="e.g. 3-8"),
        Input("website", "Website", required=False, initial=tool.website),
        Input("access", "How teachers get access", required=False, initial=tool.access),
        Input("intended", "Teachers it is meant for (a number)", required=False,
              initial=str(tool.intended or "")),
        Input("decide_by", "Decision expected by", "date", required=False,
              initial=tool.decide_by.isoformat() if tool.decide_by else ""),
        Input("alternative", "The approved alternative (a tool's name)", required=False,
              initial=alternative),
        Input("reason", "Why it isn't approved or is being retired", required=False,
              initial=tool.reason),
    ), submit_label="Save", context=str(tool.id))


def retire_form(tool: ToolRow, alternative: str) -> Form:
    """Retiring a tool: why, and what to use instead; users get thirty days' notice."""
    return Form("tools.retire", f"Retire {tool.name} (30 days' notice)", (
        Input("reason", "Why (the users read this)", "textarea",
              initial=tool.reason, placeholder="e.g. under 30% of teachers use it"),
        Input("alternative", "The approved alternative (a tool's name)", required=False,
              initial=alternative),
    ), submit_label="Send the notice", context=str(tool.id))


def decided(tool: ToolRow, alternative: ToolRow | None) -> Reply:
    """What a teacher who asked for a tool hears when it is decided."""
    if tool.status == "adopted":
        how = tool.access or "ask your coach for an account"
        text = f"Good news: {tool.name}, which you asked for, is approved. How to get access: {how}"
    elif tool.status == "piloting":
        text = (f"{tool.name}, which you asked for, is going into a pilot with a few "
                f"teachers{' until ' + day(tool.decide_by) if tool.decide_by else ''}. "
                "I'll tell you what's decided.")
    else:
        why = f": {tool.reason}" if tool.reason else ""
        text = f"{tool.name}, which you asked for, isn't approved{why}.{_instead(alternative)}"
    return Reply(text, (Text(text, markdown=False),))


def sunset_notice(tool: ToolRow, alternative: ToolRow | None) -> Reply:
    """The thirty days' notice to a retiring tool's users."""
    when = day(tool.retire_on) if tool.retire_on else "in thirty days"
    why = f" ({tool.reason})" if tool.reason else ""
    text = (f"Notice: {tool.name} will be retired on {when}{why}. Before then, please save "
            "your students' work to your class's shared Google Drive folder."
            f"{_instead(alternative)}")
    return Reply(text, (Text(text, markdown=False),))


def review_notice(tool: ToolRow, use: Use) -> Reply:
    """To the owner coach: a semester after adoption, too few teachers use the tool."""
    share = f"{use.share:.0%}" if use.share is not None else "?"
    text = (f"{tool.name} is used by {use.teachers} of the {use.intended} teachers it is meant "
            f"for ({share}, {use.counted}), under 30% a semester after adoption. Review it: "
            "keep it, or retire it with thirty days' notice to its users.")
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button("Retire with 30 days' notice", "tools.retire", str(tool.id), "danger"),
        Button("Keep it", "tools.keep", str(tool.id))))))
