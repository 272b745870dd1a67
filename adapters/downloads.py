"""Downloading a shared file over HTTP, never more than the core allows.

aiohttp drops the Authorization header when a redirect leaves the origin, so a token given
here never reaches another host.
"""

from __future__ import annotations

import aiohttp

from bot.attachments import FetchFailed, TooBig

TIMEOUT = aiohttp.ClientTimeout(total=30, sock_connect=10)
CHUNK = 64 * 1024


async def download(url: str, limit: int, headers: dict[str, str] | None = None) -> bytes:
    """The body of a GET, read in chunks: TooBig past `limit` bytes (declared or read),
    FetchFailed for an error status, a web page instead of a file, or no answer."""
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http, \
                http.get(url, headers=headers or {}) as response:
            if response.status != 200:
                raise FetchFailed(f"HTTP {response.status}")
            if response.content_type == "text/html":  # a sign-in page, not the file
                raise FetchFailed("a web page came instead of the file")
            if response.content_length is not None and response.content_length > limit:
                raise TooBig()
            body = bytearray()
            async for chunk in response.content.iter_chunked(CHUNK):
                body += chunk
                if len(body) > limit:
                    raise TooBig()
            return bytes(body)
    except (TimeoutError, aiohttp.ClientError) as error:
        raise FetchFailed(type(error).__name__) from error
