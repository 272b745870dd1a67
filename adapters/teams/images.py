"""Image URLs Teams can fetch: the core's relative chart paths made absolute, or none at all."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
_told = False  # the missing PREPBOT_PUBLIC_URL is said once per process, not per chart


def absolute(url: str, public_url: str) -> str | None:
    """An absolute URL for an image, or None when a relative one has no public base."""
    if not url.startswith("/"):
        return url
    if not public_url:
        say_public_url_missing()
        return None
    return public_url.rstrip("/") + url


def say_public_url_missing() -> None:
    """Log once that charts go out as their alt text (Teams shows no relative image URL)."""
    global _told
    if not _told:
        _told = True
        log.info("PREPBOT_PUBLIC_URL is not set: charts are sent to Teams as their alt text")
