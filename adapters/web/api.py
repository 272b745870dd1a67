"""The playground's small JSON API: send a message, command, click or form; get replies."""

from __future__ import annotations

import dataclasses
import json
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from aiohttp import web
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from adapters.attachments import serving
from adapters.district.people import SCHOOL
from adapters.web import demo, uploads, visitors
from adapters.web.demo import TRIAGE, Playground
from adapters.web.labels import labels_in, page_language
from adapters.web.serialize import reply_json
from bot.app import Bot
from bot.blocks import say
from bot.errors import PrepbotError
from bot.i18n import N_, _, format_skeleton, format_time, speaking, supported
from bot.roles import Role
from bot.vocabulary import (
    Action,
    AnyIncoming,
    Command,
    Conversation,
    Message,
    Origin,
    Person,
    Submission,
)

if TYPE_CHECKING:
    from adapters.runtime import Runtime

STATIC = Path(str(resources.files("adapters.web") / "static"))
MAX_TEXT = 4000
OFF = N_("The playground is off on this server: Slack or Teams is set up here, so prepbot's "
         "real data is not open to web visitors. An operator can turn on a separate demo with "
         "PREPBOT_PLAYGROUND=1.")
HEADERS = {  # the page runs only its own script and style, and no other site may frame it
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer"}
PLAYGROUND = web.AppKey("playground", Playground)


class Persona(BaseModel):
    """Who the playground visitor is pretending to be (only while personas are on)."""

    role: Role = Role.TEACHER
    name: str = Field(default="Guest", min_length=1, max_length=80)


class Send(BaseModel):
    """One request from the page."""

    kind: Literal["message", "command", "action", "submission"]
    persona: Persona = Field(default_factory=Persona)
    text: str = Field(default="", max_length=MAX_TEXT)
    name: str = Field(default="", max_length=64)
    action_id: str = Field(default="", max_length=255)
    value: str = Field(default="", max_length=2000)
    form_id: str = Field(default="", max_length=255)
    values: dict[str, str] = Field(default_factory=dict, max_length=50)
    context: str = Field(default="", max_length=2000)
    visitor: str = Field(default="", max_length=64)  # ignored: the cookie says who
    language: str = Field(default="", max_length=16)  # the page's language: the "platform's"


def bad_request(message: str) -> web.Response:
    """A 400 with a message a person can act on."""
    return web.json_response({"error": "bad_request", "message": message}, status=400)


def slug(name: str) -> str:
    """A persona's name as part of an id: `Ms Rivera` -> `ms-rivera`."""
    return re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-") or "guest"


def person_of(visitor: str, persona: Persona, personas: bool, locale: str = "") -> Person:
    """The visitor (as the persona they chose, while personas are on) as a web Person; the
    page's language is their locale, as Slack's and Teams' are (bot/i18n.py)."""
    if personas:
        name = persona.name.strip() or "Guest"
        return Person(platform="web", user_id=f"{visitor}-{persona.role}-{slug(name)}",
                      display_name=name, locale=locale)
    return Person(platform="web", user_id=f"guest-{visitor}", display_name="Guest",
                  locale=locale)


def to_incoming(send: Send, person: Person, event_id: str, staff: bool) -> AnyIncoming:
    """The core's vocabulary for one playground request; staff personas sit in `triage`."""
    where = (Conversation(platform="web", id=TRIAGE, kind="channel") if staff
             else Conversation(platform="web", id=person.user_id, kind="direct"))
    common = Origin(person=person, conversation=where, event_id=event_id)
    if send.kind == "message":
        return Message(text=send.text, **common)
    if send.kind == "command":
        return Command(name=send.name.lstrip("/"), text=send.text, **common)
    if send.kind == "action":
        return Action(action_id=send.action_id, value=send.value, **common)
    return Submission(form_id=send.form_id, values=send.values, context=send.context, **common)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def handlers(get: Callable[[web.Request], Playground]) -> dict[str, Handler]:
    """The page, its config, send and inbox, for whichever Bot `get` finds."""
    async def index(_request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html", headers=HEADERS)

    async def config(request: web.Request) -> web.Response:
        place = get(request)
        settings = place.bot.settings
        response = web.json_response({"personas": place.personas,
                                      "roles": [r.value for r in Role],
                                      "commands": commands(place.bot),
                                      "max_upload": uploads.most_bytes(
                                          settings.max_body_bytes,
                                          settings.attachment_max_bytes),
                                      **labels_in(page_language(request))})
        visitor = visitors.visitor_of(request, place.bot.secret) or visitors.issue(
            request, response, place.bot.secret)
        response.headers["X-Prepbot-Visitor"] = visitor
        return response

    async def inbox(request: web.Request) -> web.Response:
        place = get(request)
        try:
            who = Persona.model_validate({"role": request.query.get("role", "teacher"),
                                          "name": request.query.get("name", "Guest")})
        except ValidationError as error:
            return bad_request(f"{error.errors()[0]['loc'][-1]}: {error.errors()[0]['msg']}")
        district = await district_json(place, request.query.get("since", ""),
                                       page_language(request))
        visitor = visitors.visitor_of(request, place.bot.secret)
        if visitor is None:
            return web.json_response({"replies": [], "district": district})
        person = person_of(visitor, who, place.personas)
        replies = place.messenger.take(f"dm:{person.user_id}")
        if place.personas and who.role != Role.TEACHER:
            replies += place.messenger.take(f"channel:{TRIAGE}")
        return web.json_response({"replies": [reply_json(r) for r in replies],
                                  "district": district})

    async def send(request: web.Request) -> web.Response:
        place = get(request)
        try:
            body, picture = await uploads.read_send(request)
            payload = Send.model_validate(body)
        except ValidationError as error:  # before ValueError: it is one
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "body"
            return bad_request(f"{where}: {first['msg']}")
        except (ValueError, RecursionError):  # not JSON, or a multipart body without one
            with speaking(page_language(request)):
                return bad_request(_("The request body must be JSON."))
        visitor = visitors.visitor_of(request, place.bot.secret)
        response = web.json_response({})
        if visitor is None:
            visitor = visitors.issue(request, response, place.bot.secret)
        person = person_of(visitor, payload.persona, place.personas,
                           supported(payload.language) or "")
        if place.personas:
            try:
                await place.bot.grant(person, payload.persona.role)
            except PrepbotError as error:  # the database is out of reach: say so, save nothing
                response.text = json.dumps({"replies": [reply_json(say(str(error)))]})
                return response
        staff = place.personas and payload.persona.role != Role.TEACHER
        incoming = to_incoming(payload, person, f"web-{uuid.uuid4()}", staff)
        if picture is not None:
            incoming = dataclasses.replace(incoming, attachments=(picture,))
        if isinstance(incoming, Message):
            incoming = place.bot.command_from_text(incoming)
        replies = await place.bot.handle(incoming)
        response.text = json.dumps({"replies": [reply_json(r) for r in replies]})
        return response

    return {"index": index, "config": config, "inbox": inbox, "send": send}


async def district_json(place: Playground, since: str, language: str = "en"
                        ) -> dict[str, object] | None:
    """The district in a box for the page: open or not, demo time (as the page's language
    writes it), what happened since the page last looked (the simulated teachers answer
    first, as they would have by now)."""
    district = place.district
    if district is None:
        return None
    try:
        opened = await district.is_open()
        if opened:
            await district.settled()
    except (SQLAlchemyError, OSError):  # the database is out of reach: the page just waits
        return None
    # A page that has not looked yet gets the last few events, not the whole feed.
    after = int(since) if since.isdecimal() else max(0, district.feed.last - 5)
    with speaking(language):
        now = district.local()
        return {"open": opened, "school": SCHOOL, "last": district.feed.last,
                "time": f"{format_skeleton('MMMEd', now)}, {format_time(now, 'HH:mm')}",
                "events": [{"number": e.number, "at": format_skeleton("EHm", district.local(e.at)),
                            "who": e.who, "what": e.what} for e in district.feed.after(after)]}


def commands(bot: Bot) -> list[dict[str, str]]:
    """The top-level commands, for the page's hints."""
    return [{"name": path, "usage": spec.usage, "help": spec.help, "role": spec.role.value}
            for path, spec in bot.router.commands.items() if " " not in path]


def add_routes(app: web.Application, runtime: Runtime) -> None:
    """Mount the page, its static files and its API, as the settings say (module docstring)."""
    mode = runtime.settings.playground_mode
    if mode == "off":
        _mount_off(app)
        return
    if mode == "main":
        here = demo.world(runtime.bot, runtime.settings.playground_personas)
        _mount(app, lambda _request: here)
        return
    app.cleanup_ctx.append(_separate_demo(runtime))
    _mount(app, lambda request: request.app[PLAYGROUND])


def _separate_demo(runtime: Runtime) -> Callable[[web.Application], AsyncIterator[None]]:
    async def run(app: web.Application) -> AsyncIterator[None]:
        async with demo.running(runtime.settings, runtime.kb) as place:
            app[PLAYGROUND] = place
            yield
    return run


async def favicon(_request: web.Request) -> web.FileResponse:
    """The tab's icon: browsers ask /favicon.ico on every page load, whatever the page says."""
    return web.FileResponse(STATIC / "favicon.svg",
                            headers={"Content-Type": "image/svg+xml",
                                     "Cache-Control": "max-age=86400"})


def _mount(app: web.Application, get: Callable[[web.Request], Playground]) -> None:
    routes = handlers(get)
    app.router.add_get("/", routes["index"])
    app.router.add_get("/favicon.ico", favicon)
    app.router.add_get("/playground/config", visitors.page_only(routes["config"]))
    app.router.add_post("/playground/send", visitors.page_only(routes["send"]))
    app.router.add_get("/playground/inbox", visitors.page_only(routes["inbox"]))
    # Pictures on tickets, from this playground's own world (a demo may have its own database).
    app.router.add_get("/playground/attachments/{token}", serving(lambda r: get(r).bot))
    app.router.add_static("/static/", STATIC)


def _mount_off(app: web.Application) -> None:
    def off(request: web.Request) -> str:
        with speaking(page_language(request)):
            return _(OFF)

    async def refused(request: web.Request) -> web.Response:
        return web.json_response({"error": "playground_off", "message": off(request)},
                                 status=403)

    async def page(request: web.Request) -> web.Response:
        language = page_language(request)
        return web.Response(text=f"<!doctype html><html lang=\"{language}\"><title>prepbot"
                                 f"</title><p>{off(request)}</p>",
                            content_type="text/html", headers=HEADERS)

    app.router.add_get("/", page)
    app.router.add_get("/favicon.ico", favicon)
    for path in ("/playground/config", "/playground/inbox"):
        app.router.add_get(path, refused)
    app.router.add_post("/playground/send", refused)
