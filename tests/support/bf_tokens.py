"""Bot Framework tokens for tests: a local RSA key, its OpenID metadata, and signed JWTs.

botbuilder fetches OpenID metadata with blocking `requests` calls from inside the event loop,
so the metadata is served from a thread of its own; a stub on the test's loop would deadlock.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import requests
from botframework.connector.auth import ServiceClientCredentialsFactory
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from msrest.authentication import Authentication

OUTBOUND_TOKEN = "local-outbound-token"


def new_key() -> rsa.RSAPrivateKey:
    """A fresh 2048-bit RSA key."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class OpenIdStub:
    """Serves /.well-known/openid-configuration and /keys on 127.0.0.1 from a thread."""

    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    kid: str = "local-key-1"
    endorsements: tuple[str, ...] = ("msteams",)
    requests: list[str] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def metadata_url(self) -> str:
        """What botbuilder's TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL points at."""
        return f"{self.base}/.well-known/openid-configuration"

    @property
    def issuer(self) -> str:
        """The token issuer the stub signs as."""
        return f"{self.base}/issuer"

    def jwks(self) -> dict[str, Any]:
        """The public key as a JWKS, with the channel endorsements botbuilder checks."""
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256",
                          "endorsements": list(self.endorsements)}]}

    def start(self) -> None:
        """Serve on a free port."""
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                stub.requests.append(self.path)
                if self.path == "/.well-known/openid-configuration":
                    body = {"issuer": stub.issuer, "jwks_uri": f"{stub.base}/keys"}
                elif self.path == "/keys":
                    body = stub.jwks()
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: Any) -> None:
                """Quiet."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def token(self, app_id: str, service_url: str, *, key: rsa.RSAPrivateKey | None = None,
              issuer: str | None = None, expires_in: int = 3600) -> str:
        """A channel-to-bot JWT as the Bot Connector would send it."""
        now = int(time.time())
        claims = {"iss": issuer or self.issuer, "aud": app_id, "serviceurl": service_url,
                  "nbf": now - 60, "iat": now - 60, "exp": now + expires_in}
        return jwt.encode(claims, key or self.key, algorithm="RS256",
                          headers={"kid": self.kid})


class StaticCredentials(Authentication):  # type: ignore[misc]
    """Outbound credentials that sign with a fixed token instead of asking Microsoft Entra."""

    def signed_session(self, session: requests.Session | None = None) -> requests.Session:
        """The session with the bot's Authorization header."""
        session = session or requests.Session()
        session.headers["Authorization"] = f"Bearer {OUTBOUND_TOKEN}"
        return session


class LocalCredentialsFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """botbuilder's public credentials extension point: one app id, tokens from nowhere."""

    def __init__(self, app_id: str) -> None:
        self.app_id = app_id

    async def is_valid_app_id(self, app_id: str) -> bool:
        """Only our app id."""
        return app_id == self.app_id

    async def is_authentication_disabled(self) -> bool:
        """Never: these tests run with an app id."""
        return False

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str,
                                 validate_authority: bool) -> Authentication:
        """Static credentials for our app id."""
        if app_id != self.app_id:
            raise PermissionError("Invalid app_id")
        return StaticCredentials()
