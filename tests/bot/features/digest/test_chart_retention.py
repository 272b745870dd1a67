"""Digest charts are deleted after CHART_DAYS; newer ones stay servable."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.digest.chart import CHART_DAYS, retention
from bot.features.pulse.models import ChartRow
from tests.support.clock import FakeClock


async def test_old_digest_charts_are_deleted(runtime: Runtime, clock: FakeClock) -> None:
    async with runtime.sessions() as session, session.begin():
        for token, age in (("old", CHART_DAYS + 1), ("recent", CHART_DAYS - 1)):
            session.add(ChartRow(token=token, survey_id=None, fingerprint=token, png=b"png",
                                 created_at=clock.now() - timedelta(days=age)))

    await runtime.bot.run(retention)

    async with runtime.sessions() as session:
        assert list((await session.execute(select(ChartRow.token))).scalars()) == ["recent"]
