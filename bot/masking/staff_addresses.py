"""The work addresses of the district's own staff, exactly as Slack's member list gives them
(profile.email, with the users:read.email scope): an address a teacher writes is kept when it
is one of them, since every colleague can read it in the directory anyway, in a text that
hides nothing else and speaks of no child or family, where it may be a parent's
(contacts.spare_listed_addresses; red team RR's, stop 68). Rules that guessed a staff address
from its shape or the words around it were all broken by red teams (stops 66 and 67: students
write in too, and are made editors and owners); a listed address is no guess. Only the member
list vouches (its guests left out), as for staff names: a Teams tenant holds its students too.
Kept in memory only, never stored (bot/people/staff_names.py fills it on every replica)."""

from __future__ import annotations

from collections.abc import Iterable

ADDRESSES: frozenset[str] = frozenset()


def know_staff_addresses(addresses: Iterable[str]) -> None:
    """Know exactly these addresses as staff's (replacing those known before)."""
    global ADDRESSES
    ADDRESSES = frozenset(a.strip().lower() for a in addresses if "@" in a)


def staff_address(address: str) -> bool:
    """True when `address` (as written, any case) is one the member list gives a colleague."""
    return address.strip().lower() in ADDRESSES
