"""Wiring: `/pulse start|status|close|results`, the teacher's form, and the timed work."""

from __future__ import annotations

from bot.blocks import Reply, Text
from bot.errors import BadInput
from bot.features.pulse import answering, jobs, launch, results, service, views
from bot.features.pulse.instruments import instruments_for
from bot.features.pulse.models import SurveyRow
from bot.masking import mask_student_data, privacy_note
from bot.roles import Role
from bot.router import Router
from bot.scheduling.jobs import Jobs
from bot.turn import Turn
from bot.vocabulary import Action, Command, Submission

HELP = ("`/pulse start [tool #channel closes friday]` launches a TAM pulse; "
        "`/pulse status [tool]`, `/pulse close [tool]`, `/pulse results [tool]`.")


async def pulse_command(turn: Turn) -> list[Reply]:
    """The coach's one command, with a word for what to do."""
    assert isinstance(turn.incoming, Command)
    word, _, rest = turn.incoming.text.strip().partition(" ")
    word = word.lower()
    if word == "start":
        if not rest.strip():
            form = views.launch_form(instruments_for(turn.settings.kb_dir),
                                     _here(turn))
            return [Reply(form.title, (form,), private=True)]
        key = f"{turn.incoming.person.platform}:{turn.incoming.event_id}" \
            if turn.incoming.event_id else None
        return await launch.launch(turn, launch.read_inline(rest), launch.instrument_for(turn),
                                   key)
    if word in {"status", "close", "results"}:
        survey = await _survey(turn, rest, open_only=word != "results")
        return [await {"status": status, "close": close, "results": show}[word](turn, survey)]
    return [Reply(HELP, (Text(HELP),), private=True)]


def _here(turn: Turn) -> str:
    where = turn.incoming.conversation
    return where.id if where.kind == "channel" else ""


async def _survey(turn: Turn, tool: str, open_only: bool) -> SurveyRow:
    survey = await service.find(turn.session, tool, open_only)
    if survey is None:
        which = f"for {tool.strip()} " if tool.strip() else ""
        raise BadInput(f"There is no {'open ' if open_only else ''}pulse {which}right now. "
                       "`/pulse start` launches one.")
    return survey


async def status(turn: Turn, survey: SurveyRow) -> Reply:
    """Counts only."""
    count = await service.response_count(turn.session, survey.id)
    return views.status(survey, count, await service.threshold(turn.session))


async def close(turn: Turn, survey: SurveyRow) -> Reply:
    """Close early; the coach gets the results at once, the cohort too if it was promised."""
    await service.close(turn.session, survey, turn.now, tell_coach=False)
    return views.results(await results.report(turn.session, survey, turn.now))


async def show(turn: Turn, survey: SurveyRow) -> Reply:
    """The figures (or why there are none yet)."""
    return views.results(await results.report(turn.session, survey, turn.now))


async def start_form(turn: Turn) -> list[Reply]:
    """The launch form was submitted."""
    assert isinstance(turn.incoming, Submission)
    values = turn.incoming.values
    asked = launch.Asked(values.get("tool", "").strip()[:80], values.get("cohort", ""),
                         values.get("closes", "").strip() or "in 1 week",
                         values.get("share") == "yes")
    if not asked.tool:
        raise BadInput("Which tool is the pilot about?")
    instrument = launch.instrument_for(turn, values.get("instrument") or "tam")
    key = f"form:{turn.incoming.context}" if turn.incoming.context else None
    return await launch.launch(turn, asked, instrument, key)


async def answer(turn: Turn) -> list[Reply]:
    """A teacher sent (or changed) their answers."""
    assert isinstance(turn.incoming, Submission)
    survey, secret = await _open_survey(turn, turn.incoming.context)
    instrument = service.instrument_of(survey)
    answers = answering.read_answers(instrument, turn.incoming.values)
    comment = mask_student_data(turn.incoming.values.get("comment", "").strip())
    new = await answering.save(turn.session, survey, turn.person, secret, answers,
                               comment.text, turn.now.date())
    return [views.answered(survey, turn.incoming.context, new, privacy_note(comment))]


async def change(turn: Turn) -> list[Reply]:
    """"Change my answers": the form again, filled in, for the holder of the secret."""
    assert isinstance(turn.incoming, Action)
    survey, secret = await _open_survey(turn, turn.incoming.value)
    mine = await answering.own_answers(turn.session, survey, secret)
    reply = views.card(survey, service.instrument_of(survey), turn.incoming.value,
                       await service.threshold(turn.session), mine)
    return [Reply(reply.text, reply.blocks, private=True)]


async def _open_survey(turn: Turn, context: str) -> tuple[SurveyRow, str]:
    survey_id, secret = answering.read_context(context)
    survey = await service.get_survey(turn.session, survey_id)
    if survey is None or not await service.was_invited(turn.session, survey, turn.person):
        raise BadInput("That survey isn't one you were invited to.")
    if survey.closed_at is not None:
        raise BadInput(f"The {survey.tool} pulse has closed, so answers can't change now.")
    return survey, secret


def register(router: Router) -> None:
    """Wire the pulse feature into the router."""
    router.command("pulse", "TAM pulse surveys for tool pilots: start, status, close, results",
                   "/pulse start|status|close|results [tool]", Role.COACH)(pulse_command)
    router.form("pulse.start", Role.COACH)(start_form)
    router.form("pulse.answer")(answer)
    router.action("pulse.change")(change)


def register_jobs(jobs_: Jobs) -> None:
    """Invitations, the reminder and results go through the ledger; closing is a chore."""
    jobs_.renderer(service.INVITE)(jobs.render_invitation)
    jobs_.renderer(service.REMIND)(jobs.render_reminder)
    jobs_.renderer(service.RESULTS)(jobs.render_results)
    jobs_.chore("pulse.close")(jobs.close_due)
