"""Screenshots and photos shared with a question or a ticket: checked, cleaned, kept small.

- vocabulary.Attachment: what an adapter hands over (a name, a media type, bytes or a ref);
- receiving.py: fetched through the platform's Fetcher, checked by their bytes, cleaned;
- images.py: Pillow reads and re-draws them (no EXIF, no location, at most 2000 pixels);
- store.py: kept in the database (every replica reads it), held for their sender until a
  feature claims them (`claim(session, person_id, "ticket:41", now)`);
- links.py: shown through short-lived signed links served by prepbot's own server;
- notes.py: what the teacher is told; retention.py: expiry and erasing.
"""

from bot.attachments.links import blocks_for, picture_blocks
from bot.attachments.receiving import Fetcher, FetchFailed, Receiver, TooBig
from bot.attachments.store import claim, forget, move, owned_by

__all__ = ["FetchFailed", "Fetcher", "Receiver", "TooBig", "blocks_for", "claim", "forget",
           "move", "owned_by", "picture_blocks"]
