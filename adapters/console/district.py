"""`prepbot chat` with the district in a box: its channels, its goings-on between prompts."""

from __future__ import annotations

from adapters.console.chat import News
from adapters.console.messenger import ConsoleMessenger, news_for
from adapters.district import District
from adapters.district.people import PILOT, STAFF
from bot.blocks import Reply
from bot.vocabulary import Person

BANNER = ("prepbot chat, with a demo district: type /demo to open it (simulated teachers who "
          "answer surveys and RSVP; /demo skip morning moves demo time on). Ask a question, "
          "type /prepbot help, or 'quit' to leave.")


def joined(district: District, messenger: ConsoleMessenger) -> None:
    """The terminal's channels are the district's."""
    for channel in (STAFF, PILOT):
        messenger.directory[channel] = district.members(channel)


def district_news(district: District, messenger: ConsoleMessenger, person: Person) -> News:
    """Before each prompt: the simulated teachers answer what reached them, then what the
    bot sent here and what happened in the district since the last prompt is shown."""
    own = news_for(messenger, person)
    seen = district.feed.last

    async def news() -> list[str | Reply]:
        nonlocal seen
        await district.settled()
        lines: list[str | Reply] = [*await own()]
        for event in district.feed.after(seen):
            lines.append(f"  [district {district.local(event.at):%a %H:%M}] {event.who} "
                         f"{event.what}")
        seen = district.feed.last
        return lines
    return news
