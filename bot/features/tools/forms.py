"""The register's forms: a teacher's request, the six-point checklist, a coach's edit of a
tool's facts, and retiring a tool."""

from __future__ import annotations

import uuid

from bot.blocks import Form, Input, Option
from bot.features.tools import stale
from bot.features.tools.checklist import POINTS, RESULT_WORDS, RESULTS
from bot.features.tools.models import ToolCheckRow, ToolRow
from bot.i18n import _

WEB = "https://"  # the evidence link's placeholder: the start of an address, no words


def request_form(name: str = "") -> Form:
    """A teacher's request: the tool, and the need it meets."""
    return Form("tools.request", _("Request a tool"), (
        Input("name", _("Tool or app"), initial=name, placeholder=_("e.g. Blooket")),
        Input("purpose", _("What would students do with it? (the learning goal or standard)"),
              "textarea", required=False),
    ), submit_label=_("Request it"), context=str(uuid.uuid4()))


def checklist_form(tool: ToolRow, checks: dict[str, ToolCheckRow]) -> Form:
    """The six points (pass / fail / unknown, a note, an evidence link) and the standards."""
    fields: list[Input] = []
    choices = tuple(Option(r, _(RESULT_WORDS[r])) for r in RESULTS)
    for point in POINTS:
        row, name = checks.get(point.key), _(point.label)
        fields += [
            Input(point.key, f"{name}: {_(point.question)}", "select", options=choices,
                  initial=row.result if row else "unknown"),
            Input(f"{point.key}_note", _("{point}: note").format(point=name), required=False,
                  initial=row.note if row else ""),
            Input(f"{point.key}_link", _("{point}: evidence link").format(point=name),
                  required=False, initial=row.evidence if row else "", placeholder=WEB)]
    fields.append(Input("standards", _("Standards it maps to (CCSS, NGSS, state)"), "textarea",
                        required=False, initial=tool.standards))
    # What it showed, part by part: a part someone else changes meanwhile is theirs to keep.
    shown = stale.parts_context(tool, stale.checklist_state(tool, checks),
                                stale.checklist_entries(tool, checks))
    return Form("tools.checklist", _("Checklist: {name}").format(name=tool.name), tuple(fields),
                _("Save checklist"), context=shown)


def edit_form(tool: ToolRow, owner: str, schools: str, alternative: str) -> Form:
    """A coach's edit of a tool's facts."""
    return Form("tools.edit", _("Edit: {name}").format(name=tool.name), (
        Input("aliases", _("Other names (comma-separated)"), required=False,
              initial=tool.aliases),
        Input("owner", _("Owner coach (a name, or 'me')"), required=False, initial=owner),
        Input("schools", _("Schools using it (comma-separated; empty for all)"),
              required=False, initial=schools),
        Input("grades", _("Grades"), required=False, initial=tool.grades,
              placeholder=_("e.g. 3-8")),
        Input("website", _("Website"), required=False, initial=tool.website),
        Input("access", _("How teachers get access"), required=False, initial=tool.access),
        Input("intended", _("Teachers it is meant for (a number)"), required=False,
              initial=str(tool.intended or "")),
        Input("decide_by", _("Decision expected by"), "date", required=False,
              initial=tool.decide_by.isoformat() if tool.decide_by else ""),
        Input("alternative", _("The approved alternative (a tool's name)"), required=False,
              initial=alternative),
        Input("reason", _("Why it isn't approved or is being retired"), required=False,
              initial=tool.reason),
    ), submit_label=_("Save"), context=stale.parts_context(tool, stale.facts_state(tool)))


def retire_form(tool: ToolRow, alternative: str) -> Form:
    """Retiring a tool: why, and what to use instead; users get thirty days' notice."""
    return Form("tools.retire", _("Retire {name} (30 days' notice)").format(name=tool.name), (
        Input("reason", _("Why (the users read this)"), "textarea",
              initial=tool.reason, placeholder=_("e.g. under 30% of teachers use it")),
        Input("alternative", _("The approved alternative (a tool's name)"), required=False,
              initial=alternative),
    ), submit_label=_("Send the notice"), context=str(tool.id))
