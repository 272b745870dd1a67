"""Whose a phone number is: a family's (a family word or a student near it) or an
institution's line (a school's, a vendor's, a help desk's, an office's voicemail)."""

from __future__ import annotations

import re

from bot.masking.context import POSSESSIVE, SENTENCE_END, TECH, WORD, words_before
from bot.masking.lexicon import lexicon
from bot.masking.student_cues import KIN, NEEDS_LANGUAGE, STAFF_SAID

# A family's or a student's own number: these outweigh a device named nearer the number
# ("call home about Ava's device: 9528847301").
FAMILY = {"home", "mom", "mother", "dad", "father", "parent", "parents", "guardian", "grandma",
          "grandpa", "grandmother", "grandfather", "aunt", "uncle", "family", "cell", "mobile",
          "mamá", "mama", "papá", "papa", "madre", "padre", "padres", "tutor", "tutora",
          "abuela", "abuelo", "tía", "tío", "celular", "student", "students", "emergency",
          "son", "daughter", "child", "kid", "familia", "estudiante", "alumno", "alumna",
          "hijo", "hija", "niño", "niña"}
# A line that is no family's: "the support line", "our rep", "Cafeteria phone is", "the
# trip phone", "contact is Pastor Reinholt at", "el teléfono de la recepción".
INSTITUTION = {"support", "line", "rep", "reps", "representative", "vendor", "partner", "sales",
               "office", "cafeteria", "kitchen", "reception", "recepción", "recepcion", "front",
               "desk", "helpdesk", "trip", "library", "main", "company", "business", "pastor",
               "hotline", "dept", "department", "district", "mr", "mrs", "ms",
               "dr", "coach", "scam", "claiming", "soporte", "oficina", "escuela", "school",
               "contact", "center", "centre", "radio", "inc", "llc", "associates", "clinic",
               "hospital"}
# Grown-ups named by title: staff, unless the sentence goes on to speak of a family.
TITLES = {"mr", "mrs", "ms", "dr", "coach", "pastor"}
# Her own family after a titled grown-up's number: "her son", "his abuela" (not "kids": a
# teacher's class is "her kids", a red team's, stop 57).
CHILDREN = (r"son|daughter|child|grandson|granddaughter|grandchild|grandkid|stepson|"
            r"stepdaughter|nephew|niece|hij[oa]|niñ[oa]|niet[oa]|padres|family")
OWN_KIN = re.compile(rf"\b(?:her|his|their)\s+(?:own\s+)?(?:{KIN}|{CHILDREN})\b", re.IGNORECASE)
# Her child named in other words: "she is Kojo's mom", "the mom of Kojo" (the same red team's).
PARENT_OF = re.compile(rf"\b(?:she|he)\s+is\s+(?:\w+['’]s\s+(?:{KIN})|the\s+(?:{KIN})\s+of)\b",
                       re.IGNORECASE)
# A help line named anywhere earlier in the sentence: "Is the district help desk number for
# the classroom phone stickers still 503-555-0199?"
HELP = r"help\s*desk|service\s*desk|support\s+line|hotline"
HELP_LINE = re.compile(rf"\b(?:{HELP})\b", re.IGNORECASE)
# A line a text is about, named anywhere before its number: "what's the help desk number
# again? 616-555-0142 just goes to voicemail", "Fax in the nurse office ... Number is".
LINE_TALK = re.compile(rf"\b(?:{HELP}|fax|switchboard|main\s+line|(?:office|school|main|"
                       r"front\s+desk|district)['’]?s?\s+(?:number|phone|line)|"
                       # an office's voicemail: "el buzón de voz del Welcome Center"
                       r"(?:office|center|desk)['’]?s?\s+voice\s?mail|"
                       r"buz[oó]n\s+de\s+voz\s+del?\s+(?:la\s+)?(?:oficina|centro|"
                       r"(?-i:[A-Z])\w+\s+(?:center|office)))\b", re.IGNORECASE)
SOMEONES = re.compile(r"\b(?:he|she|his|her|hers|him|su|sus)\b", re.IGNORECASE)


def family_near(text: str, at: int) -> bool:
    """A family or a personal phone is named in the words just before `at`."""
    return any(word in FAMILY for word in words_before(text, at))


def family_in_sentence(text: str, at: int) -> bool:
    """A family or a student is named anywhere before `at` in its sentence."""
    sentence = SENTENCE_END.split(text[max(0, at - 160):at])[-1].lower()
    return any(POSSESSIVE.sub("", word.rstrip(".")) in FAMILY for word in WORD.findall(sentence))


def numbered_by_app(text: str, at: int) -> bool:
    """Only an app's name, no numbering scheme, stands just before `at` ("en ParentSquare a
    641-555-0128"): a family's number set in an app is still the family's."""
    return not any(word in TECH for word in words_before(text, at)[:3])


def institution_line(text: str, at: int) -> bool:
    """The number at `at` is a school's, a vendor's or a staff member's: an institution or a
    product is named just before it, and no family or student anywhere before it in its
    sentence ("La mamá de Pilar llamó a la dirección, su número es ...")."""
    if family_in_sentence(text, at):
        return False
    lex = lexicon()
    named = [word for word in words_before(text, at)
             if word in INSTITUTION or (word in lex.not_names and word not in lex.first)]
    if named and all(word in TITLES for word in named) and family_after(text, at):
        return False  # "Phone for Ms. Asamoah is 404-..., she can't get in the parent portal"
    return bool(named) or bool(HELP_LINE.search(
                   SENTENCE_END.split(text[max(0, at - 160):at])[-1])) or line_spoken_of(text, at)


def family_after(text: str, at: int) -> bool:
    """Her own family is spoken of after the number at `at`, in its sentence ("..., her son
    is in 3rd grade"), or she needs another language to be reached (stop 61): a titled
    grown-up named before it is then a parent (a blind corpus's, stop 57). Not a school's
    family words ("Parents' Night", "the kids' Chromebooks", "our new parent liaison": a red
    team's, stop 57)."""
    rest = SENTENCE_END.split(text[at:at + 160], maxsplit=1)[0]
    return bool(OWN_KIN.search(rest) or PARENT_OF.search(rest)) or needs_another_language(
        text, at)


def needs_another_language(text: str, at: int) -> bool:
    """Whoever has the number at `at` needs another language to be reached, said after it and
    with no word of staff between ("..., she speaks Russian only")."""
    need = NEEDS_LANGUAGE.search(text, at, at + 160)
    return need is not None and not STAFF_SAID.search(text, at, need.start())


def line_spoken_of(text: str, at: int) -> bool:
    """A line was spoken of earlier ("the help desk number ... ?"), and no family, student or
    person's pronoun comes between it and the number at `at`."""
    line = LINE_TALK.search(text, max(0, at - 200), at)
    between = text[line.start():at].lower() if line else ""
    return bool(line) and not SOMEONES.search(between) and not any(
        POSSESSIVE.sub("", word.rstrip(".")) in FAMILY for word in WORD.findall(between))
