"""Help channels: prepbot reads a channel a coach turned on and answers, in the thread, only
the questions it is sure of; a coach's thread reply becomes a ticket or a draft in one click."""

from bot.feature import Feature, OnAction, OnCommand
from bot.features.helpchannels import handlers, hearing, jobs, revising, saving, service
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "helpchannels",
    commands=(
        OnCommand("prepbot channel help", handlers.status, N_("is this a help channel?"),
                  "/prepbot channel help", COACH),
        OnCommand("prepbot channel help on", handlers.turn_on, N_("read this channel and answer "
                  "sure questions in their threads (`react`: 👀 when unsure)"),
                  "/prepbot channel help on [quiet|react]", COACH),
        OnCommand("prepbot channel help off", handlers.turn_off, N_("stop reading this channel"),
                  "/prepbot channel help off", COACH),
    ),
    actions=(OnAction("helpchannels.resolve", saving.resolve, COACH),
             OnAction("helpchannels.draft", saving.draft, COACH)),
    on_overheard=hearing.overheard,
    overhears=service.worth_reading,
    revised=revising.revise,
    jobs=jobs.register,
    settings=(hearing.ANSWERS_PER_HOUR, hearing.CONFIDENCE, jobs.THREAD_DAYS),
    describe=service.describe,
    setup=service.setup_steps,
    erase={"help_threads": service.erase_asker,  # a teacher's question: words and link go
           "help_replies": "blank:text,message_id",  # a coach's reply: their words go
           "help_channels": "keep"},  # who turned a channel on: configuration, not personal
)
