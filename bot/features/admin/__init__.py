"""Admin: help, who am I, my school and prep period; for admins roles, settings, schools and
the first-run checklist."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.admin import handlers, handover, jobs, language, schools, setup
from bot.i18n import N_
from bot.roles import Role

ADMIN = Role.ADMIN
feature = Feature(
    "admin",
    commands=(
        OnCommand("prepbot", handlers.help_, N_("help, `whoami`, `language es`, `school <name>`, "
                  "`prep 10:15-11:00 mon-fri`; admins: `setup`, `schools`, `role`, `settings`"),
                  "/prepbot [help|whoami|language|school|prep|setup|schools|role|settings]"),
        OnCommand("prepbot help", handlers.help_, N_("what I can do"), "/prepbot help"),
        OnCommand("prepbot start", setup.start, N_("the welcome: what I can do (admins: and "
                  "what is left to set up)"), "/prepbot start"),
        OnCommand("prepbot whoami", handlers.whoami, N_("who I think you are"), "/prepbot whoami"),
        OnCommand("prepbot language", language.language, N_("the language I speak with you "
                  "(`es` or `en`; `auto` follows your Slack or Teams language)"),
                  language.USAGE),
        OnCommand("prepbot school", handlers.school, N_("say which school you work at"),
                  "/prepbot school <school name>"),
        OnCommand("prepbot prep", handlers.prep, N_("your prep period (non-urgent messages "
                  "arrive in it)"), "/prepbot prep <10:15-11:00 mon-fri|off>"),
        OnCommand("prepbot setup", setup.setup, N_("the first-run checklist, each step ticked "
                  "when done"), "/prepbot setup", ADMIN),
        OnCommand("prepbot schools", schools.listing, N_("the schools, their time zones and hours"),
                  "/prepbot schools", ADMIN),
        OnCommand("prepbot schools add", schools.add, N_("add a school (no words: a form)"),
                  "/prepbot schools add [<name> <time zone> <07:30-15:00>]", ADMIN),
        OnCommand("prepbot schools edit", schools.edit, N_("change a school's name, zone or hours"),
                  "/prepbot schools edit <name>", ADMIN),
        OnCommand("prepbot schools closures", schools.closures, N_("days a school is closed"),
                  "/prepbot schools closures <name> [2026-12-21..2027-01-01 Winter break]",
                  ADMIN),
        OnCommand("prepbot role", handlers.role, N_("give someone a role"),
                  "/prepbot role <platform:user_id> <teacher|coach|admin>", ADMIN),
        OnCommand("prepbot settings", handlers.settings, N_("list or change stored settings"),
                  "/prepbot settings [<name> <value>]", ADMIN),
        OnCommand("prepbot handover", handover.handover, N_("give a leaving coach's open "
                  "cycles, pilots, tools and surveys to another coach"),
                  "/prepbot handover @leaving-coach @new-coach", ADMIN),
    ),
    actions=(
        OnAction("admin.school.add", schools.add_button, ADMIN),
        OnAction("admin.school.edit", schools.edit_button, ADMIN),
        OnAction("admin.closures", schools.closures_button, ADMIN),
        OnAction("admin.role", setup.role_button, ADMIN),
    ),
    forms=(
        OnForm("admin.school", schools.save_form, ADMIN),
        OnForm("admin.closures", schools.closures_form, ADMIN),
        OnForm("admin.role", handlers.role_form, ADMIN),
    ),
    setup=setup.admin_steps,
    jobs=jobs.register,
)
