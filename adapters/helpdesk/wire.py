"""Reading the core's messages for a helpdesk: the body is the Reply's text, the headers are
its Fields block (bot/features/helpdesk/views.py writes them), the address is the
conversation's id."""

from __future__ import annotations

from bot.blocks import Fields, Reply


def headers_of(reply: Reply) -> list[tuple[str, str]]:
    """The header pairs a message carries."""
    return [pair for block in reply.blocks if isinstance(block, Fields) for pair in block.pairs]
