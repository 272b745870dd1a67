"""Wiring: `/coffee`, the invitation buttons and forms, and the scheduled messages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.coffee import (
    answers,
    changes,
    coaching,
    guests,
    mine,
    planner,
    renderers,
    roster,
    rotation,
)
from bot.roles import Role
from bot.router import Router
from bot.scheduling.jobs import Jobs
from bot.scheduling.ledger import Planned
from bot.turn import Turn
from bot.vocabulary import Command

USAGE = "`/coffee` (your sessions), `/coffee setup` (coaches: a new series)"


async def coffee_command(turn: Turn) -> list[Reply]:
    """`/coffee`: coaches get their series, teachers their next session; `setup` for coaches."""
    assert isinstance(turn.incoming, Command)
    word = turn.incoming.text.strip().lower()
    if word == "setup":
        return await coaching.setup(turn)
    if word:
        raise BadInput(f"I know {USAGE}.")
    if turn.role.allows(Role.COACH):
        return await coaching.listing(turn)
    return await mine.overview(turn)


def register(router: Router) -> None:
    """Wire Coffee and Curriculum into the router."""
    router.command("coffee", "Coffee and Curriculum check-ins", "/coffee [setup]")(
        coffee_command)
    router.form("coffee.setup", Role.COACH)(coaching.save)
    router.action("coffee.series", Role.COACH)(coaching.change)
    router.action("coffee.guests", Role.COACH)(guests.ask)
    router.form("coffee.guests", Role.COACH)(guests.save)
    router.action("coffee.attendance", Role.COACH)(coaching.ask_attendance)
    router.form("coffee.attended", Role.COACH)(coaching.attendance)
    router.action("coffee.rsvp")(answers.rsvp)
    router.action("coffee.ask_note")(answers.ask_note)
    router.form("coffee.note")(answers.note)
    router.action("coffee.pause")(answers.ask_pause)
    router.form("coffee.pause")(answers.pause)
    router.action("coffee.optout")(answers.opt_out)
    router.action("coffee.optin")(answers.opt_in)
    router.action("coffee.keep")(answers.keep)
    router.action("coffee.mine")(answers.switch)
    router.action("coffee.ticket")(answers.ticket)
    router.action("coffee.cycle")(answers.cycle)
    router.action("coffee.slot.accept")(mine.accept)
    router.action("coffee.slot.other")(mine.another_time)


def register_jobs(jobs: Jobs) -> None:
    """Plan every series' messages each tick; build each message when it is sent."""
    cohorts = roster.Cohorts(jobs.messengers)

    async def plan(session: AsyncSession, now: datetime) -> list[Planned]:
        return [*await planner.plan_group(session, now, cohorts),
                *await rotation.plan_rotation(session, now, cohorts)]

    jobs.planner("coffee")(plan)
    jobs.gatherer("coffee")(cohorts.gather)
    jobs.renderer(planner.INVITE)(renderers.invite)
    jobs.renderer(planner.REMIND)(renderers.remind)
    jobs.renderer(planner.BRIEF)(renderers.coach_brief)
    jobs.renderer(planner.FOLLOWUP)(renderers.followup)
    jobs.renderer(planner.ASK)(renderers.ask)
    jobs.renderer(changes.CHANGED)(renderers.changed)
    jobs.renderer(rotation.OFFER)(renderers.offer)
