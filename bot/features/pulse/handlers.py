"""`/pulse start|status|close|results`, the launch form, and the teacher's answers."""

from __future__ import annotations

from bot.blocks import Reply, form_reply
from bot.errors import BadInput
from bot.features.pulse import answering, launch, results, service, views
from bot.features.pulse.instruments import instruments_for
from bot.features.pulse.models import SurveyRow
from bot.i18n import N_, _
from bot.roles import Role
from bot.storage.rows import request_key
from bot.turn import Turn
from bot.vocabulary import Action, Command, Submission

TOOK_PART = N_("You were asked to answer the {tool} pulse, so its figures are not shown to "
               "you: every group of answers could hold yours. Its coach reads them.")


async def start(turn: Turn[Command]) -> list[Reply]:
    """`/pulse start Nearpod #pilot closes friday`, or the launch form when no words follow."""
    rest = turn.incoming.text.strip()
    if not rest:
        return [form_reply(views.launch_form(instruments_for(turn.settings.kb_dir),
                                             _here(turn)))]
    key = request_key(turn.incoming.person.platform, turn.incoming.event_id) \
        if turn.incoming.event_id else None
    return await launch.launch(turn, launch.read_inline(rest), launch.instrument_for(turn), key)


async def status(turn: Turn[Command]) -> list[Reply]:
    """Counts only."""
    survey, _asked = await _survey(turn, open_only=True)
    count = await service.response_count(turn.session, survey.id)
    return [views.status(survey, count)]


async def close(turn: Turn[Command]) -> list[Reply]:
    """Close early; the coach gets the results at once, the cohort too if it was promised."""
    survey, asked = await _survey(turn, open_only=True)
    await service.close(turn.session, survey, turn.now, tell_coach=False)
    return [views.results(await results.report(turn.session, survey, turn.now, asked=asked))]


async def show(turn: Turn[Command]) -> list[Reply]:
    """The figures (or why there are none yet)."""
    survey, asked = await _survey(turn, open_only=False)
    return [views.results(await results.report(turn.session, survey, turn.now, asked=asked))]


def _here(turn: Turn[Command]) -> str:
    where = turn.incoming.conversation
    return where.id if where.kind == "channel" else ""


async def _survey(turn: Turn[Command], open_only: bool) -> tuple[SurveyRow, set[int]]:
    """The survey a command names, and the surveys its reader was asked in (whose figures,
    earlier waves' too, they may not read)."""
    # A coach's own surveys only (a pilot's waves are its coach's), as in the digest; an
    # admin's, any (a red team's, stop 46: another coach read a pilot's comments, and
    # closed its open wave, dropping the answers waiting for release).
    tool = turn.incoming.text
    coach_id = None if turn.role.allows(Role.ADMIN) else turn.person.id
    asked = await service.took_part(turn.session, turn.person.id)
    # An admin once asked as a teacher: the surveys she was asked in are passed over, the
    # others (another coach's of the same tool) are hers to oversee (red teams', stop 51).
    survey = await service.find(turn.session, tool, open_only, coach_id, asked)
    if survey is None and (theirs := await service.find(turn.session, tool, open_only, coach_id)):
        raise BadInput(_(TOOK_PART).format(tool=theirs.tool))
    if survey is None:
        said = {(True, True): _("You have no open pulse for {tool} right now."),
                (True, False): _("You have no open pulse right now."),
                (False, True): _("You have no pulse for {tool} yet."),
                (False, False): _("You have no pulse yet.")}[open_only, bool(tool.strip())]
        raise BadInput(f"{said.format(tool=tool.strip())} "
                       f"{_('`/pulse start` launches one.')}")
    return survey, asked


async def start_form(turn: Turn[Submission]) -> list[Reply]:
    """The launch form was submitted."""
    values = turn.incoming.values
    asked = launch.Asked(values.get("tool", "").strip(), values.get("cohort", ""),
                         values.get("closes", "").strip() or "in 1 week",
                         values.get("share") == "yes")
    if not asked.tool:
        raise BadInput(_("Which tool is the pilot about?"))
    instrument = launch.instrument_for(turn, values.get("instrument") or "tam")
    key = request_key("form", turn.incoming.context) if turn.incoming.context else None
    return await launch.launch(turn, asked, instrument, key)


async def answer(turn: Turn[Submission]) -> list[Reply]:
    """A teacher sent (or changed) their answers."""
    survey, secret = await _open_survey(turn, turn.incoming.context)
    if not service.may_answer(survey, turn.person):
        raise BadInput(_(service.READER_ANSWERS))  # made so since the invitation (stop 50)
    instrument = service.instrument_of(survey)
    answers = answering.read_answers(instrument, turn.incoming.values)
    # Masked at the release, not now: masking takes longer the longer the comment, and the
    # time of this turn is in the log and the metrics (a red team's, stop 48).
    comment = turn.incoming.values.get("comment", "").strip()
    new = await answering.save(turn.session, turn.secret, survey, turn.person, secret, answers,
                               comment)
    return [views.answered(survey, turn.incoming.context, new, commented=bool(comment))]


async def change(turn: Turn[Action]) -> list[Reply]:
    """"Change my answers": the form again, filled in, for the holder of the secret."""
    survey, secret = await _open_survey(turn, turn.incoming.value)
    if await answering.is_final(turn.session, survey, secret):
        raise BadInput(_(answering.FINAL))
    mine = await answering.own_answers(turn.session, turn.secret, survey, turn.person, secret)
    reply = views.card(survey, service.instrument_of(survey), turn.incoming.value, mine)
    return [Reply(reply.text, reply.blocks, private=True)]


async def _open_survey(turn: Turn[Action | Submission], context: str) -> tuple[SurveyRow, str]:
    survey_id, secret, tag = answering.read_context(context)
    survey = await service.locked(turn.session, survey_id)  # answers and the close take turns
    if survey is None or not await service.was_invited(turn.session, survey, turn.person):
        raise BadInput(_("That survey isn't one you were invited to."))
    if (tag or survey.tagged_cards) and \
            tag != answering.form_tag(turn.secret, survey_id, secret, turn.person.id):
        raise BadInput(_("That survey form isn't yours to answer (each is sent to one "
                         "teacher). Use the one in your direct messages."))
    if survey.closed_at is not None:
        raise BadInput(_("The {tool} pulse has closed, so answers can't change now.").format(
                           tool=survey.tool))
    return survey, secret
