"""Drafts become articles from chat: a fix written on a resolved ticket, a digest's gap."""

from __future__ import annotations

import json
import re

from adapters.console import ConsoleChat
from bot.blocks import Button
from bot.features.answers.digest import gap_blocks
from bot.features.answers.gaps import Gap
from bot.vocabulary import Person
from tests.bot.features.library.conftest import LAMINATOR, form_in, initial, publish


async def resolved_ticket_with_a_draft(chat: ConsoleChat, teacher: Person, coach: Person
                                       ) -> None:
    """A teacher's ticket, resolved by the coach, who writes down the fix as a draft."""
    [opened] = await chat.say("/ticket the laminator in the workroom ate my poster",
                              as_=teacher)
    number = re.search(r"#(\d+)", opened.text).group(1)  # type: ignore[union-attr]
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    form = form_in(await chat.press(Button("Suggest", "tickets.suggest", number), as_=coach))
    await chat.submit(form.form_id, {"title": "Laminator eats posters",
                                     "body": "Let it warm up\nFeed the sealed edge first"},
                      form.context, as_=coach)


async def test_a_draft_from_a_resolved_ticket_is_finished_and_published_from_chat(
        chat: ConsoleChat, teacher: Person, coach: Person) -> None:
    await resolved_ticket_with_a_draft(chat, teacher, coach)
    form = form_in(await chat.click("Finish and publish it", as_=coach))
    shown = initial(form)
    assert shown["title"] == "Laminator eats posters"
    assert shown["steps"] == "Let it warm up\nFeed the sealed edge first"
    assert shown["phrasings"] == "the laminator in the workroom ate my poster"

    [done] = await publish(chat, coach, {**LAMINATOR, "title": shown["title"],
                                         "steps": shown["steps"]}, form.context)
    assert "Published Laminator eats posters" in done.text
    [answer] = await chat.say("laminator keeps jamming", as_=teacher)
    assert answer.text.startswith("Laminator eats posters:")
    [waiting] = await chat.say("/prepbot articles drafts", as_=coach)
    assert "No article drafts are waiting" in waiting.text


async def test_a_draft_from_a_ticket_kept_as_typed_offers_its_words_masked(
        chat: ConsoleChat, teacher: Person, coach: Person) -> None:
    [opened] = await chat.submit("tickets.new", {
        "text": "Jaden Smith student ID 448812 laminator ate his poster", "room": "",
        "urgency": "today", "category": "hardware", "identifiers": "keep"}, "kept", as_=teacher)
    number = re.search(r"#(\d+)", opened.text).group(1)  # type: ignore[union-attr]
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    form = form_in(await chat.press(Button("Suggest", "tickets.suggest", number), as_=coach))
    await chat.submit(form.form_id, {"title": "Laminator eats posters", "body": "Warm it up"},
                      form.context, as_=coach)
    form = form_in(await chat.click("Finish and publish it", as_=coach))
    assert initial(form)["phrasings"] == "[name] student ID [id number] laminator ate his poster"


async def test_drafts_lists_what_is_waiting(
        chat: ConsoleChat, teacher: Person, coach: Person) -> None:
    await resolved_ticket_with_a_draft(chat, teacher, coach)
    [waiting] = await chat.say("/prepbot articles drafts", as_=coach)
    assert "Laminator eats posters (ticket #" in waiting.text
    assert chat.button("Finish: Laminator eats posters").value.startswith("tickets:")


async def test_a_gap_in_the_digest_opens_the_form_with_the_teachers_words(
        chat: ConsoleChat, coach: Person) -> None:
    gap = Gap(3, ("laminator ate my poster", "laminator jammed again"), "Laminator poster")
    [_, buttons] = gap_blocks([gap])
    [write] = buttons.buttons  # type: ignore[union-attr]
    assert write.action_id == "library.new"
    assert json.loads(write.value)["title"] == "Laminator poster"
    form = form_in(await chat.press(write, as_=coach))
    assert initial(form)["title"] == "Laminator poster"
    assert initial(form)["phrasings"] == "laminator ate my poster\nlaminator jammed again"


async def test_a_draft_that_is_gone_is_said_plainly(chat: ConsoleChat, coach: Person) -> None:
    [reply] = await chat.press(Button("Finish", "library.draft", "tickets:999"), as_=coach)
    assert "can't find that draft" in reply.text


async def test_a_button_may_start_the_form_with_steps_and_an_area(
        chat: ConsoleChat, coach: Person) -> None:
    value = json.dumps({"title": "Bell rings late", "category": "general",
                        "steps": "Open the bell app\nPress sync"})
    form = form_in(await chat.press(Button("Write it", "library.new", value), as_=coach))
    shown = initial(form)
    assert (shown["title"], shown["category"], shown["steps"]) == (
        "Bell rings late", "general", "Open the bell app\nPress sync")


async def test_a_button_with_a_broken_value_opens_an_empty_form(
        chat: ConsoleChat, coach: Person) -> None:
    form = form_in(await chat.press(Button("Write it", "library.new", "{not json"), as_=coach))
    assert initial(form)["title"] == ""


async def test_a_drafts_phrasing_is_masked_with_the_whole_ticket_around_it(
        chat: ConsoleChat, teacher: Person, coach: Person) -> None:
    # A red team's (stop 49): the first line was masked alone, and "Linda" is as often a
    # colleague; the next line says she is a student, and a published article is for good.
    [opened] = await chat.submit("tickets.new", {
        "text": "Linda can't get the document camera to show up in Zoom\n"
                "She is my student in 5th grade, ID 2034567", "room": "", "urgency": "today",
        "category": "hardware", "identifiers": "keep"}, "kept", as_=teacher)
    number = re.search(r"#(\d+)", opened.text).group(1)  # type: ignore[union-attr]
    await chat.press(Button("Resolve", "tickets.resolve", number), as_=coach)
    form = form_in(await chat.press(Button("Suggest", "tickets.suggest", number), as_=coach))
    await chat.submit(form.form_id, {"title": "Document camera in Zoom",
                                     "body": "Pick the camera under Video settings"},
                      form.context, as_=coach)
    form = form_in(await chat.click("Finish and publish it", as_=coach))
    assert initial(form)["phrasings"] == "[name] can't get the document camera to show up in Zoom"
