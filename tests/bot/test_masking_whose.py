"""Whose is it? What the ninth masking round added (docs/masking.md): the writer's own line
and account and a grown-up whose name is given stay; a child's PIN, number, bracket and
apps are hidden. Each keep rule is attacked with a student put in its place. The examples
are written here, not taken from a corpus; the rates are in test_masking.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize("text", [
    "Can you unlock my account? Too many login attempts. Username kbrandt",
    "My school cell is 612-555-0147 if you need to call me back.",
    "We have a visiting presenter from the zoo Friday. Her name is Dana Whitfield, "
    "651-555-0163.",
    "Teams keeps leaving the county social worker in the lobby. Her name's Tamara Birch.",
    "Our tutoring vendor needs a Zoom link. Contact is Brianna at 314-555-0188.",
    "Our rep is new this year. The rep I had last year was Mark Feeney.",
    "Can we add Ahmed Nur (social worker) to the Special Services drive?",
    "Can I get Canva for the art club? I'm at Lucy Laney.",
    "hola, soy sub en Roosevelt y no tengo acceso al Wi-Fi.",
    "Quiero cambiar el idioma de Seesaw al español para las familias.",
    "Our YMCA partner staff need guest accounts for the lab 3:15-5:30. Names: Derrick "
    "Jones and Paula Soto.",
    "hi, sub here. no login for the teacher computer in 118, the office said to ask you",
    "Typed the wrong PIN on the copier (it's 2290 not 2209) and now it's locked.",
    "the username field is greyed out in office365 on the library PCs",
    "Clever keeps getting logged out on the cart Chromebooks.",
])
def test_what_is_no_students_comes_through_unchanged(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a child's number, where the cue is a sentence or a clause away
    ("Jolie's student PIN for Reading Eggs should be 1234, not the one on the card",
     "[name]'s student PIN for Reading Eggs should be [id number], not the one on the card"),
    ("Summer Tran forgot her PIN for the printer release station, it's supposed to be 7741",
     "[name] forgot her PIN for the printer release station, it's supposed to be [id number]"),
    ("Clever badge won't scan for Marie-Claire Sonnier. Her number is 7783.",
     "Clever badge won't scan for [name]. Her number is [id number]."),
    ("MARSS # for Abdirahman Farah shows 2100483920117 on the report",
     "MARSS # for [name] shows [id number] on the report"),
    # a message about usernames
    ("two kids have the same username somehow?? mohameda3 . one can't log in",
     "two kids have the same username somehow?? [username] . one can't log in"),
    ("his username is written wrong on the folder. it should be tjdupre8 not tjdupree8",
     "his username is written wrong on the folder. it should be [username] not [username]"),
    # a child named by what they own, by a bracket after "kid", by what befalls a login
    ("the probeware won't pair on Deeqa's and Chaltu's ipads",
     "the probeware won't pair on [name]'s and [name]'s ipads"),
    ("Kid in 3rd hr (Chue Her) says his headphone jack is broken.",
     "Kid in 3rd hr ([name]) says his headphone jack is broken."),
    ("Rose keeps getting logged out of Lexia every 5 min",
     "[name] keeps getting logged out of Lexia every 5 min"),
    ("also need Destiny's iready reset, she's testing at the wrong level",
     "also need [name]'s iready reset, she's testing at the wrong level"),
])
def test_a_childs_identifiers_are_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "my account", but someone else's username, or a child in the text
    ("Can you unlock my account? Maya's username is mchen",
     "Can you unlock my account? [name]'s username is [username]"),
    ("my student can't get into his account. Username kbrandt",
     "my student can't get into his account. Username [username]"),
    # "her name is" about a child, though a grown-up is in the text
    ("The speech therapist pulls a new student on Tuesdays. Her name is Dana Whitfield.",
     "The speech therapist pulls a new student on Tuesdays. Her name is [name]."),
    # a family's number, not the writer's, though "my" is near
    ("my student's mom says her cell is 612-555-0147",
     "my student's mom says her cell is [phone]"),
    ("Emergency contact is Maria Lopez at 314-555-0188",
     "Emergency contact is [name] at [phone]"),
    # staff named before a list of students
    ("Our staff need to check these students. Names: Derrick Jones and Paula Soto.",
     "Our staff need to check these students. Names: [name] and [name]."),
    # "in" before a long number is no room
    ("student ID is in 20441887 format", "student ID is in [id number] format"),
])
def test_keep_rules_do_not_spare_a_student_put_in_a_grown_ups_place(text: str,
                                                                    expected: str) -> None:
    assert masked(text) == expected
