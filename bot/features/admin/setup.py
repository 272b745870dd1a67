"""The first-run checklist: add a school, set the triage channel, name the coaches, try a
question. Each feature gives its steps (bot/hooks: SetupStep); each is ticked when the
database says it is done, so the list is right on every replica and after every restart."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Button, Reply, form_reply
from bot.features.admin import views
from bot.hooks import SetupStep
from bot.i18n import _, ngettext
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.roles import Role
from bot.schools.service import all_schools
from bot.turn import Turn
from bot.vocabulary import Action, Command, Incoming


async def admin_steps(session: AsyncSession) -> list[SetupStep]:
    """This feature's steps: a school, and the coaches."""
    schools = [school.name for school in await all_schools(session)]
    coaches = int((await session.execute(select(func.count()).select_from(PersonRow).where(
        PersonRow.role == Role.COACH.value))).scalar_one())
    return [
        SetupStep(10, _("Add a school"), bool(schools),
                  _("Its time zone and hours decide when messages go out: "
                    "`/prepbot schools add Lincoln Middle America/Chicago 07:45-15:15`, or the "
                    "button."), status=", ".join(schools),
                  button=Button(_("Add a school"), "admin.school.add", "", "primary")),
        SetupStep(30, _("Name the coaches"),
                  bool(coaches), _("Each coach types `/prepbot whoami` and tells you their id; "
                                   "then `/prepbot role <id> coach`, or the button."),
                  status=ngettext("{count} coach", "{count} coaches", coaches).format(
                      count=coaches),
                  button=Button(_("Give someone a role"), "admin.role", "")),
    ]


async def steps_of(session: AsyncSession, features: Registry) -> list[SetupStep]:
    """Every feature's steps, in order."""
    found = [step for steps in features.setup_steps for step in await steps(session)]
    return sorted(found, key=lambda step: step.order)


async def checklist(turn: Turn[Incoming]) -> Reply:
    """The checklist as it stands now."""
    return views.checklist(await steps_of(turn.session, turn.features))


async def setup(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot setup`: the checklist."""
    return [await checklist(turn)]


async def start(turn: Turn[Command]) -> list[Reply]:
    """The welcome (Teams sends it when prepbot is installed): what I can do, and, for an
    admin while setup is not done, the checklist first."""
    helped = turn.features.router.help(turn.role)
    if not turn.role.allows(Role.ADMIN):
        return [helped]
    steps = await steps_of(turn.session, turn.features)
    if all(step.done for step in steps if not step.optional):
        return [helped]
    return [views.checklist(steps), helped]


async def role_button(turn: Turn[Action]) -> list[Reply]:
    """"Give someone a role": the form."""
    return [form_reply(views.role_form())]
