"""Library fixtures: a knowledge base of the test's own, and an article a coach could write."""

from __future__ import annotations

from adapters.console import ConsoleChat
from bot.blocks import Form, Reply
from bot.vocabulary import Person

# A new article: nothing shipped covers the laminator, and no phrasing is used elsewhere.
LAMINATOR = {
    "title": "Laminator jams or wrinkles the pouch",
    "category": "hardware",
    "answer": "Let it warm up fully and feed the pouch sealed edge first, straight and slow.",
    "steps": "Wait for the ready light (about five minutes)\nUse pouches of the thickness the "
             "dial is set to\nFeed the sealed edge first, in the middle of the slot\nIf it "
             "jams, switch to reverse and pull the pouch back out gently",
    "phrasings": "laminator keeps jamming\nthe laminator ate my poster\nlaminating pouch comes "
                 "out wrinkled\nlaminator jammed in the workroom\npouch stuck inside the "
                 "laminator\nlaminated sheets come out bubbly\nhow do I unjam the laminator\n"
                 "laminator melted the pouch",
    "still_stuck": "Unplug it, put a sign on it, and open a ticket: reply \"ticket\".",
    "tags": "laminator, workroom, jam",
    "notes": "",
}


def form_in(replies: list[Reply]) -> Form:
    """The form among the replies."""
    return next(b for r in replies for b in r.blocks if isinstance(b, Form))


def initial(form: Form) -> dict[str, str]:
    """What a form shows filled in, by field name."""
    return {f.name: getattr(f, "initial", "") for f in form.fields}


async def publish(chat: ConsoleChat, coach: Person, values: dict[str, str],
                  context: str = "new") -> list[Reply]:
    """A coach submits the article form."""
    return await chat.submit("library.save", values, context, as_=coach)
