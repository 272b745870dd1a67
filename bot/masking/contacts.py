"""Email addresses, written ("jaden.r@gmail.com") or spelled out ("maya dot chen at stu dot
district dot org"); a vendor's, an office's or a colleague's is kept (phones.py has the
phone numbers)."""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from bot.masking.accounts import writers_own
from bot.masking.cues import CHILD_NOUN, ROLE_AFTER
from bot.masking.lexicon import fold, lexicon
from bot.masking.spans import KEPT, Span, clause_end, clause_start, free
from bot.masking.staff_addresses import staff_address
from bot.masking.student_cues import FAMILY_WORD, KIN

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
# The writer giving their own address: "My login is", "my email:", "mine is".
MINE = re.compile(r"\b(?:my\s+(?:school\s+|work\s+|district\s+|personal\s+)?(?:login|log-in|"
                  r"e-?mail(?:\s+address)?|address|username|user\s*name|account)|mine|"
                  r"mi\s+correo(?:\s+electr[oó]nico)?)\s*(?:is|es|:)?\s*$", re.IGNORECASE)
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
         "purchasing", "warehouse", "depot", "mailroom",
         # a company's desks ("feedback@classdojo.com" after "A dad asked": a red team's, EE)
         "feedback", "alerts", "alert", "notifications", "notify", "news", "newsletter",
         "claims", "donotreply", "care", "success", "partners", "education", "edu",
         "marketing", "privacy", "legal", "schools"}
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
             "orange", "laposte", "libero", "wanadoo", "tutanota", "fastmail",
             # Ukraine, Russia, Central Europe, Britain, Canada, Australia, Italy, Brazil,
             # Mexico (a blind corpus's "iryna.melnyk88@ukr.net", stop 63)
             "ukr", "rambler", "bk", "inbox", "seznam", "wp", "onet", "interia", "abv",
             "t-online", "btinternet", "rogers", "shaw", "telus", "sympatico", "bigpond",
             "optusnet", "xtra", "tiscali", "virgilio", "uol", "bol", "prodigy", "infinitum"}
# ("nycstudents.net", "phxstudents.net": a label's end too, not "studentsfirst.com")
STUDENT_DOMAIN = re.compile(r"\b(?:stu|kids)\b|(?:students?|learners?|pupils?|alumnos|"
                            r"estudiantes)(?![\w-])|stu\.|k12stu", re.IGNORECASE)
# A district's own domain, where students get mail as staff do, though it ends in ".net":
# "rvaschools.net", "hcps.net", "fresnocusd.net", "usd259.net", "asdk12.net", "mcsdga.net"
# (blind corpora's student addresses, kept as a company's until stop 68). Only ".net": at
# ".com" the shape is a vendor's too ("k12.com", "schoolstatus.com", "ups.com": red team RR's).
DISTRICT_LABEL = re.compile(r"schools|k12$|^k12|usd\d+$|^[a-z]{1,6}(?:ps|pss|i?sd|c?usd)\d*$|"
                            r"^[a-z]{1,4}sd[a-z]{0,3}$")
# A sentence that goes on about the one before or after it: "Mom called. Her work email is
# ...", "Please add x@acme.com. That's her dad's work email." (a red team's, EE).
SAID_OF_BEFORE = re.compile(r"\s*(?i:her|his|their|he|she|they|use\s+her|use\s+his)\b")
SAID_OF_AFTER = re.compile(r"[.!?]?\s*(?i:that['’]s|that\s+is|it['’]s|it\s+is|this\s+is)\b")
# A family member, or a parent's own address: not "parent" or "family" alone, which a vendor's
# contact for families is named with ("our family engagement contact": a red team's, FF).
MEMBERS = "|".join(kin for kin in KIN.split("|") if kin != "parents?")
FAMILY_MEMBER = re.compile(rf"\b(?:{MEMBERS})\b|\bparent['’]?s?\s+"
                           r"(?:e-?mail|contact|address)", re.IGNORECASE)
# A family member who is the vendor: "Dad is the Dell rep, his email is ..." (a red team's, GG).
FAMILY_AT_WORK = re.compile(rf"\b(?:{MEMBERS})(?:['’]s\s+work|\s+(?:is|works|"
                            r"worked|emailed\s+from\s+work|wrote\s+from\s+work))\b", re.IGNORECASE)
VENDOR_BEFORE = re.compile(r"\b(?:reps?|representative|vendor|sales|account\s+manager|support|"
                           r"contact\s+there|specialist|trainer|consultant)\b", re.IGNORECASE)
VENDOR_AFTER = re.compile(r"[^.!?\n]{0,30}\b(?:our|their|the)\s+(?:[\w-]+\s+){0,3}"
                          r"(?:rep|contact|specialist|trainer|consultant|support)\b", re.IGNORECASE)
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
    company = (labels[-1] in ("com", "net") or (len(labels) > 2 and labels[-2] in ("com", "co"))
               ) and not (labels[-1] == "net" and DISTRICT_LABEL.search(labels[-2]))
    if company and not free_mail(domain):
        return not families_work(text, at, (at or 0) + len(address))
    parts = {p for p in re.split(r"[^a-z]+", fold(local)) if len(p) >= 3}
    # a titled name at a free provider is a family's ("Mrs. Tran ... hung.tran.family@gmail")
    titled = not free_mail(domain)
    return (titled and any(m["surname"].lower() in local for m in TITLED.finditer(text))) or any(
        fold(m[0]) in parts and (job := ROLE_AFTER.match(text, m.end())) and
        "student" not in job[0].lower() and text[job.end():job.end() + 1] not in ("'", "’")
        for m in CAPITALISED.finditer(text))


def families_work(text: str, at: int | None, end: int) -> bool:
    """A company's address its sentence gives as a student's family's, before it or after
    ("Mom ... her work email sperez@fresnofarms.com": a blind corpus's; "sperez@... is mom's
    work email", "... dlee@boeing.com, the father asked": a red team's, EE)."""
    if at is None:
        return False
    start = max(clause_start(text, at), at - 120)
    if (VENDOR_BEFORE.search(text, start, at) or VENDOR_AFTER.match(text, end)) and not \
            FAMILY_AT_WORK.search(text, start, at):
        return False  # "Our Lexia rep is jdoe@lexialearning.com, she can help any parent";
        # "... talk to kchen@edupoint.com, our implementation specialist" (a red team's, FF)
    if SAID_OF_BEFORE.match(text, start) and start > 1:  # "Mom called. Her work email is"
        start = max(clause_start(text, start - 2), start - 120)
    stop = min(clause_end(text, end), end + 40)
    if SAID_OF_AFTER.match(text, stop):  # "... to Infinite Campus. That's her dad's email."
        stop = min(clause_end(text, stop + 2), stop + 60)
    return any(FAMILY_MEMBER.search(text, *span) for span in ((start, at), (end, stop)))


def writers_address(address: str, at: int, text: str) -> bool:
    """The writer's own work address, given as theirs in a text about their own account that
    names no one else ("ClassDojo keeps logging me out ... My login is dkowalski@...")."""
    domain = address.lower().partition("@")[2]
    return bool(MINE.search(text, max(0, at - 30), at)) and writers_own(text) and \
        not STUDENT_DOMAIN.search(domain) and not free_mail(domain)


def written_out(local: str, domain: str) -> str:
    """A spelled-out address as typed: "grace underscore lee", "district.org" ->
    "grace_lee@district.org"."""
    local = re.sub(r"\s+(?:underscore|under\s+score|gui[oó]n\s+bajo)\s+", "_", local,
                   flags=re.IGNORECASE)
    local = re.sub(r"\s+(?:dash|hyphen|gui[oó]n)\s+", "-", local, flags=re.IGNORECASE)
    return re.sub(DOT, ".", local, flags=re.IGNORECASE) + "@" + domain


def find_emails(text: str) -> list[Span]:
    """Email addresses, including ones spelled out so that filters miss them; not the
    addresses of vendors, of roles or of staff (see someone_at_work; spare_listed_addresses
    for those the directory gives), nor the writer's own."""
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


# A full name as written, one capital inside allowed: "LaToya Pennington", "DeShawn McNeil"
# (stop 66's blind set).
FULL_NAME = re.compile(r"\b(?P<first>[A-Z][a-z]+(?:[A-Z][a-z]+)?)\s+(?:[A-Z]\.?\s+)?"
                       r"(?P<last>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Z]?[a-z]+)?)\b")


def spare_kept_names_addresses(text: str, spans: list[Span]) -> list[Span]:
    """`spans` less the work addresses built from a full name the text keeps: once "Dr.
    Yolanda Briggs" stays, so does ybriggs@fvsd-tn.org (not a student's domain, no number,
    and in a text that speaks of no family)."""
    if not any(s.kind == "email" for s in spans):
        return spans  # most texts: nothing to spare
    if FAMILY_WORD.search(text) or CHILD_NOUN.search(text):
        return spans  # a parent signing: "My son Kyle ... Kevin McCarthy" (a red team's, NN)
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


# A text about one child or a family, in which a colleague's address may be a parent's: "Liam's
# emergency contact is ...", "Parent: ...", "the parent who complained about her son is ...",
# "Observer account for ...", "Sofia's older sister is a para here, ..." (red team RR's).
ABOUT_A_CHILD = re.compile(
    FAMILY_WORD.pattern + r"|\b(?:student|kid|kiddo|child|boy|girl|son|daughter|step-?son|"
    r"step-?daughter|grand(?:son|daughter|kid|child)|niece|nephew|siblings?|brother|sister|"
    r"cousin|twin|pupil|learner|enrollee|estudiante|alumn[oa]|niñ[oa]|hij[oa]|observer|"
    r"emergency|household|custody)\b", re.IGNORECASE)


def spare_listed_addresses(text: str, spans: list[Span]) -> list[Span]:
    """`spans` less the colleagues' own addresses the staff directory lists, in a text that
    hides nothing else and speaks of no child or family: there an address is only ever a
    colleague's, whom everyone can look up; beside a student it may be a parent's."""
    listed = [s for s in spans
              if s.kind == "email" and staff_address(address_of(text[s.start:s.end]))]
    if not listed or len(listed) < len(spans) or ABOUT_A_CHILD.search(text):
        return spans
    return []


def address_of(said: str) -> str:
    """An address as typed, however it was written: "grace dot lee at rvaschools dot net" ->
    "grace.lee@rvaschools.net"."""
    spelled = SPELLED.fullmatch(said)
    if spelled is None:
        return said
    return written_out(spelled.group("local"), spelled_domain(said))
