"""Loading articles: the shipped set, and what a district's folder can change."""

from __future__ import annotations

from pathlib import Path

from knowledge import load_knowledge_base
from knowledge.loader import load_articles
from tests.knowledge.conftest import write

SHIPPED_IDS = {
    "smartboard-calibration", "smartboard-no-touch", "projector-no-signal", "display-mirroring",
    "document-camera", "classroom-audio", "printer-offline", "printer-add", "wifi-connect",
    "chromebook-power", "chromebook-login", "ipad-app-install", "slow-computer",
    "teacher-password-reset", "student-password-reset", "sso-login-loop", "mfa-new-phone",
    "roster-sync", "lms-assignment-visibility", "lms-missing-submission", "gradebook-sync",
    "google-classroom-join", "nearpod-join", "pear-deck-addon", "video-call-av",
    "screen-recording", "content-filter-block", "shared-drive-access", "testing-app-crash",
    "ai-writing-detection", "accessibility-tools", "new-tool-request", "student-data-privacy",
    "coaching-request", "phishing-report", "lms-course-copy",
}


def test_the_shipped_articles_are_exactly_the_topics_of_the_brief() -> None:
    articles = load_articles()
    assert set(articles) == SHIPPED_IDS
    assert len(articles) == 36


def test_every_shipped_article_has_an_answer_steps_and_a_way_out() -> None:
    for article in load_articles().values():
        assert article.summary, article.id
        assert 1 <= len(article.steps) <= 10, article.id
        assert article.still_stuck, article.id
        assert len(article.phrasings) >= 8, article.id


def test_a_district_article_with_a_shipped_id_replaces_the_shipped_one(district: Path) -> None:
    write(district, "printer-offline", title="Our copiers - call the print shop")
    articles = load_articles(district)
    assert articles["printer-offline"].title == "Our copiers - call the print shop"
    assert articles["printer-offline"].source.startswith(str(district))
    assert len(articles) == 36


def test_a_district_can_add_its_own_article(district: Path) -> None:
    write(district, "bell-schedule-display")
    assert "bell-schedule-display" in load_articles(district)


def test_a_retired_article_is_removed(district: Path) -> None:
    (district / "nearpod-join.md").write_text("---\nid: nearpod-join\nretired: true\n---\n")
    articles = load_articles(district)
    assert "nearpod-join" not in articles
    assert len(articles) == 35


def test_a_broken_file_is_skipped_and_the_rest_still_load(district: Path) -> None:
    (district / "broken.md").write_text("---\nid: broken\ntitle: [unclosed\n---\nbody\n")
    (district / "no-front.md").write_text("just text, no header\n")
    write(district, "fine-article")
    articles = load_articles(district)
    assert "broken" not in articles and "no-front" not in articles
    assert "fine-article" in articles


def test_a_missing_district_folder_means_only_the_shipped_articles(tmp_path: Path) -> None:
    kb = load_knowledge_base(tmp_path / "does-not-exist")
    assert len(kb.articles) == 36
