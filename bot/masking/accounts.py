"""Students' usernames ("jgarcia2030", "lia.tuilagi.2030", "stu_ahmed.rahimi"): a lowercase
login made of name parts, initials, dots and a number, or anything login-shaped after
"username", "login is", "password for"."""

from __future__ import annotations

import re

from bot.masking.cues import CHILD_NOUN, PERSONAL, PLURAL_PERSONAL
from bot.masking.lexicon import Lexicon, fold, lexicon
from bot.masking.spans import Span, free, free_of, united

# Lowercase letters and digits joined by dots, underscores or hyphens; not inside an email,
# a web address, a path or a version, and not followed by a domain's or a file's ending.
LOGIN = re.compile(r"(?<![\w@.\\/:#-])(?=[a-z0-9._-]*(?:\d|[._][a-z0-9]))(?:\d{2,4})?[a-z]"
                   r"[a-z0-9]*(?:[._-][a-z0-9]+)*(?![\w@\\/-]|\.[a-z0-9])")
# Letters alone make a username only right after saying so: "username jobinwosu".
NAMED_LOGIN = re.compile(r"\b(?:user\s*name|login|usuario|user\s+id|user)(?:\s+(?:is|es|was))?"
                         r"[\s:=]+(?P<login>[a-z]{4,16})\b(?![@.-]\w)", re.IGNORECASE)
# A login typed with capitals, right after saying so: "His user is DmitriV2015".
CAPITAL_LOGIN = re.compile(r"\b(?:user\s*name|user|login|usuario)(?:\s+(?:is|es|was))?[\s:=]+"
                           r"(?P<login>[A-Za-z]{3,16}\d{2,4})\b(?![@.-]\w)", re.IGNORECASE)
# A message about usernames makes a login of any lettered word with a number ending it, cue
# or none: "the same username somehow?? mohameda3", "it should be tjdupre8 not tjdupree8".
USERNAME_TALK = re.compile(r"\b(?:user\s*names?|usuario)\b", re.IGNORECASE)
NUMBERED_LOGIN = re.compile(r"[a-z]{4,}\d{1,4}")
# "Can you unlock my account? ... Username jsorensen": the writer's own, in a text that
# speaks of no child and of nobody else's account.
# A message that opens "Can't sign into Aspen" speaks of the writer's own sign-in too.
OWN_ACCOUNT = re.compile(r"\b(?:my\s+(?:own\s+)?(?:account|login|password|username|user\s*name|"
                         r"sign-?in|e-?mail)|(?:locked|lock)\s+me\s+out|i['’]?m\s+locked\s+out|"
                         r"i\s+(?:got|am|was)\s+locked\s+out|me\s+bloque[eé])\b|"
                         r"^\W*(?:i\s+)?can['’]?t\s+(?:sign|log)\s*(?:in|on)", re.IGNORECASE)
SOMEONES = re.compile(r"\b(?!(?:It|That|What|Here|There|Let|He|She|Who|Where|How|Today|"
                      r"Everyone|Everybody|Someone|Somebody|Nobody)['’])[A-Z][a-z]+['’]s\b")
# What names a machine, not a person: "the yb-nas01 share", "on lib-print02 server".
HOST_AFTER = re.compile(r"\s+(?:share|server|drive|folder|nas|host|vm|queue|switch|router|"
                        r"print\s+queue)\b", re.IGNORECASE)
# Any lowercase word, even in a path: "kfaleolo (Kalani Faleolo)", "lab-srv/students/mrahimi";
# logins_of_names takes it only when it spells a name the text gives.
BUILT = re.compile(r"(?<![\w@.-])[a-z][a-z0-9._]{2,}(?![\w@-]|\.[a-z0-9])")
# Endings that make the token a domain or a file: "clever.com", "notes.pdf".
ENDINGS = {"com", "org", "net", "edu", "gov", "io", "us", "uk", "ca", "au", "co", "info",
           "k12", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "txt", "png",
           "jpg", "jpeg", "gif", "heic", "mp3", "mp4", "mov", "exe", "msi", "dmg", "pkg", "zip",
           "html", "htm", "js", "py", "json", "xml", "ics", "apk", "ipa", "app", "local"}
# A class's or a game's code is the class's: "Class code tre1023", "join code: mks4821".
CODE_BEFORE = re.compile(r"\b(?:(?:class|join|course|section|access|group|invite|game|quiz|"
                         r"enrollment|enrolment|classroom)\s+codes?|(?:job|task|process|"
                         r"workflow|pipeline|batch)\s+(?:id|name))\s*(?:is|was|=|:)?\s*$",
                         re.IGNORECASE)
# In a text about the writer's own account, the login its cue gives is theirs: "reset my
# password for ImPACT admin, username kbrandt_atc".
CLASS_OF = re.compile(r"20[2-4]\d$")
OWN_LOGIN_CUE = re.compile(r"\b(?:user\s*name|login|user\s*id)\s*(?:is|:)?\s*$", re.IGNORECASE)
CUE = re.compile(r"\b(?:user\s*name|user|login|log-in|logon|sign-in|account|acct|handle|"
                 r"screen\s+name|(?:signed|logged|sign|log)\s+in\s+as|id|password\s+for|"
                 r"reset|disable|re-?enable|unlock|suspend|merge)\b(?:\s+(?:is|was|for|of|as|"
                 r"=))?[\s:]*(?:\w+\s+){0,2}$", re.IGNORECASE)


def find_usernames(text: str) -> list[Span]:
    """Usernames: login-shaped tokens that hold a name, or follow a login cue."""
    if not any(c.islower() for c in text):
        return []
    lex = lexicon()
    found = []
    # a login built from a name is a student's all the same; one known only by its cue is not
    cued = not writers_own(text)
    for match in LOGIN.finditer(text):
        token = match.group()
        before = text[max(0, match.start() - 30):match.start()]
        if not re.search(r"\d|[._]", token) or token.rsplit(".", 1)[-1] in ENDINGS or \
                HOST_AFTER.match(text, match.end()) or before.endswith("$") or \
                CODE_BEFORE.search(before):
            continue  # a hyphened word ("raz-kids"), a domain ("clever.com"), a server,
            # "$175ish", a class's code
        if not cued and OWN_LOGIN_CUE.search(before) and not CLASS_OF.search(token):
            continue  # not "jgarcia2030": a class's year is a student's
        if named(token, lex) or (cued and unworded(token, lex) and (CUE.search(
                text[max(0, match.start() - 40):match.start()]) or (
                USERNAME_TALK.search(text) and NUMBERED_LOGIN.fullmatch(token)))):
            found.append(Span(match.start(), match.end(), "username"))
    if not cued:
        return found
    for match in NAMED_LOGIN.finditer(text):
        login = match["login"]
        if login.islower() and login not in lex.words and login not in lex.not_names:
            found.append(Span(match.start("login"), match.end("login"), "username"))
    found += [Span(m.start("login"), m.end("login"), "username")
              for m in CAPITAL_LOGIN.finditer(text) if not m["login"].islower()]
    return found + listed_logins(text, found)


# What joins the logins of a list: "ava.lindgren, jkamara, and", "sully.b and ajfrancois",
# "mila.novak & milanovak2015", each perhaps in quotes.
LOGIN_LIST = re.compile(r"['\"‘’“”]?(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&|/)\s+|\s*[&/]\s*)"
                        r"['\"‘’“”]?")
LISTED_LOGIN = re.compile(r"(?<![\w@.\\/:#-])[a-z][a-z0-9._-]{1,29}[a-z0-9]"
                          r"(?![\w@\\/-]|\.[a-z0-9])")


def listed_logins(text: str, found: list[Span]) -> list[Span]:
    """Logins listed beside a student's login found: the rest of a list of logins, letters
    alone too, so long as each is no word ("[username], jkamara, and Sione Taufa")."""
    logins = united([s for s in found if s.kind == "username"])
    if not logins:
        return []
    lex = lexicon()
    candidates = [Span(m.start(), m.end(), "") for m in LISTED_LOGIN.finditer(text)
                  if m.group().rsplit(".", 1)[-1] not in ENDINGS and unworded(m.group(), lex)]
    lists: list[list[Span]] = []  # runs of logins a list's commas and "and"s join, in order
    for span in sorted(logins + [c for c in candidates if free_of(c, logins)]):
        if lists and LOGIN_LIST.fullmatch(text, lists[-1][-1].end, span.start):
            lists[-1].append(span)
        else:
            lists.append([span])
    return [s._replace(kind="username") for run in lists
            if any(s.kind for s in run) for s in run if not s.kind]


def writers_own(text: str) -> bool:
    """The text asks about the writer's own account and names no one else's (no child, no
    "he" or "she", no "Maya's")."""
    return bool(OWN_ACCOUNT.search(text)) and not (
        CHILD_NOUN.search(text) or PERSONAL.search(text) or PLURAL_PERSONAL.search(text)
        or SOMEONES.search(text))


def unworded(token: str, lex: Lexicon) -> bool:
    """A part of three letters or more that is no word or app: "jdoe7", not "first.last"."""
    return any(len(c) >= 3 and c not in lex.words and c not in lex.not_names
               for c in re.findall(r"[a-z]+", token))


def named(token: str, lex: Lexicon) -> bool:
    """Whether the token is built from a name: a name that is no word ("jose.ramirez3",
    "ngozi.eze"), an initial before a name ("jgarcia2030", "mgrace27"), or a name that is
    also a word with a dot or underscore and more ("hunter.b2031")."""
    chunks = re.findall(r"[a-z]+", token)
    joined = bool(re.search(r"[._]", token))
    for chunk in chunks:
        if chunk in lex.not_names or len(chunk) < 3:
            continue
        name = chunk in lex.first or chunk in lex.surnames or chunk in lex.rare_first
        if name and chunk not in lex.words:
            return True
        if chunk in lex.first and joined and len(chunks) + bool(re.search(r"\d", token)) >= 2:
            return True  # "hunter.b2031", "faith.o"; not "first.last"
        rest = chunk[1:]
        if chunk not in lex.words and len(rest) >= 3 and rest not in lex.not_names and (
                rest in lex.first or (rest in lex.surnames and rest not in lex.words)) and (
                re.search(r"\d", token) or joined):
            return True  # first initial + surname (+ grad year)
    return False


def logins_of_names(text: str, taken: list[Span]) -> list[Span]:
    """Logins built from a name the text gives: "Sophia Le ... One is sle0417" (an initial
    and the surname), "lchen29" or "liamc" (the first name and an initial), "chenl", with
    or without a number."""
    names = [text[s.start:s.end] for s in taken if s.kind == "name" and " " in
             text[s.start:s.end]]
    if not names:
        return []
    built: set[str] = set()
    for name in names:
        parts = re.findall(r"[a-z]+", fold(name))
        if len(parts) >= 2:
            first, last = parts[0], parts[-1]
            built |= {first + last, first[0] + last, first + last[0], last + first[0],
                      last + first, first[0] + parts[1][0] + last if len(parts) > 2 else "",
                      # "Jesús Ortega Ruiz" -> "jortegaruiz": both surnames
                      first[0] + "".join(parts[1:]) if len(parts) > 2 else ""}
    built.discard("")
    found = []
    for match in BUILT.finditer(text):
        span = Span(match.start(), match.end(), "username")
        letters = re.sub(r"[^a-z]", "", match.group())
        if len(letters) >= 3 and letters in built and free(span, taken):
            found.append(span)
    return found
