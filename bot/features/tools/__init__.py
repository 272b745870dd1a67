"""Tools: the district's tool register, the six-point checklist, and a tool's life after
adoption (quarterly pulses, use, review, retirement with thirty days' notice)."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.tools import (
    adoption,
    asking,
    coaching,
    digest,
    handlers,
    handover,
    hook,
    jobs,
    portfolio,
    service,
)
from bot.i18n import N_
from bot.roles import Role

COACH, ADMIN = Role.COACH, Role.ADMIN
feature = Feature(
    "tools",
    commands=(
        OnCommand("tools", handlers.show, N_("the tool register: what is approved, under "
                  "review or retired (`/tools <name>` for one)"), "/tools [name]"),
        OnCommand("tools request", asking.request_command, N_("ask for a tool (or say \"me too\")"),
                  "/tools request <name> [: what students would do]"),
        OnCommand("tools add", handlers.add, N_("add a tool the district has or is considering"),
                  "/tools add <name> [evaluating|adopted]", COACH),
        OnCommand("tools checklist", handlers.checklist_form, N_("the six-point checklist form"),
                  "/tools checklist <name>", COACH),
        OnCommand("tools check", handlers.check, N_("set one checklist point"),
                  "/tools check <name> <point> pass|fail|unknown [link] [note]", COACH),
        OnCommand("tools status", handlers.status, N_("move a tool (evaluating, adopted, "
                  "declined...)"), "/tools status <name> <status> [reason]", COACH),
        OnCommand("tools link", handlers.link, N_("link a ticket, article or pulse to a tool"),
                  "/tools link <name> ticket|article|pulse <ref>", COACH),
        OnCommand("tools use", handlers.use, N_("teachers using a tool, of those it is meant for"),
                  "/tools use <name> <n> [of <intended>]", COACH),
        OnCommand("tools retire", handlers.retire, N_("retire a tool with thirty days' notice"),
                  "/tools retire <name>", COACH),
        OnCommand("tools override", handlers.override, N_("let a tool with a failed privacy or "
                  "accessibility point into pilots, with a reason"),
                  "/tools override <name> privacy|accessibility <reason>", ADMIN),
    ),
    actions=(
        OnAction("tools.request", asking.request_click),
        OnAction("tools.form", asking.request_form),
        OnAction("tools.metoo", asking.metoo),
        OnAction("tools.checklist", coaching.ask_checklist, COACH),
        OnAction("tools.edit", coaching.ask_edit, COACH),
        OnAction("tools.retire", coaching.ask_retire, COACH),
        OnAction("tools.keep", coaching.keep, COACH),
    ),
    forms=(
        OnForm("tools.request", asking.request_submitted),
        OnForm("tools.checklist", coaching.save_checklist, COACH),
        OnForm("tools.edit", coaching.save_edit, COACH),
        OnForm("tools.retire", coaching.save_retire, COACH),
    ),
    jobs=jobs.register,
    settings=(adoption.FATIGUE,),
    digest=digest.sections,
    erase={"tool_support": "delete",  # their demand and the decision notice
           "tool_users": "delete",  # no more pulses or notices
           # who asked for or owns a tool: the row points at a tombstone, the asker's words go
           "tools": service.erase_requester,
           "tool_checks": "keep",  # a coach's checklist: work product
           "tool_events": "keep"},  # the record of decisions and overrides
    # A tool's figures are the coach's alone (its pulses' buy-ins, its use and the review it
    # raised): the teacher who asked for it, whose row it also is, never reads them (red
    # teams', stop 57).
    never_exported=("tools.figures", "tools.figures_on", "tools.use_figure", "tools.intended",
                    "tools.flagged_on"),
    own_answer=asking.own_answer,
    answer_extra=asking.request_offer,
    tool_register=hook.register,
    portfolio=portfolio.checklists,
    hand_over=handover.hand_over,
)
