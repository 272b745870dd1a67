"""Images: the core's relative chart URLs made absolute, or said as alt text without a base."""

from __future__ import annotations

import logging

import pytest

from adapters import images
from adapters.slack import blockkit
from bot.blocks import Image, Reply

CHART = Image("/charts/abcdefghijklmnopqrstuvwx.png", "Nearpod: usefulness 5.9 of 7")


def test_a_relative_url_gets_the_public_base() -> None:
    [block] = blockkit.render(Reply("r", (CHART,)), "https://prepbot.example.org/")["blocks"]
    assert block == {"type": "image", "alt_text": CHART.alt,
                     "image_url": "https://prepbot.example.org/charts/abcdefghijklmnopqrstuvwx.png"}


def test_an_absolute_url_is_left_alone() -> None:
    url = "https://cdn.example.org/a.png"
    [block] = blockkit.render_block(Image(url, "a"), "https://prepbot.example.org")
    assert block["image_url"] == url


def test_without_a_public_url_the_alt_text_is_said_and_logged_once(
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "_told", set())
    with caplog.at_level(logging.INFO, logger=images.__name__):
        first = blockkit.render(Reply("r", (CHART,)))["blocks"]
        blockkit.render(Reply("r", (CHART,)))
    assert first == [{"type": "context", "elements": [
        {"type": "plain_text", "text": f"Chart: {CHART.alt}", "emoji": True}]}]
    said = [r for r in caplog.records if "PREPBOT_PUBLIC_URL" in r.getMessage()]
    assert len(said) == 1 and said[0].levelno == logging.INFO
