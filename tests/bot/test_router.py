"""Routing: unknown commands get help, roles are checked before a handler runs."""

from __future__ import annotations

import dataclasses

from adapters.console import ConsoleChat
from bot.blocks import Reply
from bot.feature import Feature, OnCommand
from bot.roles import Role
from bot.router import Router
from bot.turn import Turn
from bot.vocabulary import Command, Conversation, Person


async def test_an_unknown_command_lists_what_the_bot_can_do(chat: ConsoleChat,
                                                            teacher: Person) -> None:
    [reply] = await chat.say("/frobnicate now", as_=teacher)
    assert "don't know the command `/frobnicate`" in reply.text
    assert "/ask" in reply.text and reply.private


async def test_help_shows_teachers_only_their_commands(chat: ConsoleChat, teacher: Person,
                                                       admin: Person) -> None:
    [teacher_help] = await chat.say("/prepbot help", as_=teacher)
    [admin_help] = await chat.say("/prepbot help", as_=admin)
    assert "/ask" in teacher_help.text and "/prepbot" in admin_help.text


async def test_only_admins_change_roles(chat: ConsoleChat, teacher: Person,
                                        admin: Person) -> None:
    [refused] = await chat.say("/prepbot role console:rivera admin", as_=teacher)
    assert "only for admins" in refused.text
    [done] = await chat.say("/prepbot role console:rivera coach", as_=admin)
    assert "now a coach" in done.text
    [me] = await chat.say("/prepbot whoami", as_=teacher)
    assert "a coach" in me.text


async def test_an_unknown_button_is_answered_kindly(chat: ConsoleChat, teacher: Person) -> None:
    from bot.blocks import Button

    [reply] = await chat.press(Button("Old", "gone.away", "1"), as_=teacher)
    assert "expired" in reply.text


def _router() -> Router:
    """A router over three made-up commands: a group, its sub-commands, a deeper one."""
    async def said(turn: Turn[Command]) -> list[Reply]:
        return [Reply(f"{turn.incoming.name}|{turn.incoming.text}")]

    return Router([Feature("demo", commands=(
        OnCommand("plan", None, "plans", "/plan ..."),
        OnCommand("plan start", said, "start one", role=Role.COACH),
        OnCommand("plan set", said, "settings", role=Role.COACH),
        OnCommand("plan set day", said, "the day", role=Role.ADMIN)))])


def test_the_longest_registered_path_wins_and_gets_the_rest_as_text() -> None:
    router = _router()
    command = Command(person=Person(platform="t", user_id="u"),
                      conversation=Conversation(platform="t", id="c"),
                      name="Plan", text="SET day  Monday please")
    found = router.find_command(command)
    assert found is not None
    spec, rest = found
    assert spec.path == "plan set day" and rest.text == "Monday please"
    found = router.find_command(dataclasses.replace(command, text="set hours 9"))
    assert found is not None and found[0].path == "plan set" and found[1].text == "hours 9"


async def test_every_declared_role_is_enforced_for_every_sub_command(
        chat: ConsoleChat, teacher: Person, coach: Person, admin: Person) -> None:
    """Every command path the features declare, tried by each role below the one it needs."""
    router = chat.bot.router
    people = {Role.TEACHER: teacher, Role.COACH: coach}
    checked = 0
    for path, spec in router.commands.items():
        for role, person in people.items():
            if role.allows(spec.role):
                continue
            name, _, words = path.partition(" ")
            [reply] = await chat.send(Command(
                person=person, conversation=Conversation(platform="console", id="dm"),
                event_id=f"{path}-{role}", name=name, text=words))
            assert "only" in reply.text.lower(), (path, role, reply.text)
            checked += 1
    assert checked >= 10


async def test_a_group_alone_lists_the_sub_commands_the_person_may_use(
        chat: ConsoleChat, coach: Person, teacher: Person) -> None:
    [usage] = await chat.say("/pulse", as_=coach)
    assert "/pulse start" in usage.text and "/pulse results" in usage.text
    [refused] = await chat.say("/pulse", as_=teacher)
    assert "only for coaches" in refused.text
