"""Masking what Spanish-speaking staff write (stop 56): numbers read aloud, nicknames, a
family's "don" and "doña", a house with no street's kind, colleagues at their desk; and the
ordinary Spanish words a name list also holds. Written from the Spanish corpus read at stop 56
(54), in other words; the two sealed ones (53, 55) are in test_masking_heldout.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # a family's number typed as it is read aloud, in either language
    ("Llamé a la casa al nueve cinco seis, cinco cinco cinco, cero uno cuatro tres.",
     "Llamé a la casa al [phone]."),
    ("su abuela: ocho tres dos, cinco cinco cinco, veintiuno treinta y cuatro",
     "su abuela: [phone]"),
    ("grandpa's cell is nine one five, five five five, oh two, sixty-one",
     "grandpa's cell is [phone]"),
    ("el número de la mamá es 956 – 555 – 0143", "el número de la mamá es [phone]"),
    # a nickname, lowercase or not
    ("chuy dejó su cargador en el camión", "[name] dejó su cargador en el camión"),
    ("Nacho y Beto comparten la misma Chromebook", "[name] comparten la misma Chromebook"),
    # a family's "don" and "doña", lowercase as Spanish writes them
    ("La abuela de Brisa, doña Refugio Ledesma, pide la clave del portal",
     "La abuela de [name], [name], pide la clave del portal"),
    ("El papá, don Eusebio, no tiene correo", "El papá, [name], no tiene correo"),
    # particles inside a name, and a family label
    ("María de los Ángeles Treviño no tiene audífonos", "[name] no tiene audífonos"),
    ("Device returned damaged. Family: Villarreal.", "Device returned damaged. Family: [name]."),
    # where a family lives, with no street's kind
    ("Ya no viven en 2210 N Sugar, se cambiaron", "Ya no viven en [address], se cambiaron"),
    ("She lives at 418 E Nolana now", "She lives at [address] now"),
])
def test_what_spanish_speaking_staff_write_of_students_is_hidden(text: str,
                                                                 expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Ya van cuatro veces que se cae el internet en el salón 12",
    "El teléfono del salón 9 no tiene tono desde ayer",
    "Mi teclado escribe en francés solito",
    "Benchmark Adelante no abre desde Clever",
    "El reloj del panel está en hora de Nueva York",
    "Oye Ramiro, ¿ya llegaron los cargadores?",
    "Jesús de soporte dice que mañana viene",
    "dile a Yesenia de la oficina que ya imprimí las listas",
    "Don Smith from IT says the server is back",
    "the cart lives at 3 West Hall",
    "use code one two three four on the door",
])
def test_ordinary_spanish_and_its_colleagues_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # words the round first made no names, given back: each is a child's name too
    ("Trae no tiene cargador", "[name] no tiene cargador"),
    ("Estrellita no vino hoy y su Chromebook está en mi salón",
     "[name] no vino hoy y su Chromebook está en mi salón"),
    ("York cannot log in", "[name] cannot log in"),
])
def test_a_name_that_is_also_a_spanish_word_or_a_program_is_still_a_name(text: str,
                                                                        expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a red team's, on the round's keep rules (stop 56): a class, shopping, a new student
    ("Ximena Soto de informática dice que su contraseña no sirve.",
     "[name] de informática dice que su contraseña no sirve."),
    ("Ximena Soto, de compras con su mamá, no vino a la prueba MAP.",
     "[name], de compras con su mamá, no vino a la prueba MAP."),
    ("Nuevo Ingreso Mateo Hernández necesita Chromebook.", "[name] necesita Chromebook."),
])
def test_a_student_beside_a_keep_rules_words_is_still_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    # the same red team's, on the round's hide rules
    "Periods one, two, three, four, five and six have the cart this week",
    "los periodos uno, dos, tres, cuatro, cinco y seis usan el laboratorio",
    "El cargador es muy caro.",
    "The spare cart lives at 3 Cafeteria.",
    "Lexia 2024–2025 licenses expire in June",
    "Meet at Joe's Coffee on Main after school",
])
def test_counts_prices_school_years_and_shops_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a third red team's, on the second's fixes (stop 56): whoever lives there, whatever the
    # street is called; a number in words with commas after a phone's cue; a full name or an
    # event before a shop's word
    ("His grandmother lives at 88 Juniper", "His grandmother lives at [address]"),
    ("they're living at 445 Alamo since June", "they're living at [address] since June"),
    ("Her dad lives at 221 N Church", "Her dad lives at [address]"),
    ("Her cell: five, five, five, eight, six, seven, five, three, zero, nine",
     "Her cell: [phone]"),
    ("Jaden Martinez's Pizza Party winners get a prize", "[name]'s Pizza Party winners get "
     "a prize"),
    ("Aaliyah's Bakery sale raised $140 for her class",
     "[name]'s Bakery sale raised $140 for her class"),
])
def test_what_the_second_red_teams_fixes_let_through_is_hidden(text: str,
                                                              expected: str) -> None:
    assert masked(text) == expected


def test_where_a_thing_lives_in_a_school_still_stays() -> None:
    assert masked("Our loaner hotspots live at 14 Front Desk.") == \
        "Our loaner hotspots live at 14 Front Desk."
