"""What the core tells a teacher about the files they shared, and how pictures are labelled."""

from __future__ import annotations

from collections.abc import Sequence

from bot.attachments.models import AttachmentRow
from bot.attachments.store import shown_name
from bot.blocks import Context, Reply, Text
from bot.i18n import N_, _, format_decimal
from bot.vocabulary import Attachment

HOURS = 2  # store.HOLD, in words
MOST_FILES = 5
NO_STUDENTS = N_("Please make sure photos never show students: no faces, no names, no screens "
                 "with student information.")
EXAMPLE = N_("for example *the copier says paper jam in tray 2*")
REFUSED = {
    "too_big": N_("{name} is too big for me to keep (the most is {most}). A screenshot of just "
                  "the error is usually much smaller."),
    "not_image": N_("I only keep pictures ({types}), and {name} isn't one, so I left it out. A "
                    "screenshot of the problem works best."),
    "unreadable": N_("I couldn't open {name} as a picture, so I left it out."),
    "download": N_("I couldn't download {name} just now, so I left it out. Try sharing it "
                   "again."),
    "too_many": N_("I keep up to {files} pictures from one message, so I left out {name}."),
}
# What happened to the pictures kept: one picture, then several ({count}).
ATTACHED = (N_("I attached your picture to the ticket: the coach sees it there."),
            N_("I attached your {count} pictures to the ticket: the coach sees them there."))
ASK_WHAT = (N_("Got your picture. What's going on? Tell me in a sentence, {example}, and I'll "
               "keep it with it for {hours} hours, so a coach sees it if it becomes a ticket. "
               "If it belongs to a ticket you already have, reply on that ticket."),
            N_("Got your {count} pictures. What's going on? Tell me in a sentence, {example}, "
               "and I'll keep them with it for {hours} hours, so a coach sees them if it "
               "becomes a ticket. If they belong to a ticket you already have, reply on that "
               "ticket."))
KEEPING = (N_("I'm keeping your picture for {hours} hours: if this becomes a ticket, the coach "
              "sees it with it."),
           N_("I'm keeping your {count} pictures for {hours} hours: if this becomes a ticket, "
              "the coach sees them with it."))


def _size(count: int) -> str:
    megabytes = count >= 1_000_000
    return f"{format_decimal(round(count / (1_000_000 if megabytes else 1000)))} " + (
        "MB" if megabytes else "KB")


def refusal(attachment: Attachment, most_bytes: int, types: str) -> str:
    """Why one file was left out, in words a teacher can act on."""
    said = REFUSED.get(attachment.refused, REFUSED["unreadable"])
    name = shown_name(attachment.name) if attachment.name else _("your file")
    return _(said).format(name=f"“{name}”", most=_size(most_bytes),
                          types=types.upper().replace(",", ", "), files=MOST_FILES)


def _one_or_many(sentences: tuple[str, str], count: int) -> str:
    # Two sentences rather than ngettext: the one-picture sentence has no number in it.
    return _(sentences[0] if count == 1 else sentences[1]).format(
        count=count, hours=HOURS, example=_(EXAMPLE))


def kept_line(kept: Sequence[AttachmentRow], only_files: bool) -> str:
    """What happened to the pictures that were kept."""
    if any(row.owner for row in kept):
        return _one_or_many(ATTACHED, len(kept))
    return _one_or_many(ASK_WHAT if only_files else KEEPING, len(kept))


def note(attachments: Sequence[Attachment], kept: Sequence[AttachmentRow], only_files: bool,
         most_bytes: int, types: str) -> Reply | None:
    """One private note after the turn's own replies: what was kept, what was left out."""
    lines = [refusal(a, most_bytes, types) for a in attachments if a.refused]
    if lines and not only_files:
        lines.append(_("Everything else you sent went through."))
    if kept:
        lines.append(kept_line(kept, only_files))
    elif only_files:
        lines.append(_("Tell me in a sentence what's going on, {example}.").format(
            example=_(EXAMPLE)))
    if not lines:
        return None
    text = " ".join(lines)
    blocks = (*(Text(line) for line in lines), *((Context(_(NO_STUDENTS)),) if kept else ()))
    return Reply(text, blocks, private=True)


def alt_text(name: str) -> str:
    """What a screen reader says for a kept picture."""
    return _("Picture the teacher shared: {name}").format(name=name)


def pictures_line(names: Sequence[str]) -> str:
    """The line under a card's pictures: their names, and how to get fresh links."""
    return _("Attached: {names}. Picture links last 24 hours: open the ticket again from "
             "`/tickets` for fresh ones.").format(names=", ".join(names))
