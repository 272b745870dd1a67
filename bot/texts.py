"""The sentences the core itself says (help, refusals, errors); each feature keeps its own
in its views.py, so what a feature says is found beside what it does.

Each is marked with N_ for the catalogue and shown through `_()` where it is said, so it
reads in the language of whoever it is said to (bot/i18n.py).
"""

from bot.i18n import N_

DID_IT_HELP = N_("Did this help?")
HELPFUL_YES = N_("Glad that fixed it! Ask me anytime.")
HELPFUL_NO = N_("Sorry that didn't fix it. A person can take it from here.")
SUGGEST_INTRO = N_("I'm not sure I understood. Is it one of these?")
# Said both when no article covers it and when several are about as likely: neither is known.
DEFLECT = N_("I'm not sure any of my articles fits that, so I won't guess. "
             "A coach or IT can help: open a ticket and they'll pick it up.")
OPEN_TICKET = N_("Open a ticket")
NOT_THIS = N_("None of these")
STILL_STUCK = N_("Still stuck?")
EMPTY_QUESTION = N_("Tell me what's going on, for example: *the projector says no signal*.")
UNKNOWN_COMMAND = N_("I don't know the command `/{name}`. Here's what I can do:")
UNKNOWN_ACTION = N_("That button has expired or I no longer know it. Try asking again.")
UNKNOWN_FORM = N_("I couldn't use that form any more. Please start again.")
NOT_ALLOWED_COMMAND = N_("Sorry, `/{name}` is only for {who}. Ask a coach if you need help.")
NOT_ALLOWED_ACTION = N_("Sorry, only {who} can do that.")
ROLE_GROUPS = {"coach": N_("coaches and admins"), "admin": N_("admins")}
HELP_INTRO = N_("I'm prepbot. Ask me a tech question in your own words, or use a command:")
WILL_RETRY = N_("I've got your message, but something on my side is slow right now. I'll "
                "answer here as soon as it's sorted; no need to send it again.")
SAVE_FAILED = N_("Sorry, something went wrong on my side and nothing was saved. "
                 "Please try again in a minute.")
ARTICLE_GONE = N_("That article is no longer in the knowledge base. Try asking again.")
NO_ESCALATION = N_("Sorry, I can't open tickets here. Please ask a coach directly.")
SUBCOMMANDS = N_("`/{name}` needs one more word:")
