"""In a help channel prepbot answers a teacher's new question in its thread only when it is
sure, keeps out of chatter and of threads, and never answers more than the hourly budget."""

from __future__ import annotations

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Reply
from bot.features.answers.models import QuestionRow
from bot.vocabulary import Person
from tests.bot.features.helpchannels.conftest import LIBRARY, Channel, kept_replies, kept_threads
from tests.support.clock import FakeClock

SURE = ["the projector says no signal", "my smartboard pen is off by an inch",
        "the document camera is blurry", "zoom audio echo"]
UNSURE = "is anyone else having trouble with google classroom"  # a "did you mean", at best
CHATTER = ["Happy Friday everyone!", "Anyone want to grab lunch at 12?", "thanks!", "hi all",
           "what is the lunch menu"]


def button_ids(replies: list[Reply]) -> list[str]:
    """The action ids of every button in some replies."""
    return [b.action_id for r in replies for block in r.blocks if isinstance(block, Buttons)
            for b in block.buttons]


async def questions(runtime: Runtime) -> int:
    """How many questions the answers feature recorded."""
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(QuestionRow.id)))).scalar_one())


async def test_a_sure_question_is_answered_with_did_this_help(
        channel: Channel, help_on: None, teacher: Person, runtime: Runtime) -> None:
    [answer] = await channel.post("the projector says no signal", teacher)
    assert not answer.private and not answer.reaction
    assert "answers.helpful.yes" in button_ids([answer])
    [thread] = await kept_threads(runtime)
    assert thread.answered and thread.thread == channel.thread
    assert thread.category == "hardware" and await questions(runtime) == 1


async def test_chatter_gets_nothing_and_leaves_no_trace(
        channel: Channel, help_on: None, teacher: Person, runtime: Runtime) -> None:
    for text in CHATTER:
        assert await channel.post(text, teacher) == [], text
    assert await kept_threads(runtime) == [] and await questions(runtime) == 0


async def test_unsure_stays_quiet_or_reacts_as_the_channel_was_set(
        channel: Channel, help_on: None, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    assert await channel.post(UNSURE, teacher) == []
    await channel.command("on react", coach)
    [reaction] = await channel.post(UNSURE, teacher)
    assert reaction.reaction == "eyes" and not reaction.blocks
    assert [t.answered for t in await kept_threads(runtime)] == [False, False]
    assert await questions(runtime) == 0, "nothing was answered, so nothing is a question"


async def test_sure_means_the_stored_confidence(channel: Channel, help_on: None,
                                                teacher: Person, chat: ConsoleChat,
                                                admin: Person) -> None:
    unsure = "kids logins not working on chromebooks"  # 78% sure
    assert await channel.post(unsure, teacher) == []
    await chat.say("/prepbot settings help_channel_confidence 60", as_=admin)
    assert button_ids(await channel.post(unsure, teacher))


async def test_coaches_posts_replies_and_other_channels_get_nothing(
        channel: Channel, help_on: None, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    assert await channel.post("the projector says no signal", coach) == []
    await channel.post("my smartboard pen is off by an inch", teacher)
    thread = channel.thread
    assert await channel.reply(thread, "the projector says no signal", teacher) == []
    assert await channel.post("the projector says no signal", teacher, where=LIBRARY) == []
    assert len(await kept_threads(runtime)) == 1 and await kept_replies(runtime) == []


async def test_a_coachs_first_reply_gets_a_private_offer_once(
        channel: Channel, help_on: None, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    await channel.post(UNSURE, teacher)
    thread = channel.thread
    [offer] = await channel.reply(thread, "Sign out and back in, then rejoin with the code.",
                                  coach)
    assert offer.private
    assert button_ids([offer]) == ["helpchannels.resolve", "helpchannels.draft"]
    assert await channel.reply(thread, "And clear the browser's cache first.", coach) == []
    assert len(await kept_replies(runtime)) == 2
    await channel.post("Happy Friday everyone!", teacher)
    assert await channel.reply(channel.thread, "You too!", coach) == [], "chatter: not kept"


async def test_an_admin_named_only_in_prepbot_admins_is_a_coach_in_a_thread(
        channel: Channel, help_on: None, teacher: Person, admin: Person,
        runtime: Runtime) -> None:
    # A red team's (stop 44): never stored, their replies were taken for a colleague's and
    # dropped before anything was kept, so they never were stored either.
    await channel.post(UNSURE, teacher)
    [offer] = await channel.reply(channel.thread, "Sign out and back in, then rejoin.", admin)
    assert offer.private and len(await kept_replies(runtime)) == 1


async def test_the_hourly_budget_holds_per_channel(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        admin: Person, clock: FakeClock) -> None:
    await chat.say("/prepbot settings help_channel_answers_per_hour 2", as_=admin)
    await channel.command("on react", coach)
    answered = [bool(button_ids(await channel.post(text, teacher))) for text in SURE]
    assert answered == [True, True, False, False]
    [spent] = await channel.post("the projector says no signal", teacher)
    assert spent.reaction == "eyes", "over budget, a sure question is treated as unsure"

    await channel.command("on", coach, where=LIBRARY)
    assert button_ids(await channel.post(SURE[0], teacher, where=LIBRARY)), "its own budget"

    clock.advance(minutes=59)
    assert not button_ids(await channel.post(SURE[1], teacher))
    clock.advance(minutes=2)
    assert button_ids(await channel.post(SURE[1], teacher)), "a new hour, a new budget"
