"""The playground's language: the page's words in the visitor's pick or their browser's
Accept-Language, and prepbot's answers in the page's language."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp import ClientSession

from adapters.web.labels import LABELS, accepted


async def config(http: ClientSession, query: str = "", accept: str = "") -> dict[str, Any]:
    headers = {"Accept-Language": accept} if accept else {}
    async with http.get(f"/playground/config{query}", headers=headers) as response:
        assert response.status == 200
        return dict(await response.json())


@pytest.mark.parametrize(("accept", "language"), [
    ("es-MX,es;q=0.9,en;q=0.8", "es"), ("en-US,en;q=0.9,es;q=0.8", "en"),
    ("fr-FR,fr;q=0.9,es;q=0.5", "es"), ("fr-FR", "en"), ("", "en"),
    ("en;q=0.2, es;q=0.7", "es"), ("es;q=0", "en")])
async def test_the_page_is_in_the_first_language_the_browser_accepts_that_prepbot_speaks(
        http: ClientSession, accept: str, language: str) -> None:
    found = await config(http, accept=accept)
    assert found["language"] == language


async def test_the_visitors_pick_wins_over_the_browser(http: ClientSession) -> None:
    assert (await config(http, "?lang=es", accept="en-US"))["language"] == "es"
    assert (await config(http, "?lang=en", accept="es-ES"))["language"] == "en"
    assert (await config(http, "?lang=klingon", accept="es-ES"))["language"] == "es"


async def test_every_word_of_the_page_comes_in_the_chosen_language(http: ClientSession) -> None:
    spanish = await config(http, "?lang=es")
    assert set(spanish["labels"]) == set(LABELS)
    assert all(spanish["labels"][key] != text for key, text in LABELS.items()
               if key != "role_coach")  # "coach" is the word in Spanish too
    assert spanish["labels"]["send"] == "Enviar" and spanish["labels"]["role_teacher"] == "docente"
    assert {"code": "es", "name": "español"} in spanish["languages"]
    english = await config(http)
    assert english["labels"]["send"] == "Send"


async def test_prepbot_answers_in_the_pages_language(http: ClientSession) -> None:
    async with http.post("/playground/send", json={"kind": "message", "language": "es",
                                                   "text": "the projector says no signal"}
                         ) as response:
        said = str(await response.json())
    assert "¿Le sirvió?" in said
    async with http.post("/playground/send", json={"kind": "message", "language": "en",
                                                   "text": "el proyector dice sin señal"}
                         ) as response:
        said = str(await response.json())
    assert "Did this help?" in said


async def test_a_broken_request_is_refused_in_the_browsers_language(
        http: ClientSession) -> None:
    async with http.post("/playground/send", data=b"not json",
                         headers={"Content-Type": "application/json",
                                  "Accept-Language": "es-ES"}) as response:
        assert response.status == 400
        assert (await response.json())["message"] == "El cuerpo de la solicitud debe ser JSON."


def test_accept_language_is_read_most_wanted_first() -> None:
    assert accepted("en;q=0.5, es-MX, fr;q=0.8") == ["es-MX", "fr", "en"]
    assert accepted("de;q=x, es") == ["es"]
