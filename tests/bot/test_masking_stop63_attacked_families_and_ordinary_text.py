"""Red team EE on stop 63's first round: a family's work address named before or after it (an
older gap, narrowed), and ordinary text the new hiding rules altered ("Miss. Johnson", an
office's old address, a vendor's desk after "a dad asked")."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked

# Red team, stop 63: a family's email at a company domain (bot/masking/contacts.py
# `families_work`). Promise broken: "student identifiers are masked" (docs/privacy.md); a
# family's contact details are hidden like a student's.
#
# families_work hides a company address only when a family word (mom, dad, father, ...) comes
# BEFORE it in its sentence. Staff as often name the family after the address ("x@y.com is
# mom's work email", "That's her dad's work email", "(stepmom)"), and those are still kept.

@pytest.mark.parametrize(("text", "expected"), [
    ("sperez@fresnofarms.com is mom's work email, can you add it to ParentSquare?",
     "[email] is mom's work email, can you add it to ParentSquare?"),
    ("Please add jnelson@acmeplumbing.com to Infinite Campus. That's her dad's work email.",
     "Please add [email] to Infinite Campus. That's her dad's work email."),
    ("Update the contact email to dlee@boeing.com, the father asked this morning",
     "Update the contact email to [email], the father asked this morning"),
    ("Her contact is kwright@mercyhealth.com (stepmom)", "Her contact is [email] (stepmom)"),
    ("Parent portal invite bounced for dgarcia@tysonfoods.com, is that the right address "
     "for mom?",
     "Parent portal invite bounced for [email], is that the right address for mom?"),
])
def test_a_familys_work_email_is_hidden_when_the_family_is_named_after_it(
        text: str, expected: str) -> None:
    # Promise: a student's family's contact details are masked (docs/privacy.md), wherever
    # in the sentence the family is named.
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mom called this morning. Her work email is sperez@fresnofarms.com, please add it.",
     "Mom called this morning. Her work email is [email], please add it."),
    ("Grandma is the guardian now. Use her email bjohnson@walmart.com for ParentSquare.",
     "Grandma is the guardian now. Use her email [email] for ParentSquare."),
    ("Jaden's dad came in. He wants report cards sent to mwilson@pgecorp.com instead.",
     "[name]'s dad came in. He wants report cards sent to [email] instead."),
    ("Mom wrote to say she changed jobs, the old address sperez@fresnofarms.com bounces and "
     "the new one is sandra.perez@centralvalleybank.com",
     "Mom wrote to say she changed jobs, the old address [email] bounces and the new one is "
     "[email]"),
])
def test_a_familys_work_email_is_hidden_when_the_family_is_named_a_sentence_before(
        text: str, expected: str) -> None:
    # Promise: a student's family's contact details are masked (docs/privacy.md). The family
    # named in the sentence before ("Mom called this morning. Her work email is ..."), or
    # more than 90 characters before, still owns the address.
    assert masked(text) == expected


# Red team, stop 63: the new HIDING rules must not alter ordinary tech-support text.
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md, docs/masking.md).
#
# - bot/masking/lowercase.py `titled`: after ". " only the SHORT_TITLES count as a title;
#   "Miss" is in cues.TITLES but not in SHORT_TITLES, so "Miss. Johnson" (a common way to write
#   it) no longer vetoes the name and a teacher's surname is hidden with the title.
# - bot/masking/addresses.py FAMILY_AFTER: ", they moved to/out/away" after ANY address hides
#   it as a family's old home, also a vendor's or the district's own office (the rule's comment
#   promises "Not where an office moved").
# Each text below came through unchanged at base 5013450 and is altered now.

@pytest.mark.parametrize("text", [
    "Miss. Johnson's projector is broken again, room 14.",
    "Can someone look at Miss. Thompson's printer? It says offline.",
    "Miss. Nguyen's laptop won't connect to wifi.",
    "I'm subbing for Miss. Carter today, her computer is locked.",
    "Miss. Robinson wants Zoom installed on the library PC.",
    "Hi Miss. Morgan, your ticket was closed.",
])
def test_a_teacher_written_with_miss_and_a_period_comes_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged; "Miss." is a title.
    assert masked(text) == text


@pytest.mark.parametrize("text", [
    "Tech office was 1200 N Main St, they moved out in June.",
    "The vendor's old office was 200 Main St, they moved to Suite 400 upstairs.",
    "Mail for Lexia still goes to 1500 Park Ave, they moved to a PO box.",
    "Send the repair to CDW at 200 N Milwaukee Ave, they moved out of the old depot.",
])
def test_an_offices_or_vendors_old_address_comes_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged; an office's or a vendor's
    # address is no family's home.
    assert masked(text) == text


@pytest.mark.parametrize("text", [
    "A dad asked where to send feedback about the app, I gave him feedback@classdojo.com",
    "My mom works at Dell and says their education team is edu@dell.com, might help with "
    "warranty",
    "Mom asked if our district email filter blocks mail from alerts@remind.com",
    "The parent in the office wants the Lexia rep's email, is it jmiller@lexialearning.com?",
])
def test_a_vendors_address_after_a_family_word_comes_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged (contacts.py
    # `families_work`): a vendor's address a parent asks about is no family's.
    assert masked(text) == text


# Left out: "Talked to Denise Her projector is working again" and "Reminder: Monica Her Canvas
# course needs to be published" (EE's) lose "Her" with the name. Reading "Her" by what follows
# it let "Tou Her laptop is cracked" through (FF's, in test_masking_stop63_attacked_again.py):
# a student's family name weighs more than a colleague's pronoun typed without a stop.
