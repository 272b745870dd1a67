"""Image URLs a chat platform can fetch: the core's relative paths (charts, pictures shared
on tickets) made absolute."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
_told: set[str] = set()  # a missing PREPBOT_PUBLIC_URL is said once per platform, not per chart


def absolute(url: str, public_url: str, platform: str) -> str | None:
    """An absolute URL for an image, or None when a relative one has no public base."""
    if not url.startswith("/"):
        return url
    if not public_url:
        if platform not in _told:
            _told.add(platform)
            log.info("PREPBOT_PUBLIC_URL is not set: charts and pictures go to %s as their "
                     "alt text", platform)
        return None
    return public_url.rstrip("/") + url


def said(alt: str, url: str) -> str:
    """What stands in for an image that cannot be shown: a chart says it is one."""
    return f"Chart: {alt}" if url.startswith("/charts/") else alt
