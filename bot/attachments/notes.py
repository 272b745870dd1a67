"""What the core tells a teacher about the files they shared, and how pictures are labelled."""

from __future__ import annotations

from collections.abc import Sequence

from bot.attachments.models import AttachmentRow
from bot.attachments.store import shown_name
from bot.blocks import Context, Reply, Text
from bot.vocabulary import Attachment

HOURS = 2  # store.HOLD, in words
MOST_FILES = 5
NO_STUDENTS = ("Please make sure photos never show students: no faces, no names, no screens "
               "with student information.")
EXAMPLE = "for example *the copier says paper jam in tray 2*"
REFUSED = {
    "too_big": "{name} is too big for me to keep (the most is {most}). A screenshot of just "
               "the error is usually much smaller.",
    "not_image": "I only keep pictures ({types}), and {name} isn't one, so I left it out. A "
                 "screenshot of the problem works best.",
    "unreadable": "I couldn't open {name} as a picture, so I left it out.",
    "download": "I couldn't download {name} just now, so I left it out. Try sharing it again.",
    "too_many": "I keep up to {files} pictures from one message, so I left out {name}.",
}


def _size(count: int) -> str:
    return f"{count / 1_000_000:.0f} MB" if count >= 1_000_000 else f"{count // 1000} KB"


def _what(count: int) -> tuple[str, str]:
    return ("your picture", "it") if count == 1 else (f"your {count} pictures", "them")


def refusal(attachment: Attachment, most_bytes: int, types: str) -> str:
    """Why one file was left out, in words a teacher can act on."""
    said = REFUSED.get(attachment.refused, REFUSED["unreadable"])
    name = shown_name(attachment.name) if attachment.name else "your file"
    return said.format(name=f"“{name}”", most=_size(most_bytes),
                       types=types.upper().replace(",", ", "), files=MOST_FILES)


def kept_line(kept: Sequence[AttachmentRow], only_files: bool) -> str:
    """What happened to the pictures that were kept."""
    what, it = _what(len(kept))
    if any(row.owner for row in kept):
        return f"I attached {what} to the ticket: the coach sees {it} there."
    if only_files:
        return (f"Got {what}. What's going on? Tell me in a sentence, {EXAMPLE}, and I'll keep "
                f"{it} with it for {HOURS} hours, so a coach sees {it} if it becomes a ticket. If "
                f"{it} belong{'s' if len(kept) == 1 else ''} to a ticket you already have, reply "
                "on that ticket.")
    return (f"I'm keeping {what} for {HOURS} hours: if this becomes a ticket, the coach sees "
            f"{it} with it.")


def note(attachments: Sequence[Attachment], kept: Sequence[AttachmentRow], only_files: bool,
         most_bytes: int, types: str) -> Reply | None:
    """One private note after the turn's own replies: what was kept, what was left out."""
    lines = [refusal(a, most_bytes, types) for a in attachments if a.refused]
    if lines and not only_files:
        lines.append("Everything else you sent went through.")
    if kept:
        lines.append(kept_line(kept, only_files))
    elif only_files:
        lines.append(f"Tell me in a sentence what's going on, {EXAMPLE}.")
    if not lines:
        return None
    text = " ".join(lines)
    blocks = (*(Text(line) for line in lines), *((Context(NO_STUDENTS),) if kept else ()))
    return Reply(text, blocks, private=True)


def alt_text(name: str) -> str:
    """What a screen reader says for a kept picture."""
    return f"Picture the teacher shared: {name}"


def pictures_line(names: Sequence[str]) -> str:
    """The line under a card's pictures: their names, and how to get fresh links."""
    shown = ", ".join(names)
    return (f"Attached: {shown}. Picture links last 24 hours: open the ticket again from "
            "`/tickets` for fresh ones.")
