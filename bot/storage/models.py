"""Imports every feature's models so the metadata knows every table (for Alembic and tests)."""

from bot.features.answers import models as answers
from bot.people import models as people
from bot.storage import idempotency
from bot.storage.base import Base

metadata = Base.metadata

__all__ = ["answers", "idempotency", "metadata", "people"]
