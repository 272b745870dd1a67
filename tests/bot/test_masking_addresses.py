"""Masking home addresses: where a family lives is hidden in every shape staff type it, and a
school's, a vendor's or anything else numbered like a street comes through."""

from __future__ import annotations

import pytest

from bot.i18n import speaking
from bot.masking import mask_student_data, privacy_note
from tests.bot.test_masking import TODAY, masked


@pytest.mark.parametrize(("text", "expected"), [
    ("need a stop added for D'Andre, at grandma's house 1719 Brown Ave, her number changed",
     "need a stop added for [name], at grandma's house [address], her number changed"),
    ("they moved to 312 Custer Rd on post", "they moved to [address] on post"),
    ("please send the hotspot to the family's home at 88 Elm St",
     "please send the hotspot to the family's home at [address]"),
    ("Aubree lives at 2911 Woodruff Farm Rd", "[name] lives at [address]"),
    ("La familia Quintero se mudó a 4418 S Calle Arroyo, Tucson 85706, y necesito",
     "La familia [name] se mudó a [address], y necesito"),
    ("New enrollment, 2nd grade, address 14820 E 1090 Rd, Red Fork OK. The form won't submit",
     "New enrollment, 2nd grade, address [address]. The form won't submit"),
    ("lives at 2207 Ridgemont Ct. Does the form need the address?",
     "lives at [address]. Does the form need the address?"),
    ("a kid listed twice, at 6610 Miller Rd and at the old address 1183 Forrest Rd.",
     "a kid listed twice, at [address] and at the old address [address]."),
    ("his new address is 123 main st apt 4b", "his new address is [address]"),
    ("Family moved to 1600 Pennsylvania Avenue NW, Washington, DC 20500",
     "Family moved to [address]"),
    # a unit in capitals, a town spelled with a capital inside, a county road's number
    ("home address change: 144 Clinton Ave Apt 3B, Newark NJ 07108 for the family",
     "home address change: [address] for the family"),
    ("Correct address is 1408 W 4th St, WaKeeney KS 67672.", "Correct address is [address]."),
    ("a new stop for the family at 2231 County Rd 18, Quinter. Kids are in 2nd.",
     "a new stop for the family at [address]. Kids are in 2nd."),
    # split over lines, as an envelope has it
    ("new address for the family:\n123 Main St\nSpringfield, IL 62704",
     "new address for the family:\n[address]"),
    ("new address: 4417 Gaston Ave\nApt 212\nDallas TX 75246", "new address: [address]"),
    # a rural route's number with its town and state; "Terr" for a terrace
    ("the twins' new address is 52 Route 9, West Glover VT 05875 starting Monday",
     "the twins' new address is [address] starting Monday"),
    ("family moved to 811 County Road 12, Tulia TX", "family moved to [address]"),
    ("update the bus stop to 1450 NW 7th Terr, Hialeah FL 33010 for Dayana",
     "update the bus stop to [address] for [name]"),
    # where rural mail goes: a post office box, a highway contract box, General Delivery
    ("Address change; new address PO Box 1583, Crownpoint NM 87313; grandmother is guardian",
     "Address change; new address [address]; grandmother is guardian"),
    ("his grandma said it's at their place, HC 63 Box 418, Yatahey NM 87375.",
     "his grandma said it's at their place, [address]."),
    ("her mailing address General Delivery, Vanderwagen NM 87326.",
     "her mailing address [address]."),
    # street first, as Spanish writes it (a red team's, stop 49: to the emailed helpdesk)
    ("hay que mandar un hotspot a Av. Juárez 88 int. 3", "hay que mandar un hotspot a [address]"),
    ("vive en Calle Olmo 123, Apto 4 y el hotspot no llega",
     "vive en [address] y el hotspot no llega"),
    ("su mamá dice que viven en Avenida Reforma 1520, depto 4",
     "su mamá dice que viven en [address]"),
    ("la familia se mudó a Calle 5 de Mayo #245, Col. Centro, C.P. 44100",
     "la familia se mudó a [address]"),
    ("vive en la calle Olmo número 123", "vive en la [address]"),
    ("hay que mandar un hotspot a Av Juárez 88 int. 3", "hay que mandar un hotspot a [address]"),
    ("la familia vive en Avda. Juárez 88", "la familia vive en [address]"),
    ("la familia vive en Av. Juárez Nº 88", "la familia vive en [address]"),
    ("la familia vive en Priv. de Olivos 15", "la familia vive en [address]"),
    # typed in lowercase after where a family lives, or with its colonia and no street kind
    # (a red team's, stop 49, left then)
    ("la familia vive en calle olmo 123", "la familia vive en [address]"),
    ("the family lives at 42 elm street", "the family lives at [address]"),
    ("my student lives on 12 oak lane apt 4", "my student lives on [address]"),
    ("su casa está en Juárez 88, Col. Centro, C.P. 44100", "su casa está en [address]"),
    # the cue as people write it before a lowercase address (a red team's, stop 51)
    ("home address: 42 elm street", "home address: [address]"),
    ("she lives in 42 elm street", "she lives in [address]"),
    ("mom lives at 1200 w. main st", "mom lives at [address]"),
    # a colonia typed in lowercase, right after where the family lives (stop 51's leftover)
    ("la familia vive en juárez 88, col. centro", "la familia vive en [address]"),
    ("su dirección: miguel hidalgo 12 int. 3, colonia del valle y su mamá no contesta",
     "su dirección: [address] y su mamá no contesta"),
    # a house on a numbered road with no town, a rural box, a floor (stop 55, from corpora
    # 44 to 46, whose "191 #B" and "203" were left showing)
    ("roster shows a student at 1560 N Hwy 191 #B which is the old motel",
     "roster shows a student at [address] which is the old motel"),
    ("pick them up at 1482 County Road 203 instead of the trading post",
     "pick them up at [address] instead of the trading post"),
    ("Address in the system is HC 61 Box 2207. Can someone look?",
     "Address in the system is [address]. Can someone look?"),
    ("Family moved to 221 Rivet St, 2nd fl, and the lookup finds no stop",
     "Family moved to [address], and the lookup finds no stop"),
    # a house numbered like a year, a verb or a town after the road's number (a third red
    # team's, stop 55)
    ("she lives at 2010 Highway 50 now", "she lives at [address] now"),
    ("1482 County Road 203 is the pickup", "[address] is the pickup"),
    ("her address is 2231 County Rd 18 Quinter KS", "her address is [address]"),
])
def test_a_familys_address_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "Please ship the loaners to 450 Oak Ave, Springfield IL 62704",
    "the district office at 1200 N Main St needs two more monitors",
    "I have 3 kids in the way of the projector cart",
    "ticket 4412 Main St printer still jammed",
    "Ed integration is down Saturday from 12:00 AM to 6:00 AM CT.",
    "we have 30 Chromebooks in Cart B and 12 in room 204",
    "the 300 hall wifi drops on 5th st side of the building",
    "County Rd 18 is closed, so bus 11 runs 20 minutes late",
    "Thanks,\nMaria\nRosemont Elementary\n1860 Lincoln St\nDenver, CO 80203",
    "bus 118 Route 14 is running late, the driver's radio is dead",
    "mail the forms to PO Box 10, Thoreau NM 87323 before Friday",
    "the letterhead still has the old school mailing address PO Box 10, Thoreau NM 87323",
    "our ZIP code on the invoice should be Hartford, CT 06106-2107",
    "la escuela está en Avenida Central 400, el técnico llega a las 9",
    "Marca Califone, modelo 3066AV. Sala 115.",
    # a red team's on the Spanish rule (stop 49): a closure, a field trip, an office's move
    "la plataforma estará cerrada del 20 al 23 de diciembre por mantenimiento",
    "el paseo del 14 de mayo sale a las 8",
    "la sesión privada de 10 minutos es en la biblioteca",
    "La oficina de tecnología se mudó a Av. Reforma 100, piso 2",
    "the AV Cart 3 is missing its HDMI cable",
    "we put 2 carts in the library hallway, by the 3 kids table",
    "la oficina está en calle reforma 100",
    "the hotspot lives in room 12 by the main stairs",
    # a colonel after a class, and drives in the cloud (a red team's, stop 51)
    "Grade 3, Col. Lopez teaches the JROTC cadets",
    "Room 12, Col. Smith's class has the Chromebook cart",
    "her files moved to 1 shared drive",
    "the class moved to room 12, col. smith teaches it now",
    "la escuela está en juárez 88, col. centro",
    "the class moved to 2 google drive folders",
    # numbers before a road's: buses, signs, riders, a year, a campus, a unit (stop 55, and a
    # red team's on it)
    "the 2 Route 9 buses are late again",
    "we have 3 Highway 50 signs for the career fair",
    "We have 240 Route 9 riders who need the Stopfinder app.",
    "The 2019 Route 66 field trip slides are in the shared drive.",
    "Our 1200 Highway 89 campus needs new access points.",
    "Station 305 Route 7 is the bus GPS unit that stopped reporting.",
])
def test_what_is_numbered_like_a_street_comes_through(text: str) -> None:
    assert masked(text) == text


def test_the_note_tells_an_address_was_hidden_in_each_language() -> None:
    found = mask_student_data("they moved to 1719 Brown Ave last week", today=TODAY)
    assert found.kinds == ("address",)
    assert privacy_note(found) == ("To protect student privacy I hid a home address in what "
                                   "you wrote.")
    with speaking("es"):
        assert privacy_note(found) == ("Para proteger la privacidad de los estudiantes, oculté "
                                       "una dirección de domicilio en lo que escribió.")
