"""Everything a coach types about a tool is masked before it is stored, since teachers and
other coaches read it: the checklist's notes, the facts of the edit form, a tool's name."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.features.tools.models import ToolCheckRow
from tests.bot.features.conftest import Staff, button, form_of
from tests.bot.features.tools.test_register import tool

STUDENT = "Jaden Wilks (student ID 4412345, DOB 04/12/2014)"
MARKS = ("Jaden", "Wilks", "4412345", "04/12/2014")


def shows_none(text: str) -> bool:
    return not any(mark in text for mark in MARKS)


async def notes(runtime: Runtime) -> str:
    async with runtime.sessions() as session:
        return " ".join((await session.execute(select(ToolCheckRow.note))).scalars())


async def submit_checklist(chat: ConsoleChat, staff: Staff, filled: dict[str, str]) -> Reply:
    """A coach adds Blooket and saves its checklist form with these fields filled in."""
    await chat.say("/tools add Blooket", as_=staff.coach)
    [shown] = await chat.say("/tools checklist Blooket", as_=staff.coach)
    form = form_of([shown])
    values = {f.name: f.initial or "" for f in form.fields} | filled
    [saved] = await chat.submit("tools.checklist", values, form.context, as_=staff.coach)
    return saved


async def test_a_checklist_note_is_masked_from_the_form_and_from_the_command(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 47): the notes were stored as typed, shown back in the summary and
    # filled into the form for every coach who opened it.
    saved = await submit_checklist(chat, staff, {
        "privacy": "fail", "privacy_note": f"the vendor leaked {STUDENT}'s record"})
    await chat.say(f"/tools check Blooket sso fail https://vendor.example/sso roster showed "
                   f"{STUDENT}", as_=staff.coach)
    [again] = await chat.say("/tools checklist Blooket", as_=staff.coach)

    stored = await notes(runtime)
    assert "the vendor leaked" in stored and "roster showed" in stored
    assert shows_none(stored) and shows_none(render(saved)) and shows_none(render(again))


async def test_how_teachers_get_access_reaches_them_masked(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 47): the edit form's facts were stored as typed, and "How to get
    # access" went to every teacher who asked about the tool.
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    [edit] = await chat.press(button(card, "Edit"), as_=staff.coach)
    form = form_of([edit])
    values = {f.name: f.initial or "" for f in form.fields}
    values |= {"access": f"the class code is on the sheet for {STUDENT}", "grades": "3-5",
               "aliases": "Blooket Play, Lucy Calkins Units", "website": "https://www.blooket.com/"}
    await chat.submit("tools.edit", values, form.context, as_=staff.coach)
    [told] = await chat.say("can I use Blooket with my class?", as_=staff.rivera)

    assert "the class code is on the sheet" in told.text and shows_none(told.text)
    saved = await tool(runtime, "Blooket")
    assert (saved.grades, saved.aliases, saved.website) == (  # ordinary facts come through
        "3-5", "Blooket Play, Lucy Calkins Units", "https://www.blooket.com/")


async def test_a_tool_a_coach_adds_keeps_no_student_in_its_name(
        chat: ConsoleChat, staff: Staff) -> None:
    # A red team's (stop 47): a teacher's request was masked, a coach's `/tools add` not.
    await chat.say("/tools add Lexia seat for student ID 4412345", as_=staff.coach)
    await chat.say("/tools add Lucy Calkins Units of Study", as_=staff.coach)
    await chat.say("/tools add Renaissance Star 360", as_=staff.coach)
    [listing] = await chat.say("/tools", as_=staff.rivera)
    assert "4412345" not in render(listing) and "Lucy Calkins Units of Study" in render(listing)
    # A name the masker changed is still found as typed (a red team's on this fix).
    [checked] = await chat.say("/tools check Renaissance Star 360 sso pass", as_=staff.coach)
    assert "isn't in the register" not in render(checked)


async def test_a_number_in_a_products_name_comes_through(chat: ConsoleChat, staff: Staff) -> None:
    # A student system's edition ("Renaissance ... 360") and a number beside a name the tool's
    # own first words spare ("Maya Math 4821") were hidden as a student's id.
    await chat.say("/tools add Renaissance Star 360", as_=staff.coach)
    await chat.say("/tools add Maya Math 4821", as_=staff.coach)
    await chat.say("/tools add Lexia for student 4412", as_=staff.coach)
    listing = render((await chat.say("/tools", as_=staff.rivera))[0])
    assert "Renaissance Star 360" in listing and "Maya Math 4821" in listing
    assert "4412" not in listing


async def test_the_standards_a_tool_maps_to_are_masked(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): the checklist's "Standards it maps to" was stored as typed and
    # filled into the form for every coach who opened it.
    await submit_checklist(chat, staff, {"standards": f"CCSS.RL.3.1; tried with {STUDENT}"})
    [again] = await chat.say("/tools checklist Blooket", as_=staff.coach)
    saved = await tool(runtime, "Blooket")
    assert saved.standards.startswith("CCSS.RL.3.1; tried with [name]")
    assert shows_none(saved.standards) and shows_none(render(again))


@pytest.mark.parametrize("link", [
    f"https://vendor.example/incident the roster leaked {STUDENT}",
    "https://sis.example/students/4412345", "https://vendor.example/privacy?student=Jaden%20Wilks",
    "https://sis.example/profile?dob=04/12/2014", "https://reports.example.org/child/4482913",
    "https://sis.district.org/students/jadensmith",
    # a red team's (stop 50): keys and pages named for a student, who logged in, a login, a
    # query read whole, a students' domain, full-width letters and a backslash
    "https://sis.example/lookup?student_id=4412345", "https://sis.example/lookup?studentId=4412345",
    "https://sis.example/StudentProfile?id=4412345", "https://sis.example/student-profile/4412345",
    "https://jaden.wilks@sis.example/report", "https://jaden.wilks:4412345@sis.example/report",
    "https://sis.example/report?u=jwilks2030", "https://sis.example/search?q=student+id+4412345",
    "https://sis.example/search?q=DOB+04/12/2014", "https://sis.example/search?q=born%202014-04-12",
    "https://sites.google.com/stu.district.org/jwilks2030/home",
    "https://sis.example/ＳＴＵＤＥＮＴＳ/4412345", "https://sis.example/students\\4412345",
    # another red team's, on the fix: other separators, glued, invisible characters, a page
    # path, the word after the id, a social security number
    "https://sis.example/students;4412345", "https://sis.example/students:4412345",
    "https://sis.example/students,4412345", "https://sis.example/student4412345",
    "https://sis.example/pupil_4412345", "https://sis.example/studentId4412345",
    "https://sis.example/st\u00adudents/4412345", "https://sis.example/stu\u200bdents/4412345",
    "https://sis.example/student/profile/4412345",
    "https://sis.example/x?id=4412345&role=student", "https://sis.example/x?ssn=123-45-6789"])
async def test_an_evidence_link_that_carries_a_student_is_refused_and_nothing_saved(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, link: str) -> None:
    # A red team's (stop 49): a link only had to start with https://, and the words after it
    # were stored and shown as typed. Masked, a link leads nowhere: it is refused instead.
    refused = await submit_checklist(chat, staff, {"privacy": "fail", "privacy_link": link})
    assert "evidence link" in refused.text and shows_none(refused.text)
    if " " not in link:  # the command's link is its first word, and its note the rest
        [by_command] = await chat.say(f"/tools check Blooket sso fail {link}", as_=staff.coach)
        assert "evidence link" in by_command.text and shows_none(by_command.text)
    async with runtime.sessions() as session:
        assert (await session.execute(select(ToolCheckRow))).first() is None


@pytest.mark.parametrize("link", [
    "https://ies.ed.gov/ncee/wwc/Study/89512", "https://doi.org/10.1037/edu0000123",
    "https://www.sdpc.a4l.org/district_listing.php?districtID=12345",
    "https://www.evidenceforessa.org/programs/reading/lexia-core5-reading",
    "https://studentprivacycompass.org/resource/12345",
    # a red team's (stop 49): the host was read as names, a number anywhere beside "student"
    "https://eric.ed.gov/?id=EJ1234567",
    "https://www.researchgate.net/publication/341234567_Effects_of_Blooket_on_Student_Engagement",
    "https://www.edutopia.org/2023/05/10/student-voice-in-edtech/",
    "https://digitalpromise.org/wp-content/uploads/2021/04/Student-growth-report.pdf",
    # a red team's (stop 50): a researcher in a slug, a page about students, a study's author
    "https://www.edutopia.org/article/carol-dweck-revisits-growth-mindset",
    "https://visible-learning.org/john-hattie/effect-sizes",
    "https://www.iste.org/standards/students/empowered-learner",
    "https://www.ed.gov/teaching/students/graduation-rates",
    "https://www.readingrockets.org/topics/english-language-learners/articles/research-ell",
    "https://www.commonsense.org/education/articles/how-kids/learn-online",
    "https://ies.ed.gov/ncee/wwc/Study/89512?lang=en&author=Jones+Smith",
    "https://sites.google.com/view/lincoln-elementary/Students/Tech",
    "https://www.edweek.org/technology/Students-Learn-More-With-Kahoot/2019/03",
    "https://www.semanticscholar.org/paper/Effects-of-Kahoot-Plump-LaRosa/1234abcd"])
async def test_a_studys_or_a_vendors_link_comes_through_whole(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, link: str) -> None:
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say(f"/tools check Blooket evidence pass {link}", as_=staff.coach)
    async with runtime.sessions() as session:
        assert list((await session.execute(select(ToolCheckRow.evidence))).scalars()) == [link]


async def test_a_states_standards_come_through_and_a_student_beside_them_does_not(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 49): masked, "Arizona 3.OA.A.1" became "[name] 3.OA.A.1".
    standards = "Arizona 3.OA.A.1; CCSS 1.MD.1, 2.MD.10; Florida B.E.S.T. MA.3.NSO.1.1"
    await submit_checklist(chat, staff, {"standards": f"{standards}; tried with {STUDENT}"})
    saved = await tool(runtime, "Blooket")
    assert saved.standards.startswith(f"{standards}; tried with [name]")
    assert shows_none(saved.standards)


async def test_a_pulse_number_that_is_no_number_is_told_so(
        chat: ConsoleChat, staff: Staff) -> None:
    # The same red team's: "²" is a digit to Python, and int() failed on it.
    await chat.say("/tools add Blooket", as_=staff.coach)
    [told] = await chat.say("/tools link Blooket pulse ²", as_=staff.coach)
    assert "linked by its number" in told.text


@pytest.mark.parametrize("field", ["decide_by", "schools", "owner", "alternative"])
async def test_an_edit_forms_refusal_quotes_what_was_typed_masked(
        chat: ConsoleChat, staff: Staff, field: str) -> None:
    # A third red team's (stop 57): a refused date, school, owner or alternative came back
    # as typed, a student's name and id with it, into the chat's history.
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    form = form_of(await chat.press(button(card, "Edit"), as_=staff.coach))
    values = {f.name: f.initial or "" for f in form.fields} | {field: STUDENT}

    [refused] = await chat.submit("tools.edit", values, form.context, as_=staff.coach)

    assert "[name]" in refused.text and shows_none(refused.text), refused.text
