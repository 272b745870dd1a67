"""Who usually answers a question that is not prepbot's, from its words in English or
Spanish; knowledge/ gives the office's key, the bot words it."""

from __future__ import annotations

import pytest

from knowledge.topics import REFERRALS, another_office, likely_areas, referral


@pytest.mark.parametrize(("question", "office"), [
    ("when is payday", "payroll"),
    ("how do I change my direct deposit account for payroll", "payroll"),
    ("¿cuándo pagan la nómina?", "payroll"),
    ("cuando pagan la nomina", "payroll"),
    ("¿a quién le pregunto por mi seguro dental?", "payroll"),
    ("I need a sub on friday", "front_office"),
    ("necesito un suplente el viernes", "front_office"),
    ("how do I book the bus for a field trip", "front_office"),
    ("¿cómo reservo el autobús para la excursión?", "front_office"),
    ("who approves the field trip", "principal"),
    ("¿quién autoriza la excursión?", "principal"),
    ("¿quién aprueba mi licencia?", "principal"),
    ("a student in my class has an allergy", "nurse"),
    ("un alumno tiene una alergia, ¿a quién aviso?", "nurse"),
    ("the heat is off in my room", "facilities"),
    ("la calefacción de mi salón no sirve", "facilities"),
])
def test_an_off_topic_question_is_referred_to_the_office_that_usually_answers_it(
        question: str, office: str) -> None:
    assert referral(question) == office


@pytest.mark.parametrize("question", ["what a lovely day", "¿qué tal el fin de semana?", ""])
def test_a_question_whose_words_name_no_office_is_referred_nowhere(question: str) -> None:
    assert referral(question) is None


def test_every_office_has_words_in_both_languages() -> None:
    assert all(office.english and office.spanish for office in REFERRALS)


@pytest.mark.parametrize(("question", "first"), [
    ("the printer again", "printer"), ("otra vez la impresora", "printer"),
    ("no puedo entrar a mi cuenta", "signin"), ("el proyector, otra vez", "display"),
    ("se escucha muy bajo el sonido", "sound")])
def test_a_vague_message_puts_the_area_it_names_first_in_either_language(
        question: str, first: str) -> None:
    assert likely_areas(question)[0].key == first


@pytest.mark.parametrize(("question", "office"), [
    ("I need a substitute on friday", "front_office"),
    ("necesito un suplente el viernes", "front_office"),
    ("the heat is off and my projector too", None),  # names technology: IT's after all
    ("la calefacción y el proyector no sirven", None),
    ("is there a stipend for being the building tech liaison", None),
])
def test_another_office_is_named_only_when_no_technology_is(question: str,
                                                            office: str | None) -> None:
    assert another_office(question) == office
