"""A teacher's screenshot in Slack: downloaded with the bot token from Slack's file store,
cleaned, shown on the coach's triage card through prepbot's own signed link, erased by
`prepbot privacy delete`; a file that is not a picture, or too big, gets a clear word."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import ClientSession
from typer.testing import CliRunner

from adapters.cli import app as cli
from adapters.cli.operations import register
from adapters.runtime import Runtime
from adapters.slack import inbound
from adapters.slack.files import SlackFiles
from bot.attachments import FetchFailed
from bot.settings import Settings
from bot.vocabulary import Attachment
from tests.adapters.slack.conftest import DM, SlackClient
from tests.adapters.slack.test_ticket_lifecycle import triage  # noqa: F401 (a fixture)
from tests.adapters.slack.test_triage import posts_to
from tests.support.pictures import PDF, leaks, metadata_of, phone_photo, screenshot

PUBLIC = "https://prepbot.example.org"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Slack settings with a public address, so cards carry image links."""
    return settings.model_copy(update={"public_url": PUBLIC})


def image_urls(message: dict[str, Any]) -> list[str]:
    return [block["image_url"] for block in message.get("blocks", [])
            if block["type"] == "image"]


def ephemerals(slack: SlackClient) -> list[str]:
    return [call.params["text"] for call in slack.stub.of("chat.postEphemeral")]


def context_lines(slack: SlackClient) -> list[str]:
    """The small print (context blocks) of the private notes the teacher was shown."""
    return [element["text"] for call in slack.stub.of("chat.postEphemeral")
            for block in call.params.get("blocks") or [] if block["type"] == "context"
            for element in block["elements"]]


async def fetch(http: ClientSession, url: str) -> tuple[int, str, bytes]:
    """GET a card's image from prepbot's server, as Slack's image proxy would."""
    async with http.get(url.removeprefix(PUBLIC)) as response:
        return response.status, response.content_type, await response.read()


def erase(runtime: Runtime, who: str) -> str:
    """`prepbot privacy delete WHO --yes`, the operator's command."""
    register(cli)
    result = CliRunner().invoke(cli, ["privacy", "delete", who, "--yes"],
                                env={"DATABASE_URL": runtime.settings.database_url})
    assert result.exit_code == 0, result.output
    return result.output


async def test_a_teachers_screenshot_reaches_the_triage_card_and_is_erased_with_her(
        slack: SlackClient, http: ClientSession, runtime: Runtime,
        triage: str) -> None:  # noqa: F811 (the fixture imported above)
    shared = slack.stub.share("IMG_2031.jpg", phone_photo(), "image/jpeg")
    await slack.dm("the projector says no signal", subtype="file_share", files=[shared])
    [download] = slack.stub.of("files-pri")
    assert download.headers["Authorization"] == "Bearer xoxb-test"
    assert "keeping your picture" in ephemerals(slack)[-1]
    assert any("photos never show students" in line for line in context_lines(slack))

    await slack.dm("ticket")
    [card] = posts_to(slack, triage)
    [url] = image_urls(card)
    assert url.startswith(f"{PUBLIC}/attachments/")
    status, kind, body = await fetch(http, url)
    assert (status, kind) == (200, "image/jpeg")
    assert leaks(body) == [] and metadata_of(body)["exif"] == {}

    said = await asyncio.to_thread(erase, runtime, "slack:UTEACHER")
    assert "attachments 1" in said
    assert (await fetch(http, url))[0] == 404


async def test_a_file_described_only_by_its_id_is_looked_up_then_downloaded(
        slack: SlackClient, runtime: Runtime) -> None:
    shared = slack.stub.share("error.png", screenshot(), "image/png")
    partial = {"id": shared["id"], "file_access": "check_file_info"}
    await slack.dm("", subtype="file_share", files=[partial])
    assert [c.params["file"] for c in slack.stub.of("files.info")] == [shared["id"]]
    assert len(slack.stub.of("files-pri")) == 1
    assert ephemerals(slack)[-1].startswith("Got your picture. What's going on?")


async def test_a_file_that_is_not_a_picture_gets_a_clear_word_and_the_question_an_answer(
        slack: SlackClient, runtime: Runtime) -> None:
    shared = slack.stub.share("lesson-plan.png", PDF, "image/png")  # the name is not believed
    await slack.dm("the projector says no signal", subtype="file_share", files=[shared])
    [answer] = posts_to(slack, DM)
    assert 'says "No signal"' in answer["text"]
    [note] = ephemerals(slack)
    assert "I only keep pictures" in note and "“lesson-plan.png” isn't one" in note
    assert "Everything else you sent went through." in note


async def test_a_file_too_big_is_never_downloaded_and_the_ticket_still_opens(
        slack: SlackClient, runtime: Runtime,
        triage: str) -> None:  # noqa: F811 (the fixture imported above)
    shared = slack.stub.share("class-video.mov", b"\x00" * 100, "video/quicktime",
                              size=300_000_000)
    await slack.dm("the cart's chromebooks will not charge overnight", subtype="file_share",
                   files=[shared])
    assert slack.stub.of("files-pri") == []
    assert "“class-video.mov” is too big for me to keep (the most is 10 MB)" in \
        ephemerals(slack)[-1]
    await slack.dm("ticket")
    [card] = posts_to(slack, triage)
    assert "chromebooks will not charge" in card["text"] and image_urls(card) == []



def test_a_mention_in_a_channel_carries_its_files() -> None:
    body = {"event_id": "Ev1", "event": {
        "type": "app_mention", "channel": "CGENERAL", "user": "UTEACHER", "ts": "1.2",
        "text": "<@UBOT> the copier shows this", "files": [
            {"id": "F1", "name": "copier.jpg", "mimetype": "image/jpeg", "size": 2048,
             "url_private_download": "https://files.slack.com/files-pri/T1-F1/download/c.jpg"}]}}
    found = inbound.mention(body, "UBOT")
    assert found is not None
    [attachment] = found[0].attachments
    assert (attachment.name, attachment.media_type, attachment.size) == (
        "copier.jpg", "image/jpeg", 2048)
    assert "files.slack.com" in attachment.ref and not attachment.data


async def test_the_bot_token_goes_only_to_slacks_own_file_hosts(slack: SlackClient) -> None:
    files = SlackFiles(slack.adapter.client)
    assert files.trusted("https://files.slack.com/files-pri/T1-F1/download/a.png")
    assert not files.trusted("http://files.slack.com/files-pri/T1-F1/a.png")  # not HTTPS
    assert not files.trusted("https://files.slack.com.evil.example/a.png")
    elsewhere = Attachment(name="a.png", ref='{"id":"F1","url":"https://evil.example/a.png"}')
    with pytest.raises(FetchFailed, match="not a Slack file address"):
        await files.fetch(elsewhere, 1000)
