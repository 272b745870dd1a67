"""The core's Form as a Slack modal, and a submitted modal's values back as strings by name."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from adapters.slack.blockkit import Json, choice_element, option, plain, sections, trim
from bot.blocks import Choice, Form, Input

MAX_TITLE = 24  # modal title and button texts
MAX_METADATA = 3000
MAX_MODAL_BLOCKS = 100


def metadata(form: Form, ref: str) -> str:
    """private_metadata: the form's context, and where the form was opened (to answer there)."""
    packed = json.dumps({"context": form.context, "ref": ref}, separators=(",", ":"))
    keep = len(form.context)
    while len(packed) > MAX_METADATA:  # Slack's limit: drop `ref` first, then cut the context
        keep -= len(packed) - MAX_METADATA
        packed = json.dumps({"context": form.context[:keep], "ref": ""}, separators=(",", ":"))
    return packed


def unpack(private_metadata: str) -> tuple[str, str]:
    """The form context and conversation ref from private_metadata (plain text is a context)."""
    try:
        packed = json.loads(private_metadata) if private_metadata else {}
    except json.JSONDecodeError:
        return private_metadata, ""
    if not isinstance(packed, dict):
        return private_metadata, ""
    return str(packed.get("context", "")), str(packed.get("ref", ""))


def element(field: Input) -> Json:
    """The input element for one form field."""
    if field.kind == "select":
        found: Json = {"type": "static_select", "action_id": field.name,
                       "options": [option(o) for o in field.options[:100]],
                       "placeholder": plain(field.placeholder or "Choose one", 150)}
        chosen = next((o for o in field.options if o.value == field.initial), None)
        if chosen is not None:
            found["initial_option"] = option(chosen)
        return found
    if field.kind == "date":
        picked: Json = {"type": "datepicker", "action_id": field.name}
        if field.initial:
            picked["initial_date"] = field.initial
        return picked
    typed: Json = {"type": "plain_text_input", "action_id": field.name,
                   "multiline": field.kind == "textarea"}
    if field.placeholder:
        typed["placeholder"] = plain(field.placeholder, 150)
    if field.initial:
        typed["initial_value"] = field.initial[:3000]
    return typed


def input_block(field: Input | Choice) -> Json:
    """One labelled input block; block_id and action_id are both the core's field name."""
    made = choice_element(field, field.name) if isinstance(field, Choice) else element(field)
    return {"type": "input", "block_id": field.name, "optional": not field.required,
            "label": plain(field.label, 2000), "element": made}


def modal(form: Form, ref: str = "") -> Json:
    """A modal view for a form: callback_id is the form id."""
    blocks: list[Json] = []
    if len(form.title) > MAX_TITLE:  # the title bar cuts it: say it in full inside
        blocks.extend(sections(f"**{form.title}**"))
    blocks.extend(input_block(field) for field in form.fields)
    return {"type": "modal", "callback_id": form.form_id,
            "title": plain(form.title, MAX_TITLE),
            "submit": plain(form.submit_label, MAX_TITLE),
            "close": plain("Cancel", MAX_TITLE),
            "private_metadata": metadata(form, ref),
            "blocks": blocks[:MAX_MODAL_BLOCKS]}


def state_value(state: Mapping[str, Any]) -> str:
    """One element's submitted value as a string ('' when left empty)."""
    if state.get("selected_option"):
        return str(state["selected_option"].get("value", ""))
    for key in ("value", "selected_date", "selected_time", "selected_user",
                "selected_channel", "selected_conversation"):
        if state.get(key) is not None:
            return str(state[key])
    return ""


def values(view: Mapping[str, Any]) -> dict[str, str]:
    """A submitted view's values, flattened to {field name: value}."""
    flat: dict[str, str] = {}
    state = view.get("state") or {}
    for block_id, elements in (state.get("values") or {}).items():
        if not isinstance(elements, Mapping):
            continue
        for action_id, item in elements.items():
            if isinstance(item, Mapping):
                # the core names a field once; block_id is it, action_id too (same string)
                flat[str(block_id) if block_id else str(action_id)] = trim(state_value(item),
                                                                           10_000)
    return flat
