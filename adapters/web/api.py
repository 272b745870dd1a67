"""The playground's small JSON API: send a message, command, click or form; get replies."""

from __future__ import annotations

import json
import uuid
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from aiohttp import web
from pydantic import BaseModel, Field, ValidationError

from adapters.web.messenger import WebMessenger
from adapters.web.serialize import reply_json
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
TRIAGE = "triage"  # the playground's one triage channel, seen by coach and admin personas


class Persona(BaseModel):
    """Who the playground visitor is pretending to be (only while personas are on)."""

    role: Role = Role.TEACHER
    name: str = Field(default="Guest", min_length=1, max_length=80)


class Send(BaseModel):
    """One request from the page."""

    kind: Literal["message", "command", "action", "submission"]
    visitor: str = Field(default="", max_length=64)
    persona: Persona = Field(default_factory=Persona)
    text: str = Field(default="", max_length=MAX_TEXT)
    name: str = Field(default="", max_length=64)
    action_id: str = Field(default="", max_length=255)
    value: str = Field(default="", max_length=2000)
    form_id: str = Field(default="", max_length=255)
    values: dict[str, str] = Field(default_factory=dict, max_length=50)
    context: str = Field(default="", max_length=2000)


def bad_request(message: str) -> web.Response:
    """A 400 with a message a person can act on."""
    return web.json_response({"error": "bad_request", "message": message}, status=400)


def _person(send: Send, personas: bool) -> Person:
    if personas:
        name = send.persona.name.strip() or "Guest"
        return Person(platform="web", user_id=f"{send.persona.role}:{name.lower()}",
                      display_name=name)
    visitor = send.visitor or "anonymous"
    return Person(platform="web", user_id=f"guest:{visitor}", display_name="Guest")


def to_incoming(send: Send, person: Person, event_id: str, personas: bool) -> AnyIncoming:
    """The core's vocabulary for one playground request; staff personas sit in `triage`."""
    staff = personas and send.persona.role != Role.TEACHER
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


def add_routes(app: web.Application, runtime: Runtime) -> None:
    """Mount the page, its static files and its API."""
    personas = runtime.settings.playground_personas
    bot = runtime.bot
    messenger = WebMessenger()
    bot.messengers.add(messenger)

    async def index(_: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html")

    async def config(_: web.Request) -> web.Response:
        commands = [{"name": name, "usage": route.usage, "help": route.help,
                     "role": route.role.value} for name, route in bot.router.commands.items()]
        return web.json_response({"personas": personas, "roles": [r.value for r in Role],
                                  "commands": commands})

    async def inbox(request: web.Request) -> web.Response:
        try:
            query = request.query
            who = Send.model_validate({
                "kind": "message", "visitor": query.get("visitor", ""),
                "persona": {"role": query.get("role", "teacher"),
                            "name": query.get("name", "Guest")}})
        except ValidationError as error:
            return bad_request(f"{error.errors()[0]['loc'][-1]}: {error.errors()[0]['msg']}")
        person = _person(who, personas)
        replies = messenger.take(f"dm:{person.user_id}")
        if personas and who.persona.role != Role.TEACHER:
            replies += messenger.take(f"channel:{TRIAGE}")
        return web.json_response({"replies": [reply_json(r) for r in replies]})

    async def send(request: web.Request) -> web.Response:
        try:
            payload = Send.model_validate(json.loads(await request.text()))
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            return bad_request("The request body must be JSON.")
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "body"
            return bad_request(f"{where}: {first['msg']}")
        person = _person(payload, personas)
        if personas:
            await bot.grant(person, payload.persona.role)
        incoming = to_incoming(payload, person, f"web-{uuid.uuid4()}", personas)
        if isinstance(incoming, Message):
            incoming = bot.command_from_text(incoming)
        replies = await bot.handle(incoming)
        return web.json_response({"replies": [reply_json(r) for r in replies]})

    app.router.add_get("/", index)
    app.router.add_get("/playground/config", config)
    app.router.add_post("/playground/send", send)
    app.router.add_get("/playground/inbox", inbox)
    app.router.add_static("/static/", STATIC)
