"""Home addresses: a house number, a street's name and its kind ("1719 Brown Ave", "4418 S
Calle Arroyo, Tucson 85706"), with the unit, town, state and ZIP code that follow. Where a
family lives says who a student is as surely as a name does; a school's or a vendor's
address (after "ship to", "the district office at") is no family's and stays."""

from __future__ import annotations

import re

from bot.masking.spans import KEPT, Span, free

# The street kinds of USPS Publication 28 (appendix C1) that addresses in US towns mostly
# use, spelled out and abbreviated.
KINDS = (r"st|street|ave?|avenue|rd|road|dr|drive|ct|court|ln|lane|blvd|boulevard|way|pl|"
         r"place|cir|circle|terr?|terrace|pkwy|parkway|hwy|highway|trl|trail|loop|pike|aly|"
         r"alley|sq|square|cv|cove|pt|point|bnd|bend|xing|crossing|run|path|row|plz|plaza|"
         r"hts|heights|holw|hollow|rdg|ridge|crk|creek|mnr|manor|est|estates|grv|grove|walk|"
         r"concourse")  # "2150 Grand Concourse, Bronx"
DIRECTION = r"(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?"
# A street's name in capitals or numbers ("Woodruff Farm", "1090"); typed in lowercase only
# before a kind's abbreviation ("123 main st"), since "3 kids in the way" is no address.
NAMED = r"(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]*|\d+(?:st|nd|rd|th)?)"
ABBREVIATED = r"st|rd|ave|dr|ln|ct|blvd|pkwy|hwy|cir|ter|trl|pl"
# In Spanish the kind comes first: "Calle Arroyo", "Avenida Juárez".
SPANISH_KINDS = r"calle|avenida|av\.|camino|paseo|callej[oó]n|privada|cerrada"
UNIT = (r"(?:,?\s+(?i:apt|apartment|unit|ste|suite|lot|trlr|#)\.?\s*#?[\w-]{1,6}|"
        r",?\s+\d{1,2}(?i:st|nd|rd|th)\s+(?i:fl|floor)\b\.?)")  # "221 Rivet St, 2nd fl"
# Street first, as Spanish writes it, then the house number, the unit, the colonia and the
# postal code: "Av. Juárez 88 int. 3", "Calle 5 de Mayo #245, Col. Centro" (a red team's,
# stop 49: the family's address went to the emailed helpdesk as typed).
LINK = r"(?:de|del|la|las|los|el)"
# The street's name starts with a capital, or a number before one ("Calle 5 de Mayo"): "cerrada
# del 20 al 23", "el paseo del 14 de mayo" are a closure and a field trip (a red team's).
STREET_NAME = r"(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]*|\d+(?=\s+(?:(?:de|del)\s+)?[A-ZÀ-Ý]))"
# Abbreviated as families write them, with a capital ("Av Juárez", "Avda.", "Priv."): not "AV".
SPANISH_SHORT_KINDS = r"(?:Av|Avda|Priv|Cda|Calz|Prol|Carr)\.?|Blvd\.?"
SPANISH_STREET = (rf"(?<![\w#/.:$,-])(?:(?i:{SPANISH_KINDS}|calzada|carretera|andador|circuito|"
                  rf"retorno|prolongaci[oó]n)|{SPANISH_SHORT_KINDS})\s+(?:{LINK}\s+)*{STREET_NAME}"
                  rf"(?:\s+(?:{NAMED}|{LINK})){{0,4}}?,?\s+"
                  rf"(?:(?i:n[úu]mero|n[úu]m\.|no\.|n[º°])\s*)?#?\d{{1,5}}[A-Za-z]?\b")
SPANISH_UNIT = (r"(?:,?\s+(?i:int\.|interior|depto\.?|departamento|apto\.?|apartamento|apt\.?|"
                r"casa|#)\s*#?[\w-]{1,6})")
COLONIA = r"(?:,?\s+(?i:col\.|colonia)\s+[A-ZÀ-Ý][\wÀ-ÿ]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ]*){0,2})"
POSTAL = r"(?:,?\s+(?i:c\.\s?p\.|cp)\s*\d{5})"
# A county road's or a highway's number: "2231 County Rd 18, Quinter".
ROUTE = r"(?:\s+\d{1,4}[A-Z]?(?=,))"
HIGHWAY = r"Route|Rte\.?|Highway|Hwy\.?|State\s+Route|County\s+R(?:oa)?d|US|FM|RR"
# A town and its state with no comma before: "2231 County Rd 18 Quinter KS".
BARE_TOWN = r"(?:[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+[A-Z]{2}\b)"
# Where an address ends a clause: a mark, the end, or a word that starts another clause.
CLAUSE_ENDS = (r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:instead|which|where|and|but|or|near|by|in|on|at|"
               r"for|from|to|with|since|now|not|is|was|are|has|will|needs?|please|pls)\b"
               r"|\s+[A-Z][a-z]+\s+[A-Z]{2}\b)")  # ... or its town and state: "Quinter KS"
# "Newark", "WaKeeney"; after a comma, or on the next line as an envelope has it.
TOWN = r"(?:(?:,\s*|[ \t]*\n[ \t]*)[A-Z][A-Za-zà-ÿ]+(?:[ \t]+[A-Z][A-Za-zà-ÿ]+){0,2})"
STATE = r"(?:,?\s+[A-Z]{2}\b)"
ZIP = r"(?:,?\s+\d{5}(?:-\d{4})?\b)"
# A town with no comma before, then its ZIP code: "5523 Chester Ave Philadelphia 19143".
TOWN_ZIP = r"(?:[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?:[ \t]+[A-Z]{2})?[ \t]+\d{5}\b)"
# A house's number, as Queens writes it too: "41-22 Judge St", "102-15 64th Rd".
HOUSE = r"(?:\d{2,3}-\d{2,3}|\d{1,6}[A-Za-z]?)"
# On a city's grid, in any case, with Utah's "So." and "No.": "4432 s 4000 w", "1450 W. 3300
# So.", "945 S. 13th East" (a red team's, stop 59).
GRID_DIRECTION = r"(?i:[nsew]|ne|nw|se|sw|north|south|east|west|so|no)\.?"
ADDRESS = re.compile(
    # A house (three digits at least) on a numbered road, first since "Hwy" and "Road" are
    # kinds of street too, where a clause ends after it: "1560 N Hwy 191 #B which",
    # "1482 County Road 203 instead" (not "bus 118 Route 14", "2 Route 9 buses", "240 Route 9
    # riders", "the 2019 Route 66 field trip": a red team's, stop 55).
    rf"(?<![\w#/.:$,-])\d{{3,6}}\s+(?:{DIRECTION}\s+)?(?:{HIGHWAY})\s+"
    rf"\d{{1,4}}[A-Z]?\b{UNIT}?(?:{TOWN}{STATE}?{ZIP}?|{BARE_TOWN}{ZIP}?)?{CLAUSE_ENDS}"
    rf"|(?<![\w#/.:$,-]){HOUSE}\s+(?:{DIRECTION}\s+)?"
    rf"(?:(?:{NAMED}\s+){{1,3}}(?i:{KINDS})\b(?:\s+{DIRECTION}(?!\w))?"
    rf"|(?:[a-z]+\s+){{1,2}}(?:{ABBREVIATED})\b"
    rf"|(?i:{SPANISH_KINDS})\s+{NAMED}(?:\s+{NAMED}){{0,2}})"
    rf"{ROUTE}?{UNIT}?(?:{TOWN}{STATE}?{ZIP}?|{STATE}{ZIP}?|{ZIP}|{TOWN_ZIP})?"
    rf"|{SPANISH_STREET}{SPANISH_UNIT}?{COLONIA}?{POSTAL}?(?:{TOWN}{STATE}?{ZIP}?)?"
    # Any house on one, with its town and state, since a bus has routes too: "52 Route 9, West
    # Glover VT 05875", not "bus 118 Route 14".
    rf"|(?<![\w#/.:$,-])\d{{1,6}}\s+(?:{HIGHWAY})\s+\d{{1,4}}[A-Z]?{UNIT}?{TOWN}{STATE}{ZIP}?"
    # Where rural mail goes, with its town, state and ZIP code: "PO Box 1583, Crownpoint NM
    # 87313", "HC 63 Box 418, Yatahey NM 87375", "General Delivery, Vanderwagen NM 87326".
    rf"|\b(?:(?i:p\.?\s?o\.?\s+box|post\s+office\s+box)\s+\d{{1,6}}|HC\s+\d{{1,4}},?\s+Box\s+"
    rf"\d{{1,6}}|General\s+Delivery){TOWN}{STATE}{ZIP}"
    # A highway contract route's box is a rural home's, whatever follows: "HC 61 Box 2207".
    rf"|\bHC\s+\d{{1,4}},?\s+Box\s+\d{{1,6}}(?:{TOWN}{STATE}?{ZIP}?)?"
    # A house on a city's grid, as Utah and Idaho number them: "3542 S 4400 W", "2855 South
    # 3600 West Apt 14, West Valley".
    rf"|(?<![\w#/.:$,-])\d{{2,6}}\s+{GRID_DIRECTION}\s+(?:\d{{2,5}}|\d{{1,2}}(?i:st|nd|rd|th))"
    rf"\s+{GRID_DIRECTION}(?!\w){UNIT}?(?:{TOWN}{STATE}?{ZIP}?)?")
# Typed all in lowercase ("42 elm street", "calle olmo 123"), an address only right after
# where a family lives: "3 kids in the way" is none (a red team's, stop 49).
# Words before a street's kind that make it a drive in the cloud: "moved to 1 shared drive".
NO_STREET = r"(?!(?:shared|google|team|network|usb|flash|hard|cloud|external|my|our|the)\b)"
LOWERCASE = re.compile(
    rf"(?<![\w#/.:$,-])(?:\d{{1,6}}\s+(?:[nsew]\.?\s+)?(?:{NO_STREET}[a-zà-ÿ]+\s+){{1,2}}"
    rf"(?:{KINDS})"
    rf"|(?:{SPANISH_KINDS})\s+(?:{LINK}\s+)*[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+){{0,2}}?\s+#?\d{{1,5}})\b"
    rf"{SPANISH_UNIT}?", re.IGNORECASE)
LIVES = (r"\b(?:lives?|living|moved|address|home|house|vive|viven|casa|domicilio|"
         r"direcci[óo]n)\b(?:\s+(?:est[áa]|queda))?(?:\s*:|\s+(?:at|on|to|in|is|en|es|a))?\s*")
LIVES_AT = re.compile(LIVES + "$", re.IGNORECASE)
LIVES_CUE = re.compile(LIVES, re.IGNORECASE)
# Where someone lives, though the street has no kind ("His grandmother lives at 88 Juniper");
# not where a thing does ("our loaner hotspots live at 14 Front Desk": THING_LIVES).
BARE_STREET_CUE = re.compile(r"\b(?:viven?\s+en|domicilio(?:\s+es)?\s*:?|home\s+address"
                             r"(?:\s+is)?\s*:?|lives?\s+at|living\s+at)\s*$", re.IGNORECASE)
THING_LIVES = re.compile(r"\b(?:carts?|printers?|hotspots?|chargers?|laptops?|chromebooks?|ipads?|"
                         r"tablets?|devices?|spares?|loaners?|projectors?|toner|cables?|"
                         r"adapters?|keys?|supplies|kits?|box(?:es)?|equipment|headphones|"
                         r"headsets?|cameras?|scanners?|mics?|microphones?)\s+(?:\w+\s+)?"
                         r"(?:lives?|living)\s+at\s*$", re.IGNORECASE)
# A school's rooms, where a thing may "live": "3 West Hall", "3 Cafeteria" (not "Church" or
# "University": streets too, red teams', stop 56).
SCHOOL_ROOMS = {"room", "rm", "hall", "lab", "gym", "library", "office", "cafeteria",
                "auditorium", "closet", "cabinet", "desk", "workroom", "wing", "portable",
                "building", "bldg", "classroom", "storage", "mdf", "idf"}
BARE_STREET = re.compile(rf"\d{{1,6}}[A-Z]?\s+(?:{DIRECTION}\s+)?[A-ZÀ-Ý][\wÀ-ÿ'’-]*"
                         rf"(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]*){{0,2}}\b")
# A street with no kind, but its colonia after it: "Juárez 88, Col. Centro, C.P. 44100".
WITH_COLONIA = re.compile(rf"(?<![\w#/.:$,-])[A-ZÀ-Ý][\wÀ-ÿ]+(?:\s+[A-ZÀ-Ý][\wÀ-ÿ]+){{0,2}}"
                          rf"\s+#?\d{{1,5}}{SPANISH_UNIT}?,\s+(?i:col\.|colonia)\s+"
                          rf"[A-ZÀ-Ý][\wÀ-ÿ]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ]*){{0,2}}{POSTAL}?")
POSTAL_AT = re.compile(POSTAL)
# The same typed in lowercase ("juárez 88, col. centro"), taken only where it starts right after
# where someone lives: a lowercase run has no capital to say where the street's name begins.
NOT_COLONIA = r"(?!(?:y|e|o|and|or|con|en|por|para|que|pero|su|sus|the|to|with)\b)"
NOT_STREET = r"(?!(?:room|rm|grade|period|sala|sal[óo]n|aula|grado|periodo|hora)\b)"
LOWER_COLONIA = re.compile(
    rf"{NOT_STREET}[a-zà-ÿ][\wÀ-ÿ]*(?:\s+[a-zà-ÿ][\wÀ-ÿ]*){{0,2}}\s+#?\d{{1,5}}{SPANISH_UNIT}?,\s+"
    rf"(?:col\.|colonia)\s+[\wÀ-ÿ]+(?:\s+{NOT_COLONIA}[\wÀ-ÿ]+){{0,2}}{POSTAL}?", re.IGNORECASE)
# Whose an address is: a school's, an office's or a shop's, named just before it.
INSTITUTION_BEFORE = re.compile(
    r"\b(?:(?:ship|deliver|mail|send|return)\w*\b[^.!?\n]{0,45}\bto|"
    r"office|district|schools?|campus|building|center|centre|warehouse|store|shop|"
    r"headquarters|hq|annex|library|church|elementary|middle|high|academy|escuela|oficina|"
    r"distrito|biblioteca|edificio|almac[ée]n|tienda|iglesia|primaria|secundaria|"
    r"preparatoria)\b[^.!?\n]{0,40}$",
    re.IGNORECASE)
FAMILY_NEAR = re.compile(r"\b(?:lives?|living|moved|mov(?:ing|es)|home|house|family|mom|dad|"
                         r"grandma|grandpa|parents?|guardian|address|stop|rider|student|kid|"
                         r"(?:her|his|their)\s+mail|"  # "her mail is going to 2401 E 42nd Ave"
                         r"se\s+mud[óo]|vive|casa|familia|domicilio|direcci[óo]n)\b",
                         re.IGNORECASE)
FAMILY_AFTER = re.compile(r"\s+but\s+(?:they|she|he|the\s+family)\s+(?:moved|don['’]t\s+live|"
                          r"doesn['’]t\s+live)\b", re.IGNORECASE)
# "The district office address ...": an institution's address, no family's.
WHOSE_ADDRESS = re.compile(r"\b(?:office|school|district|shipping|delivery|campus|building|"
                           r"warehouse|depot|return|business|work)\s+address\b", re.IGNORECASE)
# An office that moves is no family: "Our office is moving from the Education Center (...".
OFFICE_MOVES = re.compile(r"\b(?:office|school|department|dept|district|team|library|center)"
                          r"\s+(?:is\s+|are\s+|will\s+be\s+)?mov(?:ing|ed|es)\b|"
                          r"\b(?:oficina|escuela|departamento|distrito|biblioteca|centro|almac[ée]n)"
                          r"\b[^.!?\n]{0,40}\bse\s+(?:mud[óo]|muda|cambi[óo]|cambia)\b",
                          re.IGNORECASE)
# A number that counts something else: "ticket 4412 Main St printer".
NUMBERED_BEFORE = re.compile(r"\b(?:ticket|tkt|room|rm|tag|asset|cart|bus|route|period|pd|"
                             r"grade|order|po|inc|ext|x|station|unit|van|truck)\s*#?\s*$|"
                             # New York's numbered schools: "P.S. 86 Kingsbridge Heights"
                             r"(?-i:\b(?:P\.S\.|I\.S\.|M\.S\.|J\.H\.S\.))\s?$",
                             re.IGNORECASE)


def find_addresses(text: str) -> list[Span]:
    """Street addresses in `text`; an institution's (and no family's) is kept."""
    found = []
    for m in ADDRESS.finditer(text) if any(c.isdigit() for c in text) else ():
        before = text[max(0, m.start() - 60):m.start()]
        if NUMBERED_BEFORE.search(before):
            continue
        family = [w for w in FAMILY_NEAR.findall(before)
                  if not (w.lower().startswith(("mov", "se")) and OFFICE_MOVES.search(before))
                  and not (w.lower() == "address" and (m[0][0] in "PpHG"  # a school's box
                                                       or WHOSE_ADDRESS.search(before)))]
        # "the bus office has Hevi Khalil at 512 Haywood Ln but they moved": a family's
        moved = FAMILY_AFTER.match(text, m.end())
        institution = (INSTITUTION_BEFORE.search(before) or WHOSE_ADDRESS.search(before)) \
            and not family and not moved
        # "ship it to 450 Oak Ave", "the district office at 1200 N Main St": kept, and no
        # later finder takes its ZIP code for an id
        found.append(Span(m.start(), m.end(), KEPT if institution else "address"))
    return found + [span for span in _lowercase_or_colonia(text) if free(span, found)]


def in_a_building(found: str) -> bool:
    """Where a thing "lives" in a school, no family: "the cart lives at 3 West Hall", "at 3
    Cafeteria" (a red team's, stop 56)."""
    return any(w.lower() in SCHOOL_ROOMS for w in found.split()[1:])


def _lowercase_or_colonia(text: str) -> list[Span]:
    """Right after where someone lives; a colonia's with its postal code, or so placed too
    ("Grade 3, Col. Lopez" is a colonel: a red team's, stop 51)."""
    def lives_before(m: re.Match[str]) -> bool:
        return bool(LIVES_AT.search(text[max(0, m.start() - 30):m.start()]))
    found = [Span(m.start(), m.end(), "address") for pattern in (LOWERCASE, WITH_COLONIA)
             for m in pattern.finditer(text)
             if lives_before(m) or (pattern is WITH_COLONIA and POSTAL_AT.search(m[0]))]
    found += [Span(m.start(), m.end(), "address") for m in BARE_STREET.finditer(text)
              if BARE_STREET_CUE.search(text, max(0, m.start() - 30), m.start())
              and not THING_LIVES.search(text, max(0, m.start() - 60), m.start())
              and not in_a_building(m[0])]
    return found + [Span(m.start(), m.end(), "address") for cue in LIVES_CUE.finditer(text)
                    if (m := LOWER_COLONIA.match(text, cue.end()))]
