"""`/pilot`: teachers see the pilots they are in, coaches the pilots they run; `/pilot start`
and `/pilot report` for coaches."""

from __future__ import annotations

from datetime import timedelta

from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.pilots import report, schedule, service, views
from bot.features.pilots.models import PilotRow
from bot.hooks.year import ToolFacts, ToolMove, WaveAsk
from bot.i18n import N_, _, join, ngettext
from bot.people.mentions import named_people
from bot.people.models import PersonRow
from bot.roles import Role
from bot.storage.rows import request_key
from bot.turn import Turn
from bot.vocabulary import Command

PRE_OPEN = timedelta(days=4)  # the pre survey closes at the end of the first week
# A tool's status that keeps it out of a pilot, as said to the coach.
DONE_WITH = {"adopted": N_("adopted"), "sunsetting": N_("being retired"),
             "retired": N_("retired"), "declined": N_("declined")}


async def mine(turn: Turn[Command]) -> list[Reply]:
    """`/pilot`: one line per pilot this person runs or is in."""
    if turn.incoming.text.strip():
        pilot = await service.named(turn.session, turn.person, turn.incoming.text)
        return [views.listing([pilot], {pilot.id: await _line(turn, pilot)}, _staff(turn))]
    pilots = await service.visible_to(turn.session, turn.person)
    lines = {p.id: await _line(turn, p) for p in pilots}
    return [views.listing(pilots, lines, _staff(turn))]


def _staff(turn: Turn[Command]) -> bool:
    return turn.role.allows(Role.COACH)


async def _line(turn: Turn[Command], pilot: PilotRow) -> str:
    calendar = await service.calendar_for(turn.session, turn.person)
    today = turn.now.astimezone(calendar.zone).date()
    if pilot.status == "decided":
        state = _("decided: {decision}").format(decision=views.choice_word(pilot.decision))
    elif today > pilot.ends_on:
        state = _("ended, waiting for the coach's decision")
    else:
        state = _("week {week} of {weeks}").format(week=max(1, service.week_of(pilot, today)),
                                                   weeks=service.week_count(pilot))
    line = _("{tool}: {dates}, {state}").format(tool=pilot.tool, dates=views.dates(pilot),
                                               state=state)
    upcoming = [o for o in await schedule.observations(turn.session, pilot)
                if o.starts_at > turn.now and o.status == "planned"
                and (_staff(turn) or o.person_id == turn.person.id)]
    if upcoming and pilot.status == "running":
        line += "; " + _("next observation {when}").format(
            when=views.moment(upcoming[0].starts_at, calendar.tz))
    return line


async def start(turn: Turn[Command]) -> list[Reply]:
    """`/pilot start Blooket with @a @b @c for 4 weeks`: the cohort, the dates, wave 1 today,
    observations, check-ins; the tool moves to piloting."""
    asked = service.read_start(turn.incoming.text)
    register, waves = turn.features.tool_register, turn.features.pulse_waves
    if register is None or waves is None:
        raise BadInput(_("Pilots need the tool register and pulse surveys, and one is "
                         "missing."))
    tool = await register.find(turn.session, asked.tool)
    _check_tool(tool, asked.tool)
    assert tool is not None
    teachers = await _cohort(turn, asked.cohort)
    key = request_key(turn.person.platform, turn.incoming.event_id) \
        if turn.incoming.event_id else None
    pilot, created = await service.create(turn.session, tool.id, tool.name, turn.person,
                                          teachers, asked.weeks, turn.now, key)
    if created:
        await _launch(turn, pilot, tool, teachers)
    slots = [views.moment(o.starts_at, (await service.calendar_for(turn.session, turn.person)).tz)
             for o in await schedule.observations(turn.session, pilot)]
    warning = "" if len(teachers) == 3 else ngettext(
        "A pilot usually has three volunteer teachers; this one has {count}.",
        "A pilot usually has three volunteer teachers; this one has {count}.",
        len(teachers)).format(count=len(teachers))
    names = [t.display_name or t.user_id for t in teachers]
    return [views.started(pilot, names, slots, warning)]


def _check_tool(tool: ToolFacts | None, name: str) -> None:
    if tool is None:
        raise BadInput(_("{tool} isn't in the tool register yet. `/tools add {tool}` adds it, "
                         "then `/tools checklist {tool}`.").format(tool=name))
    if tool.blocked:
        raise BadInput(_("{tool} can't enter a pilot: {why}. An admin can override with a "
                         "reason: `/tools override {tool} <point> <reason>`.").format(
            tool=tool.name, why=tool.blocked))
    if tool.status in DONE_WITH:
        raise BadInput(_("{tool} is {status}: a pilot is for a tool under review. "
                         "`/tools status {tool} evaluating` reopens it.").format(
            tool=tool.name, status=_(DONE_WITH[tool.status])))


async def _cohort(turn: Turn[Command], words: str) -> list[PersonRow]:
    named = await named_people(turn.session, turn.person.platform, words, turn.now,
                               turn.settings.admin_keys, turn.incoming.mentioned)
    if named.unknown:
        raise BadInput(_("I don't know {names} here. Name teachers who have talked to me, as "
                         "@mentions or by their display name.").format(
            names=join([repr(u) for u in named.unknown])))
    teachers = [p for p in named.people if p.id != turn.person.id]
    if not teachers:
        raise BadInput(_("Which teachers? {usage}").format(usage=_(service.USAGE)))
    if len(teachers) > service.MAX_TEACHERS:
        raise BadInput(_("A pilot is a small group: {count} teachers at most.").format(
            count=service.MAX_TEACHERS))
    return teachers


async def _launch(turn: Turn[Command], pilot: PilotRow, tool: ToolFacts,
                  teachers: list[PersonRow]) -> None:
    """Wave 1 today, the observations and check-ins; the tool moves to piloting."""
    assert turn.features.pulse_waves is not None and turn.features.tool_register is not None
    wave = WaveAsk(pilot.tool, tool.pulse_key or f"tool-{tool.id}", views.cohort_name(pilot),
                   turn.person.id, tuple(t.id for t in teachers), pilot.starts_on + PRE_OPEN,
                   turn.now, f"pilot-{pilot.id}-pre", turn.settings.kb_dir)
    pilot.pre_survey_id = await turn.features.pulse_waves.launch(turn.session, wave)
    weeks = range(1, service.week_count(pilot) + 1)
    await schedule.plan_observations(turn.session, turn.features, pilot, teachers, weeks,
                                     turn.now)
    await schedule.plan_checkins(turn.session, pilot, teachers, weeks, turn.now)
    await turn.features.tool_register.move(turn.session, ToolMove(
        tool.id, "piloting", turn.person.id, turn.now, f"pilot until {pilot.ends_on}",
        decide_by=pilot.ends_on + timedelta(days=7), users=tuple(t.id for t in teachers),
        pulses=(pilot.pre_survey_id,) if pilot.pre_survey_id else ()))


async def show_report(turn: Turn[Command]) -> list[Reply]:
    """`/pilot report Blooket`: the report as it stands (with the decision buttons once the
    pilot has ended)."""
    pilot = await service.named(turn.session, turn.person, turn.incoming.text)
    if turn.role != Role.ADMIN and pilot.coach_id != turn.person.id:
        raise BadInput(_("That pilot's report is for the coach who runs it."))
    waves = turn.features.pulse_waves
    asked = await waves.asked(turn.session, turn.person.id) if waves else set()
    if asked & {pilot.pre_survey_id, pilot.post_survey_id}:  # an admin once its teacher
        raise BadInput(_("You were asked to answer this pilot's surveys, so its report is not "
                         "shown to you: its figures could hold your answers."))
    found = await report.build(turn.session, turn.features, pilot)
    return [views.report(found, final=pilot.status == "reporting")]
