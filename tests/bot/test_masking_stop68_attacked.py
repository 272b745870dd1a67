"""Red team RR's attacks on stop 68's three masking changes, written before they were
committed; 36 of 40 broke through the first versions. What was mended:

1. A colleague's work address the staff directory lists was kept unless its sentence said it
   was a family member's. RR got 15 through, a colleague who is also a student's parent named
   so in words that check did not read ("Parent:", "emergency contact", "observer account",
   "her son", a sister, the next sentence), and a family's cell after the address. Now a
   listed address is kept only in a text that hides nothing else and speaks of no child or
   family (contacts.spare_listed_addresses), and it keeps no phone beside it.
2. A district-shaped domain ("schools", "k12", short and ending in "ps") was no company's at
   ".com" as at ".net": seven vendors were hidden (School Specialty, Stride's k12.com, UPS).
   Now only ".net" domains are read so, where the blind corpora's students had addresses.
3. Famous names (a lesson's topic): "in 2nd period" and "'s grandmother" after the name were
   taken for a student's cue, and hid lessons ("teach Rosa Parks 3rd period"); both were taken
   back out. The students with a famous name and a cue no list holds ("a new kid this week,
   George Washington,", "Jackie Robinson left his iPad on the bus") still leak, as they did
   before this stop: they stay marked xfail(strict).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.masking.staff import forget_staff, know_staff
from tests.bot.test_masking import masked


@pytest.fixture(autouse=True)
def directory() -> Iterator[None]:
    """Colleagues whose work addresses the member list gives; Ana Ruiz and Marcus Wilson are
    also parents of students (a district employs many of its students' parents)."""
    know_staff(["Grace Lee", "Tomas Herrera", "Ana Ruiz", "Marcus Wilson"], afresh=True,
               addresses=["grace.lee@rvaschools.net", "therrera@lcps.net",
                          "ana.ruiz@austinisd.org", "mwilson@sisd.k12.tx.us"])
    yield
    forget_staff()


def leaks(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# --- change 1: a listed colleague's address, given as a student's family's --------------

@pytest.mark.parametrize(("text", "address"), [
    pytest.param("Liam Ruiz's family asked for his grades, cc ana.ruiz@austinisd.org",
                 "ana.ruiz@austinisd.org"),
    pytest.param("New enrollment: Liam Ruiz, 3rd period. Parent: ana.ruiz@austinisd.org",
                 "ana.ruiz@austinisd.org"),
    pytest.param("Liam's parents' email is mwilson@sisd.k12.tx.us", "mwilson@sisd.k12.tx.us"),
    pytest.param("Please add ana.ruiz@austinisd.org as the parent contact for Liam in "
                 "PowerSchool", "ana.ruiz@austinisd.org"),
    pytest.param("The parent who complained about the Gaggle alert on her son is "
                 "ana.ruiz@austinisd.org", "ana.ruiz@austinisd.org"),
    pytest.param("Her son Liam is in my 3rd period and she asked for the Canvas observer "
                 "link, ana.ruiz@austinisd.org", "ana.ruiz@austinisd.org"),
    pytest.param("Liam's emergency contact is mwilson@sisd.k12.tx.us", "mwilson@sisd.k12.tx.us"),
    pytest.param("Observer account for Liam W: mwilson@sisd.k12.tx.us", "mwilson@sisd.k12.tx.us"),
    pytest.param("Liam Wilson is Marcus's kid; send his report card to mwilson@sisd.k12.tx.us",
                 "mwilson@sisd.k12.tx.us"),
    pytest.param("Sofia's older sister is a para here, ana.ruiz@austinisd.org, she'll pick up "
                 "the Chromebook", "ana.ruiz@austinisd.org"),
    pytest.param("Jayden keeps failing quizzes. I emailed ana.ruiz@austinisd.org about it. "
                 "She's his mom and works in the front office.", "ana.ruiz@austinisd.org"),
    pytest.param("Liam's mom teaches 2nd grade here and asked me to set up his iPad with the "
                 "same restrictions as last year, she wants the screen time reports sent to "
                 "her school address ana.ruiz@austinisd.org", "ana.ruiz@austinisd.org"),
    pytest.param("Jayden's mom works here: ana underscore ruiz at austinisd dot org. Wait, "
                 "it's ana.ruiz@austinisd.org", "ana.ruiz@austinisd.org"),
    # blocked: a kin word in the sentence
    ("Liam's dad (mwilson@sisd.k12.tx.us) wants the Canvas observer code",
     "mwilson@sisd.k12.tx.us"),
])
def test_a_colleagues_listed_address_given_as_a_students_familys_is_hidden(
        text: str, address: str) -> None:
    assert address.lower() not in masked(text).lower()


@pytest.mark.parametrize(("text", "phone"), [
    pytest.param("Liam's emergency contact is ana.ruiz@austinisd.org, 512-555-0143 (her cell)",
                 "512-555-0143"),
])
def test_a_familys_phone_after_a_listed_address_is_hidden(text: str, phone: str) -> None:
    assert phone not in masked(text)


@pytest.mark.parametrize(("text", "address"), [
    pytest.param("student email ana dot ruiz at austinisd dot org", "ana dot ruiz"),
])
def test_a_spelled_address_said_to_be_a_students_is_hidden(text: str, address: str) -> None:
    assert address not in masked(text)


# --- change 2: vendors whose domain looks like a district's (false positives) -------------

@pytest.mark.parametrize("text", [
    pytest.param("Our School Specialty rep for the furniture order is "
                 "jpatel@schoolspecialty.com"),
    pytest.param("Jen at SchoolStatus (jennifer.hale@schoolstatus.com) can turn on the "
                 "attendance texts"),
    pytest.param("Frontline's sub system support person is amy.tran@eschoolsolutions.com"),
    pytest.param("Forwarding the K12 Insight quote from mgardner@k12insight.com"),
    pytest.param("For the virtual academy, the Stride contact is lwest@k12.com"),
    pytest.param("Boclips trial: reach out to sam.reid@boclips.com"),
    pytest.param("Tracking for the Chromebook return is with UPS, the account rep is "
                 "dmorales@ups.com"),
    # kept: no district's shape
    "Pearson's rep is lisa.nguyen@pearson.com",
])
def test_a_vendors_address_is_kept(text: str) -> None:
    assert masked(text) == text


# --- change 3: a student with a famous name, said without the listed cues ------------------

@pytest.mark.parametrize(("text", "name"), [
    pytest.param("I have a new kid this week, George Washington, and he needs a Clever badge",
                 "George Washington", marks=leaks("'new kid this week,' is not just before")),
    pytest.param("Can you reset the password for George Washington? He's in Ms. Lee's "
                 "homeroom", "George Washington", marks=leaks("'password for' is no cue")),
    pytest.param("George Washington, 7th grade, lost his charger again", "George Washington",
                 marks=leaks("', 7th grade,' is no cue")),
    pytest.param("Please move Michael Jordan from 3rd to 5th period in Canvas",
                 "Michael Jordan", marks=leaks("moving periods is no cue")),
    pytest.param("James Madison and Tyler Ross both need new chargers", "James Madison",
                 marks=leaks("the classmate beside is hidden, the famous name kept")),
    pytest.param("Jackie Robinson left his iPad on the bus", "Jackie Robinson",
                 marks=leaks("'left his iPad' is no cue")),
    pytest.param("Michael Jordan's Clever badge stopped working", "Michael Jordan",
                 marks=leaks("'Clever badge' is no belonging")),
    pytest.param("Maya Angelou is in my homeroom and can't print", "Maya Angelou",
                 marks=leaks("'is in my homeroom' is no cue")),
    # blocked: the new cues
    pytest.param("George Washington in my 4th period keeps getting kicked off the wifi",
                 "George Washington", marks=leaks("the period cue was taken back out: a lesson is "
                                                  "taught in a period too (see below)")),
])
def test_a_student_with_a_famous_name_is_hidden(text: str, name: str) -> None:
    out = masked(text)
    assert not [w for w in name.split() if re.search(rf"\b{w}\b", out)]


# --- change 3: lesson talk the new cues now take for a student's (false positives) --------

@pytest.mark.parametrize("text", [
    pytest.param("We're doing Harriet Tubman in 2nd period tomorrow, can I borrow the cart?"),
    pytest.param("Can I borrow the projector to teach Rosa Parks 3rd period?"),
    pytest.param("My sub is covering Frederick Douglass in 6th period, can you share the "
                 "Nearpod with her?"),
    pytest.param("The iCivics game on Andrew Jackson in 7th period crashed on every Chromebook"),
    pytest.param("The slide on Frederick Douglass's grandmother won't load in Google Slides"),
    pytest.param("George Washington's family tree activity in Canva won't export"),
    # unchanged: no cue beside the name
    "For Black History Month my 4th graders are reading about Jackie Robinson's family",
])
def test_a_lesson_topic_is_kept(text: str) -> None:
    assert masked(text) == text
