"""How answers look, in neutral blocks."""

from __future__ import annotations

from bot import texts
from bot.blocks import Block, Button, Buttons, Context, Reply, Text
from bot.blocks import Steps as StepList
from bot.i18n import N_, _
from knowledge import Article
from knowledge.model import KB_LINK
from knowledge.topics import Area


def _plain_links(text: str) -> str:
    return KB_LINK.sub(lambda m: f"*{m.group(1)}*", text)


def show_value(question_id: int, article_id: str, language: str = "en") -> str:
    """An "answers.show" button's value: the question, the article and (if not English) the
    language to show it in."""
    return f"{question_id}:{article_id}" + (f":{language}" if language != "en" else "")


def open_ticket_button(question_id: int) -> Button:
    """The button that turns a question into a ticket."""
    return Button(_(texts.OPEN_TICKET), "answers.ticket", str(question_id), style="primary")


def article_reply(article: Article, question_id: int, replace: bool = False,
                  fallback: bool = False, other: Article | None = None) -> Reply:
    """An article: its one-line answer, the steps, related links and "Did this help?"; a
    `fallback` article (not in the question's language) says so first, and the `other`
    problem the message also spoke of is named after the steps, with its button."""
    blocks: list[Block] = [Context(_(FALLBACK).format(language=_(LANGUAGE_NAMES.get(
        article.language, article.language))))] if fallback else []
    blocks += [Text(f"**{article.title}**"), Text(_plain_links(article.summary))]
    if article.steps:
        blocks.append(StepList(tuple(_plain_links(step) for step in article.steps)))
    blocks.extend(Text(_plain_links(note)) for note in article.notes)
    related = [Button(_("See: {title}").format(title=label), "answers.show",
                      show_value(question_id, target, article.language))
               for label, target in KB_LINK.findall(" ".join(article.notes))]
    if article.still_stuck:
        blocks.append(Context(f"{_(texts.STILL_STUCK)} {_plain_links(article.still_stuck)}"))
    if other is not None:
        blocks.append(Text(_(OTHER_PROBLEM).format(title=other.title)))
        related.insert(0, Button(_("See: {title}").format(title=other.title), "answers.show",
                                 show_value(question_id, other.id, other.language)))
    blocks.append(Text(_(texts.DID_IT_HELP)))
    blocks.append(Buttons((
        Button(_("Yes"), "answers.helpful.yes", str(question_id), style="primary"),
        Button(_("No"), "answers.helpful.no", str(question_id)),
        *related[:2],
    )))
    plain = f"{article.title}: {article.summary}"
    return Reply(plain, tuple(blocks), replace_original=replace)


def suggestions_reply(articles: tuple[Article, ...], question_id: int) -> Reply:
    """A short "is it one of these?" list, with a way out to a ticket."""
    buttons = [Button(a.title, "answers.show", show_value(question_id, a.id, a.language))
               for a in articles]
    buttons.append(Button(_(texts.NOT_THIS), "answers.none", str(question_id)))
    blocks = (Text(_(texts.SUGGEST_INTRO)), Buttons(tuple(buttons)),
              Buttons((open_ticket_button(question_id),)))
    titles = "; ".join(a.title for a in articles)
    return Reply(f"{_(texts.SUGGEST_INTRO)} {titles}", blocks)


def deflect_reply(question_id: int, replace: bool = False) -> Reply:
    """No article fits: say so plainly and offer a ticket."""
    said = _(texts.DEFLECT)
    return Reply(said, (Text(said), Buttons((open_ticket_button(question_id),))),
                 replace_original=replace)


def feedback_reply(helpful: bool, question_id: int) -> Reply:
    """What replaces the "Did this help?" message after a click."""
    if helpful:
        return Reply(_(texts.HELPFUL_YES), (Text(_(texts.HELPFUL_YES)),), replace_original=True)
    blocks = (Text(_(texts.HELPFUL_NO)), Buttons((open_ticket_button(question_id),)))
    return Reply(_(texts.HELPFUL_NO), blocks, replace_original=True)


def with_blocks(reply: Reply, extra: tuple[Block, ...]) -> Reply:
    """The reply with what other features add under an answer (a "me too" offer, say)."""
    if not extra:
        return reply
    return Reply(reply.text, reply.blocks + extra, reply.private, reply.replace_original)


# Marked for the catalogue here, translated where they are said (text_reply and below).
GREETING = N_("Hi! I'm prepbot, the tech helper. Tell me what's going on in your own words, "
              "for example *the projector says no signal*, and I'll find the fix.")
THANKS = N_("You're welcome! Ask me anytime.")
NO_CONTEXT = N_("Tell me what's going on, for example: *the projector says no signal*.")
UPLOAD = N_("I can't look at files or pictures myself. Tell me in a sentence what's going "
            "on, for example *the copier says paper jam in tray 2*.")
CLARIFY = N_("Happy to help. What is it about?")
SOMETHING_ELSE = N_("Something else")
SOMETHING_ELSE_SAID = N_("Tell me a bit more in your own words: what are you trying to do, "
                         "and what happens instead? Or reply \"ticket\" and a person will help.")
AREA_INTRO = N_("Is it one of these?")
OFF_TOPIC = N_("That one isn't for me: I help with classroom technology (devices, projectors "
               "and boards, signing in, printers, Wi-Fi and apps).")
REFERRAL = N_("Questions like that usually go to {who}.")
# Who usually answers what prepbot does not (knowledge/topics.py: referral gives the key).
OFFICES = {"payroll": N_("HR or the payroll office"), "front_office": N_("the front office"),
           "principal": N_("your principal or assistant principal"),
           "nurse": N_("the school nurse or counselor"),
           "facilities": N_("facilities (a work order through the front office)")}
# The areas a vague message may be about (knowledge/topics.py: AREAS), by key.
AREA_LABELS = {"device": N_("Laptop or Chromebook"), "display": N_("Projector or board"),
               "signin": N_("Signing in"), "printer": N_("Printer or copier"),
               "network": N_("Wi-Fi or a blocked site"), "apps": N_("An app or the LMS"),
               "sound": N_("Sound or a video call")}
# An article shown in another language than the question's (knowledge/base.py, fallback).
FALLBACK = N_("I have no article on this in your language yet, so here it is in {language}.")
LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}
# Two problems in one message: the answer leads with one and names the other's article.
OTHER_PROBLEM = N_("You also mentioned another problem: *{title}* has the steps for it.")
OFF_TOPIC_ASK = N_("If it is a tech problem after all, reply \"ticket\" and a person will look.")


def text_reply(text: str) -> Reply:
    """A reply that is one short sentence."""
    return Reply(text, (Text(text),))


def clarify_reply(question_id: int, areas: list[Area]) -> Reply:
    """A question back about a vague message, with the likely areas as buttons."""
    labels = [_(AREA_LABELS.get(a.key, a.label)) for a in areas]
    buttons = [Button(label, "answers.area", f"{question_id}:{a.key}")
               for label, a in zip(labels, areas, strict=True)]
    buttons.append(Button(_(SOMETHING_ELSE), "answers.area", f"{question_id}:"))
    return Reply(_(CLARIFY) + " " + ", ".join(labels),
                 (Text(_(CLARIFY)), Buttons(tuple(buttons))))


def off_topic_reply(office: str | None) -> Reply:
    """Not a tech question: what prepbot is for, who usually answers (an office's key from
    knowledge/topics.py: referral), and no ticket button."""
    who = _(OFFICES[office]) if office in OFFICES else ""
    parts = [_(OFF_TOPIC), _(REFERRAL).format(who=who) if who else "", _(OFF_TOPIC_ASK)]
    said = " ".join(filter(None, parts))
    return Reply(said, (Text(said),))


def area_reply(articles: tuple[Article, ...], question_id: int) -> Reply:
    """The articles of the area a teacher picked, as a short list to choose from."""
    buttons = [Button(a.title, "answers.show", show_value(question_id, a.id, a.language))
               for a in articles]
    buttons.append(Button(_(texts.NOT_THIS), "answers.none", str(question_id)))
    titles = "; ".join(a.title for a in articles)
    return Reply(f"{_(AREA_INTRO)} {titles}", (Text(_(AREA_INTRO)), Buttons(tuple(buttons))),
                 replace_original=True)
