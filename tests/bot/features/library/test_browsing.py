"""Teachers browse the articles by area and search them; coaches also see their tools."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from bot.blocks import Buttons, Reply, Steps
from bot.vocabulary import Person
from tests.bot.features.library.conftest import form_in


def labels(replies: list[Reply]) -> list[str]:
    """Every button label, in order."""
    return [b.label for r in replies for blk in r.blocks if isinstance(blk, Buttons)
            for b in blk.buttons]


async def test_ask_with_no_question_shows_every_area_with_its_count(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/ask", as_=teacher)
    assert "The knowledge base: 36 articles" in reply.text
    shown = labels([reply])
    assert "Devices and classroom displays (11)" in shown
    assert "Wi-Fi and the network (2)" in shown
    assert "Search" in shown
    assert "New article" not in shown and "Drafts" not in shown
    assert reply.private


async def test_a_spanish_speaking_teacher_browses_and_searches_in_spanish(
        chat: ConsoleChat, teacher: Person) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    [reply] = await chat.say("/ask", as_=teacher)
    assert "La base de conocimientos: 36 artículos" in reply.text
    shown = labels([reply])
    assert "El wifi y la red (2)" in shown and "Buscar" in shown
    [area] = await chat.click("El wifi y la red (2)", as_=teacher)
    assert "Todas las áreas" in labels([area])
    [nothing] = await chat.say("/prepbot articles zzqx", as_=teacher)
    assert "Ningún artículo coincide con “zzqx”" in nothing.text


async def test_a_coach_also_gets_new_article_and_drafts(
        chat: ConsoleChat, coach: Person) -> None:
    [reply] = await chat.say("/ask", as_=coach)
    assert {"Search", "New article", "Drafts"} <= set(labels([reply]))


async def test_an_area_lists_its_articles_and_one_opens_with_its_steps(
        chat: ConsoleChat, teacher: Person) -> None:
    await chat.say("/ask", as_=teacher)
    [area] = await chat.click("Wi-Fi and the network (2)", as_=teacher)
    assert area.replace_original
    assert "Wi-Fi and the network" in area.text
    [page] = await chat.click("A teaching website or video is blocked", as_=teacher)
    assert any(isinstance(b, Steps) for b in page.blocks)
    assert "Shipped with prepbot." in render(page)
    assert "Edit" not in labels([page])
    [back] = await chat.click("All areas", as_=teacher)
    assert "36 articles" in back.text


async def test_search_finds_articles_by_their_words(chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/prepbot articles search printer offline", as_=teacher)
    assert labels([reply]) == ["Printer offline or print jobs stuck",
                               "Add a classroom printer or copier to my laptop", "All areas"]
    [same] = await chat.say("/prepbot articles printer offline", as_=teacher)
    assert labels([same]) == labels([reply])


async def test_search_from_the_browse_button_is_a_form(chat: ConsoleChat, teacher: Person) -> None:
    await chat.say("/ask", as_=teacher)
    form = form_in(await chat.click("Search", as_=teacher))
    [found] = await chat.submit(form.form_id, {"words": "wifi"}, as_=teacher)
    assert labels([found])[0] == "Can't connect to school Wi-Fi or it keeps dropping"


async def test_a_search_that_finds_nothing_says_so_plainly(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/prepbot articles search zzqx", as_=teacher)
    assert "No article matches \u201czzqx\u201d" in reply.text


async def test_an_empty_search_is_refused_kindly(chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.submit("library.search", {"words": "  "}, as_=teacher)
    assert "Type a word or two" in reply.text


async def test_a_coach_sees_edit_and_history_under_an_article(
        chat: ConsoleChat, coach: Person) -> None:
    await chat.say("/prepbot articles search printer offline", as_=coach)
    [page] = await chat.click("Printer offline or print jobs stuck", as_=coach)
    assert labels([page])[:2] == ["Edit", "History"]


async def test_a_teacher_cannot_edit(chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("/prepbot articles edit printer-offline", as_=teacher)
    assert "only for coaches" in reply.text
    [clicked] = await chat.submit("library.save", {"title": "x"}, "edit:printer-offline",
                                  as_=teacher)
    assert "only coaches" in clicked.text
