"""Coaches publish and edit articles from chat: checked as `prepbot kb check` checks a file,
kept with who made each change, and rolled back to any earlier text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from adapters.cli import app
from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.library.authoring import compose
from bot.features.library.models import ChangeRow
from bot.vocabulary import Person
from knowledge import KnowledgeBase
from knowledge.loader import shipped_folder
from tests.bot.features.library.conftest import LAMINATOR, form_in, initial, publish
from tests.support.clock import FakeClock

LAMINATOR_ID = "laminator-jams-or-wrinkles-the-pouch"
BROKEN = {
    "too few phrasings": {"phrasings": "laminator keeps jamming\nlaminator ate my poster"},
    "no one-line answer": {"answer": ""},
    "no Still stuck": {"still_stuck": ""},
    "a shipped article's phrasing": {
        "phrasings": LAMINATOR["phrasings"] + "\nprojector says no signal"},
    "a link to no article": {"notes": "See [the laminator manual](kb:laminator-manual)."},
    "no tags": {"tags": " , "},
}


async def changes(runtime: Runtime) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(ChangeRow)))
                   .scalar_one())


async def test_a_coach_publishes_and_a_teacher_gets_it_as_the_answer(
        chat: ConsoleChat, coach: Person, teacher: Person) -> None:
    [before] = await chat.say("the laminator ate my poster", as_=teacher)
    assert "Laminator" not in before.text
    [done] = await publish(chat, coach, LAMINATOR)
    assert "Published Laminator jams or wrinkles the pouch" in done.text
    view = chat.button("View it")
    [answer] = await chat.say("the laminator ate my poster", as_=teacher)
    assert answer.text.startswith("Laminator jams or wrinkles the pouch:")
    assert "Did this help?" in render(answer)
    [page] = await chat.press(view, as_=coach)
    assert "Written by your district; last changed by Mr Okafor on" in render(page)


@pytest.mark.parametrize("broken", BROKEN, ids=list(BROKEN))
async def test_a_broken_article_is_refused_with_the_messages_of_kb_check(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime, clock: FakeClock,
        tmp_path: Path, broken: str) -> None:
    values = {**LAMINATOR, **BROKEN[broken]}
    refusal, again = await publish(chat, coach, values)

    # The same article as a file in a district folder, checked by `prepbot kb check --dir`.
    folder = tmp_path / "district"
    folder.mkdir()
    text = compose(LAMINATOR_ID, values, None, clock.now().date())
    (folder / f"{LAMINATOR_ID}.md").write_text(text)
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 1
    found = [line.split(": ", 1)[1] for line in result.output.splitlines()
             if line.startswith(str(folder / LAMINATOR_ID))]
    assert found and any(line.startswith("error: ") for line in found)
    assert "Not published: `prepbot kb check` found" in refusal.text
    assert refusal.text.splitlines()[1:] == [f"• {line}" for line in found]

    assert initial(form_in([again]))["phrasings"] == values["phrasings"]
    assert await changes(runtime) == 0
    [answer] = await chat.say("the laminator ate my poster", as_=teacher)
    assert "Laminator" not in answer.text


async def test_a_rollback_restores_the_previous_text(
        chat: ConsoleChat, coach: Person, teacher: Person) -> None:
    await publish(chat, coach, LAMINATOR)
    changed = {**LAMINATOR, "answer": "Switch it off and call the office."}
    [done] = await publish(chat, coach, changed, f"edit:{LAMINATOR_ID}")
    assert "Published" in done.text
    [answer] = await chat.say("the laminator ate my poster", as_=teacher)
    assert "Switch it off and call the office." in render(answer)

    [history] = await chat.say(f"/prepbot articles history {LAMINATOR_ID}", as_=coach)
    assert "#2 edited by Mr Okafor" in history.text and "(in use)" in history.text
    assert "#1 published by Mr Okafor" in history.text
    [rolled] = await chat.click("Restore #1", as_=coach)
    assert "Rolled back **Laminator jams or wrinkles the pouch**" in rolled.blocks[0].text
    [answer] = await chat.say("the laminator ate my poster", as_=teacher)
    assert LAMINATOR["answer"] in render(answer)
    [history] = await chat.say(f"/prepbot articles history {LAMINATOR_ID}", as_=coach)
    assert "#3 rolled back to #1 by Mr Okafor" in history.text


async def test_editing_a_shipped_article_overrides_it_and_the_file_stays_as_shipped(
        chat: ConsoleChat, coach: Person, teacher: Person, runtime: Runtime,
        knowledge_base: KnowledgeBase) -> None:
    shipped = (shipped_folder() / "printer-offline.md").read_text()
    form = form_in(await chat.say("/prepbot articles edit printer-offline", as_=coach))
    assert form.context == "edit:printer-offline"
    values = {**initial(form), "answer": "Ask the front office to restart the print server."}
    # Questions teachers asked of the article are indexed, never put in the coach's form.
    asked = knowledge_base.articles["printer-offline"].asked
    assert asked and not set(asked) & set(values["phrasings"].splitlines())
    [done] = await publish(chat, coach, values, form.context)
    assert "Published" in done.text
    assert (shipped_folder() / "printer-offline.md").read_text() == shipped
    [answer] = await chat.say("my print jobs are stuck and the printer says offline",
                              as_=teacher)
    assert "restart the print server" in render(answer)

    await chat.say("/prepbot articles history printer-offline", as_=coach)
    [back] = await chat.click("Back to the shipped text", as_=coach)
    assert "the shipped text is back" in back.text
    article = runtime.kb.get("printer-offline")
    assert article is not None and "print server" not in article.summary


async def test_unpublishing_an_article_another_links_to_is_refused(
        chat: ConsoleChat, coach: Person) -> None:
    await publish(chat, coach, LAMINATOR)
    linking = {**LAMINATOR, "title": "Poster printing in the workroom",
               "phrasings": "\n".join(f"poster printer problem {n}" for n in range(8)),
               "notes": f"If it jams, see [the laminator]({'kb:' + LAMINATOR_ID})."}
    [done] = await publish(chat, coach, linking)
    assert "Published" in done.text
    [refused] = await chat.press(Button("Unpublish it", "library.rollback",
                                        f"{LAMINATOR_ID}:original"), as_=coach)
    assert f"link to unknown article '{LAMINATOR_ID}'" in refused.text
    assert "database/poster-printing-in-the-workroom.md" in refused.text


async def test_publishing_the_same_text_again_changes_nothing(
        chat: ConsoleChat, coach: Person, runtime: Runtime) -> None:
    await publish(chat, coach, LAMINATOR)
    [same] = await publish(chat, coach, LAMINATOR, f"edit:{LAMINATOR_ID}")
    assert "Nothing changed" in same.text
    assert await changes(runtime) == 1


async def test_a_new_article_never_takes_an_existing_articles_id(
        chat: ConsoleChat, coach: Person, runtime: Runtime) -> None:
    shipped = runtime.kb.get("printer-offline")
    assert shipped is not None
    values = {**LAMINATOR, "title": "Printer offline"}
    await publish(chat, coach, values)
    assert runtime.kb.get("printer-offline") == shipped
    assert runtime.kb.get("printer-offline-2") is not None


async def test_a_published_article_is_embedded_for_the_dense_channel(
        chat: ConsoleChat, coach: Person, runtime: Runtime) -> None:
    await publish(chat, coach, LAMINATOR)
    # No word in common with the title or any phrasing: only the dense channel finds it.
    [top, *_] = runtime.kb.search("the heat sealing machine crumpled my lamination")
    assert top.article_id == LAMINATOR_ID
    assert top.dense > 0.5
