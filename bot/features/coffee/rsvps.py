"""What teachers do with an invitation: RSVP, a one-line note, pause, opt out, follow-ups."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import when
from bot.blocks import Reply, form_reply
from bot.errors import BadInput
from bot.features.coffee import views
from bot.features.coffee.brief import topic_of
from bot.features.coffee.models import (
    CoffeeMemberRow,
    CoffeeOptOutRow,
    CoffeeRsvpRow,
    CoffeeSeriesRow,
    CoffeeSessionRow,
)
from bot.hooks.year import CycleAsk
from bot.i18n import N_, _, format_date
from bot.masking import mask_within, privacy_note
from bot.people.models import PersonRow
from bot.schools.models import SchoolRow
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Submission

NOT_INVITED = N_("That Coffee and Curriculum invitation wasn't for you.")

async def session_of(session: AsyncSession, value: str
                     ) -> tuple[CoffeeSessionRow, CoffeeSeriesRow, str]:
    """A session, its series and the school's zone, from a button's value."""
    coffee = await row_named(session, CoffeeSessionRow, value)
    series = await session.get(CoffeeSeriesRow, coffee.series_id) if coffee else None
    if coffee is None or series is None:
        raise BadInput(_("That Coffee and Curriculum session is gone."))
    if coffee.cancelled:
        raise BadInput(_("That Coffee and Curriculum session was called off."))
    school = await session.get(SchoolRow, series.school_id)
    return coffee, series, school.tz if school else "America/New_York"


async def member(session: AsyncSession, series_id: int, person: PersonRow) -> CoffeeMemberRow:
    """The person's membership of a series, created when they answer without one."""
    query = select(CoffeeMemberRow).where(CoffeeMemberRow.series_id == series_id,
                                          CoffeeMemberRow.person_id == person.id)
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        row = CoffeeMemberRow(series_id=series_id, person_id=person.id)
        session.add(row)
    return row


async def invited(session: AsyncSession, value: str, person: PersonRow
                  ) -> tuple[CoffeeSessionRow, CoffeeSeriesRow, str, CoffeeRsvpRow]:
    """A session the person was invited to (its RSVP row is made with the invitation), its
    series and zone; a session id of someone else's is refused like one that never was."""
    coffee, series, tz = await session_of(session, value)
    query = select(CoffeeRsvpRow).where(CoffeeRsvpRow.session_id == coffee.id,
                                        CoffeeRsvpRow.person_id == person.id)
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        raise BadInput(_(NOT_INVITED))
    return coffee, series, tz, row


async def in_series(session: AsyncSession, value: str, person: PersonRow) -> CoffeeSeriesRow:
    """A series the person has been invited to at least once."""
    series = await row_named(session, CoffeeSeriesRow, value)
    mine = select(CoffeeRsvpRow.id).join(
        CoffeeSessionRow, CoffeeSessionRow.id == CoffeeRsvpRow.session_id).where(
        CoffeeSessionRow.series_id == (series.id if series else -1),
        CoffeeRsvpRow.person_id == person.id).limit(1)
    if series is None or (await session.execute(mine)).first() is None:
        raise BadInput(_(NOT_INVITED))
    return series


async def rsvp(turn: Turn[Action]) -> list[Reply]:
    """Going, or Not this time."""
    coffee, series, tz, row = await invited(turn.session, turn.incoming.value, turn.person)
    if coffee.starts_at <= turn.now:
        return [views.say(_("That session has already started. See you at the next one!"))]
    row.answer = "going" if turn.incoming.action_id.endswith(".going") else "not_going"
    row.answered_at = turn.now
    (await member(turn.session, series.id, turn.person)).ignored = 0
    if row.answer == "going":
        return views.going(coffee.id, coffee.starts_at, tz)
    return [views.say(_("No problem, maybe next time. I'll keep you posted."), replace=True)]


async def ask_note(turn: Turn[Action]) -> list[Reply]:
    """The "what's bugging you" form again."""
    coffee, *_rest = await invited(turn.session, turn.incoming.value, turn.person)
    return [form_reply(views.note_form(coffee.id))]


async def note(turn: Turn[Submission]) -> list[Reply]:
    """The one line for the coach, matched to a knowledge-base topic for the brief."""
    *_rest, row = await invited(turn.session, turn.incoming.context, turn.person)
    masked = mask_within(" ".join(turn.incoming.values.get("note", "").split()), 300)
    if not masked.text:
        return [views.say(_("All good. See you there!"))]
    row.note, row.topic = masked.text, topic_of(turn.kb, masked.text)
    thanks = views.say(_("Thanks, I'll pass that on before the coffee."))
    note = privacy_note(masked)
    return [views.with_context(thanks, note) if note else thanks]


async def ask_pause(turn: Turn[Action]) -> list[Reply]:
    """"Pause until…": the date form."""
    series = await in_series(turn.session, turn.incoming.value, turn.person)
    return [form_reply(views.pause_form(series.id, turn.now.date()))]


async def pause(turn: Turn[Submission]) -> list[Reply]:
    """Pause a series' invitations until a date."""
    until = when.day(turn.incoming.values.get("until", ""), turn.now.date())
    if until is None:
        raise BadInput(_("Pick a date, e.g. 2026-12-18."))
    series = await in_series(turn.session, turn.incoming.context, turn.person)
    (await member(turn.session, series.id, turn.person)).paused_until = until
    return [views.say(_("Paused until {day}. Enjoy the breather!").format(
        day=format_date(until, "EEE d MMM")))]


async def opt_out(turn: Turn[Action]) -> list[Reply]:
    """One tap: no Coffee and Curriculum messages at all, from any series."""
    if await turn.session.get(CoffeeOptOutRow, turn.person.id) is None:
        turn.session.add(CoffeeOptOutRow(person_id=turn.person.id, at=turn.now))
    return [views.say(_("Done: no more Coffee and Curriculum invitations. If you change your "
                      "mind, `/coffee` turns them back on."), replace=True)]


async def opt_in(turn: Turn[Action]) -> list[Reply]:
    """Undo the opt-out."""
    await turn.session.execute(delete(CoffeeOptOutRow)
                               .where(CoffeeOptOutRow.person_id == turn.person.id))
    return [views.say(_("Welcome back! You'll get the next invitation."), replace=True)]


async def keep(turn: Turn[Action]) -> list[Reply]:
    """"Yes, keep inviting me" after three unanswered invitations."""
    row = await row_named(turn.session, CoffeeMemberRow, turn.incoming.value)
    if row is None or row.person_id != turn.person.id:
        raise BadInput(_("That question wasn't for you."))
    row.paused, row.ignored = False, 0
    return [views.say(_("Great, you'll keep getting invitations."), replace=True)]


async def switch(turn: Turn[Action]) -> list[Reply]:
    """The pause switch of a teacher's `/coffee`: pause or resume every series."""
    paused = turn.incoming.action_id.endswith(".pause")
    query = select(CoffeeMemberRow).where(CoffeeMemberRow.person_id == turn.person.id)
    for row in (await turn.session.execute(query)).scalars():
        row.paused, row.ignored = paused, 0
        row.paused_until = None if not paused else row.paused_until
    text = (_("Paused. `/coffee` resumes invitations whenever you like.") if paused
            else _("Resumed. You'll get the next invitation."))
    return [views.say(text, replace=True)]


async def cycle(turn: Turn[Action]) -> list[Reply]:
    """"Book a coaching cycle": the cycles feature takes the request (its coach plans the
    steps); without it, the coach is told and plans the goal-setting conference."""
    coffee, series, *_rest = await invited(turn.session, turn.incoming.value, turn.person)
    if turn.features.start_cycle is not None:
        return await cycle_request(turn, coffee, series)
    coach = await turn.session.get(PersonRow, series.coach_id)
    name = turn.person.display_name
    if coach is not None:  # said in the coach's language, not the teacher's
        turn.notify(coach, lambda: views.say(_(
            "{name} would like to book a coaching cycle after Coffee and Curriculum.").format(
                name=name or _("A teacher")), private=False), staff=True)
    who = coach.display_name if coach and coach.display_name else _("Your coach")
    return [views.say(_("Lovely! {who} will be in touch to plan your first goal-setting "
                        "conference.").format(who=who), replace=True)]


async def cycle_request(turn: Turn[Action], coffee: CoffeeSessionRow,
                        series: CoffeeSeriesRow) -> list[Reply]:
    """Hand the teacher's wish for a coaching cycle to the cycles feature (the core's hook)."""
    assert turn.features.start_cycle is not None
    # TRANSLATORS: a CLDR date pattern, day and month ("9 December").
    day = format_date(coffee.day, _("d MMMM"))
    # A series called off since names no coach: any coach may plan it (a red team's, stop
    # 52); the cycles feature also drops a coach who no longer coaches.
    coach_id = series.coach_id if series.status != "cancelled" else None
    ask = CycleAsk(teacher_id=turn.person.id, coach_id=coach_id,
                   source=_("Coffee and Curriculum on {day}").format(day=day),
                   request_key=f"coffee:{coffee.id}:{turn.person.id}")
    return await turn.features.start_cycle(turn, ask)
