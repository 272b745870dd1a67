"""Is a message about technology at all, and if not, who usually answers that kind of thing?

Used only to word a deflection: a tech problem with no article is offered a ticket for IT;
anything else is told what prepbot is for and, where the words make it plain, which office
usually answers (no IT ticket unless the teacher asks for a person). Neither list decides
whether to deflect: that comes from the confidence score alone (knowledge/confidence.py).
Both were written from general knowledge of schools and IT, not from evaluation messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge import spanish
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

# The same in Spanish (folded, Spanish stems); English tech words count in Spanish too.
TECH_ES = frozenset(spanish.stem(w) for w in """
computadora compu ordenador portatil laptop tableta pantalla monitor proyector pizarra
pizarron pizarra digital tele television teclado raton cargador bateria cable adaptador
impresora imprimir impresion copiadora escaner internet wifi red conexion inalambrico
bocina bocinas audifonos microfono camara sonido audio video aplicacion app programa
instalar actualizar actualizacion descargar navegador pagina sitio enlace liga cuenta
contrasena clave usuario correo sesion iniciar entrar acceso bloqueado bloquea filtro
archivo archivos carpeta subir sincronizar virus codigo tecnologia tecnico error congela
congelada reiniciar prender prende enciende apagar
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


def looks_technical(question: str, ranking: Ranking, language: str = "en") -> bool:
    """True when the message names technology, or reads close to an article's wording."""
    folded = fold(question).split()
    if {stem(w) for w in folded} & TECH:
        return True
    if language == "es" and {spanish.stem(w) for w in folded} & TECH_ES:
        return True
    return bool(ranking.matches) and ranking.matches[0].dense >= 0.75


def referral(question: str) -> str | None:
    """Who usually answers a question of this kind, when its words make that plain."""
    words = {stem(w) for w in fold(question).split()}
    best = max(REFERRALS, key=lambda pair: len(words & pair[1]))
    return best[0] if words & best[1] else None


@dataclass(frozen=True)
class Area:
    """A broad area a vague message may be about, and the articles that cover it."""

    key: str
    label: str
    words: frozenset[str]  # stems that point to this area
    articles: tuple[str, ...]


def _area(key: str, label: str, words: str, articles: str) -> Area:
    return Area(key, label, frozenset(stem(w) for w in words.split()), tuple(articles.split()))


AREAS = (
    _area("device", "Laptop or Chromebook", "computer laptop chromebook chromebooks pc mac "
          "device devices keyboard mouse cart ipad ipads tablet screen",
          "slow-computer chromebook-power chromebook-login ipad-app-install"),
    _area("display", "Projector or board", "projector board smartboard display tv monitor "
          "screen doccam camera", "projector-no-signal display-mirroring "
          "smartboard-calibration smartboard-no-touch document-camera"),
    _area("signin", "Signing in", "login log sign signin password account locked mfa",
          "teacher-password-reset student-password-reset sso-login-loop mfa-new-phone "
          "chromebook-login"),
    _area("printer", "Printer or copier", "printer copier print printing",
          "printer-offline printer-add"),
    _area("network", "Wi-Fi or a blocked site", "wifi internet network website site blocked",
          "wifi-connect content-filter-block"),
    _area("apps", "An app or the LMS", "app apps new canvas schoology classroom lms nearpod "
          "software program", "lms-assignment-visibility google-classroom-join nearpod-join "
          "ipad-app-install new-tool-request testing-app-crash"),
    _area("sound", "Sound or a video call", "sound audio speaker speakers mic microphone "
          "zoom meet video", "classroom-audio video-call-av"),
)


def likely_areas(question: str) -> list[Area]:
    """Every area, the ones the message names first."""
    words = {stem(w) for w in fold(question).split()}
    return sorted(AREAS, key=lambda area: not (words & area.words))


def area(key: str) -> Area | None:
    """One area by its key."""
    return next((a for a in AREAS if a.key == key), None)
