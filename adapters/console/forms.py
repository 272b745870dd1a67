"""Filling a form in a terminal, one field at a time.

A text field shows its default in brackets (Enter keeps it); a choice lists numbered options
and takes a number, an option's value or its words; a required field asks again when left
empty; `cancel` at any prompt drops the form and sends nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.blocks import Choice, Form, Input, Option

Read = Callable[[str], str]
Write = Callable[[str], None]
CANCEL = "cancel"


class Cancelled(Exception):
    """The person typed `cancel` in the middle of a form."""


def ask(read: Read, prompt: str) -> str:
    """One answer; `cancel` (or the end of input) gives up on the form."""
    try:
        answer = read(prompt).strip()
    except (EOFError, KeyboardInterrupt) as error:
        raise Cancelled from error
    if answer.lower() == CANCEL:
        raise Cancelled
    return answer


def pick(options: tuple[Option, ...], answer: str) -> str | None:
    """The option meant by a number, a value or a label; None when none is."""
    if answer.isdecimal() and 0 < int(answer) <= len(options):
        return options[int(answer) - 1].value
    wanted = answer.casefold()
    return next((o.value for o in options
                 if wanted in (o.value.casefold(), o.label.casefold())), None)


def fill_choice(label: str, options: tuple[Option, ...], initial: str | None,
                required: bool, read: Read, write: Write) -> str:
    """A numbered list; Enter keeps the default (shown in brackets) or skips an optional one."""
    write(label)
    for number, option in enumerate(options, 1):
        write(f"  {number}) {option.label}")
    default = next((str(n) for n, o in enumerate(options, 1) if o.value == initial), "")
    hint = f" [{default}]" if default else ("" if required else " [skip]")
    while True:
        answer = ask(read, f"  number{hint}> ") or default
        if not answer and not required:
            return ""
        chosen = pick(options, answer) if answer else None
        if chosen is not None:
            return chosen
        write(f"  Type a number from 1 to {len(options)}"
              + (" (or cancel)." if required else ", or press Enter to skip."))


def fill_text(field: Input, read: Read, write: Write) -> str:
    """A line of text; the default in brackets, an example after the label."""
    example = f" ({field.placeholder})" if field.placeholder and not field.initial else ""
    default = f" [{field.initial}]" if field.initial else ("" if field.required else " [skip]")
    shape = " as YYYY-MM-DD" if field.kind == "date" else ""
    while True:
        answer = ask(read, f"{field.label}{shape}{example}{default}: ") or field.initial
        if answer or not field.required:
            return answer
        write("  This one is needed (or type cancel).")


def fill(form: Form, read: Read, write: Write) -> dict[str, str] | None:
    """The form's values, asked field by field; None when the person cancelled."""
    write(f"-- {form.title} -- (Enter keeps [a default]; type cancel to stop)")
    values: dict[str, str] = {}
    try:
        for field in form.fields:
            if isinstance(field, Choice):
                values[field.name] = fill_choice(field.label, field.options, field.selected,
                                                 field.required, read, write)
            elif field.kind == "select":
                values[field.name] = fill_choice(field.label, field.options,
                                                 field.initial or None, field.required, read,
                                                 write)
            else:
                values[field.name] = fill_text(field, read, write)
    except Cancelled:
        write("Form cancelled: nothing was sent.")
        return None
    return values
