"""Chart images on Teams: relative URLs get PREPBOT_PUBLIC_URL, or become their alt text."""

from __future__ import annotations

import logging

import pytest

from adapters import images
from adapters.teams.cards import render_card
from bot.blocks import Image, Reply

CHART = Image("/charts/abcdefghijklmnopqrstuvwx.png", "Nearpod: usefulness 5.9 of 7")


def test_a_relative_chart_url_gets_the_public_base() -> None:
    [image] = render_card(Reply("r", (CHART,)), "https://prepbot.example.org/")["body"]
    assert image == {"type": "Image", "altText": CHART.alt,
                     "url": "https://prepbot.example.org/charts/abcdefghijklmnopqrstuvwx.png"}


def test_without_a_public_url_the_alt_text_is_shown_and_logged_once(
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "_told", set())
    with caplog.at_level(logging.INFO, logger=images.__name__):
        [said] = render_card(Reply("r", (CHART,)))["body"]
        render_card(Reply("r", (CHART,)))
    assert said["type"] == "RichTextBlock"
    assert said["inlines"][0]["text"] == f"Chart: {CHART.alt}"
    assert "Image" not in str(said)
    logged = [r for r in caplog.records if "PREPBOT_PUBLIC_URL" in r.getMessage()]
    assert len(logged) == 1 and logged[0].levelno == logging.INFO
