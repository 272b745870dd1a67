"""Red team QQ's attack on four more keeping rules stop 67 tried and never committed: an
address after "email me at", "reach me at", "reply to" or "Questions →" kept as the writer's
(A); an address before "as a co-teacher", "owner", "editor", "admin" or "manager" kept as
staff's (B); "my email," with a comma before the writer's own (C); and a directory colleague's
own line after "this is", "I'm" or "my name is" (D).

Nothing tells a student writing in from a teacher, and students are made editors and owners
every day: 14 attacks, 14 broke the working tree, all hidden on the committed code. The rules
were dropped; every test below states what holds.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.staff import know_staff
from tests.bot.test_masking import masked


@pytest.fixture
def directory() -> Iterator[None]:
    """Colleagues known; a student may share one's whole name."""
    know_staff(["Tiffany Gale", "Maria Garcia"], afresh=True)
    yield


@pytest.mark.parametrize(("text", "address"), [
    # A: a student giving her own address, or one forwarded
    ("hey ms gale i missed the quiz today can u email me at jaylenbrooks@riversideusd.org",
     "jaylenbrooks@riversideusd.org"),
    ("cant get into canvas. contact me at emmarodriguez@northsideisd.org",
     "emmarodriguez@northsideisd.org"),
    ("reply to ethanwalker@westfieldschools.org if you figure out why canvas wont load",
     "ethanwalker@westfieldschools.org"),
    ("message me on oliviakim@hamiltonsd.org, the chromebook cart login isn't working",
     "oliviakim@hamiltonsd.org"),
    ("Forwarding this from 3rd period: 'i cant open the google form, write me at "
     "sofiaramirez@lincolnusd.org'", "sofiaramirez@lincolnusd.org"),
    # B: students made editors and owners, parents made managers
    ("Please add Aiden Moore (amoore@lincolnusd.org) as an editor on our class slideshow",
     "amoore@lincolnusd.org"),
    ("Please share the Science Fair folder with kpatel@westfieldschools.org as an editor",
     "kpatel@westfieldschools.org"),
    ("Transfer the doc to lucas.nguyen@lincolnusd.org as the owner before I archive the class",
     "lucas.nguyen@lincolnusd.org"),
    ("Please add Sofia Ramirez (sramirez@lincolnusd.org) as a co-teacher on my Classroom so she "
     "can help grade", "sramirez@lincolnusd.org"),
    ("Add Maya Chen's dad (dchen@chenandco.com) as a co-teacher on the robotics club Classroom",
     "dchen@chenandco.com"),
    ("please add Ava's mom (jwilliams@williamsdental.com) as a manager on the 5th grade field "
     "trip sign-up", "jwilliams@williamsdental.com"),
    # C: a student's own address after "my email,"
    ("my email, jaylenbrooks@riversideusd.org, isn't working on Clever",
     "jaylenbrooks@riversideusd.org"),
    ("My email, lucas.nguyen@lincolnusd.org doesn't work in Clever",
     "lucas.nguyen@lincolnusd.org"),
])
def test_a_students_or_parents_address_in_a_writers_shape_is_hidden(text: str,
                                                                    address: str) -> None:
    assert address not in masked(text)


@pytest.mark.usefixtures("directory")
def test_a_student_sharing_a_colleagues_name_introducing_herself_is_hidden() -> None:
    # D
    assert "Maria Garcia" not in masked("thx, this is Maria Garcia, 5th grade")
