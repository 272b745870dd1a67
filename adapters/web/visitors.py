"""Who a playground visitor is: a random id the server issues in a signed cookie.

The page never chooses its own identity, so no visitor can act as another by sending their
id. The cookie is HttpOnly and SameSite=Strict: another site cannot use it either.
"""

from __future__ import annotations

import secrets

from aiohttp import web

from bot.server_secret import ServerSecret

COOKIE = "prepbot_visitor"
PURPOSE = "playground-visitor"
YEAR = 365 * 24 * 3600


def visitor_of(request: web.Request, secret: ServerSecret) -> str | None:
    """The visitor id in the request's cookie, when the server signed it."""
    signed = request.cookies.get(COOKIE, "")
    return secret.verify(PURPOSE, signed) if signed else None


def issue(request: web.Request, response: web.StreamResponse, secret: ServerSecret) -> str:
    """A new visitor id, set as a cookie on the response; sent back only over HTTPS when the
    page was served over it (here, or by the proxy in front)."""
    visitor = secrets.token_urlsafe(12)
    response.set_cookie(COOKIE, secret.sign(PURPOSE, visitor), max_age=YEAR, httponly=True,
                        samesite="Strict", path="/", secure=served_securely(request))
    return visitor


def served_securely(request: web.Request) -> bool:
    """Whether the visitor reached us over HTTPS (a forged header only loses them the cookie)."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"
