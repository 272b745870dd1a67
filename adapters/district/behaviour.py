"""How a simulated teacher answers what the bot sends them: the moves a teacher would make.

It reads a reply as a teacher reads it (its forms, its buttons, its words) and decides, by
the teacher's character and a random draw seeded by the message, what to click or submit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from adapters.district.people import COMMENTS, TICKET_REPLIES, TICKETS, Teacher
from bot.blocks import Button, Buttons, Choice, Form, Input, Reply


@dataclass(frozen=True)
class Move:
    """One thing a teacher does: click a button, or submit a form; `said` is for the feed."""

    said: str
    action_id: str = ""
    value: str = ""
    form_id: str = ""
    values: dict[str, str] = field(default_factory=dict)
    context: str = ""


def draw(*parts: str) -> random.Random:
    """A random source that gives the same draws for the same teacher and message."""
    return random.Random("|".join(parts))


def buttons_of(reply: Reply) -> dict[str, Button]:
    """A reply's buttons by action id."""
    return {b.action_id: b for blk in reply.blocks if isinstance(blk, Buttons)
            for b in blk.buttons}


def click(button: Button, said: str) -> Move:
    """Click a button."""
    return Move(said, action_id=button.action_id, value=button.value)


def score(teacher: Teacher, item: str, size: int, mood: dict[str, int],
          rng: random.Random) -> str:
    """A point on a scale of `size` for one statement: the teacher's view of what it asks
    about (ease of use, usefulness, or both), their mood that week, and a little noise."""
    construct = "peou" if item.startswith("peou") else "pu" if item.startswith("pu") else ""
    leaning = {"peou": teacher.ease, "pu": teacher.keen}.get(
        construct, round((teacher.keen + teacher.ease) / 2))
    shift = mood.setdefault(construct, rng.choice((-1, 0, 0, 1)))
    seven = min(7, max(1, leaning + shift + rng.choice((0,) * 8 + (-1, 1))))
    return str(round(1 + (seven - 1) * (size - 1) / 6))


def survey(teacher: Teacher, form: Form, reminder: bool, rng: random.Random) -> list[Move]:
    """A pulse survey: the keen answer at once, the doubtful after the reminder, the most
    doubtful never (as real cohorts do)."""
    if teacher.keen <= 2 or (teacher.keen == 3 and not reminder):
        return []
    week: dict[str, int] = {}
    values = {f.name: score(teacher, f.name, len(f.options), week, rng) for f in form.fields
              if isinstance(f, Choice)}
    tone = "high" if teacher.keen >= 6 else ("low" if teacher.keen <= 3 else "mid")
    if any(isinstance(f, Input) and f.name == "comment" for f in form.fields) \
            and rng.random() < 0.6:
        values["comment"] = rng.choice(COMMENTS[tone])
    return [Move("sent their survey answers", form_id=form.form_id, values=values,
                 context=form.context)]


def new_ticket(teacher: Teacher, form: Form, rng: random.Random) -> Move:
    """The ticket form, filled in as this teacher would."""
    text, category, urgency = rng.choice(TICKETS)
    values = {"text": text.format(room=teacher.room), "room": teacher.room,
              "urgency": urgency, "category": category, "identifiers": "mask"}
    return Move(f"opened a ticket: \u201c{values['text']}\u201d", form_id=form.form_id,
                values=values, context=form.context)


def fill(teacher: Teacher, form: Form, reply: Reply, rng: random.Random) -> list[Move]:
    """A form the bot gave them."""
    if form.form_id == "pulse.answer":
        return survey(teacher, form, "A reminder:" in reply.text, rng)
    if form.form_id == "coffee.note" and rng.random() < 0.6:
        return [Move(f"told the coach: \u201c{teacher.bugbear}\u201d", form_id=form.form_id,
                     values={"note": teacher.bugbear}, context=form.context)]
    if form.form_id == "tickets.new":
        return [new_ticket(teacher, form, rng)]
    if form.form_id == "tickets.answer":
        text = rng.choice(TICKET_REPLIES).format(room=teacher.room)
        return [Move(f"replied on their ticket: \u201c{text}\u201d", form_id=form.form_id,
                     values={"text": text}, context=form.context)]
    return []


def respond(teacher: Teacher, reply: Reply, when: str = "") -> list[Move]:
    """What this teacher does with a message from the bot (often nothing); `when` (demo
    time) varies the draw between messages that read alike."""
    rng = draw(teacher.key, reply.key or reply.text[:80], when)
    for form in (b for b in reply.blocks if isinstance(b, Form)):
        return fill(teacher, form, reply, rng)
    found = buttons_of(reply)
    if "coffee.rsvp.going" in found:
        roll = rng.random()
        if roll < teacher.coffee:
            return [click(found["coffee.rsvp.going"], "said they're going")]
        if roll < teacher.coffee + (1 - teacher.coffee) / 2:
            return [click(found["coffee.rsvp.no"], "said not this time")]
        return []
    if "coffee.cycle" in found and rng.random() < 0.35:  # the follow-up after a coffee
        return [click(found["tickets.form"], "asked for help after coffee")]
    if "coffee.keep" in found:
        return [click(found["coffee.keep"], "asked to keep being invited")]
    if "coffee.slot.accept" in found and rng.random() < 0.7:
        return [click(found["coffee.slot.accept"], "accepted a 1:1 slot")]
    if "tickets.answer" in found and ("needs something from you" in reply.text
                                      or " wrote: " in reply.text):
        return [click(found["tickets.answer"], "went to reply on their ticket")]
    return []


def after_answer(teacher: Teacher, reply: Reply, when: str = "") -> list[Move]:
    """What a teacher does with the bot's answer to their question: "Did this help?", a
    "did you mean" pick, or a person when the bot had no article."""
    rng = draw(teacher.key, "answer", reply.text[:80], when)
    found = buttons_of(reply)
    if "tickets.join" in found and rng.random() < 0.8:  # "Same problem? Add me to #12"
        return [click(found["tickets.join"], f"said \u201cme too\u201d: "
                                             f"{found['tickets.join'].label}")]
    if "answers.helpful.yes" in found and rng.random() < 0.85:
        if rng.random() < 0.75:
            return [click(found["answers.helpful.yes"], "said the answer helped")]
        return [click(found["answers.helpful.no"], "said the answer didn't help")]
    suggested = [b for blk in reply.blocks if isinstance(blk, Buttons) for b in blk.buttons
                 if b.action_id == "answers.show"]
    if suggested and rng.random() < 0.6:
        return [click(suggested[0], f"picked \u201c{suggested[0].label}\u201d")]
    if "answers.ticket" in found and rng.random() < 0.5:
        return [click(found["answers.ticket"], "asked for a person")]
    return []
