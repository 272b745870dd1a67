"""Digest charts are deleted after CHART_DAYS; newer ones, and survey charts, stay."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.charts import ChartRow
from bot.features.digest.chart import CHART_DAYS
from tests.support.clock import FakeClock


async def test_old_digest_charts_are_deleted(runtime: Runtime, clock: FakeClock) -> None:
    async with runtime.sessions() as session, session.begin():
        for token, owner, age in (("old", "digest", CHART_DAYS + 1),
                                  ("recent", "digest", CHART_DAYS - 1),
                                  ("survey", "survey:1", CHART_DAYS + 1)):
            session.add(ChartRow(token=token, owner=owner, fingerprint=token, png=b"png",
                                 created_at=clock.now() - timedelta(days=age)))

    await runtime.dispatcher.tick()

    async with runtime.sessions() as session:
        assert sorted((await session.execute(select(ChartRow.token))).scalars()) == [
            "recent", "survey"]  # a survey's results chart is not the digest's to delete
