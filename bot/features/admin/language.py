"""`/prepbot language es|en`: the language prepbot speaks to you, remembered on you; alone,
which one it speaks now and why."""

from __future__ import annotations

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.i18n import LANGUAGES, NAMES, _, speaking, supported
from bot.turn import Turn
from bot.vocabulary import Command

USAGE = "/prepbot language <es|en|auto>"
AUTOMATIC = {"auto", "platform", "default"}


async def language(turn: Turn[Command]) -> list[Reply]:
    """Set (or show) the language prepbot speaks to this person."""
    wanted = turn.incoming.text.strip().lower()
    person = turn.person
    if not wanted:
        return [say(_("I speak {language} with you. Change it with `{usage}`.").format(
            language=NAMES[person.speaks], usage=USAGE))]
    if wanted in AUTOMATIC:
        person.language = None
    elif supported(wanted) is None:
        raise BadInput(_("I speak {languages}. Try `{usage}`.").format(
            languages=", ".join(f"`{code}` ({NAMES[code]})" for code in LANGUAGES),
            usage=USAGE))
    else:
        person.language = supported(wanted)
    await turn.session.flush()
    with speaking(person.speaks):  # the confirmation already in the new language
        if person.language is None:
            return [say(_("Got it: I'll follow your Slack or Teams language ({language}).")
                        .format(language=NAMES[person.speaks]))]
        return [say(_("Got it: I'll speak {language} with you from now on.").format(
            language=NAMES[person.speaks]))]
