"""A teacher's screenshot in Teams: a pasted image read from the Bot Connector with the bot's
token, or a file sent in the personal chat, cleaned, shown on the coach's triage card through
prepbot's own signed link, erased by `prepbot privacy delete`; what is not a picture, or is too
big, gets a clear word and the rest of the message its answer."""

from __future__ import annotations

import asyncio
import os
from io import BytesIO
from typing import Any

import pytest
from aiohttp import ClientSession
from PIL import Image
from typer.testing import CliRunner

from adapters.cli import app as cli
from adapters.cli.operations import register
from adapters.runtime import Runtime
from bot.roles import Role
from bot.settings import Settings
from bot.vocabulary import Person
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, TEACHER, Teams
from tests.adapters.teams.test_triage import ADMIN, to
from tests.support.connector_stub import ConnectorStub
from tests.support.pictures import PDF, leaks, metadata_of, phone_photo, screenshot

PUBLIC = "https://prepbot.example.org"
MOST = 200_000  # bytes a download may have in these tests


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Teams settings with a public address (cards carry image links) and a small limit."""
    return settings.model_copy(update={"public_url": PUBLIC, "attachment_max_bytes": MOST})


@pytest.fixture
async def triage(teams: Teams, runtime: Runtime) -> str:
    """Every ticket goes to the triage channel."""
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    await teams.post(teams.mention("prepbot settings route default here", user=ADMIN))
    return CHANNEL


def card_images(node: Any) -> list[str]:
    """The URL of every Image element of a card."""
    if isinstance(node, dict):
        own = [node["url"]] if node.get("type") == "Image" else []
        return own + [url for value in node.values() for url in card_images(value)]
    if isinstance(node, list):
        return [url for item in node for url in card_images(item)]
    return []


def said(connector: ConnectorStub, conversation: str = PERSONAL) -> str:
    """Everything the bot said in a conversation, as one text."""
    return " ".join(t for call in to(connector, conversation) for t in call.card_texts)


async def fetch(http: ClientSession, url: str) -> tuple[int, bytes]:
    """GET a card's image from prepbot's server, as Teams would."""
    async with http.get(url.removeprefix(PUBLIC)) as response:
        return response.status, await response.read()


def erase(runtime: Runtime, who: str) -> str:
    """`prepbot privacy delete WHO --yes`, the operator's command."""
    register(cli)
    result = CliRunner().invoke(cli, ["privacy", "delete", who, "--yes"],
                                env={"DATABASE_URL": runtime.settings.database_url})
    assert result.exit_code == 0, result.output
    return result.output


def noise(width: int = 700, height: int = 500) -> bytes:
    """A photo too big for MOST however it is compressed."""
    out = BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG")
    return out.getvalue()


async def test_a_pasted_screenshot_reaches_the_triage_card_and_is_erased_with_her(
        teams: Teams, connector: ConnectorStub, http: ClientSession, runtime: Runtime,
        triage: str) -> None:
    pasted = connector.pasted_image(phone_photo())
    html = {"contentType": "text/html", "content": "<p>ticket the projector is dead</p>"}
    await teams.post(teams.message("ticket the projector in room 12 is dead",
                                   attachments=[pasted, html]))
    [download] = connector.downloads()
    assert download.headers["Authorization"].startswith("Bearer ")  # the bot's own token

    [card] = [c for c in to(connector, triage) if any("#1" in t for t in c.card_texts)]
    [url] = card_images(card.card)
    assert url.startswith(f"{PUBLIC}/attachments/")
    status, body = await fetch(http, url)
    assert status == 200 and leaks(body) == [] and metadata_of(body)["exif"] == {}
    assert "I attached your picture to the ticket" in said(connector)
    assert "photos never show students" in said(connector)

    done = await asyncio.to_thread(erase, runtime, f"teams:{TEACHER['id']}")
    assert "attachments 1" in done
    assert (await fetch(http, url))[0] == 404


async def test_a_file_sent_in_the_personal_chat_waits_for_words_then_goes_on_the_ticket(
        teams: Teams, connector: ConnectorStub, triage: str) -> None:
    sent = connector.sent_file("smartboard.png", screenshot())
    await teams.post(teams.message("", attachments=[sent]))
    assert [c.path for c in connector.downloads()] == ["/shared/file-1"]  # no token needed
    assert "Got your picture. What's going on?" in said(connector)

    await teams.post(teams.message("ticket the smartboard shows a black screen"))
    [card] = [c for c in to(connector, triage) if any("#1" in t for t in c.card_texts)]
    assert len(card_images(card.card)) == 1


async def test_a_file_that_is_not_a_picture_is_left_out_and_the_question_answered(
        teams: Teams, connector: ConnectorStub) -> None:
    sent = connector.sent_file("lesson-plan.pdf", PDF)
    await teams.post(teams.message("the projector says no signal", attachments=[sent]))
    told = said(connector)
    assert 'says "No signal"' in told
    assert "I only keep pictures" in told and "“lesson-plan.pdf” isn't one" in told
    assert "Everything else you sent went through." in told


async def test_a_picture_too_big_stops_downloading_and_the_ticket_still_opens(
        teams: Teams, connector: ConnectorStub, triage: str) -> None:
    pasted = connector.pasted_image(noise())
    await teams.post(teams.message("ticket the library printer jams on every page",
                                   attachments=[pasted]))
    [card] = [c for c in to(connector, triage) if any("#1" in t for t in c.card_texts)]
    assert card_images(card.card) == []
    assert "is too big for me to keep (the most is 200 KB)" in said(connector)
