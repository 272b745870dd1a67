"""Cycle helpers: a coach at another school than the staff fixture's (Lincoln Elementary)."""

from __future__ import annotations

from datetime import time

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person

LEE = Person(platform="console", user_id="lee", display_name="Mr Lee")


async def hillside_coach(chat: ConsoleChat, runtime: Runtime, coach: Person = LEE) -> None:
    """Hillside Middle (Los Angeles time) added, and `coach` made a coach there."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Hillside Middle", "America/Los_Angeles", time(8, 0),
                          time(15, 30))
    await chat.say("/prepbot school Hillside Middle", as_=coach)
    await runtime.bot.grant(coach, Role.COACH)
