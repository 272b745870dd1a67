"""The coach's side: set up, list, pause, edit and cancel series; mark who came."""

from __future__ import annotations

from sqlalchemy import select

from bot.blocks import Block, Form, Input, Option, Reply, Text, form_reply
from bot.errors import BadInput
from bot.features.coffee import changes, planner, rotation, service, views
from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.features.coffee.occurrences import next_session
from bot.features.coffee.rsvps import session_of
from bot.i18n import _
from bot.masking import Masked, privacy_note
from bot.scheduling import ledger
from bot.scheduling.models import DeliveryRow
from bot.schools.service import calendar_of
from bot.turn import Turn
from bot.vocabulary import Action, Command, Incoming, Submission


async def setup(turn: Turn[Command]) -> list[Reply]:
    """`/coffee setup`: the form, with the current channel as the cohort."""
    schools = await service.schools(turn.session)
    if not schools:
        raise BadInput(_("No schools yet: an admin adds one first with `/prepbot schools "
                         "add` (a form), or follows `/prepbot setup`."))
    where = turn.incoming.conversation
    cohort = where.id if where.kind == "channel" else ""
    return [form_reply(views.setup_form(schools, cohort))]


async def save(turn: Turn[Submission]) -> list[Reply]:
    """The setup (or edit) form was submitted."""
    setup = service.read_setup(turn.incoming.values, turn.now.date())
    kind, _sep, ident = turn.incoming.context.partition(":")
    existing = await service.owned(turn.session, turn.person, ident) if kind == "edit" else None
    place_before = existing.place if existing else None
    row = await service.save(turn.session, turn.person, turn.incoming.person.platform, setup,
                             turn.now, existing)
    followed = await changes.follow_series(turn.session, row, turn.now,
                                           place_changed=row.place != place_before) \
        if existing else changes.Followed()
    upcoming = await next_start(turn, row)
    text = (_("Saved.") if existing else _("Coffee and Curriculum is set up!")) + " " + \
        views.series_line(row, upcoming) + views.follow_note(followed)
    if not existing or existing.cohort_id != setup.cohort_id:
        text += f" {_(views.CHECKING).format(cohort=row.cohort_id)}"
    text = f"{text} {privacy_note(Masked(row.place, setup.place_hidden))}".strip()
    return [Reply(text, (Text(text),), private=True)]


async def next_start(turn: Turn[Incoming], row: CoffeeSeriesRow) -> str:
    """The next session as words, or why there is none."""
    calendar = await calendar_of(turn.session, row.school_id)
    found = next_session(row, calendar, turn.now)
    if row.mode == "rotation":
        return (_("1:1 slots every week in each teacher's prep period") if row.every_weeks == 1
                else _("1:1 slots every {count} weeks in each teacher's prep period").format(
                    count=row.every_weeks))
    return views.when(found[1], calendar.tz) if found else _("none before the last day")


async def listing(turn: Turn[Command] | Turn[Action]) -> list[Reply]:
    """A coach's series, each with pause, edit and cancel."""
    rows = await service.series_of(turn.session, turn.person)
    if not rows:
        text = _("You have no Coffee and Curriculum series yet. `/coffee setup` starts one.")
        return [views.say(text)]
    blocks: list[Block] = [Text("**" + _("Your Coffee and Curriculum") + "**")]
    for row in rows:
        blocks += [Text(views.series_line(row, await next_start(turn, row))),
                   views.series_buttons(row)]
    return [Reply(_("Your Coffee and Curriculum series"), tuple(blocks), private=True)]


async def edit(turn: Turn[Action]) -> list[Reply]:
    """The setup form again, filled in with the series as it is."""
    row = await service.owned(turn.session, turn.person, turn.incoming.value)
    return [form_reply(views.setup_form(await service.schools(turn.session), "", row))]


async def pause(turn: Turn[Action]) -> list[Reply]:
    """No invitations until the coach resumes."""
    return await _set_status(turn, "paused",
                             _("Paused: no invitations go out until you resume."))


async def resume(turn: Turn[Action]) -> list[Reply]:
    """Invitations go out again."""
    return await _set_status(turn, "active",
                             _("Resumed: invitations go out again from the next session."))


async def cancel(turn: Turn[Action]) -> list[Reply]:
    """Cancel asks first: it ends the whole series, and those invited hear of it."""
    row = await service.owned(turn.session, turn.person, turn.incoming.value)
    upcoming = await service.upcoming_sessions(turn.session, row, turn.now)
    return [views.confirm_cancel(row, upcoming)]


async def end(turn: Turn[Action]) -> list[Reply]:
    """"Yes, cancel the series": end it; those already invited hear it is called off."""
    return await _set_status(turn, "cancelled",
                             _("Cancelled. Invitations already planned won't go out."))


async def keep(turn: Turn[Action]) -> list[Reply]:
    """"No, keep it": nothing changes; the list of series again."""
    await service.owned(turn.session, turn.person, turn.incoming.value)
    replies = await listing(turn)
    return [Reply(r.text, r.blocks, r.private, replace_original=True) for r in replies]


async def _set_status(turn: Turn[Action], status: str, said: str) -> list[Reply]:
    row = await service.owned(turn.session, turn.person, turn.incoming.value)
    row.status = status
    followed = await changes.follow_series(turn.session, row, turn.now)
    if status == "cancelled":
        agreed = await rotation.release(turn.session, row, turn.now)
        followed += changes.Followed(called_off=len(agreed),
                                     told=await ledger.plan(turn.session, agreed))
    return [views.say(said + views.follow_note(followed), replace=True)]


async def _may_mark(turn: Turn[Action] | Turn[Submission], coffee: CoffeeSessionRow,
                   series: CoffeeSeriesRow) -> None:
    """The series' coach (or an admin) marks who came, and so does the coach its brief was
    sent to: one who ran it and handed the series over since (a red team's, stop 52: nobody
    who was there could mark it), once it has ended and while nobody has marked it."""
    briefed = select(DeliveryRow.id).where(
        DeliveryRow.job == planner.BRIEF, DeliveryRow.occurrence == planner.occurrence(coffee),
        DeliveryRow.person_id == turn.person.id, DeliveryRow.status == "sent").limit(1)
    marked = select(CoffeeRsvpRow.id).where(CoffeeRsvpRow.session_id == coffee.id,
                                            CoffeeRsvpRow.attended.is_not(None)).limit(1)
    if coffee.ends_at > turn.now or await turn.session.scalar(marked) is not None \
            or await turn.session.scalar(briefed) is None:
        await service.owned(turn.session, turn.person, str(series.id))


async def ask_attendance(turn: Turn[Action]) -> list[Reply]:
    """"Mark who came": one came / didn't come choice per person who said yes."""
    coffee, series, _row = await session_of(turn.session, turn.incoming.value)
    await _may_mark(turn, coffee, series)
    going = await planner.rsvps(turn.session, coffee.id, ("going",))
    if not going:
        return [views.say(_("Nobody said yes to this one, so there's no one to mark."))]
    fields = tuple(Input(str(person.id), person.display_name or person.user_id, "select",
                         options=(Option("came", _("Came")),
                                  Option("missed", _("Didn't come"))),
                         initial="came" if rsvp.attended is not False else "missed")
                   for person, rsvp in going)
    return [form_reply(Form("coffee.attended", _("Who came?"), fields, submit_label=_("Save"),
                            context=str(coffee.id)))]


async def attendance(turn: Turn[Submission]) -> list[Reply]:
    """Record who came; those marked absent get no follow-up."""
    coffee, series, _row = await session_of(turn.session, turn.incoming.context)
    await _may_mark(turn, coffee, series)
    query = select(CoffeeRsvpRow).where(CoffeeRsvpRow.session_id == coffee.id)
    came = 0
    for rsvp in (await turn.session.execute(query)).scalars():
        mark = turn.incoming.values.get(str(rsvp.person_id))
        if mark in ("came", "missed"):
            rsvp.attended = mark == "came"
            came += rsvp.attended
    return [views.say(_("Thanks! Marked {count} as there.").format(count=came))]
