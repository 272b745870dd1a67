"""Coffee and Curriculum: short coaching chats a coach sets up, in each school's local time."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.coffee import (
    busy,
    coaching,
    digest,
    guests,
    handlers,
    handover,
    jobs,
    mine,
    rotation,
    rsvps,
)
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "coffee",
    commands=(
        OnCommand("coffee", handlers.coffee_command, N_("Coffee and Curriculum check-ins"),
                  "/coffee [setup]"),
        OnCommand("coffee setup", coaching.setup, N_("set up a series for a channel or a 1:1 "
                  "rotation"), "/coffee setup", COACH,
                  refusal=N_("Only coaches set up Coffee and Curriculum. "
                             "Ask yours to invite you!")),
    ),
    actions=(
        OnAction("coffee.series.edit", coaching.edit, COACH),
        OnAction("coffee.series.pause", coaching.pause, COACH),
        OnAction("coffee.series.resume", coaching.resume, COACH),
        OnAction("coffee.series.cancel", coaching.cancel, COACH),
        OnAction("coffee.series.end", coaching.end, COACH),
        OnAction("coffee.series.keep", coaching.keep, COACH),
        OnAction("coffee.guests", guests.ask, COACH),
        OnAction("coffee.attendance", coaching.ask_attendance, COACH),
        OnAction("coffee.rsvp", rsvps.rsvp),
        OnAction("coffee.ask_note", rsvps.ask_note),
        OnAction("coffee.pause", rsvps.ask_pause),
        OnAction("coffee.optout", rsvps.opt_out),
        OnAction("coffee.optin", rsvps.opt_in),
        OnAction("coffee.keep", rsvps.keep),
        OnAction("coffee.mine", rsvps.switch),
        OnAction("coffee.cycle", rsvps.cycle),
        OnAction("coffee.slot.accept", mine.accept),
        OnAction("coffee.slot.other", mine.another_time),
    ),
    forms=(
        OnForm("coffee.setup", coaching.save, COACH),
        OnForm("coffee.guests", guests.save, COACH),
        OnForm("coffee.attended", coaching.attendance, COACH),
        OnForm("coffee.note", rsvps.note),
        OnForm("coffee.pause", rsvps.pause),
    ),
    jobs=jobs.register,
    digest=digest.sections,
    erase={"coffee_optouts": "delete",
           "coffee_members": "delete",  # no more invitations
           "coffee_rsvps": "blank:note,topic",
           "coffee_slots": rotation.erase_slots,  # her 1:1s to come are off
           "coffee_series": "keep"},  # a coach's series, now run by a tombstone
    busy=busy.coach_busy,  # pilots and cycles plan around the coach's coffees
    hand_over=handover.hand_over,
)
