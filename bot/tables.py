"""Every table prepbot has: the core's and each feature's, for Alembic, copies and tests."""

from bot import arrivals, charts, stored_settings
from bot.attachments import models as attachments
from bot.features.answers import models as answers
from bot.features.coffee import models as coffee
from bot.features.cycles import models as cycles
from bot.features.digest import models as digest
from bot.features.helpchannels import models as helpchannels
from bot.features.helpdesk import models as helpdesk
from bot.features.library import models as library
from bot.features.pilots import models as pilots
from bot.features.portfolio import models as portfolio
from bot.features.pulse import models as pulse
from bot.features.tickets import models as tickets
from bot.features.tools import models as tools
from bot.people import models as people
from bot.scheduling import models as scheduling
from bot.schools import models as schools
from bot.storage import idempotency
from bot.storage.base import Base

metadata = Base.metadata

__all__ = [
    "answers",
    "arrivals",
    "attachments",
    "charts",
    "coffee",
    "cycles",
    "digest",
    "helpchannels",
    "helpdesk",
    "idempotency",
    "library",
    "metadata",
    "people",
    "pilots",
    "portfolio",
    "pulse",
    "scheduling",
    "schools",
    "stored_settings",
    "tickets",
    "tools",
]
