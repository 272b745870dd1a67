"""A cohort's guests (visitors, student teachers) are left out until the coach adds them."""

from __future__ import annotations

from sqlalchemy import select

from bot.blocks import Form, Input, Option, Reply, form_reply
from bot.errors import BadInput
from bot.features.coffee import roster, service, views
from bot.features.coffee.models import CoffeeMemberRow
from bot.i18n import N_, _, ngettext
from bot.people.models import PersonRow
from bot.turn import Turn
from bot.vocabulary import Action, Submission

CHOICES = (("invite", N_("Invite")), ("leave", N_("Leave out")))


async def ask(turn: Turn[Action]) -> list[Reply]:
    """"Guests…": each guest of the cohort, to invite or leave out."""
    series = await service.owned(turn.session, turn.person, turn.incoming.value)
    found = await roster.guests_of(turn, series)
    if found is None:
        raise BadInput(_("I can't see who is in {cohort} right now. Try again in a "
                         "minute.").format(cohort=series.cohort_id))
    if not found:
        return [views.say(_("{cohort} has no guests: everyone in it is invited.").format(
            cohort=series.cohort_id))]
    options = tuple(Option(value, _(label)) for value, label in CHOICES)
    members = await roster.members_of(turn.session, series.id)
    fields = tuple(Input(str(person.id), person.display_name or person.user_id, "select",
                         options=options, initial="invite" if person.id in members
                         and members[person.id].guest_added else "leave")
                   for person in found)
    return [form_reply(Form("coffee.guests", _("Guests of the cohort"), fields,
                            submit_label=_("Save"), context=str(series.id)))]


async def save(turn: Turn[Submission]) -> list[Reply]:
    """Record which guests to invite; it counts from the next invitations on."""
    series = await service.owned(turn.session, turn.person, turn.incoming.context)
    chosen = {int(key): value == "invite" for key, value in turn.incoming.values.items()
              if key.isdecimal() and value in ("invite", "leave")}
    known = set((await turn.session.execute(
        select(PersonRow.id).where(PersonRow.id.in_(list(chosen))))).scalars())
    members = await roster.members_of(turn.session, series.id)
    for person_id in known:
        member = members.get(person_id)
        if member is None:
            member = CoffeeMemberRow(series_id=series.id, person_id=person_id)
            turn.session.add(member)
        member.guest_added = chosen[person_id]
    invited = sum(chosen[person_id] for person_id in known)
    if not invited:
        return [views.say(_("Guests are left out of this series."))]
    return [views.say(ngettext(
        "{count} guest will be invited from the next invitations on.",
        "{count} guests will be invited from the next invitations on.", invited).format(
            count=invited))]
