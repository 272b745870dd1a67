"""How the register looks: the list, a tool's card, the register's answer to "can I use
it?", the checklist as saved, and the notices (the forms are in forms.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.blocks import Block, Button, Buttons, Context, Fields, Reply, Text
from bot.features.tools.adoption import REVIEW_BELOW, Use
from bot.features.tools.checklist import POINTS, RESULT_WORDS
from bot.features.tools.models import ToolCheckRow, ToolRow
from bot.i18n import N_, _, format_day, format_share, ngettext

# A status as people read it; the codes stay English (stored, and typed in `/tools status`).
LABELS = {"requested": N_("requested"), "evaluating": N_("being evaluated"),
          "piloting": N_("in a pilot"), "adopted": N_("approved"),
          "sunsetting": N_("being retired"), "retired": N_("retired"),
          "declined": N_("not approved")}
HEADINGS = {"requested": N_("Requested"), "evaluating": N_("Being evaluated"),
            "piloting": N_("In a pilot"), "adopted": N_("Approved"),
            "sunsetting": N_("Being retired"), "retired": N_("Retired"),
            "declined": N_("Not approved")}
RESULT_MARKS = {**RESULT_WORDS, "fail": N_("FAIL")}
NO_SIGNUPS = N_("Until it's approved, please don't have students sign up or upload a roster.")


def label(status: str) -> str:
    """A tool's status as people read it ("being evaluated"), in the current language."""
    return _(LABELS[status]) if status in LABELS else status


def day(value: date) -> str:
    """A date as people say it: "Friday 18 December", "viernes 18 de diciembre"."""
    return format_day(value)


def share_of(use: Use) -> str:
    """Teachers using a tool over those it is meant for, as a percentage ("?" if not set)."""
    return format_share(use.share, REVIEW_BELOW * 100) if use.share is not None else "?"


def listing(tools: list[ToolRow], demand: dict[int, int], staff: bool) -> Reply:
    """The register, grouped by status; teachers see what they may use and what is coming."""
    if not tools:
        text = _("The register is empty. `/tools request <name>` asks for a tool.")
        return Reply(text, (Text(text),), private=True)
    lines = []
    for status, heading in HEADINGS.items():
        group = [t for t in tools if t.status == status]
        if group and (staff or status not in ("retired",)):
            names = ", ".join(_asked(t.name, demand.get(t.id, 0)) if staff else t.name
                              for t in group)
            shown = _(heading)
            lines.append(f"**{shown}**: {names}")
    hint = (_("`/tools <name>` for a tool's card, `/tools request <name>` to ask for one.")
            if not staff else _("`/tools <name>` for a card; `/tools add`, `/tools checklist`, "
                                "`/tools retire`; `/pilot start` runs a pilot."))
    title = _("The tool register")
    return Reply(title + "\n" + "\n".join(lines),
                 (Text(f"**{title}**"), Text("\n".join(lines)), Context(hint)),
                 private=True)


def _asked(name: str, count: int) -> str:
    if not count:
        return name
    return ngettext("{name} ({count} asked)", "{name} ({count} asked)", count).format(
        name=name, count=count)


def card(tool: ToolRow, facts: list[tuple[str, str]], staff: bool) -> Reply:
    """A tool's card: its facts, and what coaches can do with it."""
    text = f"{tool.name}: {label(tool.status)}"
    blocks: list[Block] = [Text(f"**{tool.name}**"), Fields(tuple(facts))]
    if staff:
        actions = [Button(_("Checklist"), "tools.checklist", str(tool.id)),
                   Button(_("Edit"), "tools.edit", str(tool.id))]
        if tool.status == "adopted":
            actions.append(Button(_("Retire with 30 days' notice"), "tools.retire",
                                  str(tool.id), "danger"))
        blocks.append(Buttons(tuple(actions)))
    return Reply(text, tuple(blocks), private=True)


def can_use(tool: ToolRow, alternative: ToolRow | None, asked: int, school: str) -> Reply:
    """The register's answer to "can I use it with my class?"."""
    status = tool.status
    buttons: tuple[Button, ...] = ()
    if status == "adopted":
        text = _approved(tool, school)
    elif status == "sunsetting" and tool.retire_on:
        when = (_("{name} is being retired on {day}: {reason}.") if tool.reason
                else _("{name} is being retired on {day}.")).format(
                    name=tool.name, day=day(tool.retire_on), reason=tool.reason)
        stop = _("Please don't start anything new with it.")
        text = f"{when} {stop} {_instead(alternative)}"
    elif status in ("requested", "evaluating", "piloting"):
        text = _under_review(tool, asked)
        buttons = (Button(_("Me too: tell me when it's decided"), "tools.metoo", str(tool.id)),)
    else:
        why = (_("{name} isn't approved for classroom use: {reason}.") if tool.reason
               else _("{name} isn't approved for classroom use.")).format(
                   name=tool.name, reason=tool.reason)
        text = f"{why} {_instead(alternative)}"
    blocks: list[Block] = [Text(text, markdown=False)]
    if buttons:
        blocks.append(Buttons(buttons))
    return Reply(text, tuple(blocks))


def _approved(tool: ToolRow, school: str) -> str:
    """Yes, for which grades and where, and how to get access."""
    scope = (_("for grades {grades} at {school}") if tool.grades and school
             else _("for grades {grades}") if tool.grades
             else _("at {school}") if school else "").format(grades=tool.grades, school=school)
    yes = (_("Yes: {name} is approved {scope}.") if scope
           else _("Yes: {name} is approved.")).format(name=tool.name, scope=scope)
    how = tool.access or _("ask your coach for an account, or sign in with your school account")
    access = _("How to get access: {how}").format(how=how)
    return f"{yes} {access}"


def _under_review(tool: ToolRow, asked: int) -> str:
    """Under review: how many asked, when a decision is expected, and no sign-ups till then."""
    when = (_("It's in a pilot; a decision is expected by {day}.")
            if tool.status == "piloting" and tool.decide_by else
            _("A decision is expected by {day}.") if tool.decide_by else
            _("A coach will decide; I'll tell everyone who asked.")).format(
                day=day(tool.decide_by) if tool.decide_by else "")
    review = ngettext("{name} is under review ({count} teacher has asked for it).",
                      "{name} is under review ({count} teachers have asked for it).",
                      asked).format(name=tool.name, count=asked)
    return f"{review} {when} {_(NO_SIGNUPS)}"


def _instead(alternative: ToolRow | None) -> str:
    if alternative is None:
        return _("Your coach can suggest an approved tool that does the same job.")
    return (_("The approved alternative: {name} ({access}).") if alternative.access
            else _("The approved alternative: {name}.")).format(
                name=alternative.name, access=alternative.access)


def request_offer(name: str) -> tuple[Block, ...]:
    """Under an answer: ask for a tool the register doesn't have, in one click."""
    if name:
        return (Text(_("{name} isn't in the district's tool register yet, so I can't tell you "
                       "it's approved for students. Ask your coach, or request it:").format(
                           name=name), markdown=False),
                Buttons((Button(_("Request {name}").format(name=name), "tools.request",
                                name[:80], "primary"),)))
    return (Buttons((Button(_("Request a tool"), "tools.form", ""),)),)


def requested(tool: ToolRow, counted: bool, asked: int, hidden: str = "") -> Reply:
    """Tell the teacher their request (or "me too") counted, and what masking hid in it."""
    if tool.status in ("adopted", "retired", "declined", "sunsetting"):
        text = _("{name} is already {status}. Ask me \u201ccan I use {name}?\u201d for the "
                 "details.").format(name=tool.name, status=label(tool.status))
    elif counted:
        text = ngettext("Thanks: {name} is in the register as {status}, and {count} teacher has "
                        "asked for it. I'll tell you when it's decided.",
                        "Thanks: {name} is in the register as {status}, and {count} teachers "
                        "have asked for it. I'll tell you when it's decided.", asked).format(
                            name=tool.name, status=label(tool.status), count=asked)
    else:
        text = _("You've already asked for {name}; I'll tell you when it's decided.").format(
            name=tool.name)
    text = f"{text} {hidden}".strip()
    return Reply(text, (Text(text, markdown=False),), private=True, replace_original=True)


def checklist_lines(checks: dict[str, ToolCheckRow]) -> str:
    """One line per point with its result, note and any override."""
    lines = []
    for point in POINTS:
        row = checks.get(point.key)
        mark = _(RESULT_MARKS[row.result] if row else RESULT_MARKS["unknown"])
        note = f": {row.note}" if row and row.note else ""
        link = f" ({row.evidence})" if row and row.evidence else ""
        over = " " + _("[overridden by an admin: {reason}]").format(reason=row.override) \
            if row and row.override else ""
        lines.append(f"• {_(point.label)}: {mark}{note}{link}{over}")
    return "\n".join(lines)


def checked(tool: ToolRow, checks: dict[str, ToolCheckRow], blocked: str,
            clashed: str = "") -> Reply:
    """The checklist as saved, and whether the tool may enter a pilot; `clashed` says which
    of the sender's entries were not saved, and what they were."""
    gate = (_("It can't enter a pilot: {blocked}. An admin can override with a reason: "
              "`/tools override {name} <point> <reason>`.") if blocked
            else _("It may enter a pilot: `/pilot start {name} with @a @b @c for 4 weeks`.")
            ).format(name=tool.name, blocked=blocked)
    text = _("Checklist for {name} saved.").format(name=tool.name)
    told = (Text(clashed, markdown=False),) if clashed else ()
    parts = (text, *((clashed,) if clashed else ()), checklist_lines(checks), gate)
    return Reply("\n".join(parts), (Text(text), *told,
                                     Text(checklist_lines(checks), markdown=False), Text(gate)),
                 private=True)


def clashes(tool: ToolRow, clashed: list[str], names: tuple[str, ...],
            sent: tuple[object, ...]) -> str:
    """What of a form was not saved because someone else changed it first, with what the
    sender entered there, so that nothing she typed is lost."""
    if not clashed:
        return ""
    entered = [f"• {name}: {_entered(entry)}" for name, entry in zip(names, sent, strict=True)
               if name in clashed]
    again = _("Open `/tools checklist {name}` to see what is recorded now.").format(
        name=tool.name)
    return _not_saved(entered, again)


# An edit form's fields (stale.FACTS), named as the card names them.
FACT_LABELS = {"aliases": N_("Other names"), "owner": N_("Owner"), "schools": N_("Schools"),
               "grades": N_("Grades"), "website": N_("Website"),
               "access": N_("How teachers get access"),
               "intended": N_("Teachers it is meant for"),
               "decide_by": N_("Decision expected by"),
               "alternative": N_("The approved alternative"), "reason": N_("Why")}


def edit_clashes(tool: ToolRow, clashed: list[str], values: Mapping[str, str]) -> list[Reply]:
    """What of an edit form was not saved because someone else changed it first, with what
    the sender typed there."""
    if not clashed:
        return []
    entered = [f"• {_(FACT_LABELS[field])}: {values.get(field, '').strip() or '-'}"
               for field in clashed]
    again = _("Press “Edit” on its card again (`/tools {name}`) to see it as it is now."
              ).format(name=tool.name)
    text = _not_saved(entered, again)
    return [Reply(text, (Text(text, markdown=False),), private=True)]


def _not_saved(entered: list[str], again: str) -> str:
    """A form's parts someone else changed first: that they were not saved, what the sender
    entered in each, and where to see them as they are now."""
    said = ngettext("Not saved: someone else changed this since you opened the form, so "
                    "theirs stays. What you entered:",
                    "Not saved: someone else changed these since you opened the form, so "
                    "theirs stay. What you entered:", len(entered))
    return "\n".join((said, *entered, again))


def _entered(entry: object) -> str:
    """A point as a form sent it (its result, note and link), or the standards."""
    if not isinstance(entry, tuple):
        return str(entry)
    result, note, link = map(str, entry)
    return ", ".join(w for w in (_(RESULT_WORDS.get(result, result)), note, link) if w)


def decided(tool: ToolRow, alternative: ToolRow | None) -> Reply:
    """What a teacher who asked for a tool hears when it is decided."""
    if tool.status == "adopted":
        how = tool.access or _("ask your coach for an account")
        text = _("Good news: {name}, which you asked for, is approved. How to get access: "
                 "{how}").format(name=tool.name, how=how)
    elif tool.status == "piloting":
        text = (_("{name}, which you asked for, is going into a pilot with a few teachers until "
                  "{day}. I'll tell you what's decided.") if tool.decide_by
                else _("{name}, which you asked for, is going into a pilot with a few teachers. "
                       "I'll tell you what's decided.")).format(
                           name=tool.name, day=day(tool.decide_by) if tool.decide_by else "")
    else:
        why = (_("{name}, which you asked for, isn't approved: {reason}.") if tool.reason
               else _("{name}, which you asked for, isn't approved.")).format(
                   name=tool.name, reason=tool.reason)
        text = f"{why} {_instead(alternative)}"
    return Reply(text, (Text(text, markdown=False),))


def sunset_notice(tool: ToolRow, alternative: ToolRow | None) -> Reply:
    """The thirty days' notice to a retiring tool's users."""
    when = (_("on {day}").format(day=day(tool.retire_on)) if tool.retire_on
            else _("in thirty days"))
    notice = (_("Notice: {name} will be retired {when} ({reason}).") if tool.reason
              else _("Notice: {name} will be retired {when}.")).format(
                  name=tool.name, when=when, reason=tool.reason)
    save = _("Before then, please save your students' work to your class's shared Google "
             "Drive folder.")
    text = f"{notice} {save} {_instead(alternative)}"
    return Reply(text, (Text(text, markdown=False),))


def review_notice(tool: ToolRow, use: Use) -> Reply:
    """To the owner coach: a semester after adoption, too few teachers use the tool."""
    text = _("{name} is used by {teachers} of the {intended} teachers it is meant for ({share}, "
             "{counted}), under 30% a semester after adoption. Review it: keep it, or retire it "
             "with thirty days' notice to its users.").format(
                 name=tool.name, teachers=use.teachers, intended=use.intended,
                 share=share_of(use), counted=use.how)
    return Reply(text, (Text(text, markdown=False), Buttons((
        Button(_("Retire with 30 days' notice"), "tools.retire", str(tool.id), "danger"),
        Button(_("Keep it"), "tools.keep", str(tool.id))))))
