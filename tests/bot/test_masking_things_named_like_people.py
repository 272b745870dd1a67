"""Masking, twelfth round: places, products, languages, schedules and codes that look like
names come through, and the students written in the same shapes stay hidden."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize("text", [
    # the writer's "I" after a school is no initial
    "Before Monday's walkthroughs at Franklin I need the doc cams checked.",
    # schedules, codes and a letter joined to a word
    "our club meets Tue/Thu 3:15-5:00 in B12 but the wifi shuts off at 4:30",
    "Two Chromebooks in cart B (tags KC-CB-22790 and KC-CB-22795) won't boot.",
    "The label maker (Brother P-touch PT-D610BT) won't pair. Tried the P-touch app.",
    "Welding & Auto Technology, Tri-County CTE",
    # languages, tests and courses
    "Can we bulk print the absence letters in Spanish and Haitian Creole?",
    "Las pruebas WIDA ACCESS son del 22 de enero en la biblioteca.",
    "Is there a way to copy last year's Google Classroom? it's APUSH, class code x7kq2mb.",
    # places and institutions, a time and a place
    "Is YouTube restricted mode blocking the Berlin Philharmonic channel?",
    "Necesito que desbloqueen la Biblioteca Nacional de España para un proyecto.",
    "Classroom sends duplicate emails for 'Ancient Egypt Project - Pd 2'.",
    "Please add Mr. Lombardi as co-teacher in the Franklin 5th grade Google Classroom.",
    "I have 38 teachers across Jefferson, Lincoln and Washington who need the form.",
    "The VRTEX won't boot past the logo. Steve from Lincoln said to call their line.",
    # makers' product lines
    "snap-on zeus scan tool needs the software update",
    "the new heart rate sensors came in (Polar Verity Sense). who sets them up?",
    # colleagues listed under their job, or with the writer
    "Reminder for building test coordinators:\n- Lisa Vance (Eastview)\n"
    "- Omar Siddiqui (Millbrook)\nChecklists are due Friday.",
    "Can I get a shared drive for the chem PLC? Members: me, Jared Poulsen, Kim Tanner, "
    "Ray Oaks.",
    # a vendor's line after an app, in Spanish
    "Los mensajes de ParentSquare llegan en inglés; el soporte está al 505-555-0162.",
    # a retired rank
    "ID badge for our new instructor, MSG (Ret) Anthony Ruiz, starts 8/19.",
])
def test_things_named_like_people_come_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Mohamed I. and Mohamed Y. both need logins", "[name] and [name] both need logins"),
    ("Hello, Thu needs her Chromebook screen replaced.",
     "Hello, [name] needs her Chromebook screen replaced."),
    ("Egypt Jones can't log into Lexia.", "[name] can't log into Lexia."),
    ("Franklin 5th grade can't log in, and Liam 3rd grade too",
     "[name] 5th grade can't log in, and [name] 3rd grade too"),
    ("my dell aaliyah broke it", "my dell [name] broke it"),
    ("Maya from Lincoln transferred in, and a note from Liam came.",
     "[name] from Lincoln transferred in, and a note from [name] came."),
    ("Reminder for test coordinators, these students still need makeups:\n- Maya Lopez\n"
     "- Kenji Watanabe", "Reminder for test coordinators, these students still need makeups:"
     "\n- [name]\n- [name]"),
    ("Teachers with kids missing logins:\n- Maya Lopez\n- Kenji Watanabe",
     "Teachers with kids missing logins:\n- [name]\n- [name]"),
    ("Group members: Maya Lopez, Kenji Watanabe, Liam Cho",
     "Group members: [name], [name], [name]"),
    # a grade in capitals is no model number; a family's number in Spanish is the family's
    ("the slip it printed says ALEJANDRO FUENTES 7TH GR 8:14AM over and over",
     "the slip it printed says [name] 7TH GR 8:14AM over and over"),
    ("el estudiante Iker Salazar necesita que los mensajes de ParentSquare lleguen al "
     "505-555-0162.", "el estudiante [name] necesita que los mensajes de ParentSquare lleguen "
     "al [phone]."),
])
def test_students_written_in_the_same_shapes_stay_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected
