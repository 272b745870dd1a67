"""The core's rules for kept pictures: held ones expire, and a person's go when they are
erased (`prepbot privacy delete`). Registered beside the features, like housekeeping."""

from __future__ import annotations

from bot.attachments.store import forget_unclaimed
from bot.feature import Feature
from bot.scheduling.jobs import Jobs


def register(jobs: Jobs) -> None:
    """Every scheduler tick: delete pictures nothing claimed within two hours."""
    jobs.retention("attachments.unclaimed")(forget_unclaimed)


# A person's pictures are theirs: erased with them, wherever they are attached.
attachment_rules = Feature("attachments", jobs=register, erase={"attachments": "delete"})
