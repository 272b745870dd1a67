"""A message with two problems gets the answer to one and the article for the other; a
message with one problem is never told it mentioned another."""

from __future__ import annotations

import json
from pathlib import Path

from adapters.console import ConsoleChat
from bot.blocks import Text
from bot.features.answers.problems import other_problem
from bot.vocabulary import Person
from knowledge import KnowledgeBase
from tests.bot.features.answers.test_ask import labels

TUNING = Path(__file__).parents[4] / "knowledge" / "eval" / "tuning"


def said(reply: object) -> str:
    return " ".join(b.text for b in getattr(reply, "blocks", ()) if isinstance(b, Text))


async def test_the_other_problem_is_named_and_its_article_is_one_tap_away(
        chat: ConsoleChat, teacher: Person) -> None:
    [reply] = await chat.say("my kids cant get on wifi and also the printer in 204 is jammed",
                             as_=teacher)
    assert "Printer offline" in reply.text
    assert "You also mentioned another problem" in said(reply)
    [wifi] = [label for label in labels([reply]) if "Wi-Fi" in label]
    [shown] = await chat.click(wifi, as_=teacher)
    assert "Wi-Fi" in shown.text


async def test_a_spanish_speaker_with_two_problems_is_told_in_spanish(
        chat: ConsoleChat, teacher: Person) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    [reply] = await chat.say("el proyector dice sin señal y además la impresora del salón "
                             "no imprime nada", as_=teacher)
    assert "También mencionó otro problema" in said(reply)
    assert "No signal" in reply.text or "No signal" in said(reply)


async def test_one_problem_told_in_two_sentences_is_one_problem(
        chat: ConsoleChat, teacher: Person) -> None:
    for text in ("Smartboard won't calibrate. I restarted the laptop twice.",
                 "the printer in 204 is jammed and also it says paper jam in tray 2",
                 "I also tried restarting the projector but it still says no signal"):
        [reply] = await chat.say(text, as_=teacher)
        assert "another problem" not in said(reply), text


def test_on_the_tuning_sets_no_single_problem_is_given_a_second(
        knowledge_base: KnowledgeBase) -> None:
    # Measured when it was built: of the 108 two-problem messages answered, 26 had their
    # other problem named, all right; none of the 2,093 answerable messages answered was
    # given one. (Held-out, read once: 8 right of 9 named, none of 701.)
    named = right = false = 0
    for path in sorted(TUNING.glob("*teachers*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            if row["kind"] not in ("answerable", "two-problems"):
                continue
            decision = knowledge_base.answer(row["q"])
            if decision.kind != "answer" or decision.article is None:
                continue
            other = other_problem(knowledge_base, row["q"], decision.article)
            if other is None:
                continue
            if row["kind"] == "answerable":
                false += 1
            else:
                named += 1
                right += other.id in row["expect"] and other.id != decision.article.id
    assert false == 0 and named >= 26 and right == named
