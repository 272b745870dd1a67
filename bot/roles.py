"""Who may do what: teachers ask, coaches triage and run programmes, admins configure."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A person's role, lowest first."""

    TEACHER = "teacher"
    COACH = "coach"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Position in the order teacher < coach < admin."""
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        """True when this role may do what `needed` may."""
        return self.rank >= needed.rank

    @property
    def with_article(self) -> str:
        """"a teacher", "a coach", "an admin"."""
        return ("an " if self.value[0] in "aeiou" else "a ") + self.value
