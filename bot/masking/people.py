"""Names that no list settles alone, weighed with the sentence around them: a list that holds
a name ("Efua and Kofi"), a subject that does what people do ("Hope keeps getting error ...
when she opens Word"), a nickname inside a name, a roster's "Vo, Thanh Tam", a sign-off."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.masking.cues import (
    ADVERBS,
    COPULAS,
    PERSONAL,
    PLACES,
    PLURAL_PERSONAL,
    SIGNATURE,
    TITLES,
    VERBS,
)
from bot.masking.cues import SIGN_OFF as SIGN_OFF_WORDS
from bot.masking.doers import does_as_a_child, starts_clause, unknown_doers
from bot.masking.lexicon import fold, lexicon
from bot.masking.signatures import JOB, SCHOOL_LINE, THANKS_LINE, thanked_above
from bot.masking.spans import KEPT, Span, span_at
from bot.masking.student_cues import ASIDE
from bot.masking.words import SURNAME, WEAK, Word

if TYPE_CHECKING:
    from bot.masking.names import Run

# What joins the items of a list: "Taini, Nizhoni, and Ahiga", "Kaimana, Keoni & Pualani".
# "Paris B. and Grace", "Dulce y Paloma".
SEPARATOR = re.compile(r"\.?(?:\s*,\s*(?:(?:and|&|or|y)\s+)?|\s+(?:and|or|y)\s+|\s*&\s*|"
                       r"[ \t]*\n\s*(?:[-*•]\s*)?)")  # one a line, bulleted or not
# What makes runs a list: a conjunction, or one run a line.
CONJUNCTION = re.compile(r"\b(?:and|or|y)\b|&|\n")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# A pronoun right after: "for Ebony, she needs the form", "Can you help Faith? She's locked
# out".
APPOSED = re.compile(r",\s+(?:he|she)\b|[.?!]+\s+(?:he|she|his|her)\b", re.IGNORECASE)
# Where a list of grown-ups works, said after it: "Jen Kowalski and Amir from district will
# be remote"; no child is from the district or the central office.
COLLEAGUES_AFTER = re.compile(r"\s+(?:from|at|in)\s+(?:the\s+)?(?:central\s+office|district\b"
                              r"(?!\s+(?:roster|list|portal|account|device|chromebook))|"
                              r"district\s+office|(?:front|main)\s+office)", re.IGNORECASE)
NICKNAME = re.compile(r"\s+['\"“‘]([^\W\d_]+)['\"”’]\s+")  # "Rosalind 'Roz' Achebe"
NICKNAME_BEFORE = re.compile(r"['\"“‘]([^\W\d_]{2,12})['\"”’]\s+$")  # "'DJ' Darnell Jackson"
JOB_AFTER = re.compile(rf"[ \t]+(?:[\w&/-]+[ \t]+){{0,2}}?{JOB.pattern}", re.IGNORECASE)
ROSTER = re.compile(r"(?:^|[:;(\n—–-]\s*)$")  # "fix in Clever: Vo, Thanh Tam"
SIGN_OFF = re.compile(r"\s[—–-]+\s*$")  # "... (spaces on the card) - Nomvula"
BRACKET = re.compile(r"\s*\(([^()]{1,40})\)")
ALIAS = re.compile(r"[^\W\d_][\w.'’ -]*")  # "(K. Bishop)": letters, no digits or commas


def in_lists(text: str, words: list[Word], judged: list[Run],
             found: list[Span]) -> tuple[list[Run], list[Span]]:
    """Runs listed beside a name are names ("Efua and Kofi"), and runs listed before a place
    are places ("the Washington, Jefferson, and Lincoln classrooms"): (runs, spans dropped)."""
    verdicts = [("name" if r.verdict == "maybe" and any(
        Span(words[r.first].start, words[r.last].end, "").overlaps(s) for s in found)
        else r.verdict) for r in judged]
    dropped: list[Span] = []
    for group in lists(text, words, [r._replace(verdict=v) for r, v in zip(
            judged, verdicts, strict=True)]):
        if COLLEAGUES_AFTER.match(text, words[judged[group[-1]].last].after):
            for k in group:  # "with Tanisha and Bernadette from central office"
                verdicts[k] = "not"
                dropped.append(Span(words[judged[k].first].start, words[judged[k].last].end, ""))
        elif "place" in (verdicts[group[0]], verdicts[group[-1]]) and all(
                judged[k].first == judged[k].last for k in group) and "\n" not in text[
                words[judged[group[0]].first].start:words[judged[group[-1]].last].end]:
            # not one a line: "Need loaners for:\nJaden\nSummer, Hoover Elementary" (stop 62)
            for k in group:
                verdicts[k] = "not"
                dropped.append(Span(words[judged[k].first].start, words[judged[k].last].end, ""))
        elif any(verdicts[k] == "name" for k in group):
            # An app's name that is also a first name ("Ada") is a name only in a list
            # of nothing but names ("Chidi and Ada"), not in "Kami, Lexia and Ava".
            others_named = sum(verdicts[k] != "name" for k in group) == 1
            for k in group:
                run = words[judged[k].first:judged[k].last + 1]
                if verdicts[k] == "maybe" and (not all(w.product for w in run) or (
                        others_named and len(run) == 1 and run[0].given)):
                    verdicts[k] = "name"
    return [r._replace(verdict=v) for r, v in zip(judged, verdicts, strict=True)], dropped


def lists(text: str, words: list[Word], judged: list[Run]) -> list[range]:
    """Indexes of the runs that make each list: separated by commas, "and", "or", "&" or line
    breaks, with a conjunction or a line break among them, or three runs or more ("(Ahmed,
    Chloe, Bishop)"): "Adebayo Ogunleye, DOB: ..." is no list."""
    gaps = [text[words[a.last].after:words[b.first].start] for a, b in pairwise(judged)]
    found, start = [], 0
    for i in range(1, len(judged) + 1):
        if i < len(judged) and goes_on(text, words, judged[i - 1], judged[i], gaps[i - 1]):
            continue
        if i - start >= 3 or (i - start == 2 and CONJUNCTION.search(gaps[start])):
            found.append(range(start, i))
        start = i
    return found


def goes_on(text: str, words: list[Word], before: Run, run: Run, gap: str) -> bool:
    """The list that `before` is in goes on to `run` across `gap`: a separator, and no
    signature's line, sentence's end or sign-off between them."""
    return bool(SEPARATOR.fullmatch(gap)) and not (
        "\n" in gap and signature_line(text, words, before, run)) and not (
        before.verdict != "name" and sentence_ends(text, words[before.first], gap)) and not \
        CLOSING_LINE.match(text, words[run.first].start)


def sentence_ends(text: str, word: Word, gap: str) -> bool:
    """A lowercase word that may be a name, and was found none, ends a sentence of its line,
    not an entry one a line: "... doing it by hand takes forever.\n\nKevin Whitfield" (a blind
    corpus's, stop 64) is no list; a name ending its line's sentence still opens one ("...
    their Chromebooks: Ava Lopez.\nSummer Day\nHunter Woods", "kids missing chargers: ava
    lopez.\nsummer day": red teams', II and JJ)."""
    line_start = text.rfind("\n", 0, word.start) + 1
    return word.shape == "lower" and gap.startswith(".") and "\n" in gap and bool(
        text[line_start:word.start].strip())


# A sign-off on a line of its own closes what was listed above it: "... in room 7: Ava and
# Liam.\nSincerely,\nGreta".
CLOSING_LINE = re.compile(rf"(?i:{SIGN_OFF_WORDS})[,!.]*[ \t]*\n")
# A subject no child is named, on a signature's school line even with no thank-you above:
# "Kevin Whitfield\nScience, J.M. Hanks High School" (a blind corpus's, stop 64).
# Not "English" or "French", which are surnames too ("Aiden\nFrench, Ethel Phillips
# Elementary" is a list of children: a red team's, II), and only under a whole name.
SUBJECTS = {"science", "math", "ela", "history", "music", "choir", "spanish", "biology",
            "chemistry", "physics", "sped", "esl", "ell", "stem", "cte"}


def signature_line(text: str, words: list[Word], before: Run, run: Run) -> bool:
    """The line break between two runs closes a thank-you ("Best,\nSharon McAllister") or
    opens a signature's job or department line ("Marisol Ybarra\nReading Interventionist",
    "Thanks,\nStephanie Liu\nMusic, Ruth Bader Ginsburg Middle School"): no list goes across
    it. A department only under a thank-you: "Loaners due back:\nAiden\nWood, Ethel Phillips
    Elementary" is a list (a red team's, CC)."""
    first, last = words[run.first], words[run.last]
    return bool(JOB_AFTER.match(text, last.after) or THANKS_LINE.match(
        text, words[before.first].start, first.start) or (
        run.first == run.last and not first.given and text.startswith(", ", first.end)
        and SCHOOL_LINE.match(text, text.rfind("\n", 0, first.start))
        and (thanked_above(text, words[before.first].start)
             or (first.folded in SUBJECTS and before.last > before.first))))


def by_the_sentence(text: str, words: list[Word], judged: list[Run],
                    found: list[Span]) -> list[Span]:
    """Single words that are names by what the sentence does with them: the subject of a
    person's verb ("Chase said", "Sky left her charger"), a bracketed note ("April and June
    (twins, 4th grade)"), a pronoun put beside them ("for Ebony, she needs"), a sign-off."""
    groups: list[list[Word]] = []
    for r in judged:
        word = words[r.first]
        if r.verdict == "maybe" and r.first == r.last and person_like(word):
            if groups and groups[-1][-1].after <= word.start and re.fullmatch(
                    r"\s+(?:and|&)\s+", text[groups[-1][-1].after:word.start]):
                groups[-1].append(word)  # "Grace and Will both lost their headphones"
            else:
                groups.append([word])
    spans = [Span(w.start, w.end, "name") for g in groups if acts(text, words, g) for w in g]
    return spans + signed(text, words, found) + unknown_doers(text, words)


def person_like(word: Word) -> bool:
    """A word that could be a child's name: a first name, even one that is also a word
    ("Hope"), or an unknown word ("Efua"); not a product ("Kami") or a closed-class word."""
    if word.shape == "upper" and (len(word.text) <= 3 or not word.given):
        return False  # an acronym: "PC", "PE", "IT", "USBE said" (not "JADEN said")
    return not (word.product or word.stop or word.blocked or word.possessive) and (
        word.given or word.score >= WEAK)


def acts(text: str, words: list[Word], group: list[Word]) -> bool:
    """Whether the sentence treats the group as a person (see by_the_sentence)."""
    end = group[-1].end
    if does_as_a_child(text, end) or ASIDE.match(text, end):
        return starts_clause(text, words, group[0]) or group[0].shape != "lower"
    if len(group) == 1 and APPOSED.match(text, end):
        return True
    if not starts_clause(text, words, group[0]) or not all(w.known for w in group):
        return False  # an unknown word is as likely an app: "Wixie won't save her project"
    following = [w for w in words if w.start >= end][:4]
    verb = next((w for w in following if w.text.lower() not in ADVERBS), None)
    if verb is None or verb.text.lower() not in VERBS or re.search(r"[^\w\s]",
                                                                   text[end:verb.start]):
        return False
    if group[0].shape == "lower" and verb.text.lower() in COPULAS:
        return False
    stop = SENTENCE_END.search(text, verb.end)
    reach = text[verb.end:(stop.end() + 40) if stop else len(text)]
    if PERSONAL.search(reach):
        return True
    return len(group) > 1 and bool(PLURAL_PERSONAL.search(reach))


def signed(text: str, words: list[Word], found: list[Span]) -> list[Span]:
    """A message that ends with "- Nomvula": a name, though no list has it."""
    last = words[-1] if words else None
    if last is None or text[last.end:].strip(" .!\n") or not SIGN_OFF.search(text[:last.start]):
        return []
    if SIGNATURE.search(text[:last.start]) and not PERSONAL.search(text):
        return []  # "... el volumen. —Marisol": the writer signing; "she's turning 9 - Shukri"
    if last.shape in ("title", "upper") and person_like(last) and not any(
            Span(last.start, last.end, "").overlaps(s) for s in found):
        return [Span(last.start, last.end, "name")]
    return []


def referred(text: str, run: list[Word]) -> bool:
    """Two words that are both names though also words ("Mason Reed", "Autumn Lee"), then
    "he" or "her" in the same sentence: a person."""
    if len(run) != 2 or not run[0].given or not all(w.known and not w.product for w in run):
        return False
    stop = SENTENCE_END.search(text, run[-1].after)
    return bool(PERSONAL.search(text, run[-1].after, stop.start() if stop else len(text)))


def repeated(words: list[Word], found: list[Span]) -> list[Span]:
    """A name hidden once is hidden wherever else the text has it ("Autumn Lee and Winter Lee
    are twins ... Autumn's ID"), written the same way (capitalised or not); a word of a full
    name typed again in lowercase is still the name when it is no word or owns something
    ("Tou Lor ... tou's journal", "River Ashby-Cole ... river's account")."""
    holders = [span_at(w.start, found) for w in words]  # the merged span each word sits in, if any
    hidden = {(w.folded, w.shape == "lower") for w, h in zip(words, holders, strict=True)
              if h and w.score > 0 and not w.stop and w.end <= h.end}
    in_full = {w.folded for w, h in zip(words, holders, strict=True)
               if h and w.shape != "lower" and w.end <= h.end and h.end - h.start > w.end - w.start}
    lex = lexicon()
    return [Span(w.start, w.end, "name") for w, h in zip(words, holders, strict=True)
            if h is None and len(w.folded) > 1 and ((w.folded, w.shape == "lower") in hidden or (
                w.folded in in_full and w.shape == "lower" and not w.stop and (
                    w.possessive or w.folded not in lex.words)))]


def extended(text: str, words: list[Word], spans: list[Span]) -> list[Span]:
    """Names grown by what surrounds them: a nickname and a surname after ("Rosalind 'Roz'
    Achebe's email"), a nickname before ("'DJ' Darnell Jackson"), a surname before a
    roster's comma ("Vo, Thanh Tam")."""
    by_start = {w.start: w for w in words}
    by_end = {w.end: w for w in words}
    grown = []
    for span in spans:
        start, end = span.start, span.end
        nick = NICKNAME.match(text, end)
        surname = by_start.get(nick.end()) if nick else None
        if surname and surname.shape in ("title", "upper") and surname.score > 0 \
                and not surname.stop:
            end = surname.end
        following = by_start.get(end + 1) if text[end:end + 1] == " " else None
        if following and following.text == "An" and text[following.end:following.end + 1] == " ":
            following = by_start.get(following.end + 1)  # "Thien An Vo": a middle name
            following = following if following and following.score >= SURNAME else None
        if following and following.shape == "title" and following.known and not (
                following.stop or following.product or following.blocked
                or following.text.lower() in TITLES or following.folded in PLACES):
            end = following.end  # "Ivy's lunch pin? Ivy Saucier": the surname goes with it
        given = by_end.get(start - 1) if text[start - 1:start] == " " else None
        hidden = by_start.get(start)
        # a product's name too, before a surname hidden ("Destiny Coleman's mom": a blind
        # corpus's, stop 63), not before a first name ("in Destiny Maya has 3 books out")
        hidden_surname = hidden is not None and hidden.score >= SURNAME and (
            not hidden.given or hidden.possessive)
        if given and given.shape == "title" and given.given and not (
                given.stop or (given.product and not hidden_surname) or given.blocked
                or given.possessive
                or given.text.lower() in TITLES or given.folded in PLACES):
            start = given.start  # "Carter Wells' pickup ... 'Amber Wells'": his family's
        before = by_end.get(start - 2) if text[start - 2:start] == ", " else None
        if before and before.shape in ("title", "upper") and before.score >= SURNAME \
                and before.text.lower() not in TITLES and not before.blocked \
                and ROSTER.search(text[:before.start]):
            start = before.start
        nickname = NICKNAME_BEFORE.search(text, max(0, start - 20), start)
        start = nickname.start(1) if nickname else start
        grown.append(Span(start, end, "name"))
    return grown


def bracketed(text: str, words: list[Word], found: list[Span]) -> list[Span]:
    """Around a name, a bracket that repeats it ("Kayden (K. Bishop)") and a surname after a
    bracketed aside ("Victory (yes, her name is Victory) Adebayo"): the same person."""
    spans = []
    for span in found:
        aside = BRACKET.match(text, span.end)
        if not aside:
            continue
        inside = [w for w in words if aside.start(1) <= w.start and w.end <= aside.end(1)]
        if inside and ALIAS.fullmatch(aside[1]) and any(w.shape != "initial" for w in inside) \
                and all(w.shape == "initial" or (w.shape == "title" and w.score > 0 and not (
                    w.stop or w.product or w.text.lower() in TITLES)) for w in inside):
            spans.append(Span(inside[0].start, inside[-1].end, "name"))
        nxt = next((w for w in words if w.start >= aside.end()), None)
        if nxt and text[aside.end():nxt.start] == " " and nxt.shape in ("title", "upper") \
                and nxt.score >= WEAK and person_like(nxt):
            spans.append(Span(nxt.start, nxt.end, "name"))
    return spans


def before_work_address(text: str, found: list[Span], taken: list[Span]) -> list[Span]:
    """Names without the one right before its owner's work address ("The contact for Kajeet
    is Brian Walsh, brian.walsh@kajeet.net"): a grown-up, whose address was kept."""
    kept = {s.start: text[s.start:s.end] for s in taken if s.kind == KEPT}
    if not kept:
        return found
    result = []
    for span in found:
        gap = re.match(r"[,:]?\s*[(<]?", text[span.end:span.end + 4])
        address = kept.get(span.end + (gap.end() if gap else 0), "")
        local = fold(address.partition("@")[0])
        if not any(len(p) >= 3 and p in local for p in re.findall(r"[a-z]+", fold(
                text[span.start:span.end]))):
            result.append(span)
    return result
