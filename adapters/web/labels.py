"""The playground page's own words (its buttons, labels, hints, role names and the messages
its script shows), in the message catalogue like every sentence prepbot says, and the
language the page is shown in: the visitor's pick (`?lang=es`), else their browser's
Accept-Language, else English. The page asks for them with its config and puts them in
place itself (static/app.js: applyLabels); `{name}` in a label is filled in by the script,
`{help}`-style names in the intro become code.
"""

from __future__ import annotations

from aiohttp import web

from bot.i18n import DEFAULT, LANGUAGES, N_, NAMES, _, speaking, supported

LABELS = {
    "title": N_("prepbot playground"),
    "subtitle": N_("playground"),
    "who": N_("Who you are"),
    "role": N_("Role"),
    "name": N_("Name"),
    "language": N_("Language"),
    "intro": N_("Ask a tech question the way you'd type it in Slack or Teams, or try a command "
                "such as {help} or {ticket}. Coach and admin personas sit in the playground's "
                "triage channel: an admin routes tickets there with {route}, and sees what is "
                "left to set up with {setup}."),
    "district": N_("District in a box"),
    "district_about": N_("A demo school whose simulated teachers answer pulse surveys, RSVP "
                         "to Coffee and Curriculum and open the odd ticket: try the coach's "
                         "side without Slack or Teams."),
    "district_group": N_("Demo district"),
    "district_open": N_("Open the demo district"),
    "district_try": N_("What to try"),
    "skip_hour": N_("Skip 1 hour"),
    "skip_morning": N_("Skip to the next school morning"),
    "skip_day": N_("Skip 1 day"),
    "district_state": N_("{school}. Demo time: {time} at the school."),
    "district_feed": N_("In the district (simulated)"),
    "conversation": N_("Conversation"),
    "working": N_("Working…"),
    "message": N_("Your message"),
    "placeholder": N_("e.g. the projector says no signal"),
    "send": N_("Send"),
    "attach": N_("Attach a picture"),
    "remove": N_("Remove"),
    "no_students": N_("A screenshot of the error helps a coach see it. Photos must never show "
                      "students: no faces, no names, no screens with student information."),
    "picture": N_("Picture: {name}"),
    "your_picture": N_("Your picture: {name}"),
    "too_big": N_("That picture is too big for the playground (the most is {most}). A "
                  "screenshot of just the error is usually much smaller."),
    "too_big_sized": N_("That picture is {size}; the playground takes up to {most}. A "
                        "screenshot of just the error is usually much smaller."),
    "unreadable": N_("The server sent an unreadable answer."),
    "failed": N_("Something went wrong ({status})."),
    "switched": N_("You are now {name}, {role}."),
    "only_you": N_("Only visible to you"),
    "choose": N_("Choose…"),
    "role_teacher": N_("teacher"),
    "role_coach": N_("coach"),
    "role_admin": N_("admin"),
}
# The commands the intro names, as typed (never translated).
INTRO_COMMANDS = {"help": "/prepbot help", "ticket": "/ticket",
                  "route": "/prepbot settings route default here", "setup": "/prepbot setup"}


def accepted(header: str) -> list[str]:
    """The languages of an Accept-Language header, most wanted first ("es-MX,es;q=0.9")."""
    ranked: list[tuple[float, int, str]] = []
    for at, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if tag and weight > 0:
            ranked.append((-weight, at, tag.strip()))
    return [tag for _weight, _at, tag in sorted(ranked)]


def page_language(request: web.Request) -> str:
    """The page's language: the visitor's pick, else the first their browser accepts that
    prepbot speaks, else English."""
    picked = supported(request.query.get("lang"))
    if picked:
        return picked
    wanted = accepted(request.headers.get("Accept-Language", ""))
    return next((found for tag in wanted if (found := supported(tag))), DEFAULT)


def labels_in(language: str) -> dict[str, object]:
    """The page's words in one language, with the languages it may switch to."""
    with speaking(language):
        words = {key: _(text) for key, text in LABELS.items()}
    return {"language": language, "labels": words, "intro_commands": INTRO_COMMANDS,
            "languages": [{"code": code, "name": NAMES[code]} for code in LANGUAGES]}
