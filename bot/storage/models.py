"""Imports every feature's models so the metadata knows every table (for Alembic and tests)."""

from bot import charts
from bot.features.admin import models as admin
from bot.features.answers import models as answers
from bot.features.coffee import models as coffee
from bot.features.digest import models as digest
from bot.features.pulse import models as pulse
from bot.features.tickets import models as tickets
from bot.people import models as people
from bot.scheduling import models as scheduling
from bot.schools import models as schools
from bot.storage import idempotency
from bot.storage.base import Base

metadata = Base.metadata

__all__ = ["admin", "answers", "charts", "coffee", "digest", "idempotency", "metadata", "people",
           "pulse", "scheduling", "schools", "tickets"]
