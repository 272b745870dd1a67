"""Red team DD's attack on stop 62's rules (docs/reliability.md): students named like a
school's short form after a verb ("swore at Juan Pablo", "add in Maria Teresa"), students
listed one a line above a line with an office note, and ordinary texts the new hiding rules
altered (princes of stories and towns, "Fundations (K)", a colleague's nickname before their
bracketed name). Each held against the rules as first written and holds now; at the default
level (whole names)."""

from __future__ import annotations

import pytest

from bot.masking.schools import know_schools
from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

# A plausible district: real US schools whose long names open with students' given names.
DISTRICT = ["Juan Pablo Duarte School", "Luis Muñoz Marín Bilingual School",
            "Maria Teresa Mirabal Middle School", "José Antonio Navarro Elementary",
            "Anna Howard Shaw Middle School", "Sam Houston Elementary", "Pacific Elementary",
            "Ethel Phillips Elementary"]


# Break 1 (schools.py written_as: PLACE_BEFORE / NOT_A_PLACE_BEFORE). Promise (docs/privacy.md):
# student identifiers are masked; a school's short form is kept "only where a place is said
# outright". A phrasal verb ending in "in" ("add in", "pencil in", "swap in") or an "at"/"near"
# after a verb the stop list lacks ("swore at", "spat at", "seat X near") is no place, and each
# of these names is hidden when the schools are not known.
@pytest.mark.parametrize(("text", "student"), [
    ("Marcus threw a pencil at Juan Pablo during testing.", "Juan Pablo"),
    ("Jaden swore at Maria Teresa during the Chromebook check.", "Maria Teresa"),
    ("Jaden snapped at Maria Teresa and then slammed the laptop shut.", "Maria Teresa"),
    ("Someone threw a charger at Luis Muñoz in the lab.", "Luis Muñoz"),
    ("A boy in Mrs. Lee's class spat at Juan Pablo.", "Juan Pablo"),
    ("Jaden kept staring straight at Juan Pablo during the MAP test.", "Juan Pablo"),
    ("Kyle keeps cussing at Jose Antonio during iReady.", "Jose Antonio"),
    ("The sub said Kyle was laughing right at Anna Howard the whole time.", "Anna Howard"),
    ("Please don't seat Marcus near Juan Pablo for the state test.", "Juan Pablo"),
    ("Put Jaden's testing seat near Maria Teresa, not by the window.", "Maria Teresa"),
    ("Can you add in Maria Teresa and Jaden Smith to my Google Classroom?", "Maria Teresa"),
    ("Can you add in Juan Pablo to my Clever section?", "Juan Pablo"),
    ("Please add in Luis Muñoz to 3rd period Canvas.", "Luis Muñoz"),
    ("Can you pencil in Juan Pablo for a makeup MAP session?", "Juan Pablo"),
    ("Can you sub in Maria Teresa for Jaden on the robotics roster?", "Maria Teresa"),
    ("Please swap in Jose Antonio for Kyle on the Lexia roster.", "Jose Antonio"),
    ("Can you type in Luis Muñoz as the device holder in Incident IQ?", "Luis Muñoz"),
    ("Write in Anna Howard on the iPad checkout sheet.", "Anna Howard"),
    ("I already filled in Juan Pablo on the loaner form.", "Juan Pablo"),
    ("Just plug in Maria Teresa as the owner in the asset system.", "Maria Teresa"),
    ("Kyle threw a water bottle at Sam Houston. The Chromebook screen is cracked.",
     "Sam Houston"),
])
def test_a_student_named_like_a_school_is_hidden_where_no_place_is_said(
        text: str, student: str) -> None:
    know_schools(DISTRICT)
    assert student not in masked(text)


# Break 2 (signatures.py signs_off, via adults.py): a student listed one a line is read as a
# signature's name when the next line carries a note with an office or job word ("- office",
# "- sped", "- counseling"). Promise: student identifiers are masked. Whole names leak.
@pytest.mark.parametrize(("text", "student"), [
    ("Chromebooks not turned in:\nAiden Brooks\nMaya Lopez - left it in the office",
     "Aiden Brooks"),
    ("Cracked screens this week:\nAiden Brooks\nSofia Ruiz - dropped it in the library",
     "Aiden Brooks"),
    ("Hotspots checked out:\nAiden Brooks\nMaya Lopez - picked up from front office",
     "Aiden Brooks"),
    ("Lost badges:\nAiden Brooks\nMaya Lopez - office has a temp one", "Aiden Brooks"),
    ("Absent for MAP makeup:\nAiden Brooks\nMaya Lopez - at attendance office", "Aiden Brooks"),
    ("Kids without Clever badges:\nAiden Brooks\nMaya Lopez - enrollment pending",
     "Aiden Brooks"),
    ("Students who need Read&Write:\nAiden Brooks\nMaya Lopez - sped", "Aiden Brooks"),
    ("Still need devices:\nAiden Brooks\nMaya Lopez\nDeshawn Carter - new enrollment",
     "Maya Lopez"),
    ("iPads with broken cases:\nAiden Brooks\nMaya Lopez - waiting in the media center",
     "Aiden Brooks"),
    ("Need GoGuardian exceptions for:\nAiden Brooks\nMaya Lopez - sped services",
     "Aiden Brooks"),
    ("Returned damaged:\nAiden Brooks\nMaya Lopez - counseling has it", "Aiden Brooks"),
    ("Missing MAP scores:\nAiden Brooks\nMaya Lopez - testing in the library", "Aiden Brooks"),
])
def test_students_listed_one_a_line_with_an_office_note_are_hidden(text: str,
                                                                   student: str) -> None:
    assert student not in masked(text)


# Break 3 (cues.py TITLES without prince/princess; famous.txt holds only four royals).
# Promise (docs/privacy.md, docs/masking.md): ordinary tech-support text comes through unchanged
# (target: at most 2% altered). Novels, history lessons, characters and towns came through
# unchanged at 289d591 and are altered now.
@pytest.mark.parametrize("text", [
    "We're reading Prince Caspian in 5th grade, can I get the audiobook on Sora?",
    "Is there a Prince Caspian ebook in our Sora collection?",
    "The Prince Caspian movie won't play on the classroom Apple TV.",
    "Need a video on Prince Henry the Navigator for 7th grade social studies.",
    "Esports tryouts: Princess Zelda character guide link is blocked by GoGuardian.",
    "The Princess Leia hologram clip won't load in our space unit slides.",
    "We're taking the band to Princess Anne for the county festival, need the iPad carts.",
    "Sending two techs to Prince Frederick tomorrow for the Calvert County training.",
    "Our sister district in Prince Albert, Saskatchewan wants to do a Zoom pen-pal call.",
    "Prince Rupert is two hours behind us, schedule the Meet for 1pm our time.",
    "Our world history slides on Prince Albert and Queen Victoria won't open.",
    "Princess Margaret clip from The Crown is blocked for my media literacy class.",
    "The Princess Tiana read-aloud on YouTube is blocked in the K wing.",
    "Princess Jasmine costume photos from the musical need to go on the website.",
])
def test_a_prince_or_princess_of_a_lesson_a_story_or_a_town_comes_through(text: str) -> None:
    assert masked(text) == text


# Break 4 (student_cues.py CUE_AFTER now takes "(K)", "(TK)", "(PK)"). Promise: ordinary text
# comes through unchanged. A kindergarten edition of a curriculum or a hallway is written so;
# these came through at 289d591 and are altered now.
@pytest.mark.parametrize("text", [
    "Fundations (K) videos are blocked by Securly.",
    "Mystery Science (K) unit 2 videos are blocked.",
    "Jamestown Reading (K) ordering closes Friday.",
    "Open Court (K) sound cards, need a digital copy.",
    "Mason (K) hall projector died.",
])
def test_a_kindergarten_curriculum_or_hallway_comes_through(text: str) -> None:
    assert masked(text) == text


# Break 5 (people.py nicknames_before). Promise: ordinary text comes through unchanged, and a
# colleague the staff directory knows by whole name is kept (docs/privacy.md, "whole" level).
# The rule is meant for "a bracket that a hidden name fills", yet it fires when the bracket
# holds a known colleague, kept, and hides the word before it: a nickname, a class, a
# department. All came through at 289d591.
@pytest.mark.parametrize("text", [
    "Jen (Jennifer Adams) needs her Canvas admin role back.",
    "Art (Mark Reyes) and Music (Dana Whitfield) both need new projectors.",
    "Robotics (Anthony Russo) needs the VEX software updated.",
    "Our Clever rep, Will (William Tran), says sync runs nightly.",
    "Campus monitor Rob (Robert Chen) needs radio charger.",
    "Math Dept (William Tran) wants Desmos unblocked.",
])
def test_a_word_before_a_known_colleague_in_brackets_comes_through(text: str) -> None:
    know_staff(["Dana Whitfield", "Mark Reyes", "Robert Chen", "Anthony Russo", "William Tran",
                "Jennifer Adams"])
    assert masked(text) == text
