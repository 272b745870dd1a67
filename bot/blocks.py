"""What the core says back: a Reply made of a few neutral blocks that every adapter renders.

Text marked `markdown=True` is prepbot's own light markup (**bold**, `code`, [label](url));
anything a person typed goes in with `markdown=False`, so renderers escape it whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from bot.i18n import _


@dataclass(frozen=True)
class Text:
    """A paragraph."""

    text: str
    markdown: bool = True


@dataclass(frozen=True)
class Steps:
    """A numbered list of steps."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label and value pairs, shown side by side where the platform can."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Button:
    """One button: the action id the core routes on, and a value it gets back."""

    label: str
    action_id: str
    value: str = ""
    style: Literal["default", "primary", "danger"] = "default"


@dataclass(frozen=True)
class Buttons:
    """A row of buttons."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Option:
    """One choice of a Choice or a select input."""

    value: str
    label: str


@dataclass(frozen=True)
class Choice:
    """A single-choice scale (a Likert item): every point labelled in words."""

    name: str
    label: str
    options: tuple[Option, ...]
    selected: str | None = None
    required: bool = True


@dataclass(frozen=True)
class Input:
    """One field of a form."""

    name: str
    label: str
    kind: Literal["text", "textarea", "select", "date"] = "text"
    options: tuple[Option, ...] = ()
    required: bool = True
    placeholder: str = ""
    initial: str = ""


@dataclass(frozen=True)
class Form:
    """A form the person fills in and submits; `context` comes back with the submission."""

    form_id: str
    title: str
    fields: tuple[Input | Choice, ...]
    # Translated as the form is built, in the language of whoever it is for.
    submit_label: str = field(default_factory=lambda: _("Submit"))
    context: str = ""


@dataclass(frozen=True)
class Image:
    """An image (a chart, say) with the alt text a screen reader speaks."""

    url: str
    alt: str


@dataclass(frozen=True)
class Divider:
    """A thin line between parts of a reply."""


@dataclass(frozen=True)
class Context:
    """Small, secondary text."""

    text: str


Block = Text | Steps | Fields | Buttons | Choice | Form | Image | Divider | Context


@dataclass(frozen=True)
class Reply:
    """One message back: blocks, a plain-text fallback, and how it is delivered."""

    text: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    private: bool = False
    replace_original: bool = False
    key: str = ""  # the scheduler's delivery key; a messenger may stamp it for reconciliation
    # Not a message: an emoji (by name, "eyes") put on the message being answered; where a
    # bot cannot react (Teams), nothing is shown. `text` is the emoji itself, for consoles.
    reaction: str = ""


def say(text: str, *, private: bool = True, replace: bool = False) -> Reply:
    """A one-paragraph reply."""
    return Reply(text, (Text(text),), private=private, replace_original=replace)


def form_reply(form: Form) -> Reply:
    """A reply that is just a form (a modal in Slack, a card in Teams)."""
    return Reply(form.title, (form,), private=True)


KINDS: dict[str, type] = {kind.__name__: kind for kind in (
    Text, Steps, Fields, Button, Buttons, Option, Choice, Input, Form, Image, Divider, Context,
    Reply)}


def _encode(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if type(value).__name__ in KINDS and hasattr(value, "__dataclass_fields__"):
        return {"$": type(value).__name__, **{name: _encode(getattr(value, name))
                                              for name in value.__dataclass_fields__}}
    return value


def _decode(value: object) -> object:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict) and value.get("$") in KINDS:
        return KINDS[value["$"]](**{k: _decode(v) for k, v in value.items() if k != "$"})
    return value


def reply_to_json(reply: Reply) -> str:
    """A reply as JSON, to keep in the delivery ledger until it is sent."""
    return json.dumps(_encode(reply), separators=(",", ":"))


def reply_from_json(text: str) -> Reply:
    """The reply `reply_to_json` wrote."""
    found = _decode(json.loads(text))
    if not isinstance(found, Reply):
        raise ValueError("not a stored reply")
    return found


def replies_to_json(replies: list[Reply]) -> str:
    """Several replies as one JSON array."""
    return json.dumps([_encode(reply) for reply in replies], separators=(",", ":"))


def replies_from_json(text: str) -> list[Reply]:
    """The replies `replies_to_json` wrote."""
    found = _decode(json.loads(text))
    if not isinstance(found, tuple) or not all(isinstance(r, Reply) for r in found):
        raise ValueError("not stored replies")
    return list(found)
