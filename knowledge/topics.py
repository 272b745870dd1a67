"""Is a message about technology at all, and if not, who usually answers that kind of thing?

Used only to word a deflection: a tech problem with no article is offered a ticket for IT;
anything else is told what prepbot is for and, where the words make it plain, which office
usually answers (no IT ticket unless the teacher asks for a person). Neither list decides
whether to deflect: that comes from the confidence score alone (knowledge/confidence.py).
Both were written from general knowledge of schools and IT, not from evaluation messages.
"""

from __future__ import annotations

from knowledge.index import Ranking
from knowledge.normalize import fold, stem

# Stems of words that name technology or how it fails.
TECH = frozenset(stem(w) for w in """
computer laptop chromebook desktop pc mac macbook ipad tablet phone device devices screen
monitor display projector smartboard board touchscreen keyboard mouse trackpad charger
battery cable hdmi usb adapter dongle printer printing print copier scanner scan toner
wifi internet network wireless ethernet router hotspot vpn bluetooth speaker speakers
headphones microphone mic camera webcam audio sound video zoom meet teams app apps
application software program install update upgrade download browser chrome extension
website site link url login log password account sign signin mfa authenticator email
gmail outlook inbox canvas schoology classroom google drive onedrive docs slides sheets
powerschool gradebook sis lms portal clever classlink nearpod kahoot quizizz blooket
seesaw padlet youtube filter blocked goguardian securly error crash crashes frozen freeze
reboot restart boot loading server file files folder upload storage sync synced backup
virus malware phishing hacked spam code pin passcode bluetooth remote tech technology
""".split())  # noqa: SIM905 (a word list reads better as text)

# Who usually answers questions that are not prepbot's, by words that make it plain.
REFERRALS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (who, frozenset(stem(w) for w in words.split())) for who, words in (
        ("HR or the payroll office", "payroll paycheck pay salary stipend benefits insurance "
         "dental vision retirement pension leave maternity paternity fmla w2 tax hr "
         "timesheet overtime reimbursement contract union"),
        ("the front office", "sub substitute absence absent calendar schedule bell field "
         "trip permission slip bus visitor keys key supplies closure closed delay snow "
         "weather assembly picture yearbook lunch cafeteria menu"),
        ("your principal or assistant principal", "duty coverage evaluation observation "
         "discipline behavior referral policy approve approval staff meeting committee "
         "report card deadline"),
        ("the school nurse or counselor", "nurse sick medication allergy injury counselor "
         "bullying anxiety"),
        ("facilities (a work order through the front office)", "heat heating air "
         "conditioning thermostat leak plumbing toilet light bulb custodian clean spill "
         "furniture desk chair door lock"),
    ))


def looks_technical(question: str, ranking: Ranking) -> bool:
    """True when the message names technology, or reads close to an article's wording."""
    words = {stem(w) for w in fold(question).split()}
    if words & TECH:
        return True
    return bool(ranking.matches) and ranking.matches[0].dense >= 0.75


def referral(question: str) -> str | None:
    """Who usually answers a question of this kind, when its words make that plain."""
    words = {stem(w) for w in fold(question).split()}
    best = max(REFERRALS, key=lambda pair: len(words & pair[1]))
    return best[0] if words & best[1] else None
