"""A teacher whose Slack speaks Spanish gets prepbot in Spanish, and can switch back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.people.models import PersonRow
from tests.adapters.slack.conftest import TEACHER, SlackClient, buttons, texts


def spanish(slack: SlackClient) -> None:
    """The teacher's users.info carries a Spanish locale, as Slack sends with include_locale."""
    slack.stub.users[TEACHER] = {
        "id": TEACHER, "name": "maria", "tz": "America/Chicago", "is_bot": False,
        "locale": "es-ES", "profile": {"display_name": "Maestra María"}}


async def test_help_is_in_spanish_for_a_spanish_slack(slack: SlackClient) -> None:
    spanish(slack)
    await slack.command("/prepbot", "help")
    [answer] = await slack.stub.wait_for("response_url")
    said = texts(answer.params["blocks"])
    assert "Soy prepbot" in said and "abrir un ticket para que una persona le ayude" in said
    assert "`language es`" in said


async def test_the_ticket_form_and_its_confirmation_are_in_spanish(slack: SlackClient) -> None:
    spanish(slack)
    await slack.command("/ticket")
    [opened] = await slack.stub.wait_for("views.open")
    view = opened.params["view"]
    assert view["title"]["text"] == "Abrir un ticket" and view["submit"]["text"] == "Abrir ticket"
    labels = [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]
    assert "¿Qué pasó?" in labels and "¿Qué tan urgente es?" in labels
    await slack.command("/ticket", "el proyector del salón 12 no muestra imagen")
    confirmed = (await slack.stub.wait_for("response_url"))[-1]
    assert "El ticket #1 está abierto" in confirmed.params["text"]


async def test_answer_buttons_are_in_spanish(slack: SlackClient) -> None:
    spanish(slack)
    await slack.command("/ask", "the projector says no signal")
    [answer] = await slack.stub.wait_for("response_url")
    labels = [b["text"]["text"] for b in buttons(answer.params["blocks"])]
    assert "Sí" in labels and "No" in labels
    assert "¿Le sirvió?" in texts(answer.params["blocks"])


async def test_language_en_switches_back_and_is_remembered(slack: SlackClient,
                                                           runtime: Runtime) -> None:
    spanish(slack)
    await slack.command("/prepbot", "language en")
    [switched] = await slack.stub.wait_for("response_url")
    assert "I'll speak English with you" in switched.params["text"]
    await slack.command("/prepbot", "help")
    answer = (await slack.stub.wait_for("response_url", count=2))[-1]
    assert "I'm prepbot" in texts(answer.params["blocks"])
    async with runtime.sessions() as session:
        person = (await session.execute(select(PersonRow).where(
            PersonRow.user_id == TEACHER))).scalar_one()
    assert (person.language, person.locale, person.speaks) == ("en", "es-ES", "en")


async def test_a_form_sent_with_a_field_missing_asks_for_it_in_spanish(
        slack: SlackClient) -> None:
    spanish(slack)
    await slack.dm("/ticket")
    [offer] = await slack.stub.wait_for("chat.postEphemeral")
    await slack.fill_in(offer.params["blocks"], {})
    [told] = await slack.stub.wait_for("response_url")
    assert told.params["text"] == "Por favor, complete: ¿Qué pasó?"


async def test_a_slow_answer_is_announced_in_spanish(slack: SlackClient,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """When the core takes a while, the person hears it is being worked on, in their language
    (the slowness is simulated by announcing at once)."""
    monkeypatch.setattr("adapters.slack.intake.SLOW_SECONDS", 0)
    spanish(slack)
    await slack.command("/ask", "el proyector dice sin señal")
    said = [call.params.get("text", "") for call in
            await slack.stub.wait_for("response_url", count=2)]
    assert said[0] == "Estoy en ello…" and "Estoy en ello…" not in said[1:]
