"""A name hidden in part is hidden whole: the title and first name of a parent whose surname
was hidden as their child's ("Sofia Mendoza's dad ... Mr. Mendoza wants a callback", "La Sra.
Guadalupe Reyes ... Su hija es Xochitl Reyes"), a word between two hidden words of one name
("Lakota Two Bulls"), the initials before a hidden surname ("DJ Alvarado"), and a parent
named later by title and the child's surname. What is left of such a name still says whose
family it is."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.masking.echoes import echoed
from bot.masking.kin import HONORIFICS
from bot.masking.lexicon import fold, lexicon
from bot.masking.spans import Span, free
from bot.masking.student_cues import FAMILY_WORD
from bot.masking.words import CAPITAL_NEXT

# A family's title, and the capitalised words after it up to the hidden part: "Mr. ", "Sra.
# Guadalupe ", "Ms. Rhonda ".
TITLED_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(HONORIFICS))})\.?[ \t]+"
                           r"(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){0,2}$")
# One capitalised word between two hidden words of a name: "[name] Two [name]".
BETWEEN = re.compile(r"[ \t]+[A-ZÀ-Þ][\w’'-]*[ \t]+")
TITLED_NAME = re.compile(rf"\b(?i:{'|'.join(sorted(HONORIFICS))})\.?[ \t]+"
                         r"(?:[A-ZÀ-Þ][\w'’-]*[ \t]+)?(?P<surname>[A-ZÀ-Þ][\w'’-]*)")
INITIALS_BEFORE = re.compile(r"\b[A-Z]{2}\.?[ \t]+$")  # "DJ ", "AJ "
SUFFIX_AFTER = re.compile(r",?[ \t]+(?:Jr|Sr|II|III|IV)\b\.?")  # "Raymond Benally III"
# Not a system's letters after "in" or "on": "can you fix it in IC?" (Infinite Campus).
INITIALS = re.compile(r"(?<!\bin )(?<!\bon )(?<!\binto )(?<!\bvia )\b[A-Z]{2}\b")
NAME_WORD = re.compile(r"[^\W\d_]+")
# What follows a person's initials and no app's or subject's ("ST Math", "the AR test", "HS
# portal", "GG blocked YouTube": a red team's, FF): a bracket with a name, a possessive, a
# person's doing ("JT will pick it up", "for JT?": a red team's, GG).
AS_A_PERSON = re.compile(r"\s*\((?=[A-Z])|['’]s\b|\?|\s+(?:isn['’]?t|was|wasn['’]?t|can['’]?t|"
                         r"cant|cannot|keeps|doesn['’]?t|doesnt|didn['’]?t|needs|log|logs|got|"
                         r"goes|said|says|forgot|broke|lost|pulled|won['’]?t|wont|will|just|also|"
                         r"still|has|should|and\s+(?:his|her)|"
                         r"is\s+(?:the|a|in|out|new|absent|locked|also))\b")
SENT_OR_TOLD = re.compile(r"\b(?i:tell|send|ask|help)\s+$")  # "Tell JT to come by" (GG's)


def initials_of_hidden(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with two capitals that are a hidden full name's initials, as a child goes by
    them: "help BJ log in? Real name is Bernard Jones", "login for DJ isn't working, he's
    DeShawn Jackson" (blind corpora's, stop 63)."""
    names = [NAME_WORD.findall(text[s.start:s.end]) for s in spans if s.kind == "name"]
    initials = {f"{n[0][0]}{n[i][0]}".upper() for n in names if len(n) >= 2 for i in (1, -1)}
    lex = lexicon()  # not an office's letters: "the IT team said Ivan Torres ..."
    found = [Span(m.start(), m.end(), "name") for m in INITIALS.finditer(text)
             if m.group() in initials and (folded := m.group().lower()) not in lex.words
             and folded not in lex.not_names and (AS_A_PERSON.match(text, m.end()) or (
                 SENT_OR_TOLD.search(text, max(0, m.start() - 8), m.start())
                 and not CAPITAL_NEXT.match(text, m.end())))
             ] if initials else []
    return sorted(spans + [f for f in found if free(f, spans)])


def family_titled(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with each titled name whose surname is a hidden student's, in a text that
    speaks of family ("Ximena Ruiz-Tapia's dad is asking ... Sr. Ruiz works days")."""
    hidden = {part for s in spans if s.kind == "name"
              for part in re.split(r"[\s'’-]+", fold(text[s.start:s.end])) if len(part) > 2}
    if not hidden or not FAMILY_WORD.search(text):
        return spans
    found = [Span(m.start(), m.end(), "name") for m in TITLED_NAME.finditer(text)
             if fold(m["surname"]) in hidden]
    return sorted(spans + [f for f in found if free(f, spans)])


def whole_names(text: str, spans: list[Span], kept: Sequence[Span] = ()) -> list[Span]:
    """The spans, each hidden name widened to the title, initials, word or generation ("III",
    "Jr.") the rules left beside it, and two hidden words of one name joined with the word
    between them; every further mention of a hidden name is hidden first (echoes.py), but
    in the names `kept` as known colleagues."""
    widened: list[Span] = []
    for span in family_titled(text, initials_of_hidden(text, echoed(text, spans, kept))):
        if span.kind == "name":
            before = text[max(0, span.start - 40):span.start]
            titled = TITLED_BEFORE.search(before) or INITIALS_BEFORE.search(before)
            start = span.start - len(before) + titled.start() if titled else span.start
            if not (widened and widened[-1].end > start):
                span = span._replace(start=start)
            if suffix := SUFFIX_AFTER.match(text, span.end):
                span = span._replace(end=suffix.end())
            last = widened[-1] if widened else None
            if last and last.kind == "name" and BETWEEN.fullmatch(text, last.end, span.start):
                widened[-1] = last._replace(end=span.end)
                continue
        widened.append(span)
    return widened
