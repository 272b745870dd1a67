"""`prepbot teams package`: the manifest with the app id, and the icons, in one zip."""

from __future__ import annotations

import json
import shutil
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from adapters.teams.package import APP, build_package, png_size

APP_ID = "2f1c3b1e-8d3a-4b7e-9f5a-0c1d2e3f4a5b"


def test_the_package_has_the_manifest_with_the_app_id_and_both_icons(tmp_path: Path) -> None:
    out = build_package(APP_ID, tmp_path / "prepbot-teams.zip")

    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "es.json", "manifest.json",
                                              "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        assert png_size(archive.read("color.png")) == (192, 192)
        assert png_size(archive.read("outline.png")) == (32, 32)
    assert manifest["id"] == APP_ID and manifest["bots"][0]["botId"] == APP_ID
    assert "{{" not in json.dumps(manifest)
    bot = manifest["bots"][0]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    titles = [c["title"] for c in bot["commandLists"][0]["commands"]]
    assert titles == ["ask", "ticket", "tickets", "pulse", "coffee", "tools", "pilot", "cycle",
                      "digest", "help"]
    assert len(titles) <= 10  # Teams shows at most ten commands in a list


def test_the_manifest_asks_to_read_channel_messages_and_says_why(tmp_path: Path) -> None:
    """Help channels: resource-specific consent lets the bot read a team's channel messages
    without a mention (the team owner consents when adding the app)."""
    with zipfile.ZipFile(build_package(APP_ID, tmp_path / "p.zip")) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    permissions = manifest["authorization"]["permissions"]["resourceSpecific"]
    assert {"name": "ChannelMessage.Read.Group", "type": "Application"} in permissions
    assert manifest["webApplicationInfo"]["id"] == APP_ID
    assert manifest["webApplicationInfo"]["resource"]
    assert "help channel" in manifest["description"]["full"]


def test_the_outline_icon_is_white_on_transparent() -> None:
    data = (APP / "outline.png").read_bytes()
    assert data[25] == 6  # colour type 6: RGBA, so it can be transparent


def test_an_app_id_that_is_not_a_guid_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="GUID"):
        build_package("prepbot", tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_the_app_files_ship_inside_the_python_package() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[3] / "pyproject.toml").read_text())
    shipped = pyproject["tool"]["setuptools"]["package-data"]["adapters.teams"]
    root = APP.parent
    assert sorted(p.name for pattern in shipped for p in root.glob(pattern)) == [
        "color.png", "es.json", "manifest.json", "outline.png"]


def test_a_districts_own_copy_can_be_packaged(tmp_path: Path) -> None:
    mine = tmp_path / "ours"
    shutil.copytree(APP, mine)
    manifest = json.loads((mine / "manifest.json").read_text())
    manifest["developer"]["name"] = "Springfield Public Schools"
    (mine / "manifest.json").write_text(json.dumps(manifest))
    out = build_package(APP_ID, tmp_path / "ours.zip", mine)
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("manifest.json"))["developer"]["name"] == \
            "Springfield Public Schools"
    (mine / "color.png").unlink()
    with pytest.raises(ValueError, match=r"has no color\.png"):
        build_package(APP_ID, tmp_path / "broken.zip", mine)


def test_the_package_carries_the_spanish_localization_of_every_command(tmp_path: Path) -> None:
    with zipfile.ZipFile(build_package(APP_ID, tmp_path / "prepbot-teams.zip")) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        spanish = json.loads(archive.read("es.json"))
    info = manifest["localizationInfo"]
    assert info["defaultLanguageTag"] == "en-us"
    assert info["additionalLanguages"] == [{"languageTag": "es", "file": "es.json"}]
    assert spanish["$schema"].endswith(f"/v{manifest['manifestVersion']}/"
                                       "MicrosoftTeams.Localization.schema.json")
    commands = manifest["bots"][0]["commandLists"][0]["commands"]
    for n, command in enumerate(commands):
        key = f"bots[0].commandLists[0].commands[{n}]"
        assert spanish[f"{key}.title"] == command["title"]  # the word typed stays the same
        assert spanish[f"{key}.description"] and spanish[f"{key}.description"] != command[
            "description"]
    assert len(spanish["name.short"]) <= 30 and len(spanish["description.short"]) <= 80
    assert len(spanish["description.full"]) <= 4000 and "prepbot language es" in spanish[
        "description.full"]


def localizable(manifest: dict[str, Any]) -> set[str]:
    """Every string of the manifest Teams' localization schema (v1.22) can replace."""
    keys = {"name.short", "name.full", "description.short", "description.full"}
    for b, bot in enumerate(manifest.get("bots", [])):
        for c, listed in enumerate(bot.get("commandLists", [])):
            for n, _command in enumerate(listed["commands"]):
                keys |= {f"bots[{b}].commandLists[{c}].commands[{n}].{field}"
                         for field in ("title", "description")}
    for t, _tab in enumerate(manifest.get("staticTabs", [])):
        keys.add(f"staticTabs[{t}].name")
    for e, extension in enumerate(manifest.get("composeExtensions", [])):
        for n, _command in enumerate(extension.get("commands", [])):
            keys |= {f"composeExtensions[{e}].commands[{n}].{field}"
                     for field in ("title", "description")}
    return keys


def test_the_spanish_file_translates_every_localizable_string_within_teams_limits() -> None:
    manifest = json.loads((APP / "manifest.json").read_text("utf-8"))
    spanish = json.loads((APP / "es.json").read_text("utf-8"))
    assert set(spanish) - {"$schema"} == localizable(manifest)
    limits = {"name.short": 30, "name.full": 100, "description.short": 80,
              "description.full": 4000, ".title": 32, ".description": 128, ".name": 128}
    for key, text in spanish.items():
        most = next((n for end, n in limits.items() if key.endswith(end)), None)
        assert key == "$schema" or (most is not None and 0 < len(text) <= most), key
