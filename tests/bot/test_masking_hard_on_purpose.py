"""What the stop-57 round added (docs/masking.md): a blind writer asked to make a third of
their messages hard on purpose (a student named with a word, a phone half in words, an
address spelled out) got through more than earlier writers did. Each example is written
here, not taken from a corpus; the corpora's figures are in test_masking_heldout.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize(("text", "expected"), [
    # a student named with a word, whose trouble signing in only a student has
    ("Hope can't get into Canvas, it keeps spinning",
     "[name] can't get into Canvas, it keeps spinning"),
    ("Mercy can't get into her Epic account", "[name] can't get into her Epic account"),
    ("why does Gift can't see the quiz in Google Classroom?",
     "why does [name] can't see the quiz in Google Classroom?"),
    ("Summer and Royal both got locked out of Lexia",
     "[name] and [name] both got locked out of Lexia"),
    ("Bishop knocked the document camera off the cart",
     "[name] knocked the document camera off the cart"),
    # letters a child goes by, before a surname
    ("DJ Mensah needs a loaner, screen cracked", "[name] needs a loaner, screen cracked"),
    # lowercase, a given name no list holds before a surname, asked for someone
    ("reset pw for yahir benavides pls", "reset pw for [name] pls"),
    ("can u unlock the account for ji-woo choi", "can u unlock the account for [name]"),
    # a parent writing in, her role right after her name
    ("hello this is Patience Mensah mother of Kojo, his ipad is locked",
     "hello this is [name] mother of [name], his ipad is locked"),
    # a titled grown-up's line, when the sentence goes on to speak of her own child
    ("Number for Mrs. Osei is 678-555-0182, her son needs the parent portal login",
     "Number for [name] is [phone], her son needs the parent portal login"),
    # the same troubles in other words (a red team's, stop 57)
    ("Hope can't log into Lexia this morning", "[name] can't log into Lexia this morning"),
    ("Hope can't get into iReady", "[name] can't get into iReady"),
    ("Royal accidentally knocked the cart over", "[name] accidentally knocked the cart over"),
    ("Chase can't log onto Canvas", "[name] can't log onto Canvas"),
    ("Hope can not log into Lexia", "[name] can not log into Lexia"),
    # a titled parent whose child is named in other words (a third red team's, stop 57)
    ("Call Mrs. Osei at 678-555-0182, she is Kojo's mom",
     "Call Mrs. Osei at [phone], she is [name]'s mom"),
    ("Call Mrs. Osei at 678-555-0182 about her grandson's Chromebook",
     "Call [name] at [phone] about her grandson's Chromebook"),
    # a student's or a family's address, whatever office word it holds
    ("his email is maya dot info at stu dot district dot org", "his email is [email]"),
    ("Mom's address is Kim.Office@comcast.net", "Mom's address is [email]"),
    # a phone read out half in digits, half in words
    ("grandma's cell is 404 five five five 0137", "grandma's cell is [phone]"),
    # an address with its underscore said as a word
    ("send it to kwame underscore boateng at gmail dot com", "send it to [email]"),
    # a family's address read out, whatever word it holds
    ("her mom is kim dot sales at gmail dot com", "her mom is [email]"),
])
def test_students_written_hard_on_purpose_are_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    # the same troubles, as often a colleague's
    "kristen can't get into the sub folder on the shared drive",
    "Cedric cant see the sub plans folder I shared, says request access",
    "Jill can't access her work email from her phone",
    "Zoom can't access the camera on the cart laptop",
    # two capitals alone, or before a word
    "the DJ Booth in the gym has no power",
    "PJ Day is Friday, the cameras are off",
    # lowercase pairs that are a typo or another language, not asked for anyone
    "the vaccine fridge temp monitor is offline",
    "bonjou tout moun, pwojektè a pa mache",
    # a titled colleague's line, even where the sentence speaks of a school's families
    "Call Mr. Dawson at 404-555-0190 if the projector acts up",
    "Call Mr. Lee at 555-201-3344 about the Parents' Night sound system",
    "Phone for Ms. Asamoah is 404-555-0182, she is our new parent liaison.",
    # a colleague met with, and an office's mailbox read out
    "met with jhunior alvarado, our new IT tech",
    "Send it to the nurse underscore office at district dot org",
    "Our sub can't log into Canvas",
    "Mr. Patel can't log into Schoology",
    # "her kids" is a teacher's class
    "Call Ms. Rivera at 404-555-0111 if her kids' Chromebook cart is missing",
    # a number said in words that is no phone
    "Periods 1, two, three, 4, five and six have the lab",
    "the cart holds 30 chromebooks, two of them broken",
])
def test_what_staff_write_comes_through(text: str) -> None:
    assert masked(text) == text
