"""Answers: free text and `/ask`, "Did this help?", picking a suggested article, escalating."""

from __future__ import annotations

import time

from bot import texts
from bot.blocks import Reply, Text
from bot.errors import BadInput
from bot.features.answers import conversation, problems, service, views
from bot.hooks import Answered
from bot.i18n import _
from bot.turn import Turn
from bot.vocabulary import Action, Command, Incoming, Message
from knowledge import Decision
from knowledge.topics import area, likely_areas, referral


async def ask(turn: Turn[Message | Command]) -> list[Reply]:
    """Answer a question from the knowledge base, or say honestly that it cannot; small talk,
    feedback and requests for a person are handled first (conversation.py)."""
    text = turn.incoming.text
    if not text.strip():
        browse = turn.features.browse  # `/ask` alone: the articles to browse (library)
        if browse is not None:
            return await browse(turn)
        return [Reply(_(texts.EMPTY_QUESTION), (Text(_(texts.EMPTY_QUESTION)),), private=True)]
    said = conversation.without_upload_notice(text)
    if said is None:
        return [views.text_reply(_(views.UPLOAD))]
    if await service.answered_before(turn.session, turn.incoming):
        return []  # the same message again: a help-channel post edited to @mention prepbot
    handled = await conversation.converse(turn, said)
    if handled is not None:
        return handled
    own = await own_answer(turn, said)
    if own is not None:
        return own
    started = time.perf_counter()
    decision = turn.kb.answer(said)
    turn.metrics.kb_seconds.observe(time.perf_counter() - started)
    turn.metrics.questions.labels(decision.kind).inc()
    question = await service.record_question(
        turn.session, turn.person, turn.incoming, said, decision, turn.now)
    if decision.kind == "clarify":
        return [views.clarify_reply(question.id, likely_areas(said))]
    if decision.kind == "deflect" and not decision.tech:
        return [views.off_topic_reply(referral(said))]
    if decision.kind == "answer" and decision.article:
        reply = views.article_reply(decision.article, question.id,
                                    fallback=decision.fallback,
                                    other=problems.other_problem(turn.kb, said, decision.article))
    elif decision.kind == "suggest":
        reply = views.suggestions_reply(decision.suggestions, question.id)
    else:
        reply = views.deflect_reply(question.id)
    answered = Answered(said, decision.article.category if decision.article else None,
                        decision.article.id if decision.article else None)
    extras = [block for extra in turn.features.answer_extras
              for block in await extra(turn, answered)]
    return [views.with_blocks(reply, tuple(extras))]


async def own_answer(turn: Turn[Message | Command], text: str) -> list[Reply] | None:
    """Another feature's own answer from its data (the tool register: "can I use Blooket?"),
    before the knowledge base is asked; None when no feature has one."""
    for answer in turn.features.own_answers:
        replies = await answer(turn, text)
        if replies is not None:
            return replies
    return None


async def answer_decided(turn: Turn[Incoming], text: str, decision: Decision) -> Reply:
    """A question another feature already put to the knowledge base (a help channel's post):
    recorded like any other and answered the same way, "Did this help?" included."""
    turn.metrics.questions.labels(decision.kind).inc()
    question = await service.record_question(
        turn.session, turn.person, turn.incoming, text, decision, turn.now)
    if decision.kind == "answer" and decision.article:
        return views.article_reply(decision.article, question.id)
    if decision.kind == "suggest":
        return views.suggestions_reply(decision.suggestions, question.id)
    return views.deflect_reply(question.id)


async def helpful(turn: Turn[Action]) -> list[Reply]:
    """Record "Did this help?" and replace the buttons with the next step."""
    was_helpful = turn.incoming.action_id.endswith(".yes")
    question = await service.own_question(turn.session, turn.person, turn.incoming.value)
    await service.record_feedback(turn.session, question, was_helpful, turn.now)
    turn.metrics.feedback.labels("yes" if was_helpful else "no").inc()
    return [views.feedback_reply(was_helpful, question.id)]


async def show(turn: Turn[Action]) -> list[Reply]:
    """Show a suggested or related article the teacher picked, in the button's language."""
    question_id, _sep, shown = turn.incoming.value.partition(":")
    article_id, _sep, language = shown.partition(":")
    question = await service.own_question(turn.session, turn.person, question_id)
    article = turn.kb.get(article_id, language or "en")
    if article is None:
        raise BadInput(_(texts.ARTICLE_GONE))
    await service.record_choice(turn.session, question, article.id)
    return [views.article_reply(article, question.id)]


async def none_fit(turn: Turn[Action]) -> list[Reply]:
    """None of the suggestions fit: count it as not helpful and offer a ticket."""
    question = await service.own_question(turn.session, turn.person, turn.incoming.value)
    await service.record_feedback(turn.session, question, False, turn.now)
    return [views.deflect_reply(question.id, replace=True)]


async def ticket(turn: Turn[Action]) -> list[Reply]:
    """"Open a ticket" under an answer: the question and what was shown go to a person."""
    question = await service.own_question(turn.session, turn.person, turn.incoming.value)
    escalate = turn.features.escalate
    if escalate is None:
        raise BadInput(_(texts.NO_ESCALATION))
    return await escalate(turn, conversation.escalation_of(turn, question))


async def pick_area(turn: Turn[Action]) -> list[Reply]:
    """A teacher picked an area after a vague message: the area's articles to choose from."""
    question_id, _sep, key = turn.incoming.value.partition(":")
    question = await service.own_question(turn.session, turn.person, question_id)
    chosen = area(key)
    language = turn.kb.language_of(question.text)
    articles = tuple(a for a in (turn.kb.get(i, language) for i in chosen.articles) if a) \
        if chosen else ()
    if not articles:
        return [Reply(_(views.SOMETHING_ELSE_SAID), (Text(_(views.SOMETHING_ELSE_SAID)),),
                      replace_original=True)]
    return [views.area_reply(articles, question.id)]
