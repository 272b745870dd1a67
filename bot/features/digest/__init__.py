"""Digest: each coach's week in tech support, composed from every feature's section."""

from bot.feature import Feature, OnCommand
from bot.features.digest import handlers, jobs
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "digest",
    commands=(
        OnCommand("digest", handlers.digest_command,
                  N_("the weekly digest now (`last week`, `FROM..TO`, `settings`)"),
                  "/digest [last week|settings]", COACH),
        OnCommand("digest settings", handlers.settings, N_("when the digest arrives, and for "
                  "which schools"), "/digest settings [day|time|off|on|schools] ...", COACH),
        OnCommand("digest settings day", handlers.day, N_("the weekday it arrives"),
                  "/digest settings day monday", COACH),
        OnCommand("digest settings time", handlers.time_, N_("the time it arrives"),
                  "/digest settings time 07:30", COACH),
        OnCommand("digest settings off", handlers.off, N_("no weekly digest"),
                  "/digest settings off", COACH),
        OnCommand("digest settings on", handlers.on, N_("the weekly digest again"),
                  "/digest settings on", COACH),
        OnCommand("digest settings schools", handlers.schools, N_("the schools it covers"),
                  "/digest settings schools Lincoln, Hillside", COACH),
    ),
    jobs=jobs.register,
    erase={"digest_prefs": "delete"},
)
