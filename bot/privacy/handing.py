"""A coach's open work (cycles, pilots under way, tools, pulse surveys) handed to another
coach: by `/prepbot handover`, and before an erase, after which nothing names her any more
(a red team's, stop 51: an erased coach's cycles stayed with a nameless row for good, and
her teachers kept being told "your coach has it")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import outbox
from bot.blocks import say
from bot.errors import BadInput
from bot.hooks.year import HandOver
from bot.i18n import N_, _, join, speaking
from bot.outbox import Notice
from bot.people.models import PersonRow

TOLD = N_("{admin} handed you the open work {leaving} ran: `/cycle`, `/pilot`, `/tools` and "
          "`/coffee` show it, and `/pulse results` each survey.")
TOLD_AFTER_ERASE = N_("You were handed the open work of a coach erased at the district's request: "
                      "`/cycle`, `/pilot`, `/tools` and `/coffee` show it, and `/pulse results` "
                      "each survey.")


async def hand_over(session: AsyncSession, hand_overs: list[HandOver], leaving: int,
                    taking: int, now: datetime) -> list[str]:
    """Give the leaving coach's open work to the taking one; what moved, one line a kind."""
    return [line for hand in hand_overs for line in await hand(session, leaving, taking, now)]


async def work_to_hand(session: AsyncSession, hand_overs: list[HandOver], person_id: int,
                    now: datetime) -> list[str]:
    """What a handover would give away, one line a kind, changing nothing: each feature's own
    rule, run as a handover to herself and rolled back."""
    async with session.begin_nested() as trial:
        lines = await hand_over(session, hand_overs, person_id, person_id, now)
        await trial.rollback()
    return lines


async def before_erase(session: AsyncSession, hand_overs: list[HandOver], person: PersonRow,
                       taking: PersonRow | None, now: datetime) -> list[str]:
    """An erased coach's open work goes to another coach first: once erased, nothing names
    her, and no handover could reach it. Refused (nothing erased) when she has some and no
    coach is named to take it."""
    who = f"{person.platform}:{person.user_id}"
    if taking is None:
        if left := await work_to_hand(session, hand_overs, person.id, now):
            raise BadInput(_("{who} still runs {work}. Nothing was erased: name a coach to "
                             "take it over (prepbot privacy delete --hand-to "
                             "platform:user_id).").format(who=who, work=join(left)))
        return []
    taker = f"{taking.platform}:{taking.user_id}"
    if not taking.coaches or taking.id == person.id:
        raise BadInput(_("{who} isn't another coach: give them the role first (prepbot roles "
                         "set). Nothing was erased.").format(who=taker))
    moved = await hand_over(session, hand_overs, person.id, taking.id, now)
    if left := await work_to_hand(session, hand_overs, person.id, now):
        # work she teaches in, or a survey chain she was asked in: never hers to take (a red
        # team's, stop 51: the erase went on and left it with a row that names no one)
        raise BadInput(_("{who} can't take {work}: they teach in it, or were asked in its "
                         "surveys. Nothing was erased: name another coach.").format(
                             who=taker, work=join(left)))
    if moved:
        await outbox.plan(session, [handed(taking)], f"erase-{person.id}", now)
    return moved


def handed(taking: PersonRow, admin: str = "", leaving: str = "") -> Notice:
    """The new coach told what she was handed, in her language, as a coach (not sent if she
    is none by then); by whom and whose, unless it comes from an erase, which names no one."""
    with speaking(taking.speaks):
        told = _(TOLD).format(admin=admin, leaving=leaving) if admin else _(TOLD_AFTER_ERASE)
    return outbox.to_notice(taking, say(told), staff=True)
