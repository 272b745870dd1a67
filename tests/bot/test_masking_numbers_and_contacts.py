"""Masking, sixteenth round: the numbers, addresses and contacts staff write about their work
come through, and a student's beside them stay hidden."""

from __future__ import annotations

import json

import pytest

from tests.bot.test_masking import CORPUS, is_masked, masked, score


@pytest.mark.parametrize("text", [
    # numbering schemes that are no student's
    "Printer in 204 down again, WO 55120 is still open.",
    "GoGuardian shows Block ID 9C2E-41A7 on the PBS site for staff.",
    "Gaggle alert 88412 was a false positive, please close it.",
    "Mi número de empleado es 204417 y no puedo entrar a Skyward.",
    # a Spanish school's name typed in lowercase words
    "Trabajo en la escuela primaria Jefferson, salón 12.",
    # a machine's mailbox, and colleagues' addresses given as the owners of something
    "Scans from the library copier go to scan-lib@district.org but nothing arrives.",
    "Add the owners: tnguyen@district.k12.ca.us and bwalker@district.k12.ca.us to the drive.",
    # an institution's address, named as one or as where a delivery goes
    "Return the broken hotspots to the district office address: 4100 N Main St, Dayton OH 45405.",
    "Delivery of 30 headsets from Dell arriving next week to 2250 Elm Grove Rd, Dayton OH 45402.",
    # the writer's own line
    "MFA reset please. My district cell on file should be 937-555-0162.",
    # a meeting's date in Spanish is no birthday
    "la reunión de tecnología es el 14 de marzo en la biblioteca",
    # "cumple" the verb, and a checklist point's pass, are no birthday
    "el proyector no cumple con el estándar, la entrega es el 3 de mayo",
    "Privacidad: cumple. El proveedor firmó el DPA el 14 de marzo",
    # a day spelled out with no birth word near it
    "the first of March we update every Chromebook, March first is the deadline",
    "the primero de marzo training was moved",
    "Updated on the 3rd of May, the 2nd of June my 3rd graders test",
    "Send the report the first of March; birthday cards for staff are in the office",
    "el dos de mayo hay junta de maestros",
    # a vendor's domain; a district's one key from a family provider (a red team's, stop 55)
    "Our rep is dana.whitfield@pearson.com",
    "Mrs. Hensley said to email her at ahensley@carter.k12.ky.us about the Promethean.",
])
def test_what_staff_write_about_their_work_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a family's address stays hidden, however it is named
    ("Send the loaner to her home address, 1412 Linden Ave, Dayton OH 45410.",
     "Send the loaner to her home address, [address]."),
    ("The student address on file is 88 Cherry St, Dayton OH 45403, he moved.",
     "The student address on file is [address], he moved."),
    # a student's mailbox, and a family's number, beside the new keep rules' words
    ("Student email is kayla.m2031@district.org and she can't log in. Owners: the office.",
     "Student email is [email] and she can't log in. Owners: the office."),
    ("Contact: Tasha Brooks (Jaylen's mom), 937-555-0148.",
     "Contact: [name] ([name]'s mom), [phone]."),
    # another number with no cue of its own, in a sentence that holds a student's id, is
    # theirs too; a year, a count and a room stay
    ("Lunch PIN for Kaden Ross shows 4471 but he has used 4417 all year.",
     "Lunch PIN for [name] shows [id number] but he has used [id number] all year."),
    ("Student ID 300418 printed 2400 pages in room 1204 in 2025.",
     "Student ID [id number] printed 2400 pages in room 1204 in 2025."),
    # a first name before a family name the text has hidden is the family's
    ("The app lists Mateo Rivers' pickup as 'Amber Rivers 937-555-0148'.",
     "The app lists [name]' pickup as '[name] [phone]'."),
])
def test_students_beside_those_words_stay_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # whose "his" is, or whose a bare number is, the text does not say
    ("He gave me his number 555 867 5309 so I could text him the link.",
     "He gave me his number [phone] so I could text him the link."),
    ("call (555) 867 5309 after 3", "call [phone] after 3"),
    # a family's address, and someone else's mailbox the writer's messages go to
    ("they moved to 312 Custer Rd, Lawton OK 73501", "they moved to [address]"),
    ("My email keeps bouncing messages to ava.lopez@lakeview.org, can you check?",
     "My email keeps bouncing messages to [email], can you check?"),
    # a students' domain, families, a child's age, someone else's badge
    ("Can you add yousef.alharbi.31@k12stu.example.net to my Classroom?",
     "Can you add [email] to my Classroom?"),
    ("Bulk update: 3 families changed numbers: 619-555-0110, 619-555-0122.",
     "Bulk update: 3 families changed numbers: [phone], [phone]."),
    ("Lucas's birthday is 5/20, can it go on the staff calendar? He turns 9.",
     "[name]'s birthday is [date of birth], can it go on the staff calendar? He turns 9."),
    ("Her lunch PIN is 4471 and my lunch PIN is 5520.",
     "Her lunch PIN is [id number] and my lunch PIN is [id number]."),
    # a birthday as Spanish says it (a red team's, stop 49), and a month between slashes
    ("su cumpleaños es el 14 de marzo y quiere un fondo", "su cumpleaños es el [date of birth] "
     "y quiere un fondo"),
    ("Mateo nació el 14 de marzo", "[name] nació el [date of birth]"),
    ("fecha de nacimiento 14 de marzo 2014", "fecha de nacimiento [date of birth]"),
    ("DOB 14/mar/2014, nació el 3/mar/2014", "DOB [date of birth], nació el [date of birth]"),
    ("su cumpleaños es el 14/03", "su cumpleaños es el [date of birth]"),
    ("su cumpleaños es el 14 marzo", "su cumpleaños es el [date of birth]"),
    ("nació el 1º de marzo", "nació el [date of birth]"),
    # a day spelled out, and the year after a Spanish ordinal (a red team's, stop 49)
    ("su cumpleaños es el primero de marzo", "su cumpleaños es el [date of birth]"),
    ("nació el 1º de marzo de 2015", "nació el [date of birth]"),
    ("her birthday is the first of March", "her birthday is [date of birth]"),
    ("his birthday is March twenty-first", "his birthday is [date of birth]"),
    ("born on the 3rd of May", "born on [date of birth]"),
    # with its year, a day in two words, Spanish days spelled out (a red team's, stop 51)
    ("born on March first 2015", "born on [date of birth]"),
    ("her birthday is the twenty first of March", "her birthday is [date of birth]"),
    ("su cumpleaños es el dos de mayo", "su cumpleaños es el [date of birth]"),
    ("nació el 1ro de marzo", "nació el [date of birth]"),
    # a family's provider typed wrong, or named with its "net" (stop 55: taken for a firm's)
    ("Email to parent bounced (marquezfam@hotmial.com, prob a typo)",
     "Email to parent bounced ([email], prob a typo)"),
    ("Parent email bouncing: marlenyramirez@gmial.com", "Parent email bouncing: [email]"),
    ("Her grandma's email is nanabegay@frontiernet.net", "Her grandma's email is [email]"),
    # spelled, its parts words (a red team's, stop 55, on a rule since taken out)
    ("The student's address is jade-river at gmail dot com",
     "The student's address is [email]"),
    # a word for a mailbox at a family's provider; a slip under a country's domain (a third
    # red team's, stop 55)
    ("mom's email is sunshine at gmail dot com", "mom's email is [email]"),
    ("mamá: jrivera@hotmial.com.mx", "mamá: [email]"),
])
def test_a_childs_contacts_and_dates_stay_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


def test_the_numbers_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind at the start of the sixteenth round, on numbers, codes, addresses and
    # contacts (200 texts: 100 tech texts, 100 with 258 identifiers; an elementary teacher,
    # an attendance clerk, a registrar, a case manager, a library media specialist, a district
    # IT tech, a bilingual secretary). As it came: 0.988 (255) / 0.120 (12). Read and tuned
    # on (docs/masking.md, the sixteenth round): 0.996 (257) / 0.040 (4), once the keep rules
    # a blind attack broke were taken out again.
    masked_share, altered, wrong = score("numbers_a.jsonl")
    assert masked_share >= 0.996 and altered <= 0.04, "\n".join(wrong)


def test_the_contacts_tuning_corpus_holds_the_figures_its_round_reached() -> None:
    # Written blind in the sixteenth round's second pass, on phones, emails, addresses and
    # dates in what staff write (200 texts: 100 tech texts, each with a grown-up's contact or
    # date, 100 with 230 identifiers; a band director, a front-office manager, an HR
    # assistant, a math teacher, a social worker, a library clerk, an athletic director). As
    # it came: 0.987 (227) / 0.430 (43). Its second pass kept grown-ups' contacts, dates and
    # badges (21 altered), but a blind attack (below) got 41 more of 90 identifiers through
    # those rules, and they were taken out: 0.987 (227) / 0.420 (42).
    masked_share, altered, wrong = score("contacts_d.jsonl")
    assert masked_share >= 0.986 and altered <= 0.42, "\n".join(wrong)


def test_the_attack_on_the_rounds_keep_rules_gets_no_more_through_than_before_it() -> None:
    # 60 messages written by someone told the second pass's keep rules (a text that names no
    # child keeps its contacts; staff birthdays and hire dates; "my badge"; "Contact:" and
    # "set up by") but never shown the code, each smuggling a student's or a family's
    # identifier past one: a parent's number in a note to a colleague, a student's birthday
    # beside a retirement party, a student's login passed off as "my login". The masker the
    # round started from hid 74 of their 90 identifiers; with those rules, 33. They were taken
    # out; what stays of the round hides 74 again.
    rows = [json.loads(line) for line in
            (CORPUS / "attack_contacts.jsonl").read_text("utf-8").splitlines()]
    hidden = [is_masked(row["text"], masked(row["text"]), identifier)
              for row in rows for identifier in row["identifiers"]]
    assert len(hidden) == 90 and sum(hidden) >= 74


def test_the_attack_on_a_year_said_as_a_time_gets_no_more_through_than_before_it() -> None:
    # 60 messages written by someone told only that the masker might keep a year-shaped number
    # after "since", "from", "until" and the like, each giving a student's number that way
    # ("lunch number changed from 2018 to 2207"), and 30 tech texts with real years. A rule
    # keeping such years (for "Student PIN 4471 works in Lexia since 2019") hid 106 of their
    # 171 identifiers; the masker without it hides 121, and alters 1 of the 30 tech texts.
    rows = [json.loads(line) for line in
            (CORPUS / "attack_years.jsonl").read_text("utf-8").splitlines()]
    hidden = [is_masked(row["text"], masked(row["text"]), identifier)
              for row in rows for identifier in row["identifiers"]]
    assert len(hidden) == 171 and sum(hidden) >= 121
