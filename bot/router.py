"""Routes each incoming kind to a feature's handler, checking the sender's role first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot import texts
from bot.blocks import Reply, Text
from bot.errors import NotAllowed
from bot.roles import Role
from bot.turn import Turn
from bot.vocabulary import Action, AnyIncoming, Command, Message, Submission

Handler = Callable[[Turn], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Route:
    """A handler, the least role that may use it, and (for commands) its help line."""

    handler: Handler
    role: Role = Role.TEACHER
    help: str = ""
    usage: str = ""


class Router:
    """Command names, action ids and form ids mapped to handlers; help is generated here."""

    def __init__(self) -> None:
        self.commands: dict[str, Route] = {}
        self.actions: dict[str, Route] = {}
        self.forms: dict[str, Route] = {}
        self.on_message: Handler | None = None

    def command(self, name: str, help: str, usage: str = "",
                role: Role = Role.TEACHER) -> Callable[[Handler], Handler]:
        """Register a slash command (name without the slash)."""
        def register(handler: Handler) -> Handler:
            self.commands[name] = Route(handler, role, help, usage or f"/{name}")
            return handler
        return register

    def action(self, action_id: str, role: Role = Role.TEACHER) -> Callable[[Handler], Handler]:
        """Register a button family: `answers.helpful` also takes `answers.helpful.yes`."""
        def register(handler: Handler) -> Handler:
            self.actions[action_id] = Route(handler, role)
            return handler
        return register

    def form(self, form_id: str, role: Role = Role.TEACHER) -> Callable[[Handler], Handler]:
        """Register a form submission handler."""
        def register(handler: Handler) -> Handler:
            self.forms[form_id] = Route(handler, role)
            return handler
        return register

    def message(self, handler: Handler) -> Handler:
        """Register the handler for free text."""
        self.on_message = handler
        return handler

    def find_action(self, action_id: str) -> Route | None:
        """The route for an action id, matching the longest registered dotted prefix."""
        parts = action_id.split(".")
        for size in range(len(parts), 0, -1):
            route = self.actions.get(".".join(parts[:size]))
            if route:
                return route
        return None

    async def dispatch(self, turn: Turn) -> list[Reply]:
        """Run the handler for the turn's incoming event."""
        incoming = turn.incoming
        route = self._route_for(incoming)
        if route is None:
            return [self._unknown(incoming, turn.role)]
        if not turn.role.allows(route.role):
            who = texts.ROLE_GROUPS.get(route.role.value, route.role.value)
            raise NotAllowed(texts.NOT_ALLOWED_COMMAND.format(name=incoming.name, who=who)
                             if isinstance(incoming, Command)
                             else texts.NOT_ALLOWED_ACTION.format(who=who))
        return await route.handler(turn)

    def _route_for(self, incoming: AnyIncoming) -> Route | None:
        if isinstance(incoming, Message):
            return Route(self.on_message) if self.on_message else None
        if isinstance(incoming, Command):
            return self.commands.get(incoming.name.lower().lstrip("/"))
        if isinstance(incoming, Action):
            return self.find_action(incoming.action_id)
        return self.forms.get(incoming.form_id)

    def _unknown(self, incoming: AnyIncoming, role: Role) -> Reply:
        if isinstance(incoming, Command):
            intro = texts.UNKNOWN_COMMAND.format(name=incoming.name.lstrip("/"))
            return self.help(role, intro)
        if isinstance(incoming, Submission):
            return Reply(texts.UNKNOWN_FORM, (Text(texts.UNKNOWN_FORM),), private=True)
        return Reply(texts.UNKNOWN_ACTION, (Text(texts.UNKNOWN_ACTION),), private=True)

    def help(self, role: Role, intro: str = texts.HELP_INTRO) -> Reply:
        """The commands this role may use, one line each."""
        lines = [f"`{r.usage}`: {r.help}" for r in self.commands.values() if role.allows(r.role)]
        text = intro + "\n" + "\n".join(f"• {line}" for line in lines)
        return Reply(text, (Text(intro), Text("\n".join(f"• {line}" for line in lines))),
                     private=True)


def as_command(message: Message, known: set[str] | None = None) -> Command | None:
    """Read `/name text` (or a bare known command word, as Teams users type) as a Command."""
    words = message.text.strip().split(maxsplit=1)
    if not words:
        return None
    head = words[0].lower()
    if head.startswith("/") and len(head) > 1:
        name = head[1:]
    elif known is not None and head in known:
        name = head
    else:
        return None
    return Command(person=message.person, conversation=message.conversation,
                   event_id=message.event_id, name=name, text=words[1] if len(words) > 1 else "")
