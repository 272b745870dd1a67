"""The sentences the core itself says (help, refusals, errors); each feature keeps its own
in its views.py, so what a feature says is found beside what it does."""

DID_IT_HELP = "Did this help?"
HELPFUL_YES = "Glad that fixed it! Ask me anytime."
HELPFUL_NO = "Sorry that didn't fix it. A person can take it from here."
SUGGEST_INTRO = "I'm not sure I understood. Is it one of these?"
DEFLECT = ("I don't have an article for that yet, so I won't guess. "
           "A coach or IT can help: open a ticket and they'll pick it up.")
OPEN_TICKET = "Open a ticket"
NOT_THIS = "None of these"
STILL_STUCK = "Still stuck?"
EMPTY_QUESTION = "Tell me what's going on, for example: *the projector says no signal*."
UNKNOWN_COMMAND = "I don't know the command `/{name}`. Here's what I can do:"
UNKNOWN_ACTION = "That button has expired or I no longer know it. Try asking again."
UNKNOWN_FORM = "I couldn't use that form any more. Please start again."
NOT_ALLOWED_COMMAND = "Sorry, `/{name}` is only for {who}. Ask a coach if you need help."
NOT_ALLOWED_ACTION = "Sorry, only {who} can do that."
ROLE_GROUPS = {"coach": "coaches and admins", "admin": "admins"}
HELP_INTRO = ("I'm prepbot. Ask me a tech question in your own words, or use a command:")
WILL_RETRY = ("I've got your message, but something on my side is slow right now. I'll answer "
              "here as soon as it's sorted; no need to send it again.")
SAVE_FAILED = ("Sorry, something went wrong on my side and nothing was saved. "
               "Please try again in a minute.")
ARTICLE_GONE = "That article is no longer in the knowledge base. Try asking again."
NO_ESCALATION = "Sorry, I can't open tickets here. Please ask a coach directly."
SUBCOMMANDS = "`/{name}` needs one more word:"
