"""Portfolio: a coach's record for budget season (workshops and PD sessions they led, with
their pilots, coaching cycles and checklists), as a summary or CSV."""

from bot.feature import Feature, OnCommand, OnForm
from bot.features.portfolio import handlers
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "portfolio",
    commands=(
        OnCommand("portfolio", handlers.record, N_("your record this school year: workshops, "
                  "pilots, coaching cycles, checklists"), "/portfolio [last year|FROM..TO]",
                  COACH),
        OnCommand("portfolio csv", handlers.as_csv, N_("the same, as CSV"),
                  "/portfolio csv [range]", COACH),
        OnCommand("portfolio workshop", handlers.workshop, N_("add a workshop or PD session you "
                  "led"), "/portfolio workshop <title> on <date>, <n> attendees, <h> hours",
                  COACH),
    ),
    forms=(OnForm("portfolio.workshop", handlers.workshop_form, COACH),),
    erase={"workshops": "keep"},  # a coach's work record, now a tombstone's
)
