"""The pictures people shared, cleaned, in the database every replica reads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class AttachmentRow(Base):
    """One cleaned picture: whose it is, what holds it, and its bytes.

    `owner` names what it is attached to (`ticket:41`), or is "" while it waits for one.
    `nonce` is in every link to it, so a link made for one row never opens another (SQLite
    may give a deleted row's id to a new one, and a demo database has ids of its own).
    """

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "owner"),
                      Index("ix_attachments_person_created", "person_id", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    owner: Mapped[str] = mapped_column(String(64), default="")
    nonce: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(128))
    media_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
