"""`/prepbot handover @leaving @taking`: an admin gives a leaving coach's open work (cycles,
pilots under way, the tools they own, open pulse surveys) to another coach, so none of it is
left with no one to run it when a coach leaves or becomes a teacher again."""

from __future__ import annotations

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.i18n import N_, _, join
from bot.people.mentions import named_people
from bot.people.models import PersonRow
from bot.privacy.handing import hand_over
from bot.turn import Turn
from bot.vocabulary import Command

USAGE = N_("Usage: `/prepbot handover @leaving-coach @new-coach`: the first one's open coaching "
           "cycles, pilots, tools and pulse surveys go to the second.")


async def handover(turn: Turn[Command]) -> list[Reply]:
    """An admin gives a leaving coach's open work to another coach."""
    named = await named_people(turn.session, turn.person.platform, turn.incoming.text,
                               turn.now, turn.settings.admin_keys, turn.incoming.mentioned)
    if named.unknown or len(named.people) != 2:
        raise BadInput(_(USAGE))
    leaving, taking = named.people
    if not taking.coaches:
        raise BadInput(_("{name} isn't a coach: give them the role first (`/prepbot role`), "
                         "then hand the work over.").format(name=_name(taking)))
    moved = await hand_over(turn.session, turn.features.hand_overs, leaving.id, taking.id,
                            turn.now)
    if not moved:
        return [say(_("{leaving} has no open work to hand over.").format(
            leaving=_name(leaving)))]
    return [say(_("{taking} now runs {moved} that {leaving} ran.").format(
        taking=_name(taking), moved=join(moved), leaving=_name(leaving)))]


def _name(person: PersonRow) -> str:
    return person.display_name or person.user_id
