"""`prepbot pulse export`: the anonymous responses as CSV, one row per answer set.

Only closed surveys with at least the anonymity threshold of answers are exported: while a
survey is open, two exports a response apart would single out the newest answers. Rows carry
no person, no key and no date (on a small cohort a day can name someone), and come in key
order, which is random.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pulse import service
from bot.features.pulse.models import ResponseRow, SurveyRow
from bot.hooks import Table

FIXED = ("survey", "tool", "wave", "cohort", "instrument")


async def exportable(session: AsyncSession, tool: str = "") -> list[SurveyRow]:
    """Closed surveys (of a tool, when named) with enough answers to export."""
    counts = (select(ResponseRow.survey_id, func.count().label("n"))
              .group_by(ResponseRow.survey_id).subquery())
    query = (select(SurveyRow).join(counts, counts.c.survey_id == SurveyRow.id)
             .where(SurveyRow.closed_at.is_not(None),
                    counts.c.n >= SurveyRow.threshold)
             .order_by(SurveyRow.id))
    if tool.strip():
        query = query.where(SurveyRow.tool_key.in_(service.tool_keys(tool)))
    return list((await session.execute(query)).scalars())


async def answer_sets(session: AsyncSession, tool: str = "") -> Table:
    """One row per answer set of the exportable surveys, items as columns, then the comment."""
    surveys = await exportable(session, tool)
    items: list[str] = []
    for survey in surveys:
        items += [i.id for i in service.instrument_of(survey).items if i.id not in items]
    rows: list[tuple[str, ...]] = []
    for survey in surveys:
        query = (select(ResponseRow.answers, ResponseRow.comment)
                 .where(ResponseRow.survey_id == survey.id).order_by(ResponseRow.key))
        rows += [(str(survey.id), survey.tool, str(survey.wave), survey.cohort_name,
                  survey.instrument, *(str(answers.get(i, "")) for i in items), comment)
                 for answers, comment in await session.execute(query)]
    return Table((*FIXED, *items, "comment"), rows)
