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
from bot.i18n import N_, _, format_skeleton, format_time, ngettext
from bot.turn import Turn
from bot.vocabulary import Action, Command

if TYPE_CHECKING:
    from adapters.district.district import District, Skipped

# The words after `/demo skip` stay as typed; the labels are said in the coach's language.
SKIPS = (("hour", N_("Skip 1 hour")), ("morning", N_("Skip to the next school morning")),
         ("day", N_("Skip 1 day")))
GUIDE = (
    N_("`/pulse start Nearpod #{pilot} closes friday`, then **Skip 1 hour**: the teachers "
       "answer; `/pulse results Nearpod` shows the figures and the chart."),
    N_("`/coffee setup` with the cohort `{staff}` and tomorrow's weekday: skip an hour for the "
       "invitations and RSVPs, to the next school morning for your brief, then an hour for the "
       "follow-ups."),
    N_("`/tickets` is the queue (the teachers open the odd ticket), and `/digest` their week."),
)


def skip_buttons() -> Buttons:
    """The ways to move demo time forward."""
    return Buttons(tuple(Button(_(label), "demo.skip", value) for value, label in SKIPS))


def clock_line(district: District) -> str:
    """`Demo time: Tue, Dec 1, 10:05 at the school (America/Chicago).` (24-hour, as school
    hours are written)."""
    local = district.local()
    return _("Demo time: {day}, {time} at the school ({zone}).").format(
        day=format_skeleton("MMMEd", local), time=format_time(local, "HH:mm"),
        zone=district.zone.key)


def status(district: District, created: bool) -> Reply:
    """What the district is, what time it is there, and what to try."""
    pilots = sum(t.pilot for t in TEACHERS)
    about = _("**{school}**: {teachers} simulated teachers in #{staff} ({pilots} of them pilot "
              "a tool in #{pilot}), a simulated coach, and two weeks of their questions and "
              "tickets. They answer what they are sent, as teachers do.").format(
        school=SCHOOL, teachers=len(TEACHERS), staff=STAFF, pilots=pilots, pilot=PILOT)
    intro = f"{_('The demo district is ready.')} {about}" if created else about
    guide = tuple(_(step).format(pilot=PILOT, staff=STAFF) for step in GUIDE)
    blocks: list[Block] = [Text(intro), Text(clock_line(district)), Text(_("Try:")),
                           Steps(guide), skip_buttons(),
                           Context(_("Nothing here reaches Slack or Teams: the simulated "
                                     "teachers live in this playground's database."))]
    return Reply(f"{SCHOOL}: {clock_line(district)}", tuple(blocks), private=True)


def skipped(district: District, done: Skipped) -> Reply:
    """Where demo time is now, and what happened meanwhile."""
    sent = ngettext("Meanwhile {count} message went out.",
                    "Meanwhile {count} messages went out.", done.delivered).format(
        count=done.delivered)
    answered = ngettext("The simulated teachers did {count} thing in reply.",
                        "The simulated teachers did {count} things in reply.",
                        done.answered).format(count=done.answered)
    text = f"{clock_line(district)} {sent} {answered}"
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
            OnCommand("demo", show, N_("the demo district in a box: simulated teachers, demo "
                                       "time, what to try"), "/demo"),
            OnCommand("demo skip", skip, N_("move demo time forward so scheduled messages "
                                            "arrive"),
                      "/demo skip <hour|morning|day|week|3 hours>"),
        ),
        actions=(OnAction("demo.skip", skip_button),),
    )
