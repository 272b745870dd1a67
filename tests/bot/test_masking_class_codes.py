"""A student's name followed by their class as teachers shorten it (a period, a grade, a
homeroom, a Spanish grade) is hidden, with a Spanish cue reaching over the grade, and so is a
student number after the name; a product's model code, a wing's or a network's comes
through. A red team's (stop 49): a class code read as a model number ("Franklin T10") kept
the name, on every route out of prepbot."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    ("Sofía Ramírez Núñez 5to grado no tiene su Chromebook",
     "[name] 5to grado no tiene su Chromebook"),
    ("Los alumnos Mateo Hernández 2do y Sofía Ramírez 3ro no pueden entrar",
     "Los alumnos [name] 2do y [name] 3ro no pueden entrar"),
    ("Jaden Smith P3 can't log in to Clever", "[name] P3 can't log in to Clever"),
    ("Jaden Smith gr5 can't log in", "[name] gr5 can't log in"),
    ("Jaden Smith 10B can't log in", "[name] 10B can't log in"),
    ("Jaden Smith P3 (student ID 4482913) can't log in",
     "[name] P3 (student ID [id number]) can't log in"),
    ("students Jaden Smith P3, Maya Chen P5, Liam Ortiz P2 need new badges",
     "students [name] P3, [name] P5, [name] P2 need new badges"),
    ("Maya G5 lost her charger", "[name] G5 lost her charger"),
    ("mi estudiante de 2do grado, Ángel, no puede entrar a Clever",
     "mi estudiante de 2do grado, [name], no puede entrar a Clever"),
    ("my student in 3rd period, Grace, cannot log in",
     "my student in 3rd period, [name], cannot log in"),
    # a first name and a surname before a device's code are a child's and their device
    ("Jaden Smith C740 screen is cracked", "[name] C740 screen is cracked"),
    ("loaner for Jaden Smith L12", "loaner for [name] L12"),
    # a student number of letters and 4 digits or more after the name is theirs; a model's
    # code has fewer digits
    ("Jaden Smith S1234 can't log in", "[name] [id number] can't log in"),
    ("Jaden Smith, S1234, can't log in", "[name], [id number], can't log in"),
    ("my student Maya Chen ID4821 is locked out", "my student [name] [id number] is locked out"),
    # a roster's line: the surname goes too, though it is a word ("smith"), and a class's
    # letter is no initial of the name
    ("Smith, Jaden P3 can't log in", "[name] P3 can't log in"),
    ("Roster: Smith, Jaden P3; Chen, Maya P5", "Roster: [name] P3; [name] P5"),
])
def test_a_name_before_its_class_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "the Franklin T10 hotspot will not charge",
    "Hamilton Buhl HA-66USB headphones crackle",
    "Samsung Galaxy Tab A8 won't update",
    "HP ProBook 450 G5 won't boot past the logo",
    "Makerspace 3D printer (Prusa MK4) needs to get on wifi",
    "Washington G6 building printer is offline",
    "Jefferson 2do piso: el proyector no prende",
    "Room P3 projector is dead",
    "student in 5th grade: Clever shows an error",
    # a red team's on this rule (stop 49): a school's room and its device, a sentence after
    "Lincoln P3 projector is dead",
    "Jefferson G7 printer is offline",
    "mis alumnos de 1er grado, Hoy no pudieron entrar a Clever",
    "my students in 3rd period, Kami won't load",
])
def test_a_model_a_wing_or_a_room_comes_through(text: str) -> None:
    assert masked(text) == text
