"""`/demo`: open the district in a box, see demo time, and skip it forward.

A feature this adapter adds to the Bot where a district runs (never in a Slack or Teams
install). Its handlers commit the turn first: the district then acts in transactions of its
own, as real teachers would, and the scheduler sends what falls due as time moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.district.people import PILOT, SCHOOL, STAFF, TEACHERS
from bot.blocks import Block, Button, Buttons, Context, Reply, Steps, Text
from bot.feature import Feature, OnAction, OnCommand
from bot.turn import Turn
from bot.vocabulary import Action, Command

if TYPE_CHECKING:
    from adapters.district.district import District, Skipped

SKIPS = (("hour", "Skip 1 hour"), ("morning", "Skip to the next school morning"),
         ("day", "Skip 1 day"))
GUIDE = (
    f"`/pulse start Nearpod #{PILOT} closes friday`, then **Skip 1 hour**: the teachers "
    "answer; `/pulse results Nearpod` shows the figures and the chart.",
    f"`/coffee setup` with the cohort `{STAFF}` and tomorrow's weekday: skip an hour for the "
    "invitations and RSVPs, to the next school morning for your brief, then an hour for the "
    "follow-ups.",
    "`/tickets` is the queue (the teachers open the odd ticket), and `/digest` their week.",
)


def skip_buttons() -> Buttons:
    """The ways to move demo time forward."""
    return Buttons(tuple(Button(label, "demo.skip", value) for value, label in SKIPS))


def clock_line(district: District) -> str:
    """`Demo time: Tue Dec 01, 10:05 at the school (America/Chicago).`"""
    local = district.local()
    return f"Demo time: {local:%a %b %d, %H:%M} at the school ({district.zone.key})."


def status(district: District, created: bool) -> Reply:
    """What the district is, what time it is there, and what to try."""
    pilots = sum(t.pilot for t in TEACHERS)
    intro = ("The demo district is ready. " if created else "") + (
        f"**{SCHOOL}**: {len(TEACHERS)} simulated teachers in #{STAFF} ({pilots} of them "
        f"pilot a tool in #{PILOT}), a simulated coach, and two weeks of their questions "
        "and tickets. They answer what they are sent, as teachers do.")
    blocks: list[Block] = [Text(intro), Text(clock_line(district)), Text("Try:"),
                           Steps(GUIDE), skip_buttons(),
                           Context("Nothing here reaches Slack or Teams: the simulated "
                                   "teachers live in this playground's database.")]
    return Reply(f"{SCHOOL}: {clock_line(district)}", tuple(blocks), private=True)


def skipped(district: District, done: Skipped) -> Reply:
    """Where demo time is now, and what happened meanwhile."""
    text = (f"{clock_line(district)} Meanwhile {done.delivered} message"
            f"{'' if done.delivered == 1 else 's'} went out, and the simulated teachers did "
            f"{done.answered} thing{'' if done.answered == 1 else 's'} in reply.")
    return Reply(text, (Text(text), skip_buttons()), private=True)


def demo_feature(district: District) -> Feature:
    """The `/demo` commands, bound to one district."""
    async def show(turn: Turn[Command]) -> list[Reply]:
        await turn.session.commit()  # the district acts in transactions of its own
        return [status(district, await district.open(turn.incoming.person))]

    async def skip(turn: Turn[Command]) -> list[Reply]:
        await turn.session.commit()
        await district.open(turn.incoming.person)
        return [skipped(district, await district.skip(turn.incoming.text))]

    async def skip_button(turn: Turn[Action]) -> list[Reply]:
        await turn.session.commit()
        await district.open(turn.incoming.person)
        return [skipped(district, await district.skip(turn.incoming.value))]

    return Feature(
        "demo",
        commands=(
            OnCommand("demo", show, "the demo district in a box: simulated teachers, demo "
                      "time, what to try", "/demo"),
            OnCommand("demo skip", skip, "move demo time forward so scheduled messages "
                      "arrive", "/demo skip <hour|morning|day|week|3 hours>"),
        ),
        actions=(OnAction("demo.skip", skip_button),),
    )
