"""Answers: a teacher asks, the knowledge base answers or admits it does not know."""

from bot.feature import Feature, OnAction, OnCommand
from bot.features.answers import digest, handlers, jobs, mentions, service
from bot.i18n import N_

feature = Feature(
    "answers",
    on_message=handlers.ask,
    commands=(OnCommand("ask", handlers.ask, N_("ask a tech question in your own words "
                                                   "(alone: browse and search the articles)"),
                        "/ask [question]"),),
    actions=(OnAction("answers.helpful", handlers.helpful),
             OnAction("answers.show", handlers.show),
             OnAction("answers.none", handlers.none_fit),
             OnAction("answers.ticket", handlers.ticket),
             OnAction("answers.area", handlers.pick_area)),
    jobs=jobs.register,
    settings=(jobs.QUESTION_RETENTION,),
    digest=digest.sections,
    setup=service.setup_steps,
    # Counts and outcomes stay for the digest; the words go, and the link to their message.
    erase={"questions": "blank:text,message_key"},
    mentions=mentions.mentions,  # questions naming a tool: a pilot's error log, a tool's use
    answer_decided=handlers.answer_decided,
    revised=service.revise,  # a question deleted or edited in its channel
)
