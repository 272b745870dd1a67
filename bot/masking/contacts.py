"""Emails (written or spelled out) and phone numbers (found by Google's libphonenumber)."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from rapidfuzz.distance import OSA

from bot.masking.accounts import writers_own
from bot.masking.adults import grown_up_by_job_before, grown_up_named_before
from bot.masking.context import LINKING, PERSONS, TECH_THINGS, number_cue, words_before
from bot.masking.cues import ROLE_AFTER
from bot.masking.lexicon import fold, lexicon
from bot.masking.lines import family_in_sentence, family_near, institution_line, numbered_by_app
from bot.masking.signatures import in_signature_block
from bot.masking.spans import KEPT, Span, free

EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*")  # "jaden.r@gmail" too
# "maya dot chen at stu dot district dot org", "jaden.r at school.org", "x (at) y [dot] org",
# and in Spanish "camila punto reyes arroba alumnos punto distrito punto org"
# (a period with a space after only is a sentence's end: "emailed. hung.tran@gmail.com")
DOT = r"(?:\.|\s+\.\s+|\s+(?:dot|punto)\s+|\s*[\[(]\s*(?:dot|punto)\s*[\])]\s*)"
AT = r"(?:\s+(?:at|arroba)\s+|\s*[\[(]\s*(?:at|arroba)\s*[\])]\s*|\s*@\s*)"
LABEL = r"[\w+'-]+"
TLD = r"(?:org|com|net|edu|gov|us|mil|io|co|info|biz|me|uk|ca|au)"
# In the name before the "at", an underscore or a dash said as a word too ("ama underscore
# boateng at hotmail dot com": a blind corpus's, stop 57).
JOIN = rf"(?:{DOT}|\s+(?:underscore|under\s+score|dash|hyphen|gui[oó]n(?:\s+bajo)?)\s+)"
SPELLED = re.compile(rf"(?<![\w.@])(?P<local>{LABEL}(?:{JOIN}{LABEL})*){AT}"
                     rf"{LABEL}(?:{DOT}{LABEL})*?{DOT}{TLD}\b", re.IGNORECASE)
# The writer's own line: "My school cell is 612-555-0119", "mi celular es".
WRITERS_LINE = re.compile(r"\b(?:my|mi)\s+(?:(?:new|old)\s+)?(?:(?:school|work|office|personal|"
                          r"classroom|desk|teacher|district|google\s+voice)\s+)?(?:cell|cellphone|phone|number|line|"
                          r"mobile|celular|tel[eé]fono|n[uú]mero)(?:\s+(?:number|#))?"
                          # "My district cell on file should be"
                          r"(?:\s+on\s+file)?\s*(?:is|es|:|=|should\s+be)?\s*$", re.IGNORECASE)
# The writer's own line, said after it: "old number 520-555-0117 is still mine".
WRITERS_LINE_AFTER = re.compile(r"\s+(?:is|'s)\s+(?:still\s+)?(?:mine|my\s+(?:cell|number|"
                                r"phone))\b", re.IGNORECASE)
# A number someone called from is their line: "Marisol's dad called the main office from".
CALLER = re.compile(r"\b(?:called|calling|texted|rang|phoned|llam[óo])\b[^.!?\n]{0,60}?"
                    r"\b(?:from|desde)\s+$", re.IGNORECASE)
# The writer giving their own address: "My login is", "my email:", "mine is".
MINE = re.compile(r"\b(?:my\s+(?:school\s+|work\s+|district\s+|personal\s+)?(?:login|log-in|"
                  r"e-?mail(?:\s+address)?|address|username|user\s*name|account)|mine|"
                  r"mi\s+correo(?:\s+electr[oó]nico)?)\s*(?:is|es|:)?\s*$", re.IGNORECASE)
# North American numbers: an area code never starts with 0 or 1. (Exchanges never do either,
# but "555-123-4567" is how people write a made-up one, and a real one deserves no less.)
NANP = re.compile(r"[2-9]\d{9}")
LOCAL = re.compile(r"[2-9]\d\d[-.]\d{4}")
TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")  # vendors, never a student
# How people write a US number; the matcher alone also takes "128.0.6613.133" for one.
SHAPE = re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}")
# A number read aloud and typed as words: "nueve cinco seis, cinco cinco cinco, cero uno cuatro
# tres", "five five nine, six oh two, eleven forty" (six number words or more).
NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|"
               r"nine)ty|cero|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|"
               r"doce|trece|catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)|veinte|treinta|"
               r"veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|"
               r"cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)")
# "cuarenta y dos": "y" only after a Spanish ten (all end in "nta"), never in a list ("five and
# six").
SPELLED_PHONE = re.compile(rf"(?<![\w-]){NUMBER_WORD}(?:(?:(?<=nta)\s+y\s+|[\s,.-]{{1,3}})"
                           rf"{NUMBER_WORD}){{5,}}(?![\w-])", re.IGNORECASE)
# Digits and number words mixed ("770 four one two 8856"): a phone after a phone's cue, when
# they read as seven or ten digits (a blind corpus's, stop 57).
MIXED_PHONE = re.compile(rf"(?<![\w-])(?:\d{{1,4}}|{NUMBER_WORD})(?:[\s,.-]{{1,3}}"
                         rf"(?:\d{{1,4}}|{NUMBER_WORD})){{2,9}}(?![\w-])", re.IGNORECASE)
TWO_DIGIT_WORD = re.compile(r"(?:ten|eleven|twelve|\w+teen|\w+ty|diez|once|doce|trece|catorce|"
                            r"quince|dieci\w+|veint\w+|treinta|cuarenta|cincuenta|sesenta|"
                            r"setenta|ochenta|noventa)", re.IGNORECASE)
# Shapes the matcher does not take: "555 - 867 - 5309", "555/867-5309".
LOOSE = re.compile(r"(?<![\w.-])\(?[2-9]\d\d\)?\s*[-–—/.]\s*\d{3}\s*[-–—.]\s*\d{4}(?![\w-]|\.\d)")


# Addresses that are no person's: "support@", "helpdesk@", "techdept@", "no-reply@".
ROLES = {"support", "sales", "help", "helpdesk", "servicedesk", "desk", "info", "admin",
         "noreply", "no", "reply", "billing", "techdept", "tech", "it", "office", "orders",
         "contact", "hello", "team", "service", "services", "accounts", "accounting", "hr",
         "payroll", "registrar", "enrollment", "webmaster", "security", "abuse", "postmaster",
         "nutrition", "transportation", "library", "frontoffice", "soporte", "ayuda",
         "admissions", "socialwork", "counseling", "guidance", "attendance", "athletics",
         "records", "transcripts", "testing", "assessment", "communications", "itsupport",
         "techsupport", "enroll", "drama", "theater", "theatre", "band", "choir", "orchestra",
         "yearbook", "boosters", "superintendent", "supt", "principal", "nurse", "health",
         "board", "registration", "cafeteria", "maintenance", "facilities", "pto", "pta",
         "ptsa", "ptso",
         # a machine's or a shared desk's: "scan-lib@", "print-hs@", "mdm@"
         "scan", "scans", "scanner", "print", "printer", "copier", "lib", "media", "mdm",
         "purchasing", "warehouse", "depot", "mailroom"}
# Named as staff where the address is given: "owners: jramirez@district.k12.tx.us and ...".
STAFF_ADDRESS = re.compile(r"\b(?:owners?|managers?|editors?|staff|faculty|teachers|"
                           r"co-?teachers?|admins?)\b(?:[^.!?\n]|\.(?=\S))*$", re.IGNORECASE)
# Said to be a student's, whatever its domain: "student email jfreeman3310@mcsdga.net".
STUDENTS_ADDRESS = re.compile(r"\b(?:student|stu|kid|child)['’]?s?\s+(?:e-?mail|address|"
                              r"account|login|acct)\s*(?:is|:)?\s*$", re.IGNORECASE)
# A parents' group's mailbox at a free provider: "kedzieridgepto@gmail.com".
# Also an office's: "annstreetoffice@nps.k12.nj.us".
GROUP_MAILBOX = re.compile(r"(?:pto|pta|ptsa|ptso|boosters|booster|office|frontdesk|helpdesk)$|"
                           r"^(?:pto|pta|ptsa|ptso|boosters?)(?=[a-z])")
# Where students get mail: a district's domain ("stu.", "students.") or a free provider.
# Any other ".com" or ".net" address is someone's work address: a vendor's, never a student's.
FREE_MAIL = {"gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn",
             "aol", "icloud", "me", "mac", "proton", "protonmail", "gmx", "mail", "zoho",
             "yandex", "comcast", "att", "sbcglobal", "verizon", "cox", "charter", "earthlink",
             "bellsouth", "optonline", "frontier", "centurylink", "windstream", "juno",
             "netzero", "rr", "roadrunner", "embarqmail", "mchsi", "suddenlink",
             # families' providers abroad: China, Korea, India, Russia, Germany, France
             "qq", "163", "126", "sina", "naver", "hanmail", "daum", "rediffmail", "web",
             "orange", "laposte", "libero", "wanadoo", "tutanota", "fastmail"}
# ("nycstudents.net", "phxstudents.net": a label's end too, not "studentsfirst.com")
STUDENT_DOMAIN = re.compile(r"\b(?:stu|kids)\b|(?:students?|learners?|pupils?|alumnos|"
                            r"estudiantes)(?![\w-])|stu\.|k12stu", re.IGNORECASE)
CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]+")
TITLED = re.compile(r"\b(?:mr|mrs|ms|mx|dr|sr|sra|srta|dra|prof|profe|coach|pastor|lic|"
                    r"mtra?|maestr[oa])\.?\s+(?P<surname>[^\W\d_]{3,})", re.IGNORECASE)


def free_mail(domain: str) -> bool:
    """True when a domain is a provider's families get mail from, typed right or not:
    "gmail.com", "frontiernet.net" (Frontier's), and under ".com", ".net", ".com.mx" or
    ".co.uk" "hotmial" and "gmial" (one slip of the keys; not "carter.k12.ky.us", a district
    one key from "charter": red teams', stop 55)."""
    labels = domain.lower().split(".")
    commercial = len(labels) > 1 and labels[-1] in ("com", "net")
    national = len(labels) > 2 and labels[-2] in ("com", "co", "net")  # "hotmail.com.mx"
    owner = labels[-2] if commercial else labels[-3] if national else labels[0]
    if labels[0] in FREE_MAIL or owner in FREE_MAIL or owner.removesuffix("net") in FREE_MAIL:
        return True
    return (commercial or national) and len(owner) >= 4 and any(
        OSA.distance(owner, known, score_cutoff=1) <= 1 for known in FREE_MAIL if len(known) >= 5)


def spelled_domain(address: str) -> str:
    """The domain of an address however it is spelled: "x at gmail dot com" -> "gmail.com"."""
    domain = re.split(AT, address, maxsplit=1, flags=re.IGNORECASE)[-1]
    return re.sub(DOT, ".", domain, flags=re.IGNORECASE)


def role_mailbox(local: str) -> bool:
    """A mailbox of a role or an office ("nurse_office", "helpdesk"), not a person's (a red
    team's, stop 57: "nurse underscore office at district dot org" was hidden)."""
    local = local.lower()
    return any(part in ROLES for part in re.split(r"[^a-z]+", local)) or bool(
        GROUP_MAILBOX.search(local))


def named_local(local: str) -> bool:
    """An address's name part holds a first name beside its other words ("kim.office",
    "carlos.help"): at a free provider, a person's, whatever office word it holds."""
    parts = [p for p in re.split(r"[^a-z]+", fold(local)) if p]
    return len(parts) > 1 and any(p in lexicon().first for p in parts)


def someone_at_work(address: str, text: str, at: int | None = None) -> bool:
    """An address of a role, of a company, or of the staff member the text names by title
    ("Mrs. Garcia ... mgarcia@district.org") or by job ("Ana (my aide) ... ana.morales@"):
    not a student's."""
    local, _, domain = address.lower().partition("@")
    if STUDENT_DOMAIN.search(domain):
        return False
    if role_mailbox(local) and not (free_mail(domain) and named_local(local)):
        return True  # not "Kim.Office@comcast.net", a family's (a red team's, stop 57)
    if at is not None and not re.search(r"\d", local) and not free_mail(domain) \
            and STAFF_ADDRESS.search(text, max(0, at - 90), at):
        return True
    labels = domain.split(".")
    company = labels[-1] in ("com", "net") or (len(labels) > 2 and labels[-2] in ("com", "co"))
    if company and not free_mail(domain):
        return True
    parts = {p for p in re.split(r"[^a-z]+", fold(local)) if len(p) >= 3}
    # a titled name at a free provider is a family's ("Mrs. Tran ... hung.tran.family@gmail")
    titled = not free_mail(domain)
    return (titled and any(m["surname"].lower() in local for m in TITLED.finditer(text))) or any(
        fold(m[0]) in parts and (job := ROLE_AFTER.match(text, m.end())) and
        "student" not in job[0].lower() and text[job.end():job.end() + 1] not in ("'", "’")
        for m in CAPITALISED.finditer(text))


def writers_address(address: str, at: int, text: str) -> bool:
    """The writer's own work address, given as theirs in a text about their own account that
    names no one else ("ClassDojo keeps logging me out ... My login is dkowalski@...")."""
    domain = address.lower().partition("@")[2]
    return bool(MINE.search(text, max(0, at - 30), at)) and writers_own(text) and \
        not STUDENT_DOMAIN.search(domain) and not free_mail(domain)


def find_emails(text: str) -> list[Span]:
    """Email addresses, including ones spelled out so that filters miss them; not the
    addresses of vendors, of roles or of staff (see someone_at_work), nor the writer's own."""
    # A work address is kept, and kept whole: no name inside it is hidden either.
    found = [Span(m.start(), m.end(), KEPT if not STUDENTS_ADDRESS.search(
        text, max(0, m.start() - 30), m.start()) and (someone_at_work(m.group(), text, m.start()) or
        writers_address(m.group(), m.start(), text)) else "email") for m in EMAIL.finditer(text)]
    for match in SPELLED.finditer(text):
        local, domain = match.group("local"), spelled_domain(match.group())
        if local.isalpha() and local.lower() in lexicon().words and not free_mail(domain):
            continue  # "look at google dot com" names a site; "sunshine at gmail dot com" a
            # family's address (a red team's, stop 55)
        # Read out, only an office's own mailbox stays: not "kim dot sales at gmail", nor
        # "maya dot info at stu dot district dot org" (red teams', stop 57).
        kept = someone_at_work(match.group().replace(" ", ""), text) if "@" in match.group() \
            else role_mailbox(re.sub(JOIN, "_", local, flags=re.IGNORECASE)) and not (
                free_mail(domain) or STUDENT_DOMAIN.search(domain))
        found.append(Span(match.start(), match.end(), KEPT if kept else "email"))
    return found


FULL_NAME = re.compile(r"\b(?P<first>[A-Z][a-z]+)\s+(?:[A-Z]\.?\s+)?"
                       r"(?P<last>[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?)\b")


def spare_kept_names_addresses(text: str, spans: list[Span]) -> list[Span]:
    """`spans` less the work addresses built from a full name the text keeps: once "Dr.
    Yolanda Briggs" stays, so does ybriggs@fvsd-tn.org (not a student's domain, no number)."""
    if not any(s.kind == "email" for s in spans):
        return spans  # most texts: nothing to spare
    hidden_names = [s for s in spans if s.kind == "name"]
    names = [(fold(m["first"]), re.sub(r"[^a-z]", "", fold(m["last"])))
             for m in FULL_NAME.finditer(text)
             if free(Span(m.start(), m.end(), "name"), hidden_names)]
    if not names:
        return spans
    built = {form for first, last in names
             for form in (first + last, first[0] + last, last + first[0], first + last[0])}

    def staff(span: Span) -> bool:
        local, _, domain = text[span.start:span.end].lower().partition("@")
        return span.kind == "email" and not re.search(r"\d", local) and \
            not STUDENT_DOMAIN.search(domain) and not free_mail(domain) and \
            re.sub(r"[^a-z]", "", local) in built

    return [s for s in spans if not staff(s)]


def persons_number(text: str, at: int) -> bool:
    """Whether the number at `at` is given as someone's "number" ("his number is 773-555-0142"):
    in a phone's shape that is their line, whose the sentence says, not a student's id."""
    words = [w for w in words_before(text, at) if w not in LINKING]
    return words[:1] in (["number"], ["#"], ["no"]) and words[1:2] != [] and words[1] in PERSONS


# A phone's cue just before: "Her cell: five, five, five, ...", "call mom at".
PHONE_BEFORE = re.compile(r"\b(?:cell|phone|number|call|text|tel|mobile|tel[eé]fono|celular|"
                          r"n[uú]mero|llam\w*|marqu[eé])\b[^.!?\n]{0,20}$", re.IGNORECASE)


def counted(text: str, words: re.Match[str]) -> bool:
    """Number words that count, no phone: a list with a comma between each ("Periods one, two,
    three, four, five, six": a red team's, stop 56), unless a phone's cue is just before."""
    return all("," in gap for gap in re.findall(r"[^\w]+", words[0].strip())) and not \
        PHONE_BEFORE.search(text, max(0, words.start() - 40), words.start())


def mixed_phones(text: str) -> list[Span]:
    """Digits and number words read aloud as one phone number, after a phone's cue."""
    found = []
    for match in MIXED_PHONE.finditer(text):
        tokens = re.findall(r"\w+", match.group())
        words = [t for t in tokens if not t.isdigit()]
        spoken = sum(len(t) if t.isdigit() else 2 if TWO_DIGIT_WORD.fullmatch(t) else 1
                     for t in tokens)
        if words and len(words) < len(tokens) and spoken in (7, 10) and \
                PHONE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            found.append(Span(match.start(), match.end(), "phone"))
    return found


def find_phones(text: str, emails: list[Span] | None = None) -> list[Span]:
    """US phone numbers in any of the usual shapes, and international ones written with +;
    `emails` are the text's addresses if they were already found (find_emails)."""
    found = [Span(m.start(), m.end(), "phone") for m in SPELLED_PHONE.finditer(text)
             if not counted(text, m)]
    digits = sum(map(str.isdigit, text))
    if digits:
        found += [s for s in mixed_phones(text) if free(s, found)]
    if digits < 7:
        return found  # the matcher is the slowest step; most texts have no number that long
    # a number right after a vendor's or a colleague's address is theirs too
    work = [e.end for e in (find_emails(text) if emails is None else emails) if e.kind == KEPT]

    def institution(at: int, end: int) -> bool:
        return institution_line(text, at) or any(0 <= at - e <= 4 for e in work) or \
            grown_up_named_before(text, at) or writers_line(at, end) or \
            in_signature_block(text, at) or grown_up_by_job_before(text, at)

    def writers_line(at: int, end: int) -> bool:
        mine = WRITERS_LINE.search(text, max(0, at - 40), at)
        return bool(mine and not family_in_sentence(text, mine.start())) or bool(
            WRITERS_LINE_AFTER.match(text, end) and not family_in_sentence(text, at))

    for match in PhoneNumberMatcher(text, "US", leniency=Leniency.POSSIBLE):
        number, raw, start = match.number, match.raw_string, match.start
        if raw.startswith("(") and raw[4:5] != ")":
            raw, start = raw[1:], start + 1  # "(555.204.1187)": the bracket is the text's
        national = str(number.national_number)
        us = number.country_code == 1 and NANP.fullmatch(national) and SHAPE.match(raw)
        if not (us
                or (raw.startswith("+") and phonenumbers.is_possible_number(number))
                or LOCAL.fullmatch(raw)):
            continue  # ids, versions and addresses the lenient matcher also finds
        if re.match(r"[.:]\d", text[match.end:match.end + 2]) or \
                re.search(r"(?:\d[.:]|-)$", text[max(0, start - 2):start]):
            continue  # the middle of a version or an address, or a negative error code
        cue = number_cue(text, start, reach=2, defaults=False)
        if cue == "tech" and CALLER.search(text, max(0, start - 80), start):
            cue = None  # "called the main office from 617-...": the caller's line, not an office's
        if cue == "tech" and not (us and ((family_near(text, start) and any(
                w in TECH_THINGS for w in words_before(text, start)[:2])) or (
                family_in_sentence(text, start) and numbered_by_app(text, start)))):
            continue  # "meeting ID 845 221 0993" is for the number detector to judge
        if cue is None and number_cue(text, start) == "student" and not (
                us and persons_number(text, start)):
            cue = "student"  # "office said his ID is 2300519904": no office's line
        if (national.startswith(TOLL_FREE) and number.country_code == 1) or (
                cue != "student" and institution(start, match.end)):
            found.append(Span(start, match.end, KEPT))  # a vendor's or a school's line
            continue
        found.append(Span(start, match.end, "id number" if cue == "student" else "phone"))
    for m in LOOSE.finditer(text):
        span = Span(m.start(), m.end(), "phone")
        if not free(span, found) or number_cue(text, m.start(), reach=2, defaults=False) == "tech":
            continue
        if m.group().lstrip("(").startswith(TOLL_FREE) or institution(m.start(), m.end()):
            span = span._replace(kind=KEPT)
        found.append(span)
    return found
