"""Teachers and the register: "can I use Blooket with my class?" gets the register's answer,
a "new tool" answer offers a one-click request, and "me too" counts demand."""

from __future__ import annotations

import re
from typing import Any

from bot.blocks import Block, Reply, form_reply
from bot.errors import BadInput
from bot.features.tools import forms, service, views
from bot.features.tools.models import ToolRow
from bot.hooks import Answered
from bot.i18n import _
from bot.masking import Masked, mask_student_data, mask_within, privacy_note
from bot.schools.models import SchoolRow
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Command, Message, Submission

# Asking whether a tool may be used: "can I use", "may my students try", "is it approved";
# in Spanish "¿puedo usar?", "¿mis alumnos pueden usar?", "¿está aprobado?".
ASKS = re.compile(
    r"\b(?:(?:can|could|may|should)\s+(?:i|we|my\s+(?:class|classes|students|kids)|students|"
    r"the\s+kids)\s+(?:still\s+)?(?:use|try|start\s+using|sign\s+up\s+for|have)|allowed|"
    r"approved|permitted|(?:ok|okay)\s+to\s+use|on\s+the\s+(?:approved\s+)?list"
    r"|(?:puedo|podemos|podr[ií]a|podr[ií]amos|puede|pueden|podr[ií]an|debo|debemos)\s+"
    r"(?:seguir\s+)?(?:usar|utilizar|probar|empezar\s+a\s+usar|registrarse\s+en)"
    r"|aprobad[oa]s?|permitid[oa]s?|autorizad[oa]s?)\b",
    re.IGNORECASE)
# A name after "use": capitalised words, as people write an app's name ("use Blooket").
CANDIDATE = re.compile(r"\b(?:use|try|using|usar|utilizar|probar|usando)\s+"
                       r"(?P<name>[A-Z][\w.+'-]*(?:\s+[A-Z][\w.+'-]*){0,2})")
NOT_NAMES = {"I", "A", "An", "The", "My", "Our", "This", "That", "It", "Them", "Some",
             "El", "La", "Los", "Las", "Un", "Una", "Mi", "Mis", "Este", "Esta", "Eso", "Esto"}
# Articles whose readers may want to ask for a tool.
ABOUT_TOOLS = ("new-tool-request", "student-data-privacy")


async def own_answer(turn: Turn[Any], text: str) -> list[Reply] | None:
    """The register's answer when a teacher asks whether a tool it knows may be used."""
    if not ASKS.search(text):
        return None
    tool = await service.named_in(turn.session, text)
    if tool is None:
        return None
    return [await answer_for(turn, tool)]


async def answer_for(turn: Turn[Any], tool: ToolRow) -> Reply:
    """Approved (how to get access), under review (and when), or not approved (why, and the
    approved alternative)."""
    alternative = await turn.session.get(ToolRow, tool.alternative_id) \
        if tool.alternative_id else None
    school = await turn.session.get(SchoolRow, turn.person.school_id) \
        if turn.person.school_id else None
    return views.can_use(tool, alternative, await service.demand(turn.session, tool.id),
                         school.name if school else "")


def candidate(text: str) -> str:
    """The app a question names after "use", if it reads like a name ("use Blooket")."""
    found = CANDIDATE.search(text)
    if found is None:
        return ""
    words = found.group("name").split()
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    return " ".join(words).rstrip("?.!,")[:80]


async def request_offer(turn: Turn[Any], answered: Answered) -> tuple[Block, ...]:
    """Under an answer: "Request Blooket" when a teacher asked about a tool the register
    doesn't know, or "Request a tool" under the article about requesting one."""
    name = candidate(answered.text) if ASKS.search(answered.text) else ""
    if name and name != candidate(mask_student_data(answered.text).text):
        name = ""  # the masker hid a student there: "use Jaden Wilks Chromebook" is no tool
    if name and await service.find(turn.session, name) is None:
        return views.request_offer(name)
    if answered.article_id in ABOUT_TOOLS:
        return views.request_offer("")
    return ()


async def request_command(turn: Turn[Command]) -> list[Reply]:
    """`/tools request Blooket [: what students would do]`, or the form with no name."""
    text = turn.incoming.text.strip()
    if not text:
        return [form_reply(forms.request_form())]
    name, _colon, purpose = text.partition(":")
    return await _request(turn, name, purpose)


async def request_click(turn: Turn[Action]) -> list[Reply]:
    """The one-click "Request Blooket" under an answer."""
    return await _request(turn, turn.incoming.value, "")


async def request_form(turn: Turn[Action]) -> list[Reply]:
    """"Request a tool": the form."""
    return [form_reply(forms.request_form(turn.incoming.value))]


async def request_submitted(turn: Turn[Submission]) -> list[Reply]:
    """The request form was sent."""
    values = turn.incoming.values
    return await _request(turn, values.get("name", ""), values.get("purpose", ""))


async def metoo(turn: Turn[Action]) -> list[Reply]:
    """"Me too" on a tool under review: one more teacher who wants it, and hears the decision."""
    tool = await row_named(turn.session, ToolRow, turn.incoming.value)
    if tool is None:
        raise BadInput(_("I couldn't find that tool any more. Ask me about it again."))
    counted = await service.support(turn.session, tool, turn.person, turn.now)
    return [views.requested(tool, counted, await service.demand(turn.session, tool.id))]


async def _request(turn: Turn[Message | Command | Action | Submission], name: str,
                   purpose: str) -> list[Reply]:
    masked = mask_within(purpose.strip(), 2000)
    named = service.masked_name(name)
    tool, counted = await service.request(turn.session, named.text, turn.person, masked.text,
                                          turn.now)
    hidden = privacy_note(Masked(named.text, named.kinds + masked.kinds))
    return [views.requested(tool, counted, await service.demand(turn.session, tool.id), hidden)]
