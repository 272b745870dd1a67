"""Tickets: teachers ask for a person; coaches triage, reply, resolve; nothing is lost."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.tickets import (
    coaching,
    digest,
    export,
    handlers,
    jobs,
    mentions,
    opening,
    outside,
    routes,
    similar,
    solved,
    triage,
    unhiding,
)
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "tickets",
    commands=(
        OnCommand("ticket", opening.ticket_command, N_("open a ticket for a person to help"),
                  "/ticket [what happened]"),
        OnCommand("tickets", handlers.tickets_command,
                  N_("your tickets (coaches: the queue, with filters)"),
                  "/tickets [mine|unassigned|school <name>|category <c>|status <s>]"),
        OnCommand("prepbot settings route", handlers.route_here,
                  N_("post one category's tickets (or `default`) in this channel"),
                  "/prepbot settings route <category|default> here", Role.ADMIN),
    ),
    actions=(
        OnAction("tickets.form", handlers.show_form),
        OnAction("tickets.join", opening.join),
        OnAction("tickets.separate", opening.separate),
        OnAction("tickets.show", unhiding.show),
        OnAction("tickets.view", triage.view),
        OnAction("tickets.reopen", triage.reopen),
        OnAction("tickets.answer", triage.ask_answer),
        OnAction("tickets.claim", triage.claim, COACH),
        OnAction("tickets.wait", triage.wait, COACH),
        OnAction("tickets.resolve", triage.resolve, COACH),
        OnAction("tickets.reply", triage.ask_reply, COACH),
        OnAction("tickets.merge", triage.ask_merge, COACH),
        OnAction("tickets.suggest", triage.ask_draft, COACH),
        OnAction("tickets.cycle", coaching.start_cycle, COACH),
        OnAction("tickets.unpicture", triage.delete_pictures, COACH),
    ),
    forms=(
        OnForm("tickets.new", opening.from_form),
        OnForm("tickets.answer", triage.send_answer),
        OnForm("tickets.reply", triage.send_reply, COACH),
        OnForm("tickets.merge", triage.do_merge, COACH),
        OnForm("tickets.draft", triage.save_draft, COACH),
    ),
    jobs=jobs.register,
    settings=(jobs.REMIND_AFTER, jobs.AUTOCLOSE_AFTER, jobs.RETENTION, similar.METOO_WINDOW),
    describe=handlers.describe_routes,
    shut_out=routes.shut_out,
    stand_in=routes.stand_in,
    setup=routes.setup_steps,
    digest=digest.sections,
    erase={"tickets": jobs.erase_requests,  # blanked unless other teachers share the ticket
           "ticket_events": "blank:text",  # what they wrote on a ticket's timeline
           "ticket_people": "keep",  # "teachers affected" counts; points at the tombstone
           "kb_drafts": "keep"},  # a coach's draft article: work product, not personal data
    erase_copies={"kb_drafts": jobs.erase_drafted_words},  # but not a teacher's words in it
    exports={"tickets": export.tickets, "kb_drafts": export.drafts},
    escalate=opening.escalate,
    answer_extra=similar.metoo_offer,
    open_work=similar.open_work_of,
    mentions=mentions.mentions,  # tickets naming a tool: a pilot's error log, a tool's use
    resolve_solved=solved.resolve_solved,
    draft_solved=solved.draft_solved,
    drafts=export.article_drafts,
    update_ticket=outside.apply_update,
)
