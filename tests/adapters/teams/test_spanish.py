"""A teacher whose Teams client is in Spanish (activity.locale es-ES) gets prepbot in Spanish."""

from __future__ import annotations

from tests.adapters.teams.conftest import Teams
from tests.support.connector_stub import ConnectorStub


async def test_help_and_answer_buttons_follow_the_activity_locale(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("/prepbot help", locale="es-ES"))
    await teams.post(teams.message("the projector says no signal", locale="es-ES"))

    helped, answered = connector.sent()
    assert any("Soy prepbot" in t for t in helped.card_texts)
    assert "¿Le sirvió?" in answered.card_texts and "Sí" in answered.card_texts


async def test_the_ticket_card_form_and_confirmation_are_spanish(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("ticket", locale="es-ES"))
    await teams.post(teams.message("ticket la impresora del salón 5 no imprime", locale="es-ES"))

    form, confirmed = connector.sent()[:2]
    assert "¿Qué pasó?" in str(form.card) and "Abrir ticket" in str(form.card)
    assert any("El ticket #1 está abierto" in t for t in confirmed.card_texts)


async def test_language_en_overrides_the_spanish_client_and_is_remembered(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("/prepbot language en", locale="es-ES"))
    await teams.post(teams.message("/prepbot help", locale="es-ES"))

    switched, helped = connector.sent()
    assert any("I'll speak English with you" in t for t in switched.card_texts)
    assert any("I'm prepbot" in t for t in helped.card_texts)
