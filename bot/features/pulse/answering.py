"""Teachers answer: one form per survey, changeable until released, with no trail to them.

How a teacher can change an answer without anything linking them to it:

Each invitation form carries a fresh random secret (128 bits) in its context, made when
the message is rendered and never stored by prepbot. The answers are saved under
sha256(survey id, secret) as their key, and the person is separately recorded as a
respondent, both only when the answers are released with N others (pool.py). Submitting
the same form again (a change, a double submit, a retry) lands on the same key, so it
updates that one entry while it waits; once released with N others it is final (pool.py says
why). The reply's "Change my answers" button carries the secret back to
the teacher only. A different form from someone who has answered is refused, so everyone
counts once.

The trade-off, chosen on purpose: prepbot cannot find a teacher's answers for them. A
teacher who deletes the message has lost the way to change them, and we say so. The secret
does sit in the teacher's own chat (Slack or Teams keeps the message): someone who can
read that teacher's DMs could compute the key. They could also read the teacher's answers
as sent, so this adds nothing a platform admin did not already have. What it does prevent
is the path that matters: nobody with the database, the exports or the coach's commands
can get from a person to their answers. The key is a hash, not the secret itself, so a
copied database cannot be searched against chat logs either.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.pulse import pool
from bot.features.pulse.instruments import Instrument
from bot.features.pulse.models import RespondentRow, ResponseRow, SurveyRow
from bot.features.pulse.pool import Entry
from bot.i18n import N_, _, format_decimal
from bot.people.models import PersonRow
from bot.server_secret import ServerSecret

ALREADY = N_("You've already answered this survey, from another message. To change your "
             "answers use that message's form or its \u201cChange my answers\u201d button: I "
             "keep no link from you to your answers, so I can't find them for you.")
USED = N_("That form was already used to answer this survey. Use the survey message sent "
          "to you.")
TAG = "pulse-form"
LONG = N_("Your comment is {count} characters long, and I keep at most {most}. Please shorten "
          "it and send the form again: nothing was saved.")
FINAL = N_("Your answers are already counted in the results your coach sees, together with "
           "others', so they can't change now: a change would show which answers were yours.")


def new_secret() -> str:
    """A fresh secret for one form; never stored."""
    return secrets.token_urlsafe(16)


def form_context(survey_id: int, secret: str, person_id: int, server: ServerSecret) -> str:
    """What the form carries back: the survey, the secret, and a tag binding it to the one
    teacher it was sent to (a card forwarded to a colleague answers nothing: a red team's,
    stop 48, jammed a survey with one shared card)."""
    return f"{survey_id}:{secret}:{form_tag(server, survey_id, secret, person_id)}"


def form_tag(server: ServerSecret, survey_id: int | str, secret: str, person_id: int) -> str:
    """Only the server can make it, for this survey, form and person."""
    return server.keyed_hash(TAG, f"{survey_id}:{secret}:{person_id}")[:22]


def read_context(context: str) -> tuple[str, str, str]:
    """The survey id, secret and tag ("" on a form sent before tags) of a form's context or a
    button's value."""
    survey_id, secret, tag = [*context.split(":"), "", ""][:3]
    if not survey_id.isdecimal() or len(secret) < 16:
        raise BadInput(_("That survey form is no longer valid. Use the one in your direct "
                         "messages."))
    return survey_id, secret, tag


def response_key(survey_id: int, secret: str) -> str:
    """The hashed key answers are stored under."""
    return hashlib.sha256(f"pulse:{survey_id}:{secret}".encode()).hexdigest()


def read_answers(instrument: Instrument, values: Mapping[str, str]) -> dict[str, int]:
    """Every item's point on the scale, checked."""
    points = range(1, len(instrument.scale) + 1)
    answers: dict[str, int] = {}
    for item in instrument.items:
        raw = values.get(item.id, "").strip()
        if not raw.isdecimal() or int(raw) not in points:
            raise BadInput(_("Please pick an answer for “{text}”.").format(text=item.text))
        answers[item.id] = int(raw)
    return answers


async def own_answers(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
                      person: PersonRow, form_secret: str) -> Entry | None:
    """The answers waiting under this form's secret (only its holder asks)."""
    waiting = await pool.entry_of(session, secret, survey, person.id)
    return waiting if waiting is not None and waiting.key == response_key(
        survey.id, form_secret) else None


async def save(session: AsyncSession, secret: ServerSecret, survey: SurveyRow,
               person: PersonRow, form_secret: str, answers: dict[str, int],
               comment: str) -> bool:
    """Save or change one person's waiting answers (into the pool, released N at a time);
    True when they are new, False when changed."""
    if len(comment) > pool.KEPT_COMMENT:  # refused whole: a cut could split a student's name
        raise BadInput(_(LONG).format(count=format_decimal(len(comment)),
                                      most=format_decimal(pool.KEPT_COMMENT)))
    key = response_key(survey.id, form_secret)
    if await session.get(ResponseRow, key) is not None:
        raise BadInput(_(FINAL))
    waiting = await pool.entry_of(session, secret, survey, person.id)
    if (waiting is not None and waiting.key != key) or (waiting is None and \
            await session.get(RespondentRow, (survey.id, person.id)) is not None):
        raise BadInput(_(ALREADY))  # a second form from someone who has answered
    if waiting is None and await pool.key_waiting(session, secret, survey, key):
        raise BadInput(_(USED))  # an untagged form someone else answered on: one set a form
    entry = pool.Entry(person.id, key, answers, comment)
    try:
        async with session.begin_nested():  # two submits racing: the loser is told, not failed
            await pool.hold(session, secret, survey, entry)
    except IntegrityError as error:
        raise BadInput(_(ALREADY)) from error
    return waiting is None


async def is_final(session: AsyncSession, survey: SurveyRow, form_secret: str) -> bool:
    """Whether the answers this form's secret saved are released (and so can't change)."""
    return await session.get(ResponseRow, response_key(survey.id, form_secret)) is not None
