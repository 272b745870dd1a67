"""Who a playground visitor is: a random id the server issues in a signed cookie.

The page never chooses its own identity, so no visitor can act as another by sending their
id. The cookie is HttpOnly and SameSite=Strict: another site cannot use it either. Nor can
another page of the same site (another port, a sibling subdomain), whose requests carry that
cookie: the API answers only the page's own requests (`from_the_page`).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web

from adapters.web.labels import page_language
from bot.i18n import N_, _, speaking
from bot.server_secret import ServerSecret

COOKIE = "prepbot_visitor"
PURPOSE = "playground-visitor"
YEAR = 365 * 24 * 3600
PAGE_HEADER = "X-Prepbot-Page"  # sent by the page's script (static/app.js) on every call
ELSEWHERE = N_("This is the playground page's own API: open the playground at / instead.")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


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


def from_the_page(request: web.Request) -> bool:
    """Whether a request came from the playground's own page: the browser says so (Sec-Fetch-
    Site), or, from a browser too old to (Safari before 16.4), it carries the page's own header,
    which an image, a link or another site's form cannot send, nor another origin's script
    without a preflight this server never answers. Red teams', stop 54: a page on another port
    opened tickets as the visitor and emptied their inbox, a link from another site swapped
    their cookie, and an Origin compared with the Host failed behind the shipped nginx."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site == "same-origin"
    return PAGE_HEADER in request.headers


def page_only(handler: Handler) -> Handler:
    """A handler of the page's API that refuses (403) what another page asks of it."""
    async def guarded(request: web.Request) -> web.StreamResponse:
        if from_the_page(request):
            return await handler(request)
        with speaking(page_language(request)):
            message = _(ELSEWHERE)
        return web.json_response({"error": "not_from_the_page", "message": message},
                                 status=403)
    return guarded
