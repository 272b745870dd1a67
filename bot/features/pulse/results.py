"""What a coach may see of a survey: only released answers (pool.py), N at a time."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.charts import chart_url
from bot.features.pulse import service
from bot.features.pulse.chart import Wave, alt_text, chart_token
from bot.features.pulse.models import ResponseRow, SurveyRow
from bot.features.pulse.stats import Construct, figures
from bot.i18n import _

MAX_WAVES = 12
MAX_COMMENTS = 10


@dataclass
class Report:
    """One survey's results as the coach (or, after closing, the cohort) sees them."""

    survey: SurveyRow
    n: int  # the released answers the figures are computed from
    threshold: int
    target: int
    constructs: list[Construct] = field(default_factory=list)
    previous: dict[str, float] = field(default_factory=dict)
    previous_wave: int | None = None
    comments: list[str] = field(default_factory=list)
    chart: tuple[str, str] | None = None  # url, alt text

    @property
    def shown(self) -> bool:
        """Whether there are enough answers to show anything."""
        return self.n >= self.threshold

    @property
    def buy_in(self) -> Construct | None:
        """The construct whose agreement is the district's buy-in figure."""
        code = service.instrument_of(self.survey).buy_in
        return next((c for c in self.constructs if c.code == code), None)


async def wave_means(session: AsyncSession, survey: SurveyRow) -> dict[str, float] | None:
    """A wave's construct means, or None when it had too few answers to show."""
    answers = await service.answer_sets(session, survey.id)
    if len(answers) < survey.threshold:
        return None
    return {c.code: c.mean for c in figures(service.instrument_of(survey), answers)}


async def earlier_waves(session: AsyncSession, survey: SurveyRow,
                        asked: Collection[int] = ()) -> list[SurveyRow]:
    """The waves before this one, oldest first (following each wave's link back), as far as
    they are this wave's coach's (another coach's wave is hers alone: a red team's, stop 51)
    and the reader was not `asked` in them: a wave she answered holds an answer she knows,
    and "since wave 1" would show her colleagues' (a red team's, stop 55)."""
    chain: list[SurveyRow] = []
    current = survey
    while current.previous_id is not None and len(chain) < MAX_WAVES - 1:
        found = await session.get(SurveyRow, current.previous_id)
        if found is None or found.coach_id != survey.coach_id or found.id in asked:
            break
        chain.append(found)
        current = found
    return list(reversed(chain))


async def report(session: AsyncSession, survey: SurveyRow, now: datetime,
                 with_comments: bool = True, asked: Collection[int] | None = ()) -> Report:
    """The survey's figures, change since the previous shown wave (of those its reader was
    not `asked` in; None: no earlier wave at all), comments and chart."""
    answers = await service.answer_sets(session, survey.id)
    result = Report(survey, len(answers), survey.threshold,
                    await service.BUYIN_TARGET.read(session))
    if not result.shown:
        return result
    instrument = service.instrument_of(survey).spoken(survey.tool)  # the reader's language
    result.constructs = figures(instrument, answers)
    waves: list[Wave] = []
    for earlier in await earlier_waves(session, survey, asked) if asked is not None else ():
        means = await wave_means(session, earlier)
        if means is not None:
            waves.append((_("wave {wave}").format(wave=earlier.wave), means))
            result.previous, result.previous_wave = means, earlier.wave
    waves.append((_("wave {wave}").format(wave=survey.wave),
                  {c.code: c.mean for c in result.constructs}))
    if with_comments:  # released with their answers, in groups: none stands out
        result.comments = await comments(session, survey.id)
    token = await chart_token(session, survey.id, waves, instrument.constructs,
                              len(instrument.scale), now)
    result.chart = (chart_url(token), alt_text(survey.tool, waves, instrument.constructs,
                                               len(instrument.scale)))
    return result


async def comments(session: AsyncSession, survey_id: int) -> list[str]:
    """The optional comments, in key order (random, so not in the order they came)."""
    query = (select(ResponseRow.comment).where(ResponseRow.survey_id == survey_id,
                                               ResponseRow.comment != "")
             .order_by(ResponseRow.key).limit(MAX_COMMENTS))
    return list((await session.execute(query)).scalars())
