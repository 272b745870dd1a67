"""The masker spares a colleague's name when it knows the district's staff (their display
names in Slack and Teams), and only then: a student who shares it, with a student's cue
beside, is hidden all the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import StaffNames, forget_staff, know_staff, name_words, use_staff_names
from tests.bot.test_masking import TODAY

DIRECTORY = ["Brooks, Kayden (he/him)", "Aaliyah Okonkwo - 7th Science", "Dr. Imani Reyes-Cole",
             "Coach Tony Russo"]


def masked(text: str) -> str:
    return mask_student_data(text, today=TODAY).text


@pytest.fixture
def colleagues() -> None:
    know_staff(DIRECTORY)


@pytest.mark.parametrize(("display_name", "words"), [
    ("Brooks, Kayden (he/him)", ["kayden", "brooks"]),
    ("Aaliyah Okonkwo - 7th Science", ["aaliyah", "okonkwo"]),
    ("Dr. Imani Reyes-Cole", ["imani", "reyes", "cole"]),
    ("Coach Tony Russo", ["tony", "russo"]),
    ("Núñez, José M.", ["jose", "nunez"]),
])
def test_a_display_name_is_read_as_the_name_it_holds(display_name: str, words: list[str]) -> None:
    assert name_words(display_name) == words


def test_a_colleague_named_in_full_is_kept_once_the_directory_is_known() -> None:
    text = "Kayden Brooks has the cart key for room 114"
    assert masked(text) == "[name] has the cart key for room 114"
    know_staff(DIRECTORY)
    assert masked(text) == text
    forget_staff()
    assert masked(text) == "[name] has the cart key for room 114"


@pytest.mark.usefixtures("colleagues")
@pytest.mark.parametrize("text", [
    "Aaliyah Okonkwo set up the Canvas course for us",
    "Okonkwo, Aaliyah shared the sub plans folder",
    "Imani Reyes-Cole's laptop won't charge",
])
def test_colleagues_are_kept_however_their_names_are_written(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("colleagues")
@pytest.mark.parametrize(("text", "expected"), [
    # a student who shares a colleague's name, with a student's cue
    ("my student Kayden Brooks can't log in to Clever",
     "my student [name] can't log in to Clever"),
    ("Kayden Brooks (ID 20417736) needs a new charger",
     "[name] (ID [id number]) needs a new charger"),
    ("Kayden Brooks in 3rd period lost his iPad", "[name] in 3rd period lost his iPad"),
    # a first name of one colleague and the family name of another are no colleague
    ("Kayden Okonkwo has the cart key", "[name] has the cart key"),
    # a name the directory does not hold
    ("Kayden Morales has the cart key", "[name] has the cart key"),
])
def test_a_student_is_hidden_even_when_a_colleague_shares_the_name(text: str,
                                                                   expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.usefixtures("colleagues")
def test_a_colleague_keeps_a_surname_a_hidden_student_shares() -> None:
    """Every other mention of a hidden name is hidden (echoes.py), but not a known colleague's."""
    text = "Kayden Brooks has the cart key, and my student Jaylen Brooks lost his. Brooks again!"
    assert masked(text) == ("Kayden Brooks has the cart key, and my student [name] lost his. "
                            "[name] again!")


def test_a_one_word_display_name_teaches_nothing() -> None:
    know_staff(["Kayden", "jbrooks", "Coach K"])
    assert masked("can Kayden help with the cart") == "can [name] help with the cart"


def test_learning_afresh_forgets_who_was_known() -> None:
    staff = StaffNames()
    staff.add(["Kayden Brooks"])
    assert staff.knows("Kayden Brooks") and not staff.knows("Tony Russo")
    know_staff(["Tony Russo"], afresh=True)
    assert masked("Kayden Brooks has the cart key") == "[name] has the cart key"
    assert masked("Tony Russo has the cart key") == "Tony Russo has the cart key"


SCHOOL = ["Michael Tso", "Jerome Yazzie", "Kevin Lucero",
          "Grace Mutua", "Mai Kou Vang", "Kevin Wilber", "Stan Wozniak", "Lewandowski, Paul",
          "Megan Frost (she/her) - Counseling", "Luis Ramirez", "Kakkak, Joseph", "Xee Yang",
          "Jennifer Alvarez", "John R. Schultz", "Rosa Garcia"]


@pytest.fixture
def one_word_too() -> Iterator[None]:
    """PREPBOT_MASKING_STAFF=all: one word of a colleague's name alone spares it too."""
    use_staff_names("all")
    yield
    use_staff_names("whole")


@pytest.fixture
def in_context() -> Iterator[None]:
    """PREPBOT_MASKING_STAFF=context: one word too, where the words of its sentence lean
    grown-up."""
    use_staff_names("context")
    yield
    use_staff_names("whole")


@pytest.mark.parametrize("text", [
    "Grace O. has the key to the cart",
    "Jen's account got flagged for a phishing email",
    "ask Luis, he set up the Swivl for the PD recording last year",
    "Lucero has the cart key for room 114",
])
def test_by_default_only_a_whole_name_spares_a_colleague(text: str) -> None:
    know_staff([*SCHOOL, "Aaliyah Okonkwo"])
    assert "[name]" in masked(text)
    assert masked("Luis Ramirez set up the Swivl") == "Luis Ramirez set up the Swivl"


@pytest.mark.parametrize("text", [
    "ask Luis, he set up the Swivl for the PD recording last year",
    "Lucero has the cart key for room 114",
    "Xee said the copier in the workroom is jammed again",
])
@pytest.mark.usefixtures("in_context")
def test_in_context_one_word_of_a_colleague_is_spared_where_the_words_read_grown_up(
        text: str) -> None:
    know_staff(SCHOOL)
    assert masked(text) == text
    use_staff_names("whole")
    assert "[name]" in masked(text)


@pytest.mark.usefixtures("in_context")
def test_in_context_one_word_is_spared_only_for_staff_a_directory_vouches_for() -> None:
    # A red team's (AY, stop 60): a Teams tenant's student who wrote to prepbot is learnt too,
    # and her first name alone must not spare every other student who has it.
    said = "Maya said the copier in the workroom is jammed again"
    know_staff(["Maya Johnson"], afresh=True)  # a Slack member
    assert masked(said) == said
    know_staff([], afresh=True, unvouched=["Lopez, Maya"])  # someone who wrote on Teams
    assert masked(said) == "[name] said the copier in the workroom is jammed again"
    assert masked("Maya Lopez said the copier is jammed") == "Maya Lopez said the copier is jammed"


@pytest.mark.parametrize(("text", "hidden"), [
    # a student with a colleague's first name, where the words read as a child's
    ("Luis left his Chromebook on the bus again", "Luis"),
    ("Grace O. has the key to the cart", "Grace O."),
    # a text that speaks of a child spares no one-word name for its words alone (an attack
    # put students' names where colleagues' signatures stand)
    ("Screen reader keeps turning on by itself for one of my kids. Luis said it started Monday",
     "Luis"),
])
@pytest.mark.usefixtures("in_context")
def test_in_context_a_colleagues_first_name_is_still_hidden_where_a_student_is_meant(
        text: str, hidden: str) -> None:
    know_staff(SCHOOL)
    assert hidden not in masked(text)


@pytest.mark.usefixtures("one_word_too")
@pytest.mark.parametrize("text", [
    "Grace M. has the key to the cart",
    "Jen's account got flagged for a phishing email",  # Jennifer Alvarez, by her nickname
    "John R. Schultz and Grace Mutua both report Canvas notifications aren't coming through",
    "Stan, Paul, Megan: your new Surface docks are at the front desk.",
    "ask Luis, he set up the Swivl for the PD recording last year",
    "Kakkak, Joseph requested access to the TIDE portal as a test administrator.",
])
def test_all_of_it_knows_colleagues_by_initials_nicknames_lists_and_one_word(
        text: str) -> None:
    know_staff(SCHOOL)
    assert masked(text) == text


@pytest.mark.usefixtures("one_word_too")
@pytest.mark.parametrize(("text", "expected"), [
    # an initial that is not the colleague's
    ("Grace O.'s student # is 330145", "[name].'s student # is [id number]"),
    # the nicknames table has Ian for John; no colleague is called Ian
    ("Ian has the cart key for room 114", "[name] has the cart key for room 114"),
    # a first name that is also a word is no word the rules took into the name by mistake
    ("Mason Wilber needs a Chromebook loaner", "[name] needs a Chromebook loaner"),
    # a list with one name no colleague has
    ("Stan, Paul and Liam: your docks are here", "[name] and [name]: your docks are here"),
    # a student's cue in a bracket after a colleague's whole name
    ("Xee Yang (student) DOB 2010-04-17 needs her WISEid fixed",
     "[name] (student) DOB [date of birth] needs her WISEid fixed"),
    ("Kevin Wilber's nephew Mason Wilber needs a loaner; the family's number is 920-555-0190",
     "[name]'s nephew [name] needs a loaner; the family's number is [phone]"),
    # a family name a hidden relative shares, in a text about a family
    ("Mai Vang's iPad is stuck; her mom Youa Vang called from 920-555-0134",
     "[name]'s iPad is stuck; her mom [name] called from [phone]"),
    # the same name or a part of it hidden elsewhere as a student's
    ("michael tso in 6th grade has two records, one as Michael Tso and one as M. Tso",
     "[name] in 6th grade has two records, one as [name] and one as [name]"),
    ("Kevin Lucero (8th, lunch # 30417) dropped his Chromebook. Kevin L. said it's black",
     "[name] (8th, lunch # [id number]) dropped his Chromebook. [name] said it's black"),
    # a sentence that says the name is a student's
    ("Jerome Yazzie, the student, not our Jerome, has a hotspot that was never returned",
     "[name], the student, not our [name], has a hotspot that was never returned"),
    ("The Michael Tso who keeps showing up in the logs is the 11th grader (ID 118455)",
     "The [name] who keeps showing up in the logs is the 11th grader (ID [id number])"),
    # one word of a name still hidden
    ("the Garcia kid in your 4th period, Jaylen Garcia, 10th grade, swapped Chromebooks",
     "the [name] kid in your 4th period, [name], 10th grade, swapped Chromebooks"),
    # a family of students, and a child after "of" (stop 59)
    ("Need IT on the call with the Garcia family at 2pm",
     "Need IT on the call with the [name] family at 2pm"),
    ("The Schultz twins moved to Lincoln Elementary",
     "The [name] twins moved to Lincoln Elementary"),
    ("Rosario Gómez, la mamá de Luis, dice que el correo llegó en inglés",
     "[name], la mamá de [name], dice que el correo llegó en inglés"),
    ("the mom of Grace called about the portal", "the mom of [name] called about the portal"),
])
def test_what_else_in_the_text_shows_a_colleagues_name_to_be_a_students(
        text: str, expected: str) -> None:
    know_staff(SCHOOL)
    assert masked(text) == expected
