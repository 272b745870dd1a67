"""Survey instruments as data: the packaged TAM pulse, plus any a district adds."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import yaml

from bot.i18n import _

PACKAGED = Path(str(resources.files("bot.features.pulse") / "instruments"))
DEFAULT = "tam"


@dataclass(frozen=True)
class Item:
    """One statement, rated on the instrument's scale; `text` may hold `{tool}`."""

    id: str
    construct: str
    text: str


@dataclass(frozen=True)
class Instrument:
    """Items grouped in constructs, a labelled agreement scale and an optional comment."""

    id: str
    title: str
    intro: str
    constructs: dict[str, str]
    items: tuple[Item, ...]
    scale: tuple[str, ...]
    comment: str
    buy_in: str

    def items_of(self, construct: str) -> list[Item]:
        """The items measuring one construct, in order."""
        return [item for item in self.items if item.construct == construct]

    def for_tool(self, tool: str) -> Instrument:
        """The same instrument with the tool's name filled in everywhere."""
        return replace(self, title=self.title.replace("{tool}", tool),
                       intro=self.intro.replace("{tool}", tool),
                       comment=self.comment.replace("{tool}", tool),
                       items=tuple(replace(i, text=i.text.replace("{tool}", tool))
                                   for i in self.items))

    def spoken(self, tool: str) -> Instrument:
        """This instrument, filled in for `tool`, in the current language: each sentence is
        looked up in the catalogue as the file writes it, with `{tool}` in place of the name
        (a district's own instruments, not in the catalogue, stay as written)."""
        def say(text: str) -> str:
            return _(text.replace(tool, "{tool}")).replace("{tool}", tool) if text else text
        return replace(self, title=say(self.title), intro=say(self.intro),
                       comment=say(self.comment), scale=tuple(say(s) for s in self.scale),
                       constructs={code: say(name) for code, name in self.constructs.items()},
                       items=tuple(replace(i, text=say(i.text)) for i in self.items))

    def as_data(self) -> dict[str, Any]:
        """Plain data for storing with a survey, so later edits to the file leave it alone."""
        return asdict(self)

    @property
    def agree_from(self) -> int:
        """The lowest point counted as agreeing: 5 on a 7-point scale."""
        return len(self.scale) // 2 + 2


def parse(data: dict[str, Any], source: str) -> Instrument:
    """An instrument from a YAML document; a ValueError names what is wrong and where."""
    try:
        items = tuple(Item(str(i["id"]), str(i["construct"]), str(i["text"]))
                      for i in data["items"])
        instrument = Instrument(
            id=str(data["id"]), title=str(data.get("title", "Pulse: {tool}")),
            intro=str(data.get("intro", "")),
            constructs={str(k): str(v) for k, v in data["constructs"].items()},
            items=items, scale=tuple(str(s) for s in data["scale"]),
            comment=str(data.get("comment", "")), buy_in=str(data.get("buy_in", "BI")))
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"{source}: missing or malformed {error}") from error
    unknown = {i.construct for i in items} - set(instrument.constructs)
    if unknown or len(instrument.scale) < 3 or instrument.buy_in not in instrument.constructs:
        raise ValueError(f"{source}: constructs {sorted(unknown)} undeclared, scale too short "
                         "or buy_in not a construct")
    return instrument


def load_instruments(extra: Path | None = None) -> dict[str, Instrument]:
    """The packaged instruments, then a district's (`extra/*.yml`), which win on equal ids."""
    found: dict[str, Instrument] = {}
    for folder in (PACKAGED, extra):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yml")):
            instrument = parse(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
            found[instrument.id] = instrument
    return found


def district_folder(kb_dir: str) -> Path | None:
    """Where a district keeps its own instruments: `<PREPBOT_KB_DIR>/instruments`."""
    return Path(kb_dir) / "instruments" if kb_dir else None


@lru_cache(maxsize=8)
def instruments_for(kb_dir: str) -> dict[str, Instrument]:
    """The instruments for a deployment, read once."""
    return load_instruments(district_folder(kb_dir))


def instrument_named(kb_dir: str, name: str) -> Instrument:
    """An instrument by id; the default when a district has since removed its own."""
    known = instruments_for(kb_dir)
    return known.get(name) or known[DEFAULT]


def extract_messages(fileobj: IO[bytes], keywords: object, comment_tags: object,
                     options: object) -> Any:
    """Babel's extractor for instrument files (babel.cfg): every sentence a teacher reads."""
    data = yaml.safe_load(fileobj.read().decode("utf-8"))
    texts = [data.get("title", ""), data.get("intro", ""), data.get("comment", ""),
             *(item["text"] for item in data.get("items", ())), *data.get("scale", ()),
             *data.get("constructs", {}).values()]
    for text in texts:
        if text:
            yield 0, None, str(text), ["a pulse survey's sentence; keep {tool} as it is"]
