"""Forms and buttons left in a coach's chat: a checklist or edit form sent after the tool
moved on (another coach's point, an admin's override, a handover) keeps what the other
changed and saves the rest, telling its sender what of hers was not saved; sent twice, it is
saved; "Keep it" answers only a waiting review."""

from __future__ import annotations

from sqlalchemy import select, update

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button, Form
from bot.features.tools import stale
from bot.features.tools.models import ToolCheckRow, ToolEventRow, ToolRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, button, form_of

PARK = Person(platform="console", user_id="park", display_name="Ms Park")
HANDOVER = "/prepbot handover @Mr Okafor @Ms Park"
OTHERS = ("sso", "accessibility", "cost", "mobile", "evidence")
ALL_PASS = {p: "pass" for p in ("privacy", *OTHERS)}
CHANGED = "changed since you opened this form"


async def park_is_a_coach(chat: ConsoleChat, runtime: Runtime) -> None:
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)


def filled_in(form: Form, **changes: str) -> dict[str, str]:
    """A form's values as it was shown, with some changed."""
    return {f.name: f.initial or "" for f in form.fields} | changes


async def privacy(runtime: Runtime) -> ToolCheckRow:
    async with runtime.sessions() as session:
        return (await session.execute(select(ToolCheckRow).where(
            ToolCheckRow.point == "privacy"))).scalar_one()


async def two_edit_forms(chat: ConsoleChat, runtime: Runtime, staff: Staff) -> tuple[Form, Form]:
    """Blooket, adopted; Mr Okafor's edit form, then Ms Park's, both open at once."""
    await park_is_a_coach(chat, runtime)
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    form = form_of(await chat.press(button(card, "Edit"), as_=staff.coach))
    [card] = await chat.say("/tools Blooket", as_=PARK)
    return form, form_of(await chat.press(button(card, "Edit"), as_=PARK))


async def results(runtime: Runtime) -> dict[str, str]:
    """Each recorded point's result."""
    async with runtime.sessions() as session:
        rows = await session.execute(select(ToolCheckRow.point, ToolCheckRow.result))
        return {point: result for point, result in rows}


async def the_tool(runtime: Runtime) -> ToolRow:
    """The one tool in the register, as stored."""
    async with runtime.sessions() as session:
        return (await session.execute(select(ToolRow))).scalar_one()


async def owner(runtime: Runtime) -> str:
    async with runtime.sessions() as session:
        return (await session.execute(select(PersonRow.user_id).join(
            ToolRow, ToolRow.owner_id == PersonRow.id))).scalar_one()


async def test_a_checklist_form_opened_before_the_new_owner_recorded_a_fail_keeps_her_fail(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 52): the stale form wrote "pass" over her privacy fail. Stop 57: it
    # was then refused whole, and the five other points he had filled in were lost.
    await park_is_a_coach(chat, runtime)
    await chat.say("/tools add Blooket", as_=staff.coach)
    form = form_of(await chat.say("/tools checklist Blooket", as_=staff.coach))
    await chat.say(HANDOVER, as_=staff.admin)
    await chat.say("/tools check Blooket privacy fail the vendor sells student data", as_=PARK)

    [saved] = await chat.submit("tools.checklist", filled_in(
        form, **ALL_PASS, privacy_note="DPA on file"), form.context, as_=staff.coach)

    assert saved.text.startswith("Checklist for Blooket saved.\nNot saved: someone else "
                                 "changed this since you opened the form, so theirs stays. "
                                 "What you entered:\n• Data privacy (FERPA/COPPA): pass, "
                                 "DPA on file\nOpen `/tools checklist Blooket`"), saved.text
    failed = await privacy(runtime)
    assert (failed.result, failed.note) == ("fail", "the vendor sells student data")
    assert await results(runtime) == {"privacy": "fail"} | {p: "pass" for p in OTHERS}
    [card] = await chat.say("/tools Blooket", as_=PARK)
    assert "Pilot: may enter one" not in render(card)


async def test_a_stale_checklist_form_saves_what_only_its_sender_changed(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # Her colleague's point, left as the form showed it, is not written back over his.
    await chat.say("/tools add Blooket", as_=staff.coach)
    form = form_of(await chat.say("/tools checklist Blooket", as_=staff.coach))
    await chat.say("/tools check Blooket privacy fail the vendor sells student data",
                   as_=staff.admin)

    [saved] = await chat.submit("tools.checklist", filled_in(form, sso="pass", cost="fail"),
                                form.context, as_=staff.coach)

    assert "Not saved" not in saved.text
    assert await results(runtime) == {"privacy": "fail", "sso": "pass", "cost": "fail",
                                      "accessibility": "unknown", "mobile": "unknown",
                                      "evidence": "unknown"}


async def test_a_checklist_form_opened_before_an_admins_override_can_not_drop_it(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 52): a changed result drops an override, so a stale form could.
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say("/tools check Blooket privacy fail no signed agreement", as_=staff.coach)
    form = form_of(await chat.say("/tools checklist Blooket", as_=staff.coach))
    await chat.say("/tools override Blooket privacy the vendor signs the DPA by 1 March",
                   as_=staff.admin)

    [changed] = await chat.submit("tools.checklist", filled_in(form, privacy="unknown"),
                                  form.context, as_=staff.coach)
    [untouched] = await chat.submit("tools.checklist", filled_in(form, sso="pass"),
                                    form.context, as_=staff.coach)

    assert "• Data privacy (FERPA/COPPA): unknown, no signed agreement" in changed.text
    assert "Not saved" not in untouched.text
    kept = await privacy(runtime)
    assert (kept.result, kept.override) == ("fail", "the vendor signs the DPA by 1 March")
    assert (await results(runtime))["sso"] == "pass"


async def test_a_checklist_form_stamped_whole_is_refused_whole_once_the_checklist_moved(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # Forms opened before stop 57 carry one stamp of all they showed: which part another
    # changed is unknown, so the stop-52 rule holds for them.
    await chat.say("/tools add Blooket", as_=staff.coach)
    async with runtime.sessions() as session:
        tool = (await session.execute(select(ToolRow))).scalar_one()
        whole = f"{tool.id}:{stale.stamp(stale.checklist_state(tool, {}))}"
    await chat.say("/tools check Blooket privacy fail no signed agreement", as_=staff.admin)

    [refused] = await chat.submit("tools.checklist", ALL_PASS, whole, as_=staff.coach)

    assert CHANGED in refused.text and "nothing was saved" in refused.text
    assert await results(runtime) == {"privacy": "fail"}


async def test_a_checklist_form_sent_twice_is_saved_both_times(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools add Blooket", as_=staff.coach)
    form = form_of(await chat.say("/tools checklist Blooket", as_=staff.coach))
    for _ in range(2):  # the second finds what it would write already there
        [saved] = await chat.submit("tools.checklist", filled_in(form, **ALL_PASS),
                                    form.context, as_=staff.coach)
        assert saved.text.startswith("Checklist for Blooket saved"), saved.text
    async with runtime.sessions() as session:
        checks = (await session.execute(select(ToolCheckRow.result))).scalars().all()
    assert checks == ["pass"] * 6


async def test_a_checklist_form_from_before_stamps_is_refused_over_recorded_points(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # Its context is the bare tool id: what it showed is unknown, so it may only fill in
    # an empty checklist.
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say("/tools add Gimkit", as_=staff.coach)
    async with runtime.sessions() as session:
        ids = {name: id_ for name, id_ in await session.execute(select(ToolRow.name, ToolRow.id))}
    await chat.say("/tools check Blooket privacy fail no signed agreement", as_=staff.coach)

    [refused] = await chat.submit("tools.checklist", ALL_PASS, str(ids["Blooket"]),
                                  as_=staff.coach)
    assert CHANGED in refused.text
    assert (await privacy(runtime)).result == "fail"
    [saved] = await chat.submit("tools.checklist", ALL_PASS, str(ids["Gimkit"]),
                                as_=staff.coach)
    assert saved.text.startswith("Checklist for Gimkit saved")


async def test_an_edit_form_opened_before_a_handover_leaves_the_tool_with_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 52): the form's "Owner coach: Mr Okafor" took the tool back. Stop 57:
    # the grades he typed are saved all the same.
    await park_is_a_coach(chat, runtime)
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    form = form_of(await chat.press(button(card, "Edit"), as_=staff.coach))
    await chat.say(HANDOVER, as_=staff.admin)

    [shown] = await chat.submit("tools.edit", filled_in(form, grades="3-5"), form.context,
                                as_=staff.coach)

    assert "Grades: 3-5" in render(shown) and "Owner: Ms Park" in render(shown)
    tool = await the_tool(runtime)
    assert (tool.grades, await owner(runtime)) == ("3-5", "park")


async def test_an_edit_form_that_changes_what_another_changed_meanwhile_keeps_theirs(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    form, other = await two_edit_forms(chat, runtime, staff)
    await chat.submit("tools.edit", filled_in(other, grades="K-2"), other.context, as_=PARK)

    [shown, told] = await chat.submit("tools.edit", filled_in(form, grades="3-5",
                                                              access="Clever badge"),
                                      form.context, as_=staff.coach)

    assert "Grades: K-2" in render(shown)
    assert told.text == ("Not saved: someone else changed this since you opened the form, so "
                         "theirs stays. What you entered:\n• Grades: 3-5\nPress “Edit” on its "
                         "card again (`/tools Blooket`) to see it as it is now.")
    tool = await the_tool(runtime)
    assert (tool.grades, tool.access) == ("K-2", "Clever badge")


async def test_an_edit_form_stamped_whole_is_refused_whole_after_a_handover(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await park_is_a_coach(chat, runtime)
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    form = form_of(await chat.press(button(card, "Edit"), as_=staff.coach))
    async with runtime.sessions() as session:
        tool = (await session.execute(select(ToolRow))).scalar_one()
        whole = f"{tool.id}:{stale.stamp(stale.facts_state(tool))}"
    await chat.say(HANDOVER, as_=staff.admin)

    [refused] = await chat.submit("tools.edit", filled_in(form, grades="3-5"), whole,
                                  as_=staff.coach)

    assert refused.text.startswith(f"Blooket {CHANGED} (someone edited it, or it changed "
                                   "hands): nothing was saved.")
    assert await owner(runtime) == "park"


async def test_an_edit_form_sent_twice_shows_the_card_both_times(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    form = form_of(await chat.press(button(card, "Edit"), as_=staff.coach))
    for _ in range(2):
        [shown] = await chat.submit("tools.edit", filled_in(form, grades="3-5"),
                                    form.context, as_=staff.coach)
        assert "Grades: 3-5" in render(shown), render(shown)


async def flagged(runtime: Runtime) -> int:
    """Blooket is adopted and flagged for review (its use under 30%); its id."""
    async with runtime.sessions() as session, session.begin():
        tool = (await session.execute(select(ToolRow))).scalar_one()
        await session.execute(update(ToolRow).values(flagged_on=tool.adopted_on))
        return tool.id


async def test_keep_it_after_the_tool_was_retired_is_refused_and_changes_nothing(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 52): "Kept: ... stays adopted" while the tool was being retired.
    await park_is_a_coach(chat, runtime)
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    keep = Button("Keep it", "tools.keep", str(await flagged(runtime)))
    await chat.say(HANDOVER, as_=staff.admin)
    retire = form_of(await chat.say("/tools retire Blooket", as_=PARK))
    await chat.submit("tools.retire", {"reason": "under 30% use it"}, retire.context, as_=PARK)

    [refused] = await chat.press(keep, as_=staff.coach)

    assert refused.text == "Blooket is being retired now: there is no review to answer."
    async with runtime.sessions() as session:
        tool = (await session.execute(select(ToolRow))).scalar_one()
        events = (await session.execute(select(ToolEventRow.text))).scalars().all()
    assert (tool.status, tool.flagged_on) == ("sunsetting", tool.adopted_on)
    assert "kept after review" not in events


async def test_keep_it_answers_a_waiting_review_once(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    keep = Button("Keep it", "tools.keep", str(await flagged(runtime)))
    [kept] = await chat.press(keep, as_=staff.coach)
    [again] = await chat.press(keep, as_=staff.coach)
    assert kept.text.startswith("Kept: Blooket stays adopted")
    assert again.text == "Blooket has no review waiting: it was already answered."


async def test_an_edit_forms_clash_quotes_what_she_entered_as_it_would_be_kept(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 57): the clash quoted the field as typed, a student's name and id
    # with it, where every other path masks it.
    form, other = await two_edit_forms(chat, runtime, staff)
    await chat.submit("tools.edit", filled_in(other, access="Clever badge"), other.context,
                      as_=PARK)

    [_card, told] = await chat.submit("tools.edit", filled_in(
        form, access="Ask Jaden Wilks (student ID 448812) for the class code"), form.context,
        as_=staff.coach)

    assert "(student ID [id number]) for the class code" in told.text, told.text
    assert "448812" not in told.text and "Jaden" not in told.text
