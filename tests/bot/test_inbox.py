"""What the inbox keeps of an arrival until it is handled and answered: enough to finish it
after a crash, and nothing a copy of the database could read."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from adapters.runtime import Runtime
from bot.arrivals import Arrival, InboxRow
from bot.blocks import Button, Buttons, Reply
from bot.inbox import Inbox
from bot.recovery import recover_left_over
from bot.sealed import keyed
from bot.server_secret import ServerSecret
from bot.vocabulary import AnyIncoming, Conversation, Message, Person, Submission
from tests.conftest import OperatorLock
from tests.support.clock import FakeClock

TEACHER = Person(platform="teams", user_id="29:rivera", display_name="Ms Rivera")
WHERE = Conversation(platform="teams", id="a:rivera")
COMMENT = "Honestly I hate it; Jayden Morales (id 4412345) cried in 3rd period"


def answer(comment: str) -> Submission:
    """A pulse form as a teacher sends it."""
    return Submission(person=TEACHER, conversation=WHERE, form_id="pulse.answer",
                      values={"pu1": "2", "eou1": "1", "bi1": "1", "comment": comment},
                      context="7:form-secret-of-rivera")


def inbox(runtime: Runtime, clock: FakeClock, secret: ServerSecret | None = None) -> Inbox:
    """The Bot's own inbox, or one on the same database sealing with another secret."""
    if secret is None:
        return runtime.bot.inbox
    return Inbox(runtime.sessions, clock, lease=timedelta(seconds=30), secret=secret)


async def copy_of_database(runtime: Runtime) -> list[tuple[str, str]]:
    """What anyone with a dump reads: each arrival's sender and what it says."""
    async with runtime.sessions() as session:
        rows = await session.execute(text("SELECT sender, incoming FROM inbox"))
        return [(str(sender), str(said)) for sender, said in rows]


async def test_a_copy_of_the_database_cannot_read_a_pulse_answer_nor_whose_it_is(
        runtime: Runtime, clock: FakeClock) -> None:
    # Found by a red team: a Teams answer whose reply could not be delivered stayed in the
    # inbox as typed, beside "teams:29:rivera", answers, comment and form secret. Then,
    # sealed, it still named its sender and where to answer until it was settled, and a
    # copy of the database files (the WAL, PostgreSQL's log) keeps a row as first written:
    # it told who had answered a pulse, and when (a second red team's, stop 48).
    box = inbox(runtime, clock)
    await box.accept(answer(COMMENT), "a1", reply_to='{"channel": "a:rivera"}')
    await box.accept(answer(""), "a2", reply_to='{"channel": "a:rivera"}')

    async with runtime.sessions() as session:
        rows = (await session.execute(text("SELECT * FROM inbox"))).all()
    for row in rows:
        assert not any(word in str(value) for value in row for word in (
            "rivera", "Jayden", "4412345", '"pu1"', "form-secret"))
    dumped = await copy_of_database(runtime)
    assert len(dumped[0][1]) == len(dumped[1][1])  # a comment's length tells nothing


async def test_a_pulse_form_with_the_longest_comment_a_platform_allows_is_one_size_too(
        runtime: Runtime, clock: FakeClock) -> None:
    box = inbox(runtime, clock)
    await box.accept(answer(""), "a1")
    await box.accept(answer("\U0001F600" * 4000), "a2")  # Teams lets one type 4,000
    short, longest = (len(said) for _, said in await copy_of_database(runtime))
    assert short == longest


async def test_a_form_longer_than_any_pulse_form_still_tells_its_length_only_in_steps(
        runtime: Runtime, clock: FakeClock) -> None:
    box = inbox(runtime, clock)
    for size, key in ((40_000, "a1"), (60_000, "a2"), (70_000, "a3")):  # a single step: 64 KiB
        await box.accept(answer("x" * size), key)
    forty, sixty, seventy = (len(said) for _, said in await copy_of_database(runtime))
    assert forty == sixty < seventy


async def test_a_sealed_arrival_is_still_finished_after_a_crash(
        runtime: Runtime, clock: FakeClock) -> None:
    await inbox(runtime, clock).accept(answer(COMMENT), "a1")  # the worker died here

    clock.advance(minutes=1)
    [(arrival, status, _)] = await inbox(runtime, clock).left_over(clock.now(), ["teams"])
    assert status == "working" and arrival.incoming == answer(COMMENT)


async def test_a_replica_without_the_platform_leaves_its_arrivals_to_one_that_has_it(
        runtime: Runtime, clock: FakeClock) -> None:
    # A replica serving only Slack claimed Teams' left-over arrivals too: each claim counted
    # a try and held the lease, so the Teams replica met them late and with fewer tries left.
    await inbox(runtime, clock).accept(answer(COMMENT), "a1")  # the worker died here
    clock.advance(minutes=1)
    answered: list[str] = []

    async def respond(reply_to: str, replies: list[Reply]) -> None:
        answered.append(reply_to)

    async def handle(incoming: AnyIncoming, arrival: Arrival) -> list[Reply]:
        return [Reply("Thanks, your answers are saved.")]

    async def coaches(person: Person) -> bool:
        return True

    box = inbox(runtime, clock)
    assert await recover_left_over(box, {"slack": respond}, handle, clock.now(), coaches) == 0
    assert await recover_left_over(box, {"teams": respond}, handle, clock.now(), coaches) == 1
    async with runtime.sessions() as session:
        [tries] = (await session.execute(text("SELECT attempts FROM inbox"))).scalars()
    assert tries == 2, "its first working and the Teams replica's: the Slack one took no try"


async def test_an_arrival_whose_replies_are_still_going_out_keeps_its_lease(
        runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 47): Slack held a reply back for 35 s (a 429), past the 30 s lease,
    # and the next recovery took the live worker's arrival for a dead one's and sent it too.
    box = Inbox(runtime.sessions, clock, lease=timedelta(seconds=0.3))
    replica = Inbox(runtime.sessions, clock, lease=timedelta(seconds=0.3))
    arrival = await box.accept(answer(COMMENT), "a1")
    async with box.held(arrival):
        clock.advance(minutes=1)
        assert await box.left_over(clock.now(), ["teams"]) == [], "not here"
        await asyncio.sleep(0.25)  # its lease renewed meanwhile, as of the clock's now
        assert await replica.left_over(clock.now(), ["teams"]) == [], "nor on another replica"
    clock.advance(minutes=1)  # the worker died before settling it: recovered after all
    [(found, _, _)] = await replica.left_over(clock.now(), ["teams"])
    assert found.id == arrival.id


async def test_sealed_replies_waiting_at_a_crash_are_delivered_as_they_were(
        runtime: Runtime, clock: FakeClock) -> None:
    # Replies are sealed since stop 43 (a copy tied teachers to their answers through them):
    # the worker that took over after a crash must still read them back whole.
    box = inbox(runtime, clock)
    arrival = await box.accept(answer(COMMENT), "a1")
    assert arrival is not None
    thanks = Reply("Thanks, your answers are saved.", (Buttons((Button(
        "Change my answers", "pulse.change", "7:form-secret-of-rivera"),)),), private=True)
    async with runtime.sessions() as session, session.begin():
        await box.answered(session, arrival, [thanks], clock.now())  # then the worker died
    assert not any("form-secret" in said for said in await stored_replies(runtime))

    clock.advance(minutes=1)
    [(_, status, replies)] = await inbox(runtime, clock).left_over(clock.now(), ["teams"])
    assert status == "answered" and replies == [thanks]


async def stored_replies(runtime: Runtime) -> list[str]:
    """The replies column, as a dump shows it."""
    async with runtime.sessions() as session:
        return [str(r) for r in (await session.execute(text("SELECT replies FROM inbox")))
                .scalars()]


async def test_a_settled_arrival_keeps_neither_its_sender_nor_where_to_answer(
        runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 44): the week a settled arrival is kept (to know a retry) showed
    # who had written to prepbot, and when, between two nightly copies.
    box = inbox(runtime, clock)
    arrival = await box.accept(answer(COMMENT), "a1", reply_to='{"channel": "D0RIVERA"}')
    assert arrival is not None
    box.settle(arrival)
    await box.drain()
    async with runtime.sessions() as session:
        [row] = (await session.execute(select(InboxRow))).scalars()
    assert (row.status, row.sender, row.reply_to, row.incoming) == ("done", "", "", "")
    # Its key too is hashed with the server secret: a Teams key hashes the chat's id and a
    # message id that is its time, so a copy of the database tried every chat it holds and
    # named who wrote, and when (a red team's, stop 48).
    assert row.key == f"teams:{keyed(box.secret, 'a1')}" != "teams:a1"
    assert await box.accept(answer(COMMENT), "a1") is None  # a retry is still known


async def test_a_settle_made_just_before_shutdown_is_written_before_the_database_closes(
        runtime: Runtime, clock: FakeClock) -> None:
    # Settles are written in the background; one left pending at a shutdown was lost (its
    # replies delivered again after the restart), and in CI its transaction outlived the
    # test's event loop and held SQLite's lock for the next test.
    box = inbox(runtime, clock)
    arrival = await box.accept(answer(""), "a1")
    assert arrival is not None
    box.settle(arrival)

    await runtime.bot.close()

    async with runtime.sessions() as session:
        assert (await session.execute(select(InboxRow.status))).scalar_one() == "done"


async def test_a_settle_refused_a_moment_before_shutdown_is_written_when_the_bot_closes(
        runtime: Runtime, clock: FakeClock, operator_lock: OperatorLock) -> None:
    # A red team's (stop 46): the group write gave up on an operator's lock and the settle
    # waited in memory for a next group that a shutdown never started: after the restart,
    # "Ticket #7 is open" was delivered again.
    operator_lock.release()
    box = inbox(runtime, clock)
    arrival = await box.accept(answer(""), "a1")
    assert arrival is not None
    operator_lock.take()
    box.settle(arrival)
    await box.drain()  # refused: the settle waits
    operator_lock.release()

    await runtime.bot.close()

    async with runtime.sessions() as session:
        assert (await session.execute(select(InboxRow.status))).scalar_one() == "done"


async def test_ordinary_arrivals_are_sealed_too(runtime: Runtime, clock: FakeClock) -> None:
    said = "ticket: Jayden Morales's chromebook, student id 4412345"  # masked only when handled
    await inbox(runtime, clock).accept(Message(person=TEACHER, conversation=WHERE, text=said),
                                       "m1")
    [(_, stored)] = await copy_of_database(runtime)
    assert "Jayden" not in stored and "4412345" not in stored


async def test_an_arrival_sealed_with_another_key_is_dropped_with_an_error(
        runtime: Runtime, clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    await inbox(runtime, clock, ServerSecret(b"an-earlier-key-of-32-bytes-long!")).accept(
        answer(COMMENT), "a1")
    clock.advance(minutes=1)

    assert await inbox(runtime, clock).left_over(clock.now(), ["teams"]) == []
    assert "PREPBOT_SECRET_KEY changed" in caplog.text
    async with runtime.sessions() as session:
        [row] = (await session.execute(select(InboxRow))).scalars()
    assert (row.status, row.incoming) == ("done", "")


async def test_without_a_lasting_secret_arrivals_are_kept_plain_rather_than_lost(
        runtime: Runtime, clock: FakeClock) -> None:
    # A key made up for this process would leave a crash's arrivals unreadable. Pulse
    # surveys take no answers in that configuration (docs/privacy.md).
    passing = ServerSecret(b"made-up-for-this-process-only!!", lasting=False)
    await inbox(runtime, clock, passing).accept(
        Message(person=TEACHER, conversation=WHERE, text="projector is dead"), "m1")
    [(_, stored)] = await copy_of_database(runtime)
    assert "projector is dead" in stored
