"""Routes each incoming kind to a feature's handler, checking the sender's role first.

Commands are matched by the longest registered path: with `digest` and `digest settings`
registered, `/digest settings day monday` runs the second with "day monday" as its text,
and `/digest last week` the first. A command with only sub-commands (`/pulse`) lists them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TypeVar, cast

from bot import texts
from bot.blocks import Reply, Text
from bot.errors import NotAllowed
from bot.feature import (
    AnyHandler,
    Feature,
    MessageHandler,
    OnAction,
    OnCommand,
    OnForm,
    OverheardHandler,
)
from bot.i18n import _
from bot.masking import mask_student_data
from bot.roles import Role
from bot.turn import Turn
from bot.vocabulary import Action, AnyIncoming, Command, Message, Submission

MAX_DEPTH = 4  # "prepbot channel help on": a command and three sub-command words
Spec = TypeVar("Spec", OnCommand, OnAction, OnForm)


class Router:
    """Command paths, action ids and form ids mapped to handlers; help is generated here."""

    def __init__(self, features: Iterable[Feature] = ()) -> None:
        self.commands: dict[str, OnCommand] = {}
        self.actions: dict[str, OnAction] = {}
        self.forms: dict[str, OnForm] = {}
        self.on_message: MessageHandler | None = None
        self.on_overheard: OverheardHandler | None = None
        for feature in features:
            self.add(feature)

    def add(self, feature: Feature) -> None:
        """Take a feature's commands, buttons and forms; a name used twice is a bug."""
        for command in feature.commands:
            self._unique(self.commands, " ".join(command.words).lower(), command)
        for action in feature.actions:
            self._unique(self.actions, action.action_id, action)
        for form in feature.forms:
            self._unique(self.forms, form.form_id, form)
        if feature.on_message is not None:
            if self.on_message is not None:
                raise ValueError(f"{feature.name}: free text already has a handler")
            self.on_message = feature.on_message
        if feature.on_overheard is not None:
            if self.on_overheard is not None:
                raise ValueError(f"{feature.name}: overheard messages already have a handler")
            self.on_overheard = feature.on_overheard

    @staticmethod
    def _unique(table: dict[str, Spec], key: str, value: Spec) -> None:
        if key in table:
            raise ValueError(f"{key!r} is registered twice")
        table[key] = value

    @property
    def names(self) -> set[str]:
        """The top-level command names (what Teams users may type without a slash)."""
        return {path.split()[0] for path in self.commands}

    def find_command(self, command: Command) -> tuple[OnCommand, Command] | None:
        """The deepest registered path the command's words start with, and the rest as text."""
        name = command.name.lower().lstrip("/")
        words, rest = [name], command.text.strip()
        found: tuple[OnCommand, Command] | None = None
        for _depth in range(MAX_DEPTH):
            spec = self.commands.get(" ".join(words))
            if spec is not None:
                found = (spec, dataclasses.replace(command, name=name, text=rest))
            head, _sep, tail = rest.partition(" ")
            if not head:
                break
            words.append(head.lower())
            rest = tail.strip()
        return found

    def find_action(self, action_id: str) -> OnAction | None:
        """The route for an action id, matching the longest registered dotted prefix."""
        parts = action_id.split(".")
        for size in range(len(parts), 0, -1):
            route = self.actions.get(".".join(parts[:size]))
            if route:
                return route
        return None

    async def dispatch(self, turn: Turn[AnyIncoming]) -> list[Reply]:
        """Run the handler for the turn's incoming event, after checking the sender's role."""
        incoming = turn.incoming
        if isinstance(incoming, Message):
            typed = cast(Turn[Message], turn)  # the router is where kinds are told apart
            if incoming.heard != "addressed":  # read in a channel, not said to the bot
                return await self.on_overheard(typed) if self.on_overheard else []
            return kept_to_its_writer(incoming, await self.on_message(typed)) \
                if self.on_message else []
        if isinstance(incoming, Command):
            found = self.find_command(incoming)
            if found is None:
                return [self._unknown_command(incoming, turn.role)]
            spec, command = found
            if spec.refusal and not turn.role.allows(spec.role):
                raise NotAllowed(_(spec.refusal))
            self._check(turn.role, spec.role, spec.path)
            if spec.handler is None:
                return [self.usage(spec.path, turn.role)]
            return kept_to_its_writer(command, await spec.handler(
                cast(Turn[Command], dataclasses.replace(turn, incoming=command))))
        route: OnAction | OnForm | None = (self.find_action(incoming.action_id)
                                           if isinstance(incoming, Action)
                                           else self.forms.get(incoming.form_id))
        if route is None:
            text = _(texts.UNKNOWN_FORM) if isinstance(incoming, Submission) else \
                _(texts.UNKNOWN_ACTION)
            return [Reply(text, (Text(text),), private=True)]
        self._check(turn.role, route.role, None)
        handler: AnyHandler = route.handler
        return await handler(turn)

    def anonymous(self, incoming: AnyIncoming) -> bool:
        """Whether the turn must write nothing of its sender but what its handler seals (a
        pulse answer): a copy of the database after its commit must not say who it was."""
        route: OnAction | OnForm | None = (
            self.find_action(incoming.action_id) if isinstance(incoming, Action)
            else self.forms.get(incoming.form_id) if isinstance(incoming, Submission) else None)
        return route is not None and route.anonymous

    @staticmethod
    def _check(role: Role, needed: Role, path: str | None) -> None:
        if role.allows(needed):
            return
        who = _(texts.ROLE_GROUPS.get(needed.value, needed.value))
        raise NotAllowed(_(texts.NOT_ALLOWED_COMMAND).format(name=path, who=who) if path
                         else _(texts.NOT_ALLOWED_ACTION).format(who=who))

    def _unknown_command(self, command: Command, role: Role) -> Reply:
        """A command with sub-commands only lists them; anything else gets the help."""
        name = command.name.lstrip("/").lower()
        subs = [spec for path, spec in self.commands.items() if path.startswith(name + " ")]
        if not subs:
            return self.help(role, _(texts.UNKNOWN_COMMAND).format(name=name))
        self._check(role, min((spec.role for spec in subs), key=lambda r: r.rank), name)
        return self.usage(name, role)

    def usage(self, path: str, role: Role) -> Reply:
        """The sub-commands of a command that this role may use."""
        lines = [f"`{spec.usage or '/' + spec.path}`: {_(spec.help)}"
                 for key, spec in self.commands.items()
                 if key.startswith(path + " ") and role.allows(spec.role)]
        intro = _(texts.SUBCOMMANDS).format(name=path)
        body = "\n".join(f"• {line}" for line in lines)
        return Reply(f"{intro}\n{body}", (Text(intro), Text(body)), private=True)

    def help(self, role: Role, intro: str = "") -> Reply:
        """The commands this role may use, one line each (help texts are marked with N_ where
        declared and translated here)."""
        intro = intro or _(texts.HELP_INTRO)
        lines = [f"`{spec.usage or '/' + spec.path}`: {_(spec.help)}"
                 for key, spec in self.commands.items()
                 if " " not in key and role.allows(spec.role)]
        body = "\n".join(f"• {line}" for line in lines)
        return Reply(intro + "\n" + body, (Text(intro), Text(body)), private=True)


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
                   event_id=message.event_id, name=name, text=words[1] if len(words) > 1 else "",
                   attachments=message.attachments, mentioned=message.mentioned)


def kept_to_its_writer(said: Command | Message, replies: list[Reply]) -> list[Reply]:
    """A command or an @mention in a channel that names a student is answered to its writer
    alone: Slack shows a command's words, as typed, above a public answer (a red team's, stop
    43), and an answer can quote the question's words ("Request Jaden Wilks Chromebook", a
    red team's, stop 45)."""
    if said.conversation.kind == "direct" or not mask_student_data(said.text).kinds:
        return replies
    return [dataclasses.replace(reply, private=True) for reply in replies]
