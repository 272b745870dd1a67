"""Admin: help, who am I, my school and prep period; roles and stored settings for admins."""

from bot.feature import Feature, OnCommand
from bot.features.admin import handlers
from bot.roles import Role

feature = Feature(
    "admin",
    commands=(
        OnCommand("prepbot", handlers.help_, "help, `whoami`, `school <name>`, "
                  "`prep 10:15-11:00 mon-fri`; admins: `role`, `settings`",
                  "/prepbot [help|whoami|school|prep|role|settings]"),
        OnCommand("prepbot help", handlers.help_, "what I can do", "/prepbot help"),
        OnCommand("prepbot whoami", handlers.whoami, "who I think you are", "/prepbot whoami"),
        OnCommand("prepbot school", handlers.school, "say which school you work at",
                  "/prepbot school <school name>"),
        OnCommand("prepbot prep", handlers.prep, "your prep period (non-urgent messages "
                  "arrive in it)", "/prepbot prep 10:15-11:00 mon-fri"),
        OnCommand("prepbot role", handlers.role, "give someone a role",
                  "/prepbot role <platform:user_id> <teacher|coach|admin>", Role.ADMIN),
        OnCommand("prepbot settings", handlers.settings, "list or change stored settings",
                  "/prepbot settings [<name> <value>]", Role.ADMIN),
    ),
)
