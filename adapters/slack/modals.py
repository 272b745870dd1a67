"""The core's Form as a Slack modal, and a submitted modal's values back as strings by name."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from adapters.slack.blockkit import Json, input_block, plain, sections, trim
from bot.blocks import Form

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


def values(view: Mapping[str, Any], names: Collection[str] | None = None) -> dict[str, str]:
    """A submitted view's (or message's) values, flattened to {field name: value}.

    `names` keeps only those blocks: a message's state also holds its other stateful
    elements (a standalone choice, say), which a modal of the same form would not have.
    """
    flat: dict[str, str] = {}
    state = view.get("state") or {}
    for block_id, elements in (state.get("values") or {}).items():
        if not isinstance(elements, Mapping) or (names is not None and block_id not in names):
            continue
        for action_id, item in elements.items():
            if isinstance(item, Mapping):
                # the core names a field once; block_id is it, action_id too (same string)
                flat[str(block_id) if block_id else str(action_id)] = trim(state_value(item),
                                                                           10_000)
    return flat
