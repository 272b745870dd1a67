"""Pulse: quick Technology Acceptance Model surveys for tool pilots, anonymous by design."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.pulse import digest, export, handlers, handover, jobs, pool, service, waves
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "pulse",
    commands=(
        OnCommand("pulse", None, N_("TAM pulse surveys for tool pilots: start, status, close, "
                  "results"), "/pulse start|status|close|results [tool]", COACH),
        OnCommand("pulse start", handlers.start, N_("launch a TAM pulse for a tool pilot "
                                                      "(no words: a form)"),
                  "/pulse start [Tool #channel closes friday]", COACH),
        OnCommand("pulse status", handlers.status, N_("how many have answered"),
                  "/pulse status [tool]", COACH),
        OnCommand("pulse close", handlers.close, N_("close now and see the results"),
                  "/pulse close [tool]", COACH),
        OnCommand("pulse results", handlers.show, N_("the results (from the anonymity threshold)"),
                  "/pulse results [tool]", COACH),
    ),
    actions=(OnAction("pulse.change", handlers.change, anonymous=True),),
    forms=(OnForm("pulse.start", handlers.start_form, COACH),
           OnForm("pulse.answer", handlers.answer, anonymous=True)),
    jobs=jobs.register,
    settings=(service.THRESHOLD, service.BUYIN_TARGET),
    digest=digest.sections,
    # Answers are keyed by a secret, never by a person: nothing to erase or export there.
    # Who was asked stays (it only says a tombstone was asked), and is never exported, since
    # beside response dates in a small cohort it could narrow who answered what.
    erase={"pulse_surveys": "keep", "pulse_respondents": "keep"},
    erase_sealed={"pulse_pool": pool.erase_waiting},  # answers not yet released
    erase_copies={"pulse_surveys": waves.erase_tool_copies},  # a tool named after her
    never_exported=("pulse_respondents", "pulse_responses"),
    exports={"pulse": export.answer_sets},
    pulse_waves=waves.waves,  # pilots and adopted tools launch waves and read buy-in,
    hand_over=handover.hand_over,
)
