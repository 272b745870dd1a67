"""The library: teachers browse and search the articles; coaches write, edit and roll them back
from chat, and every replica answers from a published article within seconds."""

from bot.feature import Feature, OnAction, OnCommand, OnForm
from bot.features.library import editing, export, handlers, jobs
from bot.i18n import N_
from bot.roles import Role

COACH = Role.COACH
feature = Feature(
    "library",
    commands=(
        OnCommand("prepbot articles", handlers.articles,
                  N_("browse the articles by area, or search them"), "/prepbot articles [words]"),
        OnCommand("prepbot articles search", handlers.search_command, N_("search the articles"),
                  "/prepbot articles search <words>"),
        OnCommand("prepbot articles new", editing.new_command, N_("write a new article"),
                  "/prepbot articles new [title]", COACH),
        OnCommand("prepbot articles edit", editing.edit_command, N_("change an article"),
                  "/prepbot articles edit <article id>", COACH),
        OnCommand("prepbot articles history", editing.history_command,
                  N_("who changed an article, and roll it back"), "/prepbot articles history "
                  "<article id>", COACH),
        OnCommand("prepbot articles drafts", editing.drafts,
                  N_("article drafts to finish and publish"), "/prepbot articles drafts", COACH),
    ),
    actions=(
        OnAction("library.browse", handlers.browse_again),
        OnAction("library.area", handlers.area),
        OnAction("library.show", handlers.show),
        OnAction("library.search", handlers.ask_search),
        OnAction("library.edit", editing.edit, COACH),
        OnAction("library.new", editing.new, COACH),
        OnAction("library.draft", editing.draft, COACH),
        OnAction("library.drafts", editing.drafts, COACH),
        OnAction("library.history", editing.history, COACH),
        OnAction("library.rollback", editing.rollback, COACH),
    ),
    forms=(
        OnForm("library.search", handlers.search),
        OnForm("library.save", editing.save, COACH),
    ),
    jobs=jobs.register,
    browse=handlers.browse,
    # A change keeps who made it: the people row, which privacy delete turns into a tombstone;
    # the article texts are the district's work, not anyone's personal data.
    erase={"library_changes": "keep", "library_articles": "keep"},
    exports={"kb_articles": export.articles},
)
