"""Every table prepbot has: the core's and each feature's, for Alembic, copies and tests."""

from bot import charts, inbox, stored_settings
from bot.features.answers import models as answers
from bot.features.coffee import models as coffee
from bot.features.digest import models as digest
from bot.features.helpdesk import models as helpdesk
from bot.features.pulse import models as pulse
from bot.features.tickets import models as tickets
from bot.people import models as people
from bot.scheduling import models as scheduling
from bot.schools import models as schools
from bot.storage import idempotency
from bot.storage.base import Base

metadata = Base.metadata

__all__ = [
           "answers",
           "charts",
           "coffee",
           "digest",
           "helpdesk",
           "idempotency",
           "inbox",
           "metadata",
           "people",
           "pulse",
           "scheduling",
           "schools",
           "stored_settings",
           "tickets",
]
