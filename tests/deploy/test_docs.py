"""The operator docs stay true: every setting is documented, every local link resolves."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import AliasChoices

from bot.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = ("install.md", "configuration.md", "operations.md", "scaling.md", "backup.md",
         "upgrading.md", "privacy.md", "README.md")


def env_names() -> list[str]:
    """The environment name of every Settings field (the first alias where there are several)."""
    names = []
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            alias = alias.choices[0]
        names.append(str(alias or name.upper()))
    return names


def test_every_setting_is_in_the_configuration_reference() -> None:
    reference = (DOCS / "configuration.md").read_text()
    missing = [name for name in env_names() if f"`{name}`" not in reference]
    assert not missing, f"document these in docs/configuration.md: {missing}"


def test_every_chat_setting_is_documented() -> None:
    from bot.features import FEATURES
    from bot.registry import Registry
    from bot.retention import housekeeping

    reference = (DOCS / "configuration.md").read_text()
    declared = Registry((*FEATURES, housekeeping)).settings
    assert [key for key in declared if f"`{key}`" not in reference] == []


def test_the_pages_exist_and_their_links_resolve() -> None:
    for page in PAGES:
        text = (DOCS / page).read_text()
        for target in re.findall(r"\]\(([^)#:]+\.md)\)", text):
            # slack.md and teams.md are written with their adapters; link them regardless.
            if target not in {"slack.md", "teams.md"}:
                assert (DOCS / target).is_file(), f"{page} links to a missing {target}"


def test_the_guide_shows_the_documented_commands_and_the_diagram() -> None:
    guide = "\n".join((DOCS / page).read_text() for page in PAGES)
    for command in ("prepbot db copy --from sqlite:///prepbot.db --to postgresql://",
                    "prepbot db upgrade", "prepbot db current", "pg_dump", "pg_restore",
                    ".backup", "LOG_FORMAT=json", "/healthz/live", "FERPA", "COPPA"):
        assert command in guide, command
    assert "adapters/  ──" in (DOCS / "README.md").read_text()


def test_the_architecture_page_names_files_and_functions_that_exist() -> None:
    """docs/architecture.md tells a newcomer where things are: every path it names exists,
    and every `file.py: function` it points at is defined there."""
    repo = DOCS.parent
    text = (DOCS / "architecture.md").read_text()
    for path in re.findall(r"`((?:bot|adapters|knowledge|tests)/[\w/]+\.py)", text):
        assert (repo / path).is_file(), path
    for path, name in re.findall(r"`([\w/]+\.py): (\w+)`", text):
        found = [p for p in repo.glob(f"**/{path}") if ".venv" not in p.parts]
        assert found, path
        assert any(re.search(rf"(def|class) {name}\b", p.read_text()) for p in found), (path, name)
