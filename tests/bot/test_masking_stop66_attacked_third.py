"""Red team OO's attack on 194e91a's staff_addresses (bot/masking/staff_addresses.py).

The promise (docs/privacy.md): student identifiers are masked, including students' email
addresses and logins; ordinary staff text comes through unchanged.

The rule attacked keeps an address whose local part is built from a directory colleague's
first and last name ("jcastellanos", "castellanosj", "jenniferc", "...-ortiz"), with no digit,
at a domain that is no free-mail provider's and no students' domain, in a text with no child
or family word. Students share colleagues' names and initials, and districts give them
first.last or flast addresses at the staff domain or a plain subdomain: each test below is a
student's (or a parent's) address that SHOULD be masked.

15 of 18 got through 194e91a, all hidden on its parent: the rule was taken back out, and
all but the last test (older than the rule) hold again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from bot.masking import mask_student_data
from bot.masking.staff import know_staff

TODAY = date(2026, 12, 1)
DIRECTORY = ["Jennifer Castellanos", "Tracy Cathcart", "Jose Alvarez", "Kim Le",
             "Shanika Glover"]


@pytest.fixture
def directory() -> Iterator[None]:
    """The district's staff directory is known (the autouse fixture forgets it after)."""
    know_staff(DIRECTORY, afresh=True)
    yield


STUDENTS_ADDRESSES = [
    # a login written as an email, "his" and "Classroom" only
    ("jcastellanos@duvalschools.org",
     "Jaden can't get into Google Classroom, his login jcastellanos@duvalschools.org keeps "
     "saying wrong password. Can you reset it?"),
    # a list of accounts to unlock from a class period
    ("jcastellanos@duvalschools.org",
     "Please unlock these accounts from 2nd period: jcastellanos@duvalschools.org, "
     "mlopez@duvalschools.org, dnguyen@duvalschools.org. Thanks!"),
    # a student's own message, forwarded
    ("jcastellanos@duvalschools.org",
     "---------- Forwarded message ---------\nFrom: Jaden Castellanos "
     "<jcastellanos@duvalschools.org>\nSubject: cant log in to iReady\n\n"
     "Ms. Cathcart i cant log in to iready it says locked"),
    # a grandparent: "grandson" is no family word
    ("jcastellanos@duvalschools.org",
     "My grandson Jaden uses jcastellanos@duvalschools.org for Clever and it says locked. "
     "Who do I call?"),
    # Spanish, a grandparent: "nieto" is no family word
    ("jcastellanos@duvalschools.org",
     "Mi nieto Jaden no puede entrar a Clever, su correo es jcastellanos@duvalschools.org. "
     "Gracias."),
    # Spanish, a stepparent: "hijastro"
    ("jcastellanos@duvalschools.org",
     "Mi hijastro Jaden no puede entrar a Clever, su correo es "
     "jcastellanos@duvalschools.org."),
    # a stepparent: "stepson"
    ("jcastellanos@duvalschools.org",
     "My stepson Jaden's school email jcastellanos@duvalschools.org isn't working."),
    # a roster, "shows as inactive"
    ("jcastellanos@duvalschools.org",
     "Jaden C. on my roster - jcastellanos@duvalschools.org - shows as inactive in Clever."),
    # students at a plain subdomain ("s."), Jaylen sharing Jose Alvarez's initial
    ("jalvarez@s.duvalschools.org",
     "Jaylen Alvarez in my 3rd period can't sign in, jalvarez@s.duvalschools.org. "
     "Can you reset him?"),
    # Kevin Le shares Kim Le's "kle"
    ("kle@lps.org",
     "Kevin Le (kle@lps.org) says his Chromebook won't let him log in. He's in my homeroom."),
    # first name plus initial: Jennifer Cruz is "jenniferc", as Jennifer Castellanos is
    ("jenniferc@duvalschools.org",
     "Jennifer Cruz in period 4 is locked out of Canvas, her account is "
     "jenniferc@duvalschools.org."),
    ("tracyc@duvalschools.org",
     "Tracy Cole's Clever badge stopped working, login is tracyc@duvalschools.org, she's in "
     "Room 14."),
    # last name plus initial at the students' own domain (no "stu" in it)
    ("castellanosj@mysdhc.org",
     "castellanosj@mysdhc.org is Jaden Castellanos in my homeroom, locked out of Schoology "
     "again."),
    # a student's hyphenated surname read as a married name
    ("jcastellanos-ortiz@duvalschools.org",
     "Jaden Castellanos-Ortiz can't get into Lexia: jcastellanos-ortiz@duvalschools.org"),
    # a student with a colleague's whole name, at a students' apps subdomain
    ("jose.alvarez@apps.lps.org",
     "Can you add jose.alvarez@apps.lps.org to the robotics team Google Classroom? He made "
     "the team this week."),
]


@pytest.mark.parametrize(("address", "text"), STUDENTS_ADDRESSES)
def test_a_students_address_built_like_a_colleagues_is_masked(
        directory: None, address: str, text: str) -> None:
    assert address not in mask_student_data(text, today=TODAY).text.lower()


HELD = [
    # HOLDS: "grade" and "kid" are child words
    ("jose.alvarez@apps.lps.org",
     "Can you add jose.alvarez@apps.lps.org to the robotics team Google Classroom? He made "
     "varsity. He's a 9th grade kid"),
    # HOLDS: "foster" is a child word
    ("jcastellanos@duvalschools.org",
     "Our foster placement Jaden can't log in: jcastellanos@duvalschools.org"),
]


@pytest.mark.parametrize(("address", "text"), HELD)
def test_a_students_address_in_a_text_of_a_child_is_masked(
        directory: None, address: str, text: str) -> None:
    assert address not in mask_student_data(text, today=TODAY).text.lower()  # HOLDS


# Older than stop 66: a message signed by its writer keeps the writer's own address
# (accounts.writers_own), a parent's as a colleague's; got through on 194e91a^ too.
@pytest.mark.xfail(strict=True, reason="the writer's own address is kept, a parent's too")
def test_a_parents_work_address_sharing_a_colleagues_initial_and_surname_is_masked(
        directory: None) -> None:
    # a father Javier Castellanos, at his employer's domain: jcastellanos@ as Jennifer's.
    # Kept on the parent commit 194e91a^ too (his own signature), so not new with the rule.
    text = ("Hi Ms. Cathcart, please send Jaden's progress updates to jcastellanos@jaxport.com "
            "instead of the old one. Thank you, Javier Castellanos")
    assert "jcastellanos@jaxport.com" not in mask_student_data(text, today=TODAY).text.lower()
