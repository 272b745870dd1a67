"""Replies to JSON for the playground page; the page renders and escapes them."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.attachments.links import PREFIX as PICTURES
from bot.blocks import Block, Image, Reply


def block_json(block: Block) -> dict[str, Any]:
    """One block as a JSON object with a `type` field (the block's class name, lower case)."""
    body = dataclasses.asdict(block)
    body["type"] = type(block).__name__.lower()
    if isinstance(block, Image) and block.url.startswith(PICTURES):
        body["url"] = "/playground" + block.url  # served from the playground's own world
    return body


def reply_json(reply: Reply) -> dict[str, Any]:
    """One reply as JSON."""
    return {"text": reply.text, "private": reply.private,
            "replace_original": reply.replace_original,
            "blocks": [block_json(block) for block in reply.blocks]}
