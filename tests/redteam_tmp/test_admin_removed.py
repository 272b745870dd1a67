"""Red team T: an admin removed.

The promise (docs/configuration.md): `PREPBOT_ADMINS` lists "people who are always admins";
others get roles with `/prepbot role`. privacy.md (FERPA): "Limit the coach and admin roles
to staff with a legitimate educational interest." An admin reads every pulse survey
(privacy.md, "an admin (who reads every survey)"), grants roles and hands over work."""

from __future__ import annotations

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime
from bot.settings import Settings
from bot.vocabulary import Person
from knowledge import KnowledgeBase
from tests.support.clock import FakeClock


async def test_someone_taken_out_of_prepbot_admins_is_no_longer_an_admin(
        chat: ConsoleChat, runtime: Runtime, admin: Person, settings: Settings,
        clock: FakeClock, knowledge_base: KnowledgeBase) -> None:
    """Attack: Ada is named in `PREPBOT_ADMINS` and uses prepbot once; she leaves the
    district office, so the operator takes her out of `PREPBOT_ADMINS` and restarts prepbot
    on the same database.
    Observed: `remember_person` wrote "admin" into her stored row the first time she was
    seen, and nothing takes it back: after the restart she still gives roles (she makes a
    teacher a coach) and would read every survey; the list only ever adds admins (and
    `prepbot roles` has only `set`, no listing, so the operator cannot see it)."""
    await chat.say("/prepbot whoami", as_=admin)
    restarted = await build_runtime(settings.model_copy(update={"admins": ""}), clock=clock,
                                    kb=knowledge_base.fork(), migrate=False)
    try:
        assert restarted.bot.settings.admin_keys == frozenset()
        [said] = await ConsoleChat(restarted.bot).say("/prepbot role console:rivera coach",
                                                      as_=admin)
    finally:
        await restarted.scheduler.stop()
        await restarted.bot.close()
        await restarted.engine.dispose()
    assert "only for admins" in said.text, said.text
