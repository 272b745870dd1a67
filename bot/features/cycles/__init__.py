"""Cycles: four-week coaching cycles with one teacher (goal-setting conference, model lesson,
co-teaching, reflective debrief), each step in the teacher's prep period."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.cycles import actions, digest, handlers, jobs, planning, portfolio, service
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "cycles",
    commands=(
        OnCommand("cycle", handlers.mine, N_("coaching cycles: yours (teachers), the ones you run "
                  "(coaches)"), "/cycle"),
        OnCommand("cycle start", handlers.start, N_("plan a four-week coaching cycle in a "
                  "teacher's prep periods"), "/cycle start @teacher", COACH,
                  refusal=N_("Only coaches plan coaching cycles. Ask yours for one, or tap "
                  "\u201cBook a coaching cycle\u201d after Coffee and Curriculum.")),
        OnCommand("cycle reschedule", handlers.reschedule, N_("move a step (the ones after it "
                  "follow)"), "/cycle reschedule @teacher [step 2] [to 2027-03-10]", COACH),
        OnCommand("cycle done", handlers.done, N_("mark the current step done"),
                  "/cycle done @teacher [step N]", COACH),
        OnCommand("cycle cancel", handlers.cancel, N_("call a cycle off"),
                  "/cycle cancel @teacher", COACH),
    ),
    actions=(
        OnAction("cycles.plan", actions.plan, COACH),
        OnAction("cycles.done", actions.done, COACH),
        OnAction("cycles.move", actions.another_time),
    ),
    forms=(OnForm("cycles.step", actions.answer),),
    jobs=jobs.register,
    digest=digest.sections,
    erase={"cycles": service.erase_teacher},  # steps and dates stay for the counts
    exported_through=("cycle_steps",),  # the answers a teacher gave at each step
    start_cycle=handlers.begin,
    busy=planning.busy,
    portfolio=portfolio.cycles,
    hand_over=service.hand_over,
)
