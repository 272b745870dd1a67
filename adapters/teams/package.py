"""The Teams app package an admin uploads: manifest.json (with the app id), two icons and
the localization files the manifest names (es.json: the Spanish name, description and
command descriptions a Spanish Teams client shows)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

# Shipped inside the package, so `prepbot teams package` works from a plain install.
APP = Path(__file__).resolve().parent / "app"
PLACEHOLDER = "{{MICROSOFT_APP_ID}}"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
ICONS = {"color.png": (192, 192), "outline.png": (32, 32)}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def manifest_for(app_id: str, source: Path = APP) -> str:
    """manifest.json with the bot's Microsoft app id filled in (Teams wants a GUID)."""
    if not GUID.match(app_id):
        raise ValueError(f"MicrosoftAppId must be a GUID such as "
                         f"00000000-0000-0000-0000-000000000000, not {app_id!r}")
    text = (source / "manifest.json").read_text("utf-8").replace(PLACEHOLDER, app_id.lower())
    json.loads(text)  # still valid JSON: an app id cannot break it, but a hand edit can
    return text


def build_package(app_id: str, out_path: Path | str, source: Path = APP) -> Path:
    """Write the zip Teams accepts (files at its root) and return its path; `source` is a
    folder with manifest.json and the two icons (a district's edited copy of APP)."""
    out = Path(out_path)
    missing = [name for name in ("manifest.json", *ICONS) if not (source / name).is_file()]
    if missing:
        raise ValueError(f"{source} has no {', '.join(missing)}")
    manifest = manifest_for(app_id, source)
    languages = json.loads(manifest).get("localizationInfo", {}).get("additionalLanguages", [])
    translations = [str(language["file"]) for language in languages]
    absent = [name for name in translations if not (source / name).is_file()]
    if absent:
        raise ValueError(f"{source} has no {', '.join(absent)} (named in localizationInfo)")
    icons = {name: (source / name).read_bytes() for name in ICONS}
    for name, data in icons.items():
        if png_size(data) != ICONS[name]:
            raise ValueError(f"{name} must be {ICONS[name][0]}x{ICONS[name][1]} pixels")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest)
        for name, data in icons.items():
            archive.writestr(name, data)
        for name in translations:
            archive.writestr(name, (source / name).read_text("utf-8"))
    return out
