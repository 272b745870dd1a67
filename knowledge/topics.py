"""Is a message about technology at all, and if not, who usually answers that kind of thing?

Used to word a deflection: a tech problem with no article is offered a ticket for IT;
anything else is told what prepbot is for and, where the words make it plain (in English or
Spanish, whoever asks), which office usually answers: `referral` gives the office's key and
the bot words it in the reader's language (no IT ticket unless the teacher asks for a
person, and "I need a sub on Friday" is not such a request: `another_office`). No list here
decides whether to deflect: that comes from the confidence score alone
(knowledge/confidence.py). All were written from general knowledge of schools and IT, not
from evaluation messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge import spanish
from knowledge.index import Ranking
from knowledge.language import detect
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


@dataclass(frozen=True)
class Office:
    """Who usually answers a kind of question that is not prepbot's, by the words that make
    it plain in English and in Spanish (anyone may ask in either)."""

    key: str  # "payroll", "front_office", ...: bot/ words it in the reader's language
    english: frozenset[str]  # English stems
    spanish: frozenset[str]  # Spanish stems of folded words


def _office(key: str, english: str, spanish_words: str) -> Office:
    return Office(key, frozenset(stem(w) for w in english.split()),
                  frozenset(spanish.stem(w) for w in fold(spanish_words).split()))


# In order: on a tie the first wins.
REFERRALS = (
    _office("payroll", "payroll paycheck payday pay salary stipend benefits insurance dental "
            "vision retirement pension leave maternity paternity fmla w2 tax hr timesheet "
            "overtime reimbursement contract union",
            "nómina nomina pagan pago paga sueldo salario quincena cheque prestaciones "
            "beneficios seguro dental jubilación pensión licencia incapacidad maternidad "
            "paternidad impuestos recursos humanos rrhh horas extra reembolso contrato "
            "sindicato"),
    _office("front_office", "sub substitute absence absent calendar schedule bell field trip "
            "permission slip bus visitor keys key supplies closure closed delay snow weather "
            "assembly picture yearbook lunch cafeteria menu",
            "suplente sustituto sustituta ausencia falta faltar calendario horario timbre "
            "campana excursión paseo permiso autobús camión visitante llaves llave materiales "
            "cierre cerrada cerrado retraso nieve clima asamblea fotos anuario almuerzo "
            "cafetería comedor menú"),
    _office("principal", "duty coverage evaluation observation discipline behavior referral "
            "policy approve approval staff meeting committee report card deadline",
            "guardia cobertura evaluación observación disciplina conducta comportamiento "
            "política aprueba aprobar aprobación autoriza autorizar autorización reunión "
            "personal comité boleta calificaciones fecha límite"),
    _office("nurse", "nurse sick medication allergy injury counselor bullying anxiety",
            "enfermera enfermero enfermería enfermo enferma medicamento medicina alergia "
            "herida lesión consejero consejera orientador orientadora acoso ansiedad"),
    _office("facilities", "heat heating air conditioning thermostat leak plumbing toilet light "
            "bulb custodian clean spill furniture desk chair door lock",
            "calefacción aire acondicionado termostato fuga gotera plomería baño inodoro foco "
            "bombilla conserje limpieza limpiar derrame muebles escritorio silla puerta "
            "cerradura"),
)
# Who decides is the principal's, whatever it is about: "who approves the field trip?",
# "¿quién autoriza la excursión?".
DECIDES = frozenset(fold("approve approves approval authorize authorizes authorization aprueba "
                         "aprueban aprobar aprobación autoriza autorizan autorizar "
                         "autorización").split())


def looks_technical(question: str, ranking: Ranking, language: str = "en") -> bool:
    """True when the message names technology, or reads close to an article's wording and
    names no other office ("necesito un suplente el viernes" reads close to an article about
    late work, but a substitute is the front office's)."""
    folded = fold(question).split()
    if {stem(w) for w in folded} & TECH:
        return True
    if language == "es" and {spanish.stem(w) for w in folded} & TECH_ES:
        return True
    close = bool(ranking.matches) and ranking.matches[0].dense >= 0.75
    return close and referral(question) is None


def referral(question: str) -> str | None:
    """The key of the office that usually answers a question of this kind ("payroll",
    "front_office", "principal", "nurse", "facilities"), when its words, English or Spanish,
    make that plain; None otherwise. The bot words it in the reader's language."""
    folded = fold(question).split()
    if DECIDES.intersection(folded):
        return "principal"
    said = {stem(w) for w in folded}, {spanish.stem(w) for w in folded}

    def weight(office: Office) -> int:
        return len(said[0] & office.english) + len(said[1] & office.spanish)

    best = max(REFERRALS, key=weight)
    return best.key if weight(best) else None


def another_office(question: str) -> str | None:
    """The office a question names when it names no technology at all: "I need a sub on
    Friday", "¿quién autoriza la excursión?" (a need that is not IT's, however it is said)."""
    folded = fold(question).split()
    if {stem(w) for w in folded} & TECH or (
            detect(question) == "es" and {spanish.stem(w) for w in folded} & TECH_ES):
        return None
    return referral(question)


@dataclass(frozen=True)
class Area:
    """A broad area a vague message may be about, and the articles that cover it."""

    key: str
    label: str  # in English; bot/ shows it in the reader's language by its key
    words: frozenset[str]  # English stems that point to this area
    articles: tuple[str, ...]
    spanish: frozenset[str] = frozenset()  # Spanish stems of folded words


def _area(key: str, label: str, words: str, articles: str, spanish_words: str = "") -> Area:
    return Area(key, label, frozenset(stem(w) for w in words.split()), tuple(articles.split()),
                frozenset(spanish.stem(w) for w in fold(spanish_words).split()))


AREAS = (
    _area("device", "Laptop or Chromebook", "computer laptop chromebook chromebooks pc mac "
          "device devices keyboard mouse cart ipad ipads tablet screen",
          "slow-computer chromebook-power chromebook-login ipad-app-install",
          "computadora compu ordenador portátil laptop chromebook dispositivo teclado ratón "
          "carrito ipad tableta pantalla"),
    _area("display", "Projector or board", "projector board smartboard display tv monitor "
          "screen doccam camera", "projector-no-signal display-mirroring "
          "smartboard-calibration smartboard-no-touch document-camera",
          "proyector pizarra pizarrón pantalla tele televisión monitor cámara documentos"),
    _area("signin", "Signing in", "login log sign signin password account locked mfa",
          "teacher-password-reset student-password-reset sso-login-loop mfa-new-phone "
          "chromebook-login",
          "contraseña clave cuenta sesión iniciar entrar acceso bloqueada bloqueado usuario"),
    _area("printer", "Printer or copier", "printer copier print printing",
          "printer-offline printer-add", "impresora imprimir impresión copiadora copias"),
    _area("network", "Wi-Fi or a blocked site", "wifi internet network website site blocked",
          "wifi-connect content-filter-block",
          "wifi internet red conexión página sitio bloqueado bloqueada bloquea"),
    _area("apps", "An app or the LMS", "app apps new canvas schoology classroom lms nearpod "
          "software program", "lms-assignment-visibility google-classroom-join nearpod-join "
          "ipad-app-install new-tool-request testing-app-crash",
          "aplicación app programa canvas schoology classroom nearpod plataforma"),
    _area("sound", "Sound or a video call", "sound audio speaker speakers mic microphone "
          "zoom meet video", "classroom-audio video-call-av",
          "sonido audio bocina bocinas altavoz micrófono zoom meet video videollamada"),
)


def likely_areas(question: str) -> list[Area]:
    """Every area, the ones the message names (in English or Spanish) first."""
    folded = fold(question).split()
    english, spanish_stems = {stem(w) for w in folded}, {spanish.stem(w) for w in folded}
    return sorted(AREAS, key=lambda area: not (english & area.words
                                               or spanish_stems & area.spanish))


def area(key: str) -> Area | None:
    """One area by its key."""
    return next((a for a in AREAS if a.key == key), None)
