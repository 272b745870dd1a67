"""A role given or taken on purpose, by an admin (`/prepbot role`) or an operator (`prepbot
roles set`): refused, with why, where it would not hold or would leave work behind (a red
team's, stop 52: a demotion "done" that PREPBOT_ADMINS undid at the next message, a mistyped
id demoted nobody and stored a stranger, a coach made a teacher left her tools and surveys
with no one)."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.hooks.year import HandOver
from bot.i18n import _, join
from bot.people.directory import KEPT, OVER_COACH, SETTINGS, find_person, listed, set_role
from bot.people.models import PersonRow
from bot.privacy.handing import work_to_hand
from bot.roles import Role

log = logging.getLogger(__name__)


def person_key(who: str) -> tuple[str, str]:
    """`platform:user_id` as stored: the platform in lower case, a Slack id in capitals
    (Slack's ids are; one typed from a profile may not be)."""
    platform, _sep, user_id = who.strip().partition(":")
    platform = platform.lower()
    return platform, user_id.upper() if platform == "slack" else user_id


async def change_role(session: AsyncSession, hand_overs: list[HandOver], admins: frozenset[str],
                    who: str, role: Role, now: datetime) -> PersonRow:
    """Give `platform:user_id` a role on purpose; BadInput (nothing changed) when the settings
    would undo it, when taking a role from someone never met, or when she still runs work."""
    platform, user_id = person_key(who)
    row = await find_person(session, platform, user_id)
    # The list's admin, whether or not this shell has the list (a red team's, stop 52: from
    # one without it, "done", and the server made her an admin again at her next message).
    by_list = row is not None and row.role == Role.ADMIN and row.admin_by in (SETTINGS,
                                                                              OVER_COACH)
    if (f"{platform}:{user_id}" in admins or by_list) and role != Role.ADMIN:
        raise BadInput(_("{who} is named in PREPBOT_ADMINS, which makes them an admin: take "
                         "them out of it (and restart prepbot) first. Nothing was changed."
                         ).format(who=who))
    if row is None and role == Role.TEACHER:  # everyone never met is a teacher already
        raise BadInput(_("No one is stored as {who}: check the id in their `/prepbot whoami`. "
                         "Nothing was changed.").format(who=who))
    if row is not None and role == Role.TEACHER and row.role != Role.TEACHER and (
            left := await work_to_hand(session, hand_overs, row.id, now)):
        raise BadInput(_("{who} still runs {work}: hand it to another coach first "
                         "(`/prepbot handover @leaving @new`). Nothing was changed.").format(
                             who=who, work=join(left)))
    return await set_role(session, platform, user_id, role, now)


async def follow_admins_list(session: AsyncSession, hand_overs: list[HandOver],
                             admins: frozenset[str], now: datetime) -> None:
    """At the server's start, for everyone stored, whether or not they write again (the digest
    and staff notices read the stored role): the list's admins no longer listed are what
    they were before; one who still runs work is a coach until it is handed over, so it is
    not left with no one, and a teacher again after (red teams', stop 52)."""
    for row in (await session.execute(select(PersonRow).where(or_(
            PersonRow.role == Role.ADMIN, PersonRow.admin_by == KEPT)))).scalars():
        in_list = f"{row.platform}:{row.user_id}" in admins
        if not in_list and row.admin_by in (SETTINGS, KEPT):
            if left := await work_to_hand(session, hand_overs, row.id, now):
                log.warning("%s:%s is not in PREPBOT_ADMINS but still runs %s: a coach, until "
                            "it is handed over", row.platform, row.user_id, ", ".join(left))
                row.role, row.admin_by = Role.COACH, KEPT
                continue
            if row.admin_by == KEPT:  # all of it handed over since
                row.role, row.admin_by = Role.TEACHER, None
                continue
        listed(row, in_list)


def handed_all(person: PersonRow) -> None:
    """Someone kept a coach only for her work, once it is all handed over: a teacher again."""
    if person.admin_by == KEPT:
        person.role, person.admin_by = Role.TEACHER, None
