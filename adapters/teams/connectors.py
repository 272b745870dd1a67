"""Reused Bot Connector clients, one per (app id, serviceUrl, audience).

CloudAdapter builds a new ConnectorClient for every activity. Each costs about 13 ms of CPU
on the event loop (msrest rebuilds its retry table) and brings new credentials, whose MSAL
app starts with an empty token cache, so with an app id every reply would first fetch a
token from Microsoft Entra, synchronously. botbuilder's older BotFrameworkAdapter kept one
client per service URL and app; this wrapper restores that without touching botbuilder.
The user-token client (OAuth sign-in, unused by prepbot) is built per activity too: kept.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

MAX_CLIENTS = 64  # Teams uses a handful of service URLs (one per region)
Key = tuple[str, str, str | None]


def app_id_of(claims_identity: Any) -> str:
    """The bot's app id in a claims identity (the audience of a channel token)."""
    claims = getattr(claims_identity, "claims", None) or {}
    return str(claims.get("aud") or claims.get("appid") or "")


class CachingConnectorFactory:
    """A ConnectorFactory that hands out the cached client for a service URL."""

    def __init__(self, inner: Any, app_id: str, cache: OrderedDict[Key, Any]) -> None:
        self.inner = inner
        self.app_id = app_id
        self.cache = cache

    async def create(self, service_url: str, audience: str | None = None) -> Any:
        """The client for this service URL and audience, built on first use."""
        key = (self.app_id, service_url, audience)
        client = self.cache.get(key)
        if client is None:
            client = await self.inner.create(service_url, audience)
            self.cache[key] = client
            while len(self.cache) > MAX_CLIENTS:
                self.cache.popitem(last=False)
        self.cache.move_to_end(key)
        return client


class CachingAuthentication:
    """A BotFrameworkAuthentication whose connector factories share one client cache."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.cache: OrderedDict[Key, Any] = OrderedDict()
        self.token_clients: dict[str, Any] = {}

    async def authenticate_request(self, activity: Any, auth_header: Any) -> Any:
        """Validate as botbuilder does, then share the clients."""
        result = await self.inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = CachingConnectorFactory(
                result.connector_factory, app_id_of(result.claims_identity), self.cache)
        return result

    def create_connector_factory(self, claims_identity: Any) -> CachingConnectorFactory:
        """For proactive turns: the same shared clients."""
        return CachingConnectorFactory(self.inner.create_connector_factory(claims_identity),
                                       app_id_of(claims_identity), self.cache)

    async def create_user_token_client(self, claims_identity: Any) -> Any:
        """One per app id: building it costs as much as a connector client, and prepbot
        never uses it (no OAuth sign-in cards)."""
        app_id = app_id_of(claims_identity)
        client = self.token_clients.get(app_id)
        if client is None:
            client = await self.inner.create_user_token_client(claims_identity)
            self.token_clients[app_id] = client
        return client

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # everything else is botbuilder's own
