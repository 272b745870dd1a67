"""What comes in is scrubbed of characters no one means and a database refuses."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


def scrubbed(value: Any) -> Any:
    """The value with NUL characters dropped: PostgreSQL text refuses them, no one means one."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, Mapping):
        return {scrubbed(k): scrubbed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(scrubbed(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: scrubbed(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value
