"""A district's articles written in chat: the text in use for each, and every change to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class StoredArticleRow(Base):
    """The text in use for one article id: it replaces a shipped or folder article."""

    __tablename__ = "library_articles"

    article_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)  # the whole article file: front matter and body
    change_id: Mapped[int] = mapped_column(ForeignKey("library_changes.id"))


class ChangeRow(Base):
    """One change to a district's article, kept for its history and rollback.

    An empty `text` removed the district's version (the shipped one, if any, is back).
    """

    __tablename__ = "library_changes"
    __table_args__ = (Index("ix_library_changes_article", "article_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # published, edited, rolled back
    text: Mapped[str] = mapped_column(Text)
    # For a rollback: the change whose text came back (None: the text before any change).
    restores: Mapped[int | None] = mapped_column(nullable=True)
    draft: Mapped[str | None] = mapped_column(String(80), nullable=True)  # "tickets:12"
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
