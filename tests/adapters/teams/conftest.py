"""Teams fixtures: the real server with an app id, a local Bot Connector and local token keys.

Inbound tokens are real JWTs, validated by botbuilder against a key served from 127.0.0.1.
Outbound tokens come from a credentials factory (botbuilder's public extension point), since
MSAL would ask login.microsoftonline.com; nothing in these tests leaves 127.0.0.1.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp import ClientResponse, ClientSession

import adapters.teams
from adapters.teams.cloud_adapter import Cloud, make_authentication
from bot.settings import Settings
from tests.support.bf_tokens import LocalCredentialsFactory, OpenIdStub
from tests.support.connector_stub import ConnectorStub

APP_ID = "00000000-0000-0000-0000-00000000b07"
BOT = {"id": f"28:{APP_ID}", "name": "prepbot"}
TENANT = "tenant-1"
TEACHER = {"id": "29:teacher-rivera", "name": "Ms Rivera", "aadObjectId": "aad-rivera"}
PERSONAL = "a:1personal-rivera"
CHANNEL = "19:triage@thread.tacv2;messageid=1700000000000"


@pytest.fixture(scope="session")
def openid() -> Iterator[OpenIdStub]:
    """The local OpenID metadata and signing key, for the whole session; endorsed, as the real
    keys are, for every channel a bot has (Web Chat and Direct Line among them)."""
    stub = OpenIdStub(endorsements=("msteams", "webchat", "directline", "emulator"))
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The shared settings with a Bot Framework app id: Teams is mounted and authenticated."""
    return settings.model_copy(update={"microsoft_app_id": APP_ID,
                                       "microsoft_app_password": "unused-in-tests"})


def local_authentication(settings: Settings, openid: OpenIdStub) -> Any:
    """Authentication that trusts the local key and signs outbound calls locally."""
    cloud = Cloud(openid_metadata_url=openid.metadata_url, token_issuer=openid.issuer)
    return make_authentication(settings, cloud, LocalCredentialsFactory(settings.microsoft_app_id))


@pytest.fixture(autouse=True)
def local_cloud(settings: Settings, openid: OpenIdStub, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server mounts Teams with the local authentication (see local_authentication)."""
    monkeypatch.setattr(adapters.teams, "mount", functools.partial(
        adapters.teams.mount, authentication=local_authentication(settings, openid)))


@pytest.fixture
async def connector() -> AsyncIterator[ConnectorStub]:
    """The Bot Connector stub on 127.0.0.1."""
    stub = ConnectorStub()
    await stub.start()
    yield stub
    await stub.close()


class Teams:
    """Builds activities the way Teams sends them and posts them with a valid token."""

    def __init__(self, http: ClientSession, connector: ConnectorStub, openid: OpenIdStub) -> None:
        self.http = http
        self.connector = connector
        self.openid = openid
        self._ids = itertools.count(1)

    def activity(self, kind: str, *, conversation: str = PERSONAL, user: dict[str, str] = TEACHER,
                 **extra: Any) -> dict[str, Any]:
        """A minimal activity of one type, addressed to the bot."""
        conversation_type = "personal" if conversation.startswith("a:") else "channel"
        return {"type": kind, "id": f"msg-{next(self._ids)}", "channelId": "msteams",
                "serviceUrl": self.connector.url, "from": user, "recipient": BOT,
                "conversation": {"id": conversation, "conversationType": conversation_type,
                                 "tenantId": TENANT},
                "channelData": {"tenant": {"id": TENANT}},
                "localTimezone": "America/Chicago", **extra}

    def message(self, text: str, **extra: Any) -> dict[str, Any]:
        """A typed message."""
        return self.activity("message", text=text, **extra)

    def mention(self, text: str, conversation: str = CHANNEL, **extra: Any) -> dict[str, Any]:
        """A channel message that @mentions the bot first (in the triage thread, unless
        another is named)."""
        tag = f"<at>{BOT['name']}</at>"
        entity = {"type": "mention", "text": tag, "mentioned": BOT}
        return self.activity("message", text=f"{tag} {text}", entities=[entity],
                             conversation=conversation, **extra)

    def submit(self, data: dict[str, Any], card_id: str, **extra: Any) -> dict[str, Any]:
        """An Action.Submit click on a card the bot sent."""
        return self.activity("message", value=data, replyToId=card_id, **extra)

    def execute(self, data: dict[str, Any], card_id: str) -> dict[str, Any]:
        """An Action.Execute click: an invoke named adaptiveCard/action."""
        value = {"action": {"type": "Action.Execute", "verb": "prepbot", "data": data},
                 "trigger": "manual"}
        return self.activity("invoke", name="adaptiveCard/action", value=value,
                             replyToId=card_id)

    async def post(self, activity: Any, *, token: str | None = "valid",
                   content_type: str = "application/json") -> ClientResponse:
        """POST to /api/messages with a valid token (or the given header value)."""
        headers = {"Content-Type": content_type}
        if token == "valid":
            headers["Authorization"] = "Bearer " + self.openid.token(
                APP_ID, activity.get("serviceUrl", "") if isinstance(activity, dict) else "")
        elif token is not None:
            headers["Authorization"] = token
        data = activity if isinstance(activity, str | bytes) else None
        json_body = None if data is not None else activity
        response = await self.http.post("/api/messages", data=data, json=json_body,
                                        headers=headers)
        await response.read()
        return response


@pytest.fixture
def teams(http: ClientSession, connector: ConnectorStub, openid: OpenIdStub) -> Teams:
    """Teams, talking to the real server."""
    return Teams(http, connector, openid)
