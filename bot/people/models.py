"""Tables for people and the conversations the bot can message later."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import ForeignKey, String, Text, Time, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from bot.i18n import language_of
from bot.roles import Role
from bot.storage.base import Base, UTCDateTime

ERASED = "erased-"  # an erased person's user id begins so (bot/privacy.py)


class PersonRow(Base):
    """A person on one platform, with the role prepbot gives them."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("platform", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(255), default="")
    # Slack's real name beside the display name; "" where the platform gives one name only.
    full_name: Mapped[str] = mapped_column(String(255), default="", server_default="")
    tz: Mapped[str | None] = mapped_column(String(64), nullable=True)
    role: Mapped[str] = mapped_column(String(16), default="teacher")
    # Whose doing an admin role is: "settings" (PREPBOT_ADMINS: out of the list, out of the
    # role), "hand" (given by a person: kept), or None (not an admin, or made before stop 51).
    admin_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), nullable=True,
                                                   index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    prep_start: Mapped[time | None] = mapped_column(Time, nullable=True)
    prep_end: Mapped[time | None] = mapped_column(Time, nullable=True)
    prep_days: Mapped[str] = mapped_column(String(16), default="")
    # The platform's locale ("es-ES"), refreshed on every arrival; and the language the person
    # chose with `/prepbot language`, which wins while set (bot/i18n.py: language_of).
    locale: Mapped[str | None] = mapped_column(String(16), nullable=True)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # Slack's member list marked them a guest when last read (bot/people/staff_names.py): an
    # operator's command, which never reads the list, must not take them for a colleague.
    guest: Mapped[bool] = mapped_column(default=False, server_default=false())

    @property
    def speaks(self) -> str:
        """The language prepbot speaks to this person."""
        return language_of(self.language, self.locale)

    @property
    def coaches(self) -> bool:
        """Whether they hold a coach's role now (or an admin's): a coach made a teacher again
        neither acts on nor hears of the teachers they coached (a red team's, stop 49)."""
        return Role(self.role).allows(Role.COACH)


class ConversationRow(Base):
    """A conversation and the adapter's opaque reference for messaging it later."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("platform", "conversation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    conversation_id: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16), default="direct")
    ref: Mapped[str] = mapped_column(Text, default="")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
