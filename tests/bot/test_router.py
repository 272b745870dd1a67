"""Routing: unknown commands get help, roles are checked before a handler runs."""

from __future__ import annotations

from adapters.console import ConsoleChat
from bot.vocabulary import Person


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
