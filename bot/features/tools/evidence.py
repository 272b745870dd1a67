"""A checklist point's evidence link: one web address, refused when it carries a student.

A link that holds a student's details is refused, not masked: a masked link leads nowhere (a
red team's, stop 49, stored a student's name, id and birth date after "https://"). What is
read is the link's path, query and fragment, never its host ("eric.ed.gov" names no Eric):
- a value right after a word for a student ("students/4412345", "?student_id=", "?dob=",
  "StudentProfile?id=") when it looks like someone's: a number, a name, a login; an article's
  slug after it ("students/empowered-learner") is no one's; a number right after such a word
  whatever stands between ("students;4412345", "student4412345"), and a social security number;
- a query's value read whole, as the masker reads a text ("?q=DOB 04/12/2014");
- who logged in ("https://jaden.wilks@…"), a login's value ("?u=jwilks2030"), a students'
  domain in the path ("/stu.district.org/…");
- names, phones and emails anywhere else, but a name only as it is capitalised: a researcher
  in an article's lowercase slug ("carol-dweck-revisits-growth-mindset") is no student, nor
  a study's author (a red team's, stop 50, for all of these).
A study's, a DOI's or a district's number alone ("Study/89512", "?id=EJ1234567") is no
student's.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit

from bot.errors import BadInput
from bot.i18n import _
from bot.masking import mask_student_data
from bot.masking.lexicon import fold, lexicon

NUMBERS = {"id number", "username"}  # what the masker takes a DOI's or a study's number for
STUDENT = (r"(?:students?|stu|pupils?|learners?|child(?:ren)?|kids?|alumn[oa]s?|"
           r"estudiantes?|dob|birth)")
# A value after a word for a student, or after a key or a page named for one: "students/…",
# "?student_id=…", "studentId=…", "/StudentProfile?id=…", "/student-profile/…".
STUDENT_VALUE = re.compile(rf"(?<![^\W_]){STUDENT}(?:[-_/]?(?:ids?|no|num(?:ber)?|profiles?|"
                           r"records?|info|names?|page|details?|lookup))?(?![^\W_])"
                           r"(?:/|=|\?[^=&#/]*=)(?P<value>[^/?&#\s]+)", re.IGNORECASE)
# A number right after a word for a student, whatever stands between: "students;4412345",
# "student4412345", "pupil_4412345", "studentId4412345" (a red team's, stop 50).
STUDENT_NUMBER = re.compile(rf"(?<![^\W_]){STUDENT}(?:[-_]?ids?)?[^A-Za-z0-9]{{0,3}}\d",
                            re.IGNORECASE)
SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)|[?&;](?:ssn|social)=", re.IGNORECASE)
STUDENT_DOMAIN = re.compile(r"(?:^|/)(?:stu|students?|alumnos)\.[\w.-]+", re.IGNORECASE)
LOGIN_KEYS = {"u", "user", "username", "login", "uid", "userid", "email", "sid", "ssid"}
AUTHOR_KEYS = {"author", "authors", "by", "creator", "researcher", "au"}
# An article's slug: lowercase, or a title of three words or more ("Students-Learn-More").
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+|[^\W_]+(?:-[^\W_]+){2,}")


def evidence_link(text: str) -> str:
    """An evidence link as given: one web address, or nothing (a BadInput says why not)."""
    link = text.strip()
    if link and (not link.lower().startswith(("https://", "http://")) or len(link.split()) > 1
                 or len(link) > 500):
        raise BadInput(_("That isn't a web address: an evidence link is one address that "
                         "starts with https://, with no spaces."))
    if link and _names_a_student(link):
        raise BadInput(_("That evidence link seems to hold a student's details ({what}). "
                         "Link to the vendor's or the study's page instead.").format(
                             what=_shown(link)))
    return link


def _shown(link: str) -> str:
    """The link's words as the refusal quotes them: masked, and every number the masker left
    hidden too (it was refused for one)."""
    return re.sub(r"\d{3,}", "[#]", mask_student_data(_as_words(_plain(link))).text)


def _plain(link: str) -> str:
    """The link as a browser reads it: full-width letters as plain ones, "\\" as "/", and
    percent escapes decoded."""
    plain = unquote(unicodedata.normalize("NFKC", link).replace("\\", "/"))
    return "".join(c for c in plain if unicodedata.category(c) != "Cf")  # soft hyphens


def _as_words(link: str, names: bool = True) -> str:
    """A link's path, query and fragment as words, so the masker reads them as it would a
    text ("students jaden smith"); the host is left out, and for names (`names`) an
    article's lowercase slug and a study's authors too."""
    parts = urlsplit(link)
    pieces = [p for p in re.split(r"[/?#&]+", f"{parts.path}?{parts.query}#{parts.fragment}")
              if p and not (names and (SLUG.fullmatch(p) or
                                       p.partition("=")[0].lower() in AUTHOR_KEYS))]
    words = re.split(r"[=+_.:%-]+", " ".join(pieces))
    return " ".join(" ".join(words).split())


def _names_a_student(link: str) -> bool:
    """Whether a link holds a student's name, contact, login or number (see above)."""
    plain = _plain(link)
    parts = urlsplit(plain)
    after_host = plain.partition(parts.netloc)[2]
    if parts.username or parts.password or STUDENT_DOMAIN.search(parts.path) or \
            STUDENT_NUMBER.search(after_host) or SSN.search(after_host):
        return True
    pairs = parse_qsl(parts.query)
    if any(re.fullmatch(STUDENT, v, re.IGNORECASE) for _k, v in pairs) and any(
            c.isdigit() for _k, v in pairs for c in v):  # "?id=4412345&role=student"
        return True
    for key, value in pairs:
        found = set(mask_student_data(value).kinds) - {"name"}
        if key.lower() in LOGIN_KEYS or found - NUMBERS or (
                found and re.search(STUDENT, value, re.IGNORECASE)):
            return True
    if any(_someones(m["value"]) for m in STUDENT_VALUE.finditer(after_host)):
        return True
    anywhere = set(mask_student_data(_as_words(plain, names=False)).kinds) - NUMBERS - {"name"}
    return bool(anywhere) or "name" in mask_student_data(_as_words(plain)).kinds


def _someones(value: str) -> bool:
    """Whether a value after a word for a student looks like one: a number, a name, one
    word no dictionary has ("jadensmith"); not a slug of words ("empowered-learner")."""
    words = [w for w in re.split(r"[-_.+ ]+", value) if w]
    if any(c.isdigit() for c in value) or "name" in mask_student_data(
            "student " + " ".join(words)).kinds:
        return True
    return len(words) == 1 and words[0].islower() and len(words[0]) >= 6 and \
        fold(words[0]) not in lexicon().words  # "jadensmith"; not a page's "Tech"
