"""Commands an operator runs as someone prepbot knows, from the command line."""

from __future__ import annotations

from bot.app import Bot
from bot.blocks import Reply
from bot.errors import BadInput
from bot.i18n import _, speaking
from bot.people.directory import find_person
from bot.turn import Turn
from bot.vocabulary import Command, Conversation, Person


async def act_as(bot: Bot, platform: str, user_id: str, name: str, text: str = ""
                 ) -> list[Reply]:
    """Run a command as someone prepbot already knows (`prepbot digest --coach ...`): their
    role applies, no conversation is recorded; a command that needs a platform's member list
    is not one to run from here."""
    async with bot.sessions() as session:
        person = await find_person(session, platform, user_id)
        if person is None:
            raise BadInput(_("Nobody called {key} has used prepbot yet.").format(
                key=f"{platform}:{user_id}"))
        command = Command(person=Person(platform=platform, user_id=user_id),
                          conversation=Conversation(platform=platform, id=""),
                          name=name, text=text)
        turn = Turn(command, person, session, bot.kb, bot.clock, bot.metrics, bot.settings,
                    bot.messengers, bot.features, bot.secret)
        with speaking(person.speaks):
            replies = await bot.router.dispatch(turn)
        await session.commit()
    return replies
