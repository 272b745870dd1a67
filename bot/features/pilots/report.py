"""A pilot's report: buy-in before and after against the target (under the pulse's release
rule), the error log and its patterns, the check-ins' themes, the observations, and a
recommendation (adopt, extend or drop) for the coach to confirm."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.pilots import schedule, service
from bot.features.pilots.errorlog import ErrorLog, gather
from bot.features.pilots.models import CheckinRow, PilotRow
from bot.features.pilots.themes import Theme, themes_of
from bot.hooks.year import BuyIn, ToolFacts
from bot.i18n import _, format_percent, format_share, reaches
from bot.people.models import PersonRow
from bot.registry import Registry

DROP_BELOW = 25  # points under the target: teachers are not going to use it
CHOICES = ("adopt", "extend", "drop")


@dataclass
class PilotReport:
    """Everything the coach reads before deciding."""

    pilot: PilotRow
    teachers: int
    pre: BuyIn | None
    post: BuyIn | None
    errors: ErrorLog
    themes: list[Theme] = field(default_factory=list)
    quiet: int = 0  # check-ins that said nothing broke
    checkins: int = 0
    expected_checkins: int = 0
    observed: int = 0
    observations: int = 0
    on_task: list[str] = field(default_factory=list)
    recommendation: str = "extend"
    why: str = ""


def recommend(post: BuyIn | None, errors: ErrorLog) -> tuple[str, str]:
    """Adopt when the post survey meets the target; drop when it is far below; else extend.
    The reason is said in the current language."""
    if post is None:
        return "extend", _("the post survey hasn't run yet")
    if not post.shown:
        return "extend", _("its buy-in can't be shown: fewer than {threshold} answers were "
                           "released, and the anonymity rule comes first").format(
            threshold=post.threshold)
    assert post.agree is not None
    figures = {"agree": format_share(post.agree, post.target),
               "target": format_percent(post.target / 100)}
    if post.meets:
        patterns = errors.patterns
        if patterns:
            return "adopt", _("buy-in {agree} meets the {target} target; deal with the {period} "
                              "problem with IT before the rollout").format(
                period=patterns[0][0].label(), **figures)
        return "adopt", _("buy-in {agree} meets the {target} target").format(**figures)
    if not reaches(post.agree, post.target - DROP_BELOW):  # as counted: 29 of 50 is 58
        # Shown against the line it fell below: 58 of 97 is "59.7%", not "60%" (a red team's).
        return "drop", _("buy-in {agree} is far below the {target} target").format(
            **{**figures, "agree": format_share(post.agree, post.target - DROP_BELOW)})
    return "extend", _("buy-in {agree} is below the {target} target; two more weeks of support "
                       "may close the gap").format(**figures)


async def build(session: AsyncSession, features: Registry, pilot: PilotRow) -> PilotReport:
    """The report as it stands now (final once the pilot has ended)."""
    waves, register = features.pulse_waves, features.tool_register
    if register is None:
        raise BadInput(_("The tool register isn't available, so there is no report."))
    tool = await register.find(session, pilot.tool_id) or ToolFacts(
        pilot.tool_id, pilot.tool, (pilot.tool,), "piloting", None)
    pre = await waves.buy_in(session, pilot.pre_survey_id) \
        if waves and pilot.pre_survey_id else None
    post = await waves.buy_in(session, pilot.post_survey_id) \
        if waves and pilot.post_survey_id else None
    coach = await session.get(PersonRow, pilot.coach_id)
    assert coach is not None
    calendar = await service.calendar_for(session, coach)
    errors = await gather(session, features, tool, pilot.starts_on, pilot.ends_on, calendar.tz)
    teachers = await service.teachers_of(session, pilot)
    lines = list((await session.execute(select(CheckinRow.text).where(
        CheckinRow.pilot_id == pilot.id).order_by(CheckinRow.week, CheckinRow.id))).scalars())
    themes, quiet = themes_of(lines)
    slots = await schedule.observations(session, pilot)
    done = [o for o in slots if o.status == "done"]
    result = PilotReport(pilot, len(teachers), pre, post, errors, themes, quiet, len(lines),
                         len(teachers) * service.week_count(pilot), len(done), len(slots),
                         [o.on_task for o in done if o.on_task])
    result.recommendation, result.why = recommend(post, errors)
    return result
