"""What a chat message is, before any article is looked up: a request for a person, a
greeting, thanks, a request for help with the bot, yes or no (after an answer), a message
too vague to look anything up on, or a question.

Small talk is recognised only when the whole message is small talk ("hi, the projector says
no signal" is a question). The word lists come from how people write in chat, with the
tuning intent set (knowledge/eval/tuning/intents.jsonl) as the check; misspellings of the
key words are corrected first ("tikcet", "thnks", "helo").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from knowledge.normalize import fold

Intent = Literal["ticket", "greeting", "thanks", "help", "yes", "no", "vague", "question"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GREETING = _words("hi hii hiii hello helo hey heyy heyyy hiya howdy yo sup hola morning "
                  "afternoon evening greetings")
THANKS = _words("thanks thank thx ty tysm tyvm thnks thanx thankyou merci appreciate "
                "appreciated lifesaver bless cheers")
YES = _words("yes yess yesss yeah yea ya yep yup y sure fixed worked works solved helped")
NO = _words("no nope nah n nooo noo negative")
# Words that may stand beside small talk without making it a question.
SOFT = _words("""a an the so very much many you u your it its that this that was is did
do me my i im ok okay oh cool great awesome good perfect friend bot techbot bunch again all
there anyone lol omg please pls now really thing just and well one best youre a lot
totally hey in with is are up on of at to for""")
KEY_WORDS = sorted(GREETING | THANKS | {"ticket", "tickets", "thanks", "hello", "human",
                                        "technician", "escalate", "someone", "somebody"})
# A person or a ticket, in the ways people ask for one. "exit ticket" or "login ticket" is
# not one, and in a long message only an explicit request counts.
TICKET = re.compile(r"""
  \b(open|make|create|file|submit|start|put\sin|raise|log|need|want|get)\s(me\s)?(a\s|an\s)?
    (new\s|help\s?desk\s|it\s|tech\s)?(ticket|work\sorder|request|helpdesk\srequest)\b
| \bescalate | \blive\s(agent|person)\b | \bhuman\s(please|pls|asap)\b
| \b(talk|speak|chat)\s(to|with)\s(a\s|an\s)?(human|real|person|someone|somebody|it\b|tech)
| \b(need|want|get|have)\s(me\s)?(a\s)?(human|real\sperson|real\stech|technician)\b
| \bsend\s(someone|somebody|a\stech|a\sperson)\b | \bsomeone\sfrom\s(it|tech)\b
| \b(someone|somebody)\s(call|to\scall)\sme\b | \bcan\sa\sreal\sperson\b
| \bforward\sthis\b | \bconnect\sme\b | \b(want|need)\s(a\s)?(person|human)\b
| \bcome\s(and\s)?(look|check|see)\b
""", re.VERBOSE)
# In a short message, one of these is request enough ("ticket", "get me a tech").
TICKET_SHORT = re.compile(r"""
  ^(\w+\s)?tickets?(\s\w+)?$ | \bhuman\b | \breal\s(person|tech|technician)\b
| \btechnician\b | \bhelp\s?desk\b | \bwork\sorder\b
| \b(someone|somebody|a\stech)\s(to\s)?(come|look|call|help)\b | \bget\sme\sa\stech\b
""", re.VERBOSE)
NEGATIVE = re.compile(r"""
  \b(didnt|doesnt|did\snot|does\snot)\s(work|help|fix|do)\b | \bnot\s(fixed|really|it)\b
| \bstill\s(not|broken|broke|nothing|the\ssame|same|doesnt|wont|isnt|says|doing)\b
| \bsame\s(problem|thing|issue|error)\b | \btried\sthat\b | \bno\sluck\b
| \bthats\snot\sit\b | \bno\sdice\b | \bwrong\sone\b
""", re.VERBOSE)
POSITIVE = re.compile(r"""
  \b(it|that|this)\s(worked|helped|did\sit|fixed\sit)\b | \bworks?\snow\b
| \bworking\snow\b | \ball\sgood\b | \bproblem\ssolved\b | \bsure\sdid\b
| \bthat\swas\sit\b | \b(its|it\sis)\sback\b | \bfixed\sit\b | \bcan\ssee\sit\snow\b
""", re.VERBOSE)
HELP = re.compile(r"""
  ^(help|menu|commands?|options|instructions|usage|how\sto|what\snow)$
| \bwhat\s(can|do|should)\s(i|you|u)\s(ask|do|type|say|know|help|cover)
| \bwhat\s(can|does)\s(this|the)\s?(bot|thing)?\s(do|help)
| \bwhat\s(are|r)\s(you|u)\s(for|good\sfor)\b | \bwhat\s(topics|questions|kind)\b
| \bhow\s(do|does|can)\s(i|you|this|it)\s(use|work|ask|get\shelp)
| \b(are|r)\s(you|u)\s(the|a)\s(it|tech|help)\w*\b | \bis\sthis\sthe\s(it|tech|help)
| \bwat\scan\su\b | \bexplain\swhat\syou\b | \bwhat\s(do|can)\syou\s(do|help)\b
| \bcan\syou\sfix\s\w+\sand\sstuff\b | \bhow\sdoes\sthis\swork\b
""", re.VERBOSE)
# A complaint with nothing specific about it ("not working", "ipad issue", "help projector").
GENERIC = _words("""broken broke issue issues problem problems working work works wrong weird
error errors messed acting trouble help down bad ugh tech thing things stuff everything
nothing something somethings doing weird glitchy going being anything not isnt wont doesnt cant
question quick having acting funny crazy mess again today""")
AREA_WORDS = _words("""wifi internet network projector board smartboard screen monitor display
computer laptop chromebook chromebooks ipad ipads tablet keyboard mouse printer copier login
log sign signin password account app apps new room classroom cart device devices
camera email tv my our""")


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    """A key word typed with a slip ("tikcet", "thnks") as the key word."""
    if len(word) < 4 or word in KEY_WORDS:
        return word
    found = process.extractOne(word, KEY_WORDS, scorer=fuzz.ratio, score_cutoff=83)
    return found[0] if found else word


def _tokens(text: str) -> list[str]:
    return [_correct(w) for w in fold(text).split()]


def _only(words: list[str], vocabulary: frozenset[str]) -> bool:
    """True when every word is of the vocabulary or soft, and at least one is of it."""
    return any(w in vocabulary for w in words) and all(
        w in vocabulary or w in SOFT for w in words)


def _feedback(words: list[str], folded: str) -> Intent | None:
    """Yes or no, when the rest of the message says nothing more than that."""
    if len(words) > 8:
        return None
    negative, positive = NEGATIVE.search(folded), POSITIVE.search(folded)
    found = negative or positive
    rest = (folded[:found.start()] + " " + folded[found.end():]).split() if found else words
    if sum(w not in SOFT and w not in YES and w not in NO and w not in THANKS
           for w in rest) > 2:
        return None
    if negative or (words[0] in NO and len(words) <= 6):
        return "no"
    if positive or _only(words, YES) or (words[0] in YES and len(words) <= 7):
        return "yes"
    return None


def is_vague(text: str) -> bool:
    """A complaint that names at most an area: nothing to look an article up on."""
    words = _tokens(text)
    if not words or len(words) > 10:
        return False
    areas = sum(w in AREA_WORDS for w in words)
    return areas <= 2 and all(w in GENERIC or w in AREA_WORDS or w in SOFT for w in words)


def recognise(text: str) -> Intent:
    """The intent of one chat message (yes and no mean feedback only right after an answer)."""
    stripped = text.strip()
    words = _tokens(stripped)
    folded = " ".join(words)
    if not words:
        return "help" if "?" in stripped else ("yes" if "👍" in stripped else
                                                "no" if "👎" in stripped else "vague")
    if TICKET.search(folded) or (len(words) <= 6 and TICKET_SHORT.search(folded)
                                 and "exit" not in words and "login" not in words):
        return "ticket"
    feedback = _feedback(words, folded)
    if feedback is not None:
        return feedback
    if _only(words, THANKS) or (len(words) <= 8 and THANKS & set(words)) or \
            "youre the best" in folded:
        return "thanks"
    if _only(words, GREETING):
        return "greeting"
    if HELP.search(folded) and len(words) <= 10:
        return "help" if not stripped.endswith("!!") else "vague"
    return "vague" if is_vague(stripped) else "question"
