"""Pilots: a tool tried for four weeks with a few teachers: TAM waves before and after, two
observations a week, weekly check-ins, an error log by class period, and a report."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.pilots import (
    coaching,
    digest,
    handlers,
    handover,
    jobs,
    portfolio,
    schedule,
    service,
    teachers,
)
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "pilots",
    commands=(
        OnCommand("pilot", handlers.mine, N_("tool pilots: yours (teachers), the ones you run "
                  "(coaches)"), "/pilot [tool]"),
        OnCommand("pilot start", handlers.start, N_("start a pilot: TAM waves, observations, "
                  "check-ins, an error log"), "/pilot start <tool> with @a @b @c for 4 weeks",
                  COACH, refusal=N_("Only coaches start pilots. If you'd like to try a tool, "
                  "`/tools request <name>` asks for it.")),
        OnCommand("pilot report", handlers.show_report, N_("a pilot's report (and the decision "
                  "once it has ended)"), "/pilot report <tool>", COACH),
    ),
    actions=(
        OnAction("pilots.decide", coaching.decide, COACH),
        OnAction("pilots.observed", coaching.ask_note, COACH),
        OnAction("pilots.move", teachers.another_time),
    ),
    forms=(
        OnForm("pilots.observed", coaching.save_note, COACH),
        OnForm("pilots.checkin", teachers.checkin),
    ),
    jobs=jobs.register,
    digest=digest.sections,
    erase={"pilots": "keep",  # a coach's pilot, now run by a tombstone
           "pilot_teachers": "keep",  # counts stay right; points at the tombstone
           "pilot_observations": schedule.erase_observed,  # and the visits to come
           "pilot_checkins": "blank:text"},
    erase_copies={"pilots": service.erase_tool_copies},  # its tool's name, as the tool's
    busy=schedule.busy,
    portfolio=portfolio.pilots,
    hand_over=handover.hand_over,
)
