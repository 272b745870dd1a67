"""What the words just before a number say it is: a student's id, a phone, or a tech number."""

from __future__ import annotations

import re
from typing import Literal

from bot.masking.cues import VENDORS
from bot.masking.lexicon import lexicon

Cue = Literal["student", "phone", "tech"] | None

# A word or a '#', with a trailing period kept so sentence ends can be told apart; a dash
# between spaces is kept as a word of its own: it ends what a word before it qualifies.
WORD = re.compile(r"#|[—–]|(?<=\s)-(?=\s)|[^\W_]+(?:['’][^\W_]+)?\.?")
DASHES = {"—", "–", "-"}
SENTENCE_END = re.compile(r"[!?;\n]")
POSSESSIVE = re.compile(r"['’]s$")
ABBREVIATIONS = {"ext.", "no.", "num.", "stu.", "rm.", "tel.", "ph.", "st.", "dr.", "mr.",
                 "ms.", "mrs.", "id.", "approx.", "acct."}
WINDOW = 6  # words looked back over; the cue for a number sits right before it

# Besides the words, the acronyms states and districts give student ids: SID, SASID (MA),
# LASID, OSIS (New York City), SUID, GTID (Georgia), SSID (Oregon's, not the wifi's).
STUDENT = {"student", "students", "stu", "lunch", "state", "sis", "badge", "learner",
           "pupil", "ssn", "social", "district", "local", "enrollment", "enrolment", "sid",
           "sasid", "lasid", "osis", "suid", "gtid", "nsid", "usid", "kid", "kids", "child",
           # and the state systems that number students: MARSS (MN), PEIMS (TX), WISEid (WI),
           # MOSIS (MO), CALPADS (CA)
           "marss", "peims", "wiseid", "mosis", "calpads",
           "library", "patron",  # a library's
           # a number someone signs in with is theirs: "login PIN 4471", "username 55120"
           "login", "logon", "signin", "username", "user",
           # in Spanish
           "estudiante", "estudiantes", "alumno", "alumna", "alumnos", "matrícula", "matricula",
           "almuerzo", "usuario"}
# the systems that hold students: an id there is a student's (but see find_id_numbers)
SYSTEMS = {"powerschool", "skyward", "aeries", "synergy", "campus", "clever", "classlink",
           "lexia", "iready", "ixl", "renaissance", "nwea", "istation", "raz"}
STUDENT |= SYSTEMS
PHONE = {"phone", "phones", "cell", "mobile", "tel", "telephone", "call", "text", "texts",
         "fax", "sms", "recovery", "contact", "reach", "guardian", "parent", "home"}
TECH = {"ticket", "tickets", "tkt", "case", "asset", "tag", "tags", "serial", "sn", "room",
        "rm", "passcode", "meeting", "course", "courses", "section", "class", "fault",
        "join", "game", "quiz", "error", "err", "build", "version", "ver", "firmware", "kb",
        "model", "ext", "extension", "x", "cart", "station", "port", "vlan", "ip", "order",
        "po", "invoice", "part", "sku", "hostname", "printer", "copier", "site", "zip",
        "license", "licence", "key", "product", "confirmation", "tracking", "reference",
        "ref", "incident", "request", "device", "app", "tenant", "client", "bus", "route",
        "page", "pages", "chapter", "lesson", "unit", "module", "question", "item",
        "floor", "building", "seat", "table", "locker", "cohort", "wave", "event", "session",
        "assignment", "homework", "test", "exam", "sso", "budget", "fund",
        "grant", "contract", "purchase", "warranty", "rma", "claim", "inc", "req", "ritm",
        "desk", "helpdesk", "support", "office", "hotline", "vendor", "quote", "windows",
        "os", "ios", "ipados", "chromeos", "macos", "android", "bios", "uefi", "driver",
        "update", "patch", "n",  # "n" of "S/N"
        "webinar", "zoom", "job", "wo", "block", "alert",
        # a budget's account and a member of staff's number: "Charge to account 10-2210-6400",
        # "a classified employee, ID EMP-20441"
        "charge", "charged", "bill", "billed", "billing", "expense", "employee", "employees",
        "emp", "staff", "payroll", "hr",
        # in Spanish
        "etiqueta", "folio", "serie", "salón", "salon", "aula", "código", "codigo", "versión",
        "modelo", "extensión", "sala", "edificio", "laboratorio", "empleado", "empleada"}
# A hardware maker's or a reseller's number is a model or a quote ("brother" and "sharp" are
# also words a family's number follows).
TECH |= VENDORS - {"sharp", "polar"}
# Things a student has, not numbering schemes: a family's number beside them is a phone.
TECH_THINGS = {"device", "devices", "app"}
# "id 1234" and "pin 1234" alone are a student's; "code 1234" alone is a join or error code;
# "number 1234", "#1234" and "card 1234" alone say nothing, so their qualifier decides.
GENERIC: dict[str, Cue] = {"id": "student", "ids": "student", "pin": "student",
                           "pins": "student", "code": "tech", "codes": "tech", "#": None,
                           "number": None, "numbers": None, "no": None, "num": None,
                           "nbr": None, "nr": None,
                           # "library card # 2300018874" is a student's, "gift card 4411" not
                           "card": None, "cards": None, "barcode": None}
# Whose "code" is a numbering scheme, not a student's: "state code 21004" (a course's).
CODE_SCHEMES = {"state", "district", "local", "campus", "school", "sis", "course"}
COMMA_ID = re.compile(r",\s*id\s*[#:]?\s*$", re.IGNORECASE)  # an id set apart from the thing
FILLER = {"is", "was", "are", "were", "be", "the", "a", "an", "his", "her", "their", "my",
          "our", "its", "of", "and", "or", "through", "thru", "to", "with", "as", "=", "said",
          "says", "reads", "shows", "has", "had", "new", "old", "correct", "right", "wrong",
          "same", "another", "other", "this", "that", "it", "on", "in", "file",
          # "state id for Amara Diallo is KY-...": the name between is hidden later
          "for",
          # "student PIN for Reading Eggs should be 1234", "it's supposed to be 7741"
          "should", "supposed", "must", "meant",
          # in Spanish: "el PIN del almuerzo, dice que es 0419"
          "es", "era", "son", "que", "el", "la", "los", "las", "su", "sus", "del", "de", "dice",
          "dijo", "mi", "tu", "y", "o"}
# "Student PIN ... isn't working for Ty — it's 2094": "it" refers to the nearest id-like
# noun before it (else to what the sentence opened with), so the number takes its cue.
REFERS = {"it", "its", "which", "that"}  # "its 4471", as texted
# What stands between "it" and its number: "it's 2094", "it should be 1234", "it's supposed
# to be 7741".
LINKING = {"is", "be", "to", "should", "supposed", "must", "meant", "was", "used"}
# A place named after what it serves: "the enrollment center", "the library office".
PLACES_OF = {"center", "centre", "office", "desk"}
OPENS_WITH_IT = re.compile(r"(?:^|[.!?;\n]\s*)\b(?:it['’]?s|it)\b[^.!?;\n]*$", re.IGNORECASE)
# A sentence that opens with a meeting gives a bare "ID" after it the meeting's.
MEETING = re.compile(r"^\W*(?:\w+\s+)?(?:meeting|webinar|zoom|teams\s+meeting|google\s+meet)\b",
                     re.IGNORECASE)
# "Her number is 7783": a person's number that is no phone's shape is their id.
PERSONS = {"her", "his", "their", "su", "sus"}


def words_before(text: str, at: int, window: int = WINDOW, span: int = 80) -> list[str]:
    """Up to `window` lowercase words before `at`, nearest first, within its sentence."""
    piece = SENTENCE_END.split(text[max(0, at - span):at])[-1]
    found: list[str] = []
    counted = 0
    for word in reversed(WORD.findall(piece)):
        lowered = word.lower()
        if lowered.endswith(".") and lowered not in ABBREVIATIONS:
            break  # the end of the sentence before
        found.append(POSSESSIVE.sub("", lowered.rstrip(".")))
        counted += not word.isdigit()  # a list's numbers: "asset tags 21-0455, 21-0461, ..."
        if counted == window:
            break
    return found


def qualifier(word: str | None, products: bool = False) -> Cue:
    """What a word says a number near it is; with `products`, an app's name counts as tech
    (it qualifies the "PIN" in "Kahoot PIN", not any number in the sentence)."""
    if word is None or word in DASHES:
        return None
    if word not in TECH and word not in STUDENT and word not in PHONE and len(word) > 3 \
            and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # "rooms 101-108", "tags 4410-4420"
    if word in TECH:
        return "tech"
    if word in STUDENT:
        return "student"
    if word in PHONE:
        return "phone"
    lex = lexicon()
    # "Kahoot 881234" is a game; "Dương Thị Lan is 2049918837" is no LAN: a name is no product.
    return "tech" if products and word in lex.not_names and word not in lex.first else None


def sentence_before(text: str, at: int) -> list[str]:
    """The words of the sentence before the one that holds `at`, nearest first."""
    opening = OPENS_WITH_IT.search(text, max(0, at - 40), at)
    if not opening:
        return []
    end = len(text[:opening.start()].rstrip().rstrip(".!?;"))
    return words_before(text, end, window=20, span=160)


def number_cue(text: str, at: int, reach: int = 3, defaults: bool = True) -> Cue:
    """The nearest cue before the number at `at` ("student", "phone", "tech" or None), looking
    past at most `reach` other words: a cue further away is about something else. Without
    `defaults`, a bare "code" or "id" says nothing (a phone's shape outweighs it)."""
    words = words_before(text, at)
    referring = next((w for w in words if w not in LINKING), None)  # "it's 2094", "which is"
    if defaults and referring in REFERS:
        sentence = words_before(text, at, window=20, span=160)
        cue = referred_cue(sentence) or opening_cue(sentence)
        if cue is None and sentence[-1:] == [referring]:  # "PIN for Ikaika? it's 4471"
            cue = referred_cue(sentence_before(text, at))
        if cue is not None:
            return cue
    cue = nearest_cue(words, reach, defaults)
    if cue == "tech" and defaults and words[:1] == ["id"] and COMMA_ID.search(
            text, max(0, at - 12), at) and opening_cue(
            words_before(text, at, window=20, span=160)) == "student":
        return "student"  # "student keeps getting locked out of chromebook, ID 300418876"
    linked = words[1:2] if words[:1] == ["#"] else words[:1]  # "Support ticket ... is #0291"
    if cue != "student" and defaults and linked == ["is"] and opening_cue(
            words_before(text, at, window=20, span=160)) == "tech":
        return "tech"  # "Meeting ID for the Title I parent night is 842 1193 5570"
    if cue == "student" and defaults and words[:1] == ["id"] and MEETING.search(
            SENTENCE_END.split(text[max(0, at - 160):at])[-1]):
        return "tech"  # "Teams meeting for the CTE advisory board Nov 14 6:00pm, ID 231 884"
    return cue


def referred_cue(words: list[str]) -> Cue:
    """The cue of the nearest id-like noun before "it": a person's ("her PIN for the printer
    release station, it's supposed to be 7741"), else its qualifier's or, failing that, a
    thing's named after it ("the wrong PIN on the copier (it's 2290").)"""
    for i, word in enumerate(words):
        if word in GENERIC:
            before = words[i + 1] if i + 1 < len(words) else None
            if before in PERSONS:
                return "student"
            judged = qualifier(before, products=True)
            if judged is None and any(qualifier(w) == "tech" for w in words[:i]):
                return "tech"
            return judged or GENERIC[word]
    return None


def opening_cue(words: list[str]) -> Cue:
    """The cue of the first noun the sentence names a number by ("Student PIN ...")."""
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in GENERIC:
            return qualifier(words[i + 1] if i + 1 < len(words) else None) or GENERIC[word]
        judged = qualifier(word)
        if judged:
            return judged
    return None


def nearest_cue(words: list[str], reach: int, defaults: bool) -> Cue:
    """The cue nearest the number among `words` (nearest first); see number_cue."""
    passed = 0
    for i, word in enumerate(words):
        if word.isdigit() or word in DASHES:
            continue  # a range or a list: "tags 010200 through 010229"
        if word in GENERIC:
            j = i
            while j + 1 < len(words) and words[j + 1] in GENERIC:
                j += 1
            # Across a dash an app's name no longer qualifies the id ("her Chromebook — ID
            # 3301288" is hers), a numbering scheme still does ("the cart — ID 4471").
            dashed = int(j + 1 < len(words) and words[j + 1] in DASHES)
            if words[j] in ("code", "codes") and words[j + 1:j + 2] and \
                    words[j + 1] in CODE_SCHEMES:
                return "tech"
            k = j + 1 + dashed
            while k < len(words) - 1 and words[k] in LINKING and word == "#":
                k += 1  # "Last ticket was #30912"
            judged = qualifier(words[k] if k < len(words) else None, products=not dashed)
            if judged or not defaults:
                return judged
            if word in ("number", "#", "no", "card", "barcode") and j + 1 < len(words) and \
                    words[j + 1] in PERSONS:
                return "student"  # "Her number is 7783"; a phone's shape is judged elsewhere
            if word in ("barcode", "card") and "library" in words:
                return "student"  # "her library card reprinted, barcode 31072000458821"
            return next((GENERIC[w] for w in words[i:j + 1] if GENERIC[w]), None)
        if word in ("theirs", "hers") or (word == "his" and all(w in LINKING for w in words[:i])):
            return "student"  # "office says theirs are QL5529013": a person's number
        if i > 0 and words[i - 1] in PLACES_OF and word in STUDENT:
            judged = None  # "the enrollment center (614-555-0100)" is the center's line
        else:
            judged = qualifier(word, products=passed == 0)  # "Kahoot 881234", not "Google 88"
        if judged:
            return judged
        if word not in FILLER:
            passed += 1
            if passed >= reach:
                return None
    return None

