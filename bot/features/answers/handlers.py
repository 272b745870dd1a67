"""Answers: free text and `/ask`, "Did this help?", and picking a suggested article."""

from __future__ import annotations

import time

from bot import texts
from bot.blocks import Reply, Text
from bot.errors import BadInput
from bot.features.answers import retention, service, views
from bot.features.tickets.similar import similar_open_ticket
from bot.router import Router
from bot.scheduling.jobs import Jobs
from bot.turn import Turn
from bot.vocabulary import Action, Command, Message


async def ask(turn: Turn) -> list[Reply]:
    """Answer a question from the knowledge base, or say honestly that it cannot."""
    incoming = turn.incoming
    text = incoming.text if isinstance(incoming, Message | Command) else ""
    if not text.strip():
        return [Reply(texts.EMPTY_QUESTION, (Text(texts.EMPTY_QUESTION),), private=True)]
    started = time.perf_counter()
    decision = turn.kb.answer(text)
    turn.metrics.kb_seconds.observe(time.perf_counter() - started)
    turn.metrics.questions.labels(decision.kind).inc()
    question = await service.record_question(
        turn.session, turn.person, incoming.person.platform, text, decision, turn.now)
    if decision.kind == "answer" and decision.article:
        reply = views.article_reply(decision.article, question.id)
    elif decision.kind == "suggest":
        reply = views.suggestions_reply(decision.suggestions, question.id)
    else:
        reply = views.deflect_reply(question.id)
    category = decision.article.category if decision.article else None
    same = await similar_open_ticket(turn.session, turn.person.school_id, text, category, turn.now)
    return [views.with_metoo(reply, same.id) if same else reply]


def _action(turn: Turn) -> Action:
    assert isinstance(turn.incoming, Action)
    return turn.incoming


async def helpful(turn: Turn) -> list[Reply]:
    """Record "Did this help?" and replace the buttons with the next step."""
    action = _action(turn)
    was_helpful = action.action_id.endswith(".yes")
    question = await service.own_question(turn.session, turn.person, action.value)
    await service.record_feedback(turn.session, question, was_helpful, turn.now)
    turn.metrics.feedback.labels("yes" if was_helpful else "no").inc()
    return [views.feedback_reply(was_helpful, question.id)]


async def show(turn: Turn) -> list[Reply]:
    """Show a suggested or related article the teacher picked."""
    question_id, _, article_id = _action(turn).value.partition(":")
    question = await service.own_question(turn.session, turn.person, question_id)
    article = turn.kb.get(article_id)
    if article is None:
        raise BadInput(texts.ARTICLE_GONE)
    await service.record_choice(turn.session, question, article.id)
    return [views.article_reply(article, question.id)]


async def none_fit(turn: Turn) -> list[Reply]:
    """None of the suggestions fit: count it as not helpful and offer a ticket."""
    question = await service.own_question(turn.session, turn.person, _action(turn).value)
    await service.record_feedback(turn.session, question, False, turn.now)
    return [views.deflect_reply(question.id, replace=True)]


def register(router: Router) -> None:
    """Wire the answers feature into the router."""
    router.message(ask)
    router.command("ask", "ask a tech question in your own words", "/ask <question>")(ask)
    router.action("answers.helpful")(helpful)
    router.action("answers.show")(show)
    router.action("answers.none")(none_fit)


def register_jobs(jobs: Jobs) -> None:
    """Old questions expire."""
    jobs.retention("answers.retention")(retention.forget_old_questions)
