"""The district's own schools, by the names its admins gave them (`/prepbot schools add`): a
name the rules would hide is kept when it lies inside a school's whole own name, written out
as a place ("the Chromebook fleet at William Ford", "rm 302 at Ralph J. Bunche", "the Parker
Hill website"), and no student's cue stands beside it. Schools named for people are the
largest kind of ordinary text the rules alter (docs/masking.md, "Stop 59"). Only a name of
two words or more counts, and only whole: a school's lone surname or first name is how a
student is called too ("Morrison can't open the worksheet" beside Morrison Elementary: stop
55 kept those, and an attack got 91 students through), so "Ford", "William" and "Edsel"
alone stay hidden."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from bot.masking.cues import SIGN_OFF, TITLES
from bot.masking.lexicon import fold
from bot.masking.spans import Span
from bot.masking.student_marks import student_cued

# The words that say what kind of school it is, not which: "Aki Kurose Middle School".
KINDS = {"elementary", "middle", "high", "school", "schools", "academy", "center", "centre",
         "charter", "magnet", "intermediate", "primary", "junior", "senior", "early",
         "childhood", "learning", "community", "alternative", "preparatory", "prep", "campus",
         "es", "ms", "hs", "jr", "sr", "k", "the", "of", "at", "and", "escuela", "primaria",
         "secundaria", "leadership", "international", "stem", "steam", "arts", "science",
         "technology", "college", "career", "upper", "lower", "k-8", "k8", "pk"}
# What a school's namesake is called before their name: "General Vang Pao", "Dr. Charles R.
# Drew", "President William McKinley", "Father Keith B. Kenny".
NAMESAKES_TITLES = TITLES | {"general", "father", "reverend", "sister", "st"}
WORD = re.compile(r"[^\W_]+(?:['’-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s?$")
# Between two words of a school's name as written: a space, or an initial ("Ralph J. Bunche").
BETWEEN = re.compile(r"\s+(?:[A-Za-z]\.?\s+)?")
# A namesake's initials before the words that name the school: "the carts at L. Douglas
# Wilder" (a blind corpus's, stop 64).
INITIALS_BEFORE = re.compile(r"(?:\b[A-Z]\.\s*)+$")
# Where a school is, not a student who shares its namesake's name ("Annie Oakley needs her
# lunch PIN reset": an attack's, stop 55): right after "at", "in" or "near" (not "look at",
# "sitting at", "log in": a red team's, stop 59), or before what a school has, never in the
# possessive ("Parker Hill's wifi" is a boy's at home as often as a school's).
# ... and whose staff a school has: "Who is the tech for Hooper Alexander this year?" (a blind
# corpus's, stop 63); not a counselor or an AP, whom a student has too.
PLACE_BEFORE = re.compile(r"(?:\b(?:at|in|near|inside|outside|across|en)\s+(?:the\s+)?|@\s*|"
                          r"\b(?:tech|techs|technician|principal|librarian|site|campus)\s+for\s+"
                          r"(?:the\s+)?)$", re.IGNORECASE)
# A school's whole name after another school the district added, or where one moves from one:
# "at Pacific and Ethel Phillips", "from Buffett to Nathan Hale"; or after a room closing the
# message: "Room 109, Harvey Austin." (blind corpora's, stop 62). Never after a class ("In
# Math, Juan Pablo"), a person ("from Mr. Okafor to ...") or a bare "moved to", which devices
# and licences are too (a red team's, CC).
AFTER_A_SCHOOL = re.compile(r"(?:\b(?i:at|in)\s+(?:the\s+)?|\b(?i:from)\s+)(?P<other>[A-Z][\w.'’-]*"
                            r"(?:\s+[A-Z][\w.'’-]*){0,3})(?:\s+(?i:and)\s+|\s*&\s*|\s+to\s+)$")
ROOM = r"(?:room|rm)\.?\s*#?\s*\w{1,5}\s*,\s*$"  # "Room 109, "
ROOM_BEFORE = re.compile(rf"\b{ROOM}", re.IGNORECASE)
# What a school is named after, as a place, in every corpus: a room's number or a bracket, a
# sentence's start, a thing, a room or a job a school has, an event held there, "is", "down"
# ("Printer in the main office at Little River", "Room 117 at Rosa Parks", "I'm the counselor
# at Rachel B. Noel", "Wifi is down at Red Wash"); and a person's name before "at" ("Tammy at
# Chester Valley"). Never a verb or a word no list here holds: "add in Juan Pablo", "swore at",
# "seat Marcus near", "staring straight at" (a red team's, DD; stop 59's "look at", "log in").
# A sign and a state test's name are stop 63's ("the marquee sign at Vang Pao", "CAASPP at").
HOLDER_WORDS = """
office offices library lab labs room rooms classroom classrooms class classes portable portables
wing hall halls hallway commons floor gym cafeteria cafetorium auditorium lounge workroom closet
makerspace center pod building buildings campus annex trailer trailers kiosk desk gate door
garage field lobby teacher teachers staff counselor counselors nurse aide aides para paras clerk
registrar coordinator tech techs coach subs principal ap ed librarian secretary
interventionist intern families everyone anyone someone else team department dept chromebook
chromebooks ipad ipads laptop laptops computer computers desktops machines printer printers
copier copiers scanner projector projectors panel panels display displays tv tvs camera
cameras monitor keyboard phone phones line lines system systems network wifi wi-fi fi internet
server servers cart carts tray hotspots chargers badge badges account accounts password rosters
hardware speaker speakers alarm tablet tablets binder fleet devices testing tutoring night fair
meeting meetings event events training bridge semester grade geometry algebra biology math
science band house is are was were be been am i'm m down out off slow behind working installed
appearing new thing several monday tuesday wednesday thursday friday today tomorrow tonight
maestros maestra grado access gr kinder kindergarten prek pre-k tk minutes repeater teach teaches
work works subbing sign signs marquee bell bells clocks intercom caaspp staar map eoc
sbac psat aasa isasp atlas njsla sba acap mcas parcc tcap leap keystone regents"""
HOLDERS = frozenset(HOLDER_WORDS.split())
# Jobs that serve one child as often as a school: a school after them only where it ends its
# clause ("the new family liaison at Horace Mann. I need a laptop": a blind corpus's, stop
# 64), never before what is the child's ("The speech therapist at Annie Oakley desk", "the
# interpreter in William Ford IEP meeting": a red team's, JJ).
SERVING = frozenset({"liaison", "specialist", "psychologist", "therapist", "interpreter"})
ENDS_CLAUSE = re.compile(r"\s*(?:[.,;!?]|$)")
PLACE_AFTER = re.compile(r"\s+(?:website|site|hallways?|kindergarten|office|library|gym|"
                         r"cafeteria|campus|building|staff|teachers|families|pta|pto|wifi|"
                         r"network|printers?|labs?|rooms?|portables?|front\s+office|"
                         r"main\s+office|parking|buses|team|community|newsletter|calendar|"
                         r"classrooms?|workroom|auditorium|carts?)\b", re.IGNORECASE)
# What in the sentence makes a name a child's, whatever else is said: "Found a vape in the
# Parker Hill lockers, his mom is coming in". Not a word that only names what a school has:
# "student Chromebooks", "PVD-Student", "the parent portal", "3rd grade at" (stop 62's).
CHILD_SAID = re.compile(r"\b(?:he|she|him|his|her|hers|they|kid|kids|child|students|son|"
                        r"daughter|mom|dad|grader|backpack|locker|(?<!-)student(?!\s+(?:"
                        r"chromebooks?|devices?|wi-?fi|network|laptops?|ipads?|portal)\b)|"
                        r"parents?(?!\s+(?:portal|night|square|conferences?|app|newsletter)\b)|"
                        r"grade(?!\s+(?:at|team|teachers?|testing)\b))\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?\n]+")
# A colleague signing the message's end with their school by one word of its name, the
# signature set apart by a dash, a line of its own or a thank-you: "- Corey Tanaka, McKinley",
# "Thanks,\nHolly Bragdon, Sherwood" (blind corpora's, stop 60). Never with a grade, which a
# label gives a student ("Tag says Ms. Lee, Hudson 3rd grade"), nor where the text speaks of
# a child anywhere ("Loaner went home with her ... Dana Ortiz, Kennedy"), nor after a name the
# masker hid ("Maya Lopez, Roosevelt"): a red team's (BB, stop 61).
SIGNED_OFF = re.compile(rf"(?:^|\n|[-–—]|\b(?:{SIGN_OFF}|ty)[,!.]?)[ \t]*$", re.IGNORECASE)
# A finished sentence before the signer sets it apart too, and a job may stand between the
# signer and the school: "... periods 2 and 5. Nathan Pruitt, Roosevelt", "Todd Ramsey, PE,
# Shaw" (blind corpora's, stop 64); the signer is still one the masker kept, never a grade,
# and not named by a title, as a teacher is beside a student moved to their room ("Testing
# seat swap for tomorrow. Ms. Lee, Morrison": a red team's, BB).
FINISHED_BEFORE = re.compile(r"[.!?][ \t]+$")
LABELLED = re.compile(r"\b(?:label|labels|tag|tags|sticker|says|reads|written)\b[^.!?]*$",
                      re.IGNORECASE)
SIGNER_WORD = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’-]*)"  # "Mrs.", "J.", "O'Neil"; not "Skyward."
SIGNER_BEFORE = re.compile(rf"(?P<who>{SIGNER_WORD}(?:[ \t]+{SIGNER_WORD}){{1,3}})[ \t]*,[ \t]*"
                           r"(?:[A-Za-z][A-Za-z&/ \t]{1,24},[ \t]*)?$")
SIGNED_AFTER = re.compile(r"[ \t.!]*\n*$")
# ... or a thank-you signed by a name: "Tried a different USB port. Room 115, Golda Meir.
# Thanks, Tamika Jefferson" (a blind corpus's, stop 64), the room opening its sentence in a
# text that speaks of no child; not "checked out to Room 12, William Ford. Thanks, ..." nor
# "Thanks so much" (a red team's, HH).
THANKED_AFTER = re.compile(rf"[ \t]*[.!]\s*(?i:{SIGN_OFF}|ty)[,!.]?\s*[A-Z][\w'’.-]*"
                           r"(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t.!]*$")
ROOM_OPENS = re.compile(rf"(?:^|[.!?]\s+|\n\s*){ROOM}", re.IGNORECASE)
# Behind or beside a building a school has, its whole name only, in a text that speaks of no
# child: "the portables behind Horace Mann" (a blind corpus's, stop 64); not a seat ("the iPad
# behind Annie Oakley", "Maya Lopez is behind Parker Hill") nor a double first name ("the
# Chromebook behind Juan Pablo"): a red team's, HH.
BEHIND = re.compile(r"\b(?:portables?|trailers?|modulars?|buildings?|annex|fields?|parking|lot|"
                    r"fence|gym|playground)\s+(?:behind|beside)\s+(?:the\s+)?$", re.IGNORECASE)
# ... or before a floor of it: "Gordon Parks 2nd floor copier jammed" (a blind corpus's, stop
# 64); never "upstairs", a child's whereabouts ("bring a loaner to William Ford upstairs? He
# left his at home": a red team's, II).
FLOOR_AFTER = re.compile(r"\s+\d(?:st|nd|rd|th)\s+floor\b", re.IGNORECASE)
CHILD_IN_TEXT = re.compile(r"\b(?:he|she|him|his|her|hers|they|their|kid|kids|child|student|"
                           r"students|son|daughter|mom|dad|parent|parents|grade|grader|gr|"
                           r"period|backpack|locker|homeroom)\b", re.IGNORECASE)


def own_words(name: str) -> tuple[str, ...]:
    """The folded words that tell a school from the others, initials and kinds left out, a
    possessive marked as the text's words are: "Ralph J. Bunche Academy" -> ("ralph",
    "bunche"), "Irma Rangel Young Women's" -> ("irma", "rangel", "young", "women'")."""
    words = (folded(w) for w in WORD.findall(name))
    return tuple(w for w in words if len(w.rstrip("'")) > 1 and w not in KINDS
                 and not w.isdigit())


def folded(word: str) -> str:
    """A word folded, its possessive ending marked by a closing "'": "Women's" -> "women'"."""
    return fold(POSSESSIVE.sub("", word)) + ("'" if POSSESSIVE.search(word) else "")


def short_forms(own: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The openings of a school's own words, two words or more, as staff shorten a long name:
    "Juanita Sanchez" for the Juanita Sanchez Educational Complex, "Sor Juana" for Sor Juana
    Inés de la Cruz (blind corpora's, stop 62). A student's name as often ("Juan Pablo" of
    Juan Pablo Duarte: a red team's, CC), so kept only where a place is said outright; and the
    namesake without their title ("Vang Pao" for General Vang Pao Elementary: stop 62's)."""
    untitled = own[1:] if own and own[0] in NAMESAKES_TITLES else ()
    return {own[:n] for n in range(2, len(own))} | ({untitled} if len(untitled) >= 2 else set())


class SchoolNames:
    """The own words of each school whose name is two words or more, and their short forms."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        owns = [own_words(name) for name in names]
        self.whole = {own for own in owns if len(own) >= 2}
        self.schools = self.whole | {short for own in owns for short in short_forms(own)}
        # a school by one word of its name in a signature: its first or last own word
        self.signed = {w for words in owns if words
                       for w in (words[0].rstrip("'"), words[-1].rstrip("'"))}
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for own in self.schools:
            self.by_first.setdefault(own[0], []).append(own)

    def known(self, name: str) -> bool:
        """Whether `name` is a school the district added, by its whole own name or one word of
        it: "Ethel Phillips", "Pacific", "Buffett"."""
        own = own_words(name)
        return own in self.whole or (len(own) == 1 and own[0] in self.signed)

    def written(self, text: str) -> list[tuple[int, int]]:
        """Where a school's own name is written in `text` as a place, as (start, end): "at
        William Ford", "the Parker Hill website", in a sentence that speaks of no child."""
        if not self.schools:
            return []
        words = [(m.start(), m.end(), folded(m.group())) for m in WORD.finditer(text)]
        words = [w for w in words if len(w[2].rstrip("'")) > 1]
        found = [(initialled(text, run[0][0]), run[-1][1]) for i, word in enumerate(words)
                 for own in self.by_first.get(word[2], ())
                 if self.written_as(text, run := words[i:i + len(own)], own)]
        child = [m.span() for m in SENTENCE.finditer(text) if CHILD_SAID.search(m.group())]
        return [(start, end) for start, end in found
                if not any(a <= start and end <= b for a, b in child)]

    def written_as(self, text: str, run: list[tuple[int, int, str]], own: tuple[str, ...]) -> bool:
        """Whether these words of the text are a school's own words, written together, as a
        place: a short form only where a place is said outright ("at", "the ... website")."""
        start, end = run[0][0], run[-1][1]
        if tuple(w[2] for w in run) != own or not all(  # "Parker Hill's" ends in "hill'": no
                BETWEEN.fullmatch(text, a[1], b[0]) for a, b in pairwise(run)):
            return False
        before = text[max(0, start - 60):initialled(text, start)]
        if (PLACE_BEFORE.search(before) and (held(before) or (
                held(before, SERVING) and ENDS_CLAUSE.match(text, end)))) \
                or PLACE_AFTER.match(text, end):
            return True
        if own not in self.whole:
            return False
        other = AFTER_A_SCHOOL.search(before)
        if (other and self.known(other["other"])) or (
                ROOM_BEFORE.search(before) and SIGNED_AFTER.match(text, end)):
            return True
        apart = (ROOM_OPENS.search(before) and THANKED_AFTER.match(text, end)) or \
            BEHIND.search(before) or FLOOR_AFTER.match(text, end)
        return bool(apart) and not CHILD_IN_TEXT.search(text)


def initialled(text: str, start: int) -> int:
    """Where a school's name that starts at `start` starts with its namesake's initials."""
    initials = INITIALS_BEFORE.search(text, max(0, start - 12), start)
    return initials.start() if initials else start


def held(before: str, holders: frozenset[str] = HOLDERS) -> bool:
    """The word before "at", "in" or "near" at the end of `before` is one a school is named
    after as a place (HOLDERS), a number or a model ("M404dn"), a bracket or a stop, or a name
    before "at"."""
    words = before.split()
    if len(words) < 2:
        return True  # "At José Martí MAST", "@ Oak Hollow"
    cue = -2 if words[-1].lower() == "the" else -1
    word = words[cue - 1] if len(words) > -cue else ""
    if fold(word) in ("sign", "signs") and words[cue].lower() != "at":
        return False  # "sign in Carlos Rosario": a verb (a red team's, EE), not "the sign at"
    if not word or word[-1] in ")]'\"”’.,:;!?—–-" or any(c.isdigit() for c in word) \
            or fold(word) in holders:
        return True
    return word[0].isupper() and words[cue].lower() in ("at", "@")


SCHOOLS = SchoolNames()  # this process's schools; bot/schools/names.py fills it


def know_schools(names: Iterable[str]) -> None:
    """Know these schools, and only them, from now on."""
    global SCHOOLS
    SCHOOLS = SchoolNames(names)  # one assignment: a masking under way sees old or new


def spare_schools(text: str, found: list[Span]) -> list[Span]:
    """The spans found, without the names inside a school's whole name written out that no
    student's cue stands beside, and a school's word a colleague signs with."""
    schools = SCHOOLS  # read once: a refresh may swap in a new list meanwhile
    written = schools.written(text)
    inside = {s for s in found if s.kind == "name"
              and any(start <= s.start and s.end <= end for start, end in written)}
    spared = inside - student_cued(text, inside, talked=False) if inside else set()
    spared |= {s for s in found if s.kind == "name" and signed_with(text, s, found, schools)}
    return [s for s in found if s not in spared]


def signed_with(text: str, span: Span, found: list[Span], schools: SchoolNames) -> bool:
    """The name at `span` is one word of a known school's, or its whole own name, closing the
    message after a name the masker kept and a comma, set apart as a signature: "- Corey
    Tanaka, McKinley", "- Lauren Talley, Kindergarten, Fairfield Court" (a blind corpus's)."""
    named = text[span.start:span.end]
    one_word = fold(POSSESSIVE.sub("", named)) in schools.signed
    if not (one_word or own_words(named) in schools.whole) or \
            not SIGNED_AFTER.match(text, span.end):
        return False
    signer = SIGNER_BEFORE.search(text, max(0, span.start - 60), span.start)
    if signer is None:
        return False
    said = text[:signer.start("who")]  # what the message says before it is signed
    untitled = fold(signer["who"].split()[0].rstrip(".")) not in TITLES
    set_apart = SIGNED_OFF.search(said) or (untitled and FINISHED_BEFORE.search(said))
    # A whole name, which a student may share, only after a signer named as people sign, not
    # as a label names a class's teacher ("The tag reads\nMs. Lee, Kindergarten, William
    # Ford": a red team's, JJ)
    if not one_word and (not untitled or LABELLED.search(said)):
        return False
    return bool(set_apart) and not CHILD_IN_TEXT.search(said) and not any(
        s.kind == "name" and s.start < signer.end() and signer.start("who") < s.end
        for s in found if s is not span)
