"""Replies as plain text for a terminal: prepbot's light markup dropped, buttons in brackets."""

from __future__ import annotations

import re

from bot.blocks import (
    Block,
    Buttons,
    Choice,
    Context,
    Divider,
    Fields,
    Form,
    Image,
    Reply,
    Steps,
    Text,
)

MARKUP = re.compile(r"\*\*([^*]+)\*\*")


def plain(text: str) -> str:
    """Text without prepbot's **bold** marks."""
    return MARKUP.sub(r"\1", text)


def render_block(block: Block) -> str:
    """One block as plain text."""
    if isinstance(block, Text | Context):
        return plain(block.text)
    if isinstance(block, Steps):
        return "\n".join(f"  {n}. {plain(step)}" for n, step in enumerate(block.items, 1))
    if isinstance(block, Fields):
        return "\n".join(f"  {label}: {value}" for label, value in block.pairs)
    if isinstance(block, Buttons):
        return "  " + "  ".join(f"[{b.label}]" for b in block.buttons)
    if isinstance(block, Choice):
        return f"{block.label}\n" + "\n".join(f"  ( ) {o.label}" for o in block.options)
    if isinstance(block, Form):
        return f"[form: {block.title}]"
    if isinstance(block, Image):
        return f"[image: {block.alt}]"
    if isinstance(block, Divider):
        return "-" * 20
    return ""


def render(reply: Reply) -> str:
    """A whole reply as plain text."""
    if not reply.blocks:
        return reply.text
    return "\n".join(part for part in map(render_block, reply.blocks) if part)
