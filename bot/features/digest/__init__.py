"""Digest: each coach's week in tech support, composed from every feature's section."""

from bot.feature import Feature, OnCommand
from bot.features.digest import handlers, jobs
from bot.roles import Role

feature = Feature(
    "digest",
    commands=(
        OnCommand("digest", handlers.digest_command,
                  "the weekly digest now (`last week`, `FROM..TO`, `settings`)",
                  "/digest [last week|settings]", Role.COACH),
        OnCommand("digest settings", handlers.settings, "when the digest arrives, and for "
                  "which schools", "/digest settings [day|time|off|on|schools] ...", Role.COACH),
    ),
    jobs=jobs.register,
    erase={"digest_prefs": "delete"},
)
