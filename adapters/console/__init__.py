"""The console adapter: the same conversation in a terminal (`prepbot chat`) and in tests.

`chat.py` holds the conversation and the read-eval-print loop, `text.py` renders replies as
plain text, `forms.py` fills a form field by field, `messenger.py` delivers what the bot
starts to the person at the terminal.
"""

from adapters.console.chat import ConsoleChat, run_console
from adapters.console.text import render, render_block

__all__ = ["ConsoleChat", "render", "render_block", "run_console"]
