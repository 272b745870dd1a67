"""The shared fixtures red team T's tests reuse: the coach's year (a school, a coach, three
teachers, a timed messenger) and the pulse's pilot channel. Slack's fixtures are imported
only by the Slack test, since they set Slack credentials."""

from tests.bot.features.conftest import lincoln, staff, timed
from tests.bot.features.pulse.conftest import morning, outbox, pilot

__all__ = ["lincoln", "morning", "outbox", "pilot", "staff", "timed"]
