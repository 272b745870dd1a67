"""Coaches turn help-channel mode on and off in the channel itself."""

from __future__ import annotations

from uuid import uuid4

from adapters.console import ConsoleChat
from bot.blocks import Fields
from bot.roles import Role
from bot.vocabulary import Command, Conversation, Message, Person
from tests.bot.features.helpchannels.conftest import LIBRARY, TECH_HELP, Channel

JAM = "the printer in room 12 jams on every page"  # a tech question: what a help channel keeps


async def test_a_coach_turns_it_on_and_everyone_in_the_channel_is_told(
        channel: Channel, coach: Person) -> None:
    [said] = await channel.command("on", coach)
    assert not said.private, "the channel learns that prepbot reads it now"
    assert "answer in the thread when I'm sure" in said.text
    [status] = await channel.command("", coach)
    assert status.private and "on here (when unsure: quiet)" in status.text
    assert "At most 6 answers an hour" in status.text and "80% sure" in status.text


async def test_react_mode_and_off(channel: Channel, coach: Person) -> None:
    [said] = await channel.command("on react", coach)
    assert "add 👀" in said.text
    [status] = await channel.command("", coach)
    assert "when unsure: react" in status.text
    [off] = await channel.command("off", coach)
    assert not off.private and "off here" in off.text
    [again] = await channel.command("off", coach)
    assert again.private and "was not on" in again.text
    [status] = await channel.command("", coach)
    assert "off here" in status.text and "/prepbot channel help on" in status.text


async def test_bad_input_changes_nothing(channel: Channel, coach: Person, chat: ConsoleChat,
                                         teacher: Person) -> None:
    [said] = await channel.command("on loudly", coach)
    assert said.private and "Usage" in said.text
    [said] = await channel.command("off now", coach)
    assert "Usage" in said.text
    direct = Conversation(platform="console", id="dm-okafor")
    [said] = await channel.command("on", coach, where=direct)
    assert "for a channel" in said.text
    assert not await chat.bot.overhears(Message(text=JAM, heard="post", thread="1",
                                                person=teacher, conversation=TECH_HELP))


async def test_a_teacher_may_not_turn_it_on(channel: Channel, teacher: Person) -> None:
    [said] = await channel.command("on", teacher)
    assert "only" in said.text.lower() and "coaches" in said.text.lower()


async def test_only_the_channel_turned_on_is_read(channel: Channel, coach: Person,
                                                  chat: ConsoleChat, teacher: Person) -> None:
    await channel.command("on", coach)
    heard = Message(text=JAM, heard="post", thread="1", person=teacher,
                    conversation=TECH_HELP)
    assert await chat.bot.overhears(heard)
    assert not await chat.bot.overhears(Message(text=JAM, heard="post", thread="1",
                                                person=teacher, conversation=LIBRARY))


async def test_a_thread_of_a_help_channel_is_the_channel(channel: Channel, coach: Person,
                                                         chat: ConsoleChat,
                                                         teacher: Person) -> None:
    """Where a platform names each thread as its own conversation (Teams: `19:...;messageid=`),
    the help channel is the channel they share."""
    first = Conversation(platform="teams", id="19:help@thread.tacv2;messageid=1", kind="channel",
                         channel="19:help@thread.tacv2")
    other = Conversation(platform="teams", id="19:help@thread.tacv2;messageid=2", kind="channel",
                         channel="19:help@thread.tacv2")
    teams_coach = Person(platform="teams", user_id="29:okafor", display_name="Mr Okafor")
    await chat.bot.grant(teams_coach, Role.COACH)
    await channel.command("on", teams_coach, where=first)
    assert await chat.bot.overhears(Message(text=JAM, heard="post", thread="2",
                                            person=teacher, conversation=other))


async def test_the_settings_list_shows_help_channels(channel: Channel, coach: Person,
                                                     chat: ConsoleChat, admin: Person) -> None:
    await channel.command("on react", coach)
    [listed] = await chat.say("/prepbot settings", as_=admin)
    [fields] = [block for block in listed.blocks if isinstance(block, Fields)]
    pairs = dict(fields.pairs)
    assert pairs["help channel"] == "console:tech-help (when unsure: react)"
    assert pairs["help_channel_answers_per_hour"] == "6"
    assert pairs["help_channel_confidence"] == "80"



async def test_the_first_run_checklist_offers_it_without_waiting_for_it(
        channel: Channel, coach: Person, admin: Person) -> None:
    async def checklist() -> str:
        [said] = await channel.chat.send(Command(name="prepbot", text="setup", person=admin,
                                                 conversation=LIBRARY, event_id=str(uuid4())))
        return said.text + " ".join(str(block) for block in said.blocks)

    before = await checklist()
    assert "Optional: 4. **Answer in your help channel**" in before
    assert "/prepbot channel help on" in before and "of 4 done" in before, "not counted"
    await channel.command("on", coach)
    after = await checklist()
    assert "Done: 4. **Answer in your help channel**. on in 1 channel" in after
