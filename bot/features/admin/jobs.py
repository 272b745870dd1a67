"""The admin feature's timed work: every replica's masker keeps knowing the district's
schools (bot/schools/names.py), read at each refresh and at once after a school changes."""

from __future__ import annotations

from bot.scheduling.jobs import Jobs
from bot.schools.names import SchoolNamesFollower

SCHOOLS = "schools.names"  # what a change asks every replica to refresh: the masker's schools


def register(jobs: Jobs) -> None:
    """Keep this replica's masker knowing the district's schools."""
    jobs.refresher(SCHOOLS)(SchoolNamesFollower().refresh)
