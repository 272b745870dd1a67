"""The features, each a folder with the same shape (docs/architecture.md), registered here.

The order is the order of `/prepbot help` and of the digest's sections' ties.
"""

from bot.feature import Feature
from bot.features.admin import feature as admin
from bot.features.answers import feature as answers
from bot.features.coffee import feature as coffee
from bot.features.cycles import feature as cycles
from bot.features.digest import feature as digest
from bot.features.helpchannels import feature as helpchannels
from bot.features.helpdesk import feature as helpdesk
from bot.features.library import feature as library
from bot.features.pilots import feature as pilots
from bot.features.portfolio import feature as portfolio
from bot.features.pulse import feature as pulse
from bot.features.tickets import feature as tickets
from bot.features.tools import feature as tools

FEATURES: tuple[Feature, ...] = (answers, tickets, helpchannels, admin, coffee, pulse, tools,
                                 pilots, cycles, portfolio, digest, library, helpdesk)
