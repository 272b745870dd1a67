"""A student's family named with a title: "Mom called (Mrs. Ayaan Warsame, ...)", "Ms. Adeyemi
(Tobi's mom)", "parent Mr. Tyrone Ellis", "Mr. Harlan Doyle called asking for his son's
transcript". A title keeps a name as staff's everywhere else; here it names the family, and
the title goes with the name, since "Mrs. Warsame" says whose mother she is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.masking.cues import PLACES, VENDORS
from bot.masking.lexicon import lexicon
from bot.masking.lines import needs_another_language
from bot.masking.spans import Span
from bot.masking.student_cues import KIN
from bot.masking.words import CAPITAL_NEXT, Word, adjacent, joinable

# As typed (whole.py reads the text) and folded (words compare so: "Señor" is "senor").
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sr", "sra", "srta", "señor", "señora", "senor",
              "senora"}
# Spanish writes these lowercase ("el señor Chee", "don Filemón"); "don" and "doña" are a
# family's titles here only (whole.py would take "Don Smith" for a title and a surname).
SPELLED_OUT = {"senor", "senora", "don", "dona"}
# Just before the title: "Mom called (", "parent ", "Mom of Jaylah Freeman (", "la mamá de
# Brian Castillo (", "Kaiden's grandpa (", "Parent called — ".
# Also "Mom is ", "Mother (keep active): ", "grandmother (guardian) ", "La mamá se llama ".
KIN_BEFORE = re.compile(rf"\b(?:{KIN})(?:\s+(?:of|de)\s+[^()\n.!?]{{1,40}}?)?(?:\s+(?:called|"
                        rf"emailed|texted|wrote|came\s+in|stopped\s+by|llam[óo]))?"
                        rf"(?:\s*\([^()\n]{{1,20}}\))?\s*(?:\(|[—–-]|,|:|(?:['’]s|\s+is|"
                        rf"\s+es|\s+se\s+llama)(?:\s+name(?:d|\s+is)?)?)?\s*$",
                        re.IGNORECASE)
# "pls call back mom at (862)555-0121, its about Samir's laptop, she's Mrs. Chaudhry": who
# she is, after a family member earlier in the sentence.
SHE_IS = re.compile(rf"\b(?:{KIN})\b[^.!?\n]{{0,80}}\b(?:she|he)(?:['’]s|\s+is)\s+$",
                    re.IGNORECASE)
# Just after the name: "(Tobi's mom)", "(Thao Nguyen's mother)", ", mom of Trevon", "(Gabriel's
# dad)", "(abuela de Ximena)".
KIN_AFTER = re.compile(rf"\s*(?:\(|,|[—–-])\s*(?:[^()\n,.!?]{{0,30}}['’]s\s+|(?:not\s+)?the\s+"
                       rf"(?:other\s+)?)?(?:{KIN})\b"
                       r"(?!\s+(?:liaison|coordinator|volunteer|portal|night|teacher|conference|"
                       r"center|engagement|involvement|square|org|organization|group)\b)",
                       re.IGNORECASE)
# Or in a bracket after how she got in touch, whose the child is said: "Mrs. Nakai called
# again (Kayla's mom)", "called, she can't log into Skyward (Kayla's mom)", "left a voicemail
# (Kayla's mom, Tongan only)"; never a colleague doing something for a parent ("Ms. Rivera
# needs an interpreter for the conference (Kayla's mom)", "forwarded the email from a parent
# (Kayla's mom)", ", parents can't log in": red teams', stop 59).
DID_THEN_KIN = re.compile(rf"\s+(?:called|calls|phoned|rang|texted|emailed|e-mailed|messaged|"
                          rf"wrote|came|stopped|dropped|walked|left|returned|reached)\b"
                          rf"[^.!?\n()]{{0,60}}?\(\s*[^()\n,.!?]{{1,30}}['’]s\s+(?:{KIN})"
                          rf"\s*(?:\)|,[^()\n]{{0,30}}\))", re.IGNORECASE)
# A parent who came or called about their own child at school, said in a later sentence:
# "Mrs. Ahmadzai came by the front office, ... her son Mohammad is in Ms. Hakimi's 4th grade
# class", "Mrs. Flores called, ... Daughter is Yaritza in 8th grade" (blind corpora's, stop
# 64); not a colleague's own child ("Mrs. Brooks texted me ... Her daughter is sick so she
# left early": a red team's, II).
CAME_ABOUT_CHILD = re.compile(r"\s+(?:called|phoned|emailed|texted|messaged|came\s+(?:by|in)|"
                              r"(?:stopped|dropped)\s+by|left\s+a\s+voicemail)\b.{0,200}?"
                              r"(?:\b(?:her|his|their)\s+|[.!?,]\s+)(?:sons?|daughters?|"
                              r"child|kids?|boy|girl|twins|grandson|granddaughter|stepson|"
                              r"stepdaughter)\b(?:['’]s)?.{0,50}?\b(?:grade|gr|class|teacher|"
                              r"homeroom|chromebook|ipad|laptop|login|password|portal|account|"
                              r"bus|hotspot|device|charger|lexia|canvas|schoology|clever|"
                              r"seesaw|zoom|tutoring|classroom|i-?ready)s?\b",
                              re.IGNORECASE | re.DOTALL)
# ... unless the text says a colleague is away for their own child ("Mr. Patel called in, his
# daughter is sick. Can you make sure his sub can get on the laptop cart?", "Mrs. Kim texted,
# her kid missed the bus so she'll be late": a red team's, JJ); not "sick" or "the sub",
# which parents call about too.
AWAY_FOR_THEIR_OWN = re.compile(r"\b(?:daycare|called\s+in|out\s+today|(?:be|running)\s+late|"
                                r"left\s+early|(?:she|he)['’]?s\s+out|(?:her|his)\s+sub)\b",
                                re.IGNORECASE)
# Whose parent the name is, said right after it: "Ms. Danielle Pritchett, daughter is Jasmine
# P.", "Mr. Kwame Asante, not the other dad" (in KIN_AFTER).
CHILD_IS = re.compile(r"\s*[,(—–-]\s*(?:(?:her|his|their|su)\s+)?(?:son|daughter|child|kid|"
                      r"grandson|granddaughter|hij[oa])\s+(?:is|es)\b", re.IGNORECASE)
# Whose parent the name is, by a possessive: "Mr. Chee's granddaughter", "Mrs. Ruiz's twins"
# (not "Mrs. Lopez's kids": a teacher's class).
CHILD_OF = re.compile(r"\s+(?:son|daughter|grandson|granddaughter|grandkids?|grandchildren|"
                      r"stepson|stepdaughter|twins|nephew|niece)s?\b"
                      # not one who works here: "Mr. Baker's son is our new student teacher"
                      # (but a student aide, tech or intern is a student: red teams', stop 55)
                      r"(?![^.!?\n]{0,40}\b(?:is|was)\s+(?:our|the|a)\s+(?:new\s+)?"
                      r"(?:student\s+teacher|teacher|aide|sub|substitute|para|paraprofessional|"
                      r"custodian|hire)\b(?!['’]|\s+(?:whiz|wizard|genius)))",
                      re.IGNORECASE)
# The same in Spanish, before the title: "la hija del Sr. Chávez", "los nietos de la Sra. Yazzie"
# (not "los alumnos de la Sra. López": a teacher's class; nor "el hijo del Sr. Baker es nuestro
# nuevo maestro").
CHILD_OF_ES = re.compile(r"\b(?:hij[oa]s?|niet[oa]s?|sobrin[oa]s?|gemel[oa]s|hijastr[oa]s?)\s+"
                         r"(?:del|de\s+la|de\s+los|de)\s+$", re.IGNORECASE)
WORKS_HERE_ES = re.compile(r"[^.!?\n]{0,40}\bes\s+(?:nuestr[oa]|el|la|un|una)\s+(?:nuev[oa]\s+)?"
                           r"(?:maestr[oa]|profesor[a]?|asistente|sustitut[oa]|conserje)\b",
                           re.IGNORECASE)
# A titled grown-up to be reached at a phone number: a family when they need another language
# (lines.needs_another_language): "pls call Mrs. Aminov at 929-555-0168 re: Yakov's device, she
# speaks Russian only".
REACHED_AT = re.compile(r"\s*(?:,|:|\s(?:at|on)|@)?\s*(?:\+?1[\s.-]?)?\(?[2-9]\d\d\)?[\s.-]?\d{3}"
                        r"[\s.-]?\d{4}\b")
# A couple named together is a family: "Mr. & Mrs. Phommachanh", "Mr. and Mrs. Ruiz".
COUPLE = re.compile(r"\b(?:Mr|Sr)\.?\s+(?:&|and|y)\s+$")
# Later in the name's sentence, of the name: "called asking for his son's transcript", "re:
# his daughter Imani", "can't add his twins" (not "her kids": a teacher's class).
OWN_CHILD = re.compile(r"[^.!?\n]{0,60}?\b(?:his|her|their|su)\s+(?:son|daughter|child|twins|"
                       r"boy|girl|grand(?:son|daughter|kids?)|step(?:son|daughter)|hij[oa]s?|niet[oa]s?)\b",
                       re.IGNORECASE)


def titled_family(text: str, words: list[Word]) -> Iterator[Span]:
    """The titled names (title included) that the words around make a student's family."""
    for i, title in enumerate(words[:-1]):
        if title.folded not in HONORIFICS | SPELLED_OUT:
            continue
        if title.shape == "lower" and title.folded not in SPELLED_OUT:
            if lowercase_parent(text, title, words[i + 1]):
                yield Span(title.start, words[i + 1].end, "name")
            continue
        last = i + 1
        if not joinable(words[last]) or text[title.end:words[last].start] not in (
                " ", ". ", ".  "):
            continue
        while last + 1 < len(words) and last - i < 3 and joinable(words[last + 1]) and \
                adjacent(text, words[last], words[last + 1]):
            last += 1
        end = words[last].after
        couple = COUPLE.search(text, max(0, title.start - 12), title.start)
        if couple:  # "Mr. & Mrs. Phommachanh want the interpreter link": a child's parents
            yield Span(couple.start(), words[last].end, "name")
            continue
        if KIN_BEFORE.search(text, max(0, title.start - 80), title.start) or SHE_IS.search(
                text, max(0, title.start - 120), title.start) or KIN_AFTER.match(
                text, end) or DID_THEN_KIN.match(text, end) or (
                (OWN_CHILD.match(text, end) or CAME_ABOUT_CHILD.match(text, end))
                and not AWAY_FOR_THEIR_OWN.search(text)) or \
                CHILD_IS.match(text, end) or reached_in_another_language(text, end) or (
                words[last].possessive and CHILD_OF.match(text, end)) or (
                CHILD_OF_ES.search(text, max(0, title.start - 30), title.start)
                and not WORKS_HERE_ES.match(text, end)):
            yield Span(title.start, words[last].end, "name")


def reached_in_another_language(text: str, end: int) -> bool:
    """The name ending at `end` is given a phone number, and who has it needs another language
    to be reached: a family's."""
    number = REACHED_AT.match(text, end)
    return number is not None and needs_another_language(text, number.end())


def lowercase_parent(text: str, title: Word, name: Word) -> bool:
    """A lowercase title and name that the words after make a parent's: "mrs nakai called
    (Kayla's mom)" (a blind corpus's, stop 59)."""
    return name.shape == "lower" and not (name.stop or name.blocked) and text[
        title.end:name.start] in (" ", ". ") and bool(
            KIN_AFTER.match(text, name.after) or DID_THEN_KIN.match(text, name.after))


# What a text about a family speaks of: its members, its children, its home.
# Not a phone, an email or an address alone, which staff have too ("The Nelsons both teach 3rd
# grade; their Teams phone numbers are swapped": a red team's, GG).
FAMILY_THINGS = re.compile(rf"\b(?:{KIN}|a\s+family|kids?|children|son|daughter|twins|siblings|"
                           r"hotspot|loaner|pickup|placement|guardianship|custody|home\s+phone|"
                           r"home\s+address|no\s+internet)\b", re.IGNORECASE)


def plural_families(text: str, words: list[Word]) -> Iterator[Span]:
    """A family by their name in the plural after "the": "the parent email for the Nelsons",
    "the Thaos at 918 Case Ave E" (blind corpora's, stop 63); only a family name that is no
    word, maker, product or place, nor a name ending in "s" ("the Dells", "the Browns", "the
    Douglass library", "the Perkins grant" are not), in a text about a family."""
    if not FAMILY_THINGS.search(text):
        return  # not "the Petersons co-teach", "the Trojans won" (a red team's, FF)
    lex = lexicon()
    for word in words:
        if word.shape != "title" or word.possessive or not word.folded.endswith("s") or \
                text[max(0, word.start - 4):word.start].lower() != "the " or \
                CAPITAL_NEXT.match(text, word.end):  # "the Palomas Valley nurse's office"
            continue
        singular = word.folded[:-2] if word.folded.endswith("es") and word.folded[-3] in "szxh" \
            else word.folded[:-1]
        named = word.folded in lex.surnames or word.folded in lex.first  # "the Douglass library"
        if singular in lex.surnames and not (named or word.folded in lex.words or any(
                w in lex.words or w in lex.not_names or w in VENDORS or w in PLACES
                for w in (singular, word.folded))):
            yield Span(word.start, word.end, "name")
