"""Stored JSON values (a step's answers, a delivery's payload) read and changed string by string."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a value, inside JSON's lists and objects too."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def each_string(value: Any, change: Callable[[str], str]) -> Any:
    """A JSON value with `change` applied to every string in it."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [each_string(item, change) for item in value]
    if isinstance(value, dict):
        return {key: each_string(item, change) for key, item in value.items()}
    return value
