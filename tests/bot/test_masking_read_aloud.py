"""What the stop-58 round added (docs/masking.md): a family's address read out with spaces
for its dots, a parent named right after "her mom", and a student named with a word who
does what only a person at a device does, is set off by commas or is handed a device. Each
example is written here, not taken from a corpus; the corpora's figures are in
test_masking_heldout.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # an address read out word by word, as a parent says it on the phone
    ("dad's email is duc tran 52 at yahoo dot com", "dad's email is [email]"),
    ("she wrote it as marisol pena eighty eight at gmail, can you check",
     "she wrote it as [email], can you check"),
    ("grandma uses okonkwo ada at hotmail", "grandma uses [email]"),
    # never cut short where the spelled address is longer
    ("mom is bich ngoc dot le at gmail punto com", "mom is [email]"),
    ("it's jae dot park at icloud dot com", "it's [email]"),
    # a surname that is also a word, and an underscore said between (a red team's, stop 58)
    ("dad's email is maria smith 22 at gmail dot com", "dad's email is [email]"),
    ("mom's email is maria underscore lopez 9 at gmail dot com", "mom's email is [email]"),
    # a surname with its apostrophe (a second red team's, stop 58)
    ("mom's email is o'brien 4 at gmail dot com", "mom's email is [email]"),
    ("mom's email is o'brien kelly at gmail dot com", "mom's email is [email]"),
    # a family's, a capitalised surname, an initial (a third red team's)
    ("mom's email is rivera family at gmail", "mom's email is [email]"),
    ("mom's email is Lopez at gmail", "mom's email is [email]"),
    ("mom's email is garcia m at gmail", "mom's email is [email]"),
])
def test_a_familys_address_read_out_is_hidden_whole(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a parent named right after "her mom", in brackets or between commas
    ("Kofi's dad (Yaw) can't get into ParentSquare",
     "[name]'s dad ([name]) can't get into ParentSquare"),
    ("her grandma, Lucinda, picks up the hotspot", "her grandma, [name], picks up the hotspot"),
    # even one an app shares (a second red team's)
    ("her mom Destiny Brooks called about the hotspot",
     "her mom [name] called about the hotspot"),
    ("Kofi's mom (Alexa) can't get into ParentSquare",
     "[name]'s mom ([name]) can't get into ParentSquare"),
    # a name that is a word in a list of days (a third red team's)
    ("her mom Eve called about the hotspot", "her mom [name] called about the hotspot"),
    ("her mom Maria Day called about the hotspot", "her mom [name] called about the hotspot"),
    # a student named with a word, doing what only a person at a device does
    ("Ocean can't hear the audio on Lexia", "[name] can't hear the audio on Lexia"),
    ("Harmony was using someone else's Chromebook all week",
     "[name] was using someone else's Chromebook all week"),
    ("Journey keeps getting 'access denied' on Clever",
     "[name] keeps getting 'access denied' on Clever"),
    ("Blessing can't open the Google Form you posted",
     "[name] can't open the Google Form you posted"),
    # set off by commas
    ("the kid in the red hoodie, Thuy, can't log into iReady",
     "the kid in the red hoodie, [name], can't log into iReady"),
    # handed a device, in any of the words for it (a red team's, stop 58: "get", "send")
    ("please issue Legend a loaner chromebook", "please issue [name] a loaner chromebook"),
    ("get Trinity a loaner please", "get [name] a loaner please"),
    ("send Trinity a new charger", "send [name] a new charger"),
    # given or issued, a name no list has too (a third red team's)
    ("please issue Nyaluak a loaner", "please issue [name] a loaner"),
    ("give Eh Say a new charger", "give [name] a new charger"),
])
def test_students_in_the_rounds_shapes_are_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    # "at gmail" where no address is read out
    "you can reach the vendor at gmail support, they never answer",
    "I looked at gmail and outlook, neither syncs the calendar",
    "see you at live lunch duty",
    # a setting or a device said "at" a provider (a red team's, stop 58)
    "turn on 2fa at gmail before the training",
    "sso at gmail is broken again",
    "set up mfa at outlook for all new staff",
    "the ipad at icloud is locked",
    "the k12 at gmail accounts are blocked",
    "grades 3 4 at outlook use the new login",
    "you can reach her at gmail",
    "turn on dark mode at gmail before the training",
    "screen time at icloud is on for the whole cart",
    "guest mode at gmail is blocked for students",
    "we use rose at gmail for the form",
    "the kids use king county at gmail accounts",
    "students use grace at gmail",
    "bill pay at gmail is blocked",
    # an app or a room does none of it
    "Canvas keeps getting stuck on the loading screen",
    "Clever keeps getting logged out on the cart",
    "Word can't open the file from the shared drive",
    "give Room 12 a new charger please",
    "give Canvas a minute, it's slow today",
    # a parent's word that names nobody, nor a day or a language after it (a red team's)
    "her mom called about the Chromebook",
    "Texted her mom Friday about the charger",
    "Called his dad Tuesday, no answer",
    "I told her mom Spanish translation is on the portal",
    "her mom English isn't strong so call the liaison",
    "Called his dad Thanksgiving week, no answer",
    "called her mom Labor Day weekend about the hotspot",
    "Texted her mom Spring Break dates for the loaner return",
    "emailed her mom March",
    "emailed her mom Math homework links",
    "told his dad Kennedy Middle has the hotspot",
    # what a parent is told (a third red team's)
    "told her mom Starbucks has wifi",
    "told her mom Comcast has free internet",
    "texted her mom Clever badge instructions",
    "told her mom Riverside has the hotspot",
    "told her mom Harvest Festival is Friday",
    "told her mom Garcia will call back",
    # a vendor or an app in trouble (a third red team's)
    "Verizon keeps getting throttled",
    "Frontline can't open the app",
    "Frontline was using someone else's login",
    "Aesop keeps getting errors",
    # a vendor or a school sent or ordered devices (a second red team's)
    "we sent Amazon the laptops back",
    "order Eastside the headphones from the bond money",
    # an app using another account (a red team's)
    "Kami was using someone else's Google account on the cart",
    "Kami has been using another login after the rollover",
    "Destiny is using another server since the update",
    "Alexa can't hear the class over the fan",
    # the famous, alone
    "we watched the Muhammad Ali documentary in 6th period",
    # a famous name before an app's or a vendor's (a red team's)
    "Rosa Parks Kami worksheet",
    "Helen Keller Follett ebook",
    "ROSA PARKS KAMI WORKSHEET DUE FRIDAY",
    "HELEN KELLER FOLLETT EBOOK WONT OPEN",
    "Martin Luther King Day assembly needs the gym projector",
])
def test_what_staff_write_comes_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "parent"), [
    ("Texted her mom Maria Monday about the loaner", "Maria"),
    ("Texted her mom Lan Monday about the loaner", "Lan"),
])
def test_a_parent_named_before_a_day_is_hidden(text: str, parent: str) -> None:
    # a third red team's (stop 58): the day after her name kept the name
    assert parent not in masked(text) and "about the loaner" in masked(text)
