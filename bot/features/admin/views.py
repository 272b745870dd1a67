"""How admin replies look: schools, their forms, closures, and the first-run checklist."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from bot.blocks import Block, Button, Buttons, Context, Form, Input, Option, Reply, Text
from bot.hooks import SetupStep
from bot.i18n import N_, _, format_date, format_days, ngettext
from bot.roles import Role
from bot.schools.models import ClosureRow, SchoolRow

# The zones most districts using prepbot are in; any IANA name works when typed inline.
ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
         "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
         "America/Toronto", "America/Vancouver", "Europe/London", "Europe/Berlin",
         "Australia/Sydney")
SCHOOLS_USAGE = N_("`/prepbot schools add <name> [America/Chicago] [07:30-15:00] [mon-fri]` (or "
                 "no words for a form), `/prepbot schools edit <name>`, "
                 "`/prepbot schools closures <name> [2026-12-21..2027-01-01 Winter break]`")
DONE, TODO = N_("☑ Done"), N_("☐ To do")  # ballot boxes: in every font, and said in words too
OPTIONAL = N_("○ Optional")  # offered, not needed: setup is done without it


def hours(school: SchoolRow) -> str:
    """`07:30-15:00, Mon-Fri` (`lun-vie` in Spanish)."""
    return f"{school.opens:%H:%M}-{school.closes:%H:%M}, {format_days(school.weekdays)}"


def school_line(school: SchoolRow) -> str:
    """One school in the list."""
    return f"**{school.name}**: {school.tz}, {hours(school)}"


def schools_reply(schools: Sequence[SchoolRow]) -> Reply:
    """The schools, each with edit and closures buttons; a button to add one."""
    blocks: list[Block] = [Text(_("**Schools**"))]
    if not schools:
        blocks.append(Text(_("No schools yet. Coffee and Curriculum, school hours and the "
                           "digest's school figures need at least one.")))
    for school in schools:
        blocks += [Text(school_line(school)), Buttons((
            Button(_("Edit {name}").format(name=school.name), "admin.school.edit", str(school.id)),
            Button(_("Closures for {name}").format(name=school.name), "admin.closures",
                   str(school.id))))]
    blocks += [Buttons((Button(_("Add a school"), "admin.school.add", "", "primary"),)),
               Context(_("Or type {SCHOOLS_USAGE}.").format(SCHOOLS_USAGE=_(SCHOOLS_USAGE)))]
    return Reply(_("Schools: {schools}").format(schools=len(schools)), tuple(blocks), private=True)


def _options(values: Sequence[str]) -> tuple[Option, ...]:
    return tuple(Option(v, v.replace("_", " ")) for v in values)


def school_form(school: SchoolRow | None = None) -> Form:
    """Add a school, or edit one: name, time zone, hours, open days."""
    zone = school.tz if school else "America/New_York"
    zones = ZONES if zone in ZONES else (zone, *ZONES)
    days = format_days(school.weekdays if school else "01234")
    title = _("Edit {name}").format(name=school.name) if school else _("Add a school")
    return Form("admin.school", title, (
        Input("name", _("School name"), initial=school.name if school else "",
              placeholder=_("e.g. Lincoln Middle School")),
        Input("tz", _("Time zone"), "select", options=_options(zones), initial=zone),
        Input("opens", _("School opens at"),
              initial=f"{school.opens:%H:%M}" if school else "07:30"),
        Input("closes", _("School closes at"),
              initial=f"{school.closes:%H:%M}" if school else "15:00"),
        Input("days", _("Open on"), initial=days, placeholder=_("e.g. mon-fri")),
    ), submit_label=_("Save"), context=str(school.id) if school else f"new:{uuid.uuid4()}")


def closures_form(school: SchoolRow) -> Form:
    """Closure dates, one per line: a date or a range, then a label."""
    return Form("admin.closures", _("Closures for {name}").format(name=school.name), (
        Input("dates", _("One closure per line: a date or a range, then what it is"), "textarea",
              placeholder=_("2026-11-26 Thanksgiving\n2026-12-21..2027-01-01 Winter break")),
    ), submit_label=_("Add closures"), context=str(school.id))


def closures_reply(school: SchoolRow, added: int, upcoming: Sequence[ClosureRow]) -> Reply:
    """What was added, and the next closures."""
    text = ngettext("{added} closure date added to {name}.",
                    "{added} closure dates added to {name}.", added).format(
        added=added, name=school.name)
    lines = "\n".join(f"• {format_date(c.day, 'EEE MMM dd y')}"
                      + (f": {c.label}" if c.label else "")
                      for c in upcoming)
    blocks: list[Block] = [Text(text)]
    if lines:
        blocks += [Text(_("Next closures:")), Text(lines, markdown=False)]
    return Reply(text, tuple(blocks), private=True)


def role_form() -> Form:
    """Give someone a role: their id (from their `/prepbot whoami`) and the role."""
    return Form("admin.role", _("Give someone a role"), (
        Input("who", _("Who (their id from /prepbot whoami, e.g. slack:U0123ABCD)")),
        Input("role", _("Role"), "select",
              options=tuple(Option(r.value, r.value) for r in Role), initial="coach"),
    ), submit_label=_("Save"), context="role")


def checklist(steps: Sequence[SetupStep]) -> Reply:
    """The first-run checklist: each step ticked when done, what to do for the others."""
    needed = [step for step in steps if not step.optional]
    done = sum(step.done for step in needed)
    title = (_("Getting started: all done. prepbot is set up.") if done == len(needed)
             else _("Getting started: {done} of {steps} done").format(done=done,
                                                                      steps=len(needed)))
    blocks: list[Block] = [Text(f"**{title}**")]
    for number, step in enumerate(steps, 1):
        mark = _(DONE if step.done else OPTIONAL if step.optional else TODO)
        what = step.status if step.done and step.status else step.how
        what += "" if what.endswith((".", ")", "!")) else "."
        blocks.append(Text(f"{mark}: {number}. **{step.title}**. {what}"))
    buttons = tuple(step.button for step in steps if step.button and not step.done)
    if buttons:
        blocks.append(Buttons(buttons))
    blocks.append(Context(_("`/prepbot setup` shows this list again.")))
    return Reply(title, tuple(blocks), private=True)

