"""Red team GG on stop 63's third round (docs/masking.md, "Stop 63"; docs/reliability.md):
students, initials and a family's work address let through, and ordinary text altered, by the
fixes of FF's breaks. Every test failed on 9e7f514. Left out, as costs taken for privacy: four
colleagues named after a greeted job ("Thanks Nurse, Pam Lee will bring the forms") are
hidden, and four offices' letters that are a hidden student's initials in the same text ("HR
is out today"); left, older than the stop: "Pa Her also lost her charger" and a mother "a
sales manager at Target" whose address is kept as staff's."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked

# Red team (outside) on stop 63's third round (9e7f514): bot/masking/contacts.py
# `families_work` with FAMILY_MEMBER, VENDOR_BEFORE and VENDOR_AFTER.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole;
# a family's work address is hidden (stop 63, 3356be2).
#
# A family member's work email is kept as a vendor's whenever a vendor word comes up to 120
# characters before it in the sentence ("rep", "sales", "consultant", "trainer", "specialist",
# "support") or "the/our/their ... rep/contact" within 30 after it. A parent's job is just such a
# word: "Dad is the Dell rep, his email is ...". 7 of 12 family work emails tried are kept at HEAD
# (3 of them, consultant/trainer/"the rep there", were hidden at 3356be2; at base 5013450, 8 of
# 12 were kept).


@pytest.mark.parametrize(("address", "text"), [
    ("mark.nguyen@dell.com", "Dad is the Dell rep, his email is mark.nguyen@dell.com if the "
                             "school needs to reach him about Mia."),
    ("mark.nguyen@dell.com", "Mia's dad is our Dell rep, his email is mark.nguyen@dell.com."),
    ("lisa.r@acme.com", "Jaden's mom works in sales, her work email is lisa.r@acme.com, use "
                        "that one."),
    ("raj.patel@deloitte.com", "His father is a consultant, reach him at raj.patel@deloitte.com "
                               "about the laptop."),
    ("mike@fitlife.com", "Her dad is a trainer at the gym, his email is mike@fitlife.com, "
                         "please cc him."),
    ("tom.h@boeing.com", "Dad emailed from work, tom.h@boeing.com, the rep there said he can't "
                         "get into the parent portal."),
])
def test_a_family_members_work_email_is_hidden_whatever_their_job(address: str,
                                                                   text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). The vendor word names the
    # parent's own job; the address is still a family member's.
    result = masked(text)
    assert address not in result, result
    assert "[email]" in result, result


# Red team (outside) on stop 63's third round (9e7f514): bot/masking/whole.py
# `initials_of_hidden` with AS_A_PERSON.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# A student's initials, in a text that also names the student in full (and hides that name), are
# hidden only when a short list of "person's doings" follows them (AS_A_PERSON: "said", "needs",
# "is the", "is in", "'s" ...). Ordinary verbs and adverbs ("is also", "just", "still", "has",
# "will", "should", "and"), or the initials as an object ("send JT to", "for JT?") let them
# through, and the text then pairs "[name]" with the student's initials. Every text here was
# hidden whole at 3356be2; at HEAD the initials come through (10 of 20 texts tried; at base
# 5013450, without the rule, 11 of 20).


@pytest.mark.parametrize("text", [
    "Can you reset the iPad for JT? His real name is Jaden Torres.",
    "Jaden Torres in 4th period. JT is also locked out of Lexia.",
    "Jaden Torres lost his charger. Tell JT to come by the library.",
    "Jaden Torres lost his charger. Can you send JT to the office?",
    "Jaden Torres lost his charger. JT and his mom came by.",
    "Jaden Torres lost his charger. JT just needs a new one.",
    "Jaden Torres lost his charger, JT still has no laptop.",
    "Jaden Torres lost his charger, JT has detention so he'll come at 3.",
    "Jaden Torres lost his charger. JT will pick it up.",
    "Jaden Torres lost his charger. JT should have it by Friday.",
])
def test_a_hidden_students_initials_are_hidden_whatever_follows_them(text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). Two capitals that are a hidden
    # full name's initials name that student, as object or subject, before any verb.
    result = masked(text)
    assert "Jaden" not in result and "Torres" not in result, result
    assert "JT" not in result, result


# Red team (outside) on stop 63's third round (9e7f514): bot/masking/lowercase.py `titled`
# with FULL_NAME_ON ("Miss.").
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# "Miss." ending a thank-you ends the sentence only when a capitalised surname (capital then
# lower case) follows the next word. A student named by first name, by an initial, in capitals,
# or in the possessive is still taken for Miss's surname and kept: 5 of 8 texts tried come
# through at HEAD (all 8 at base 5013450 and at 3356be2: old).


@pytest.mark.parametrize(("name", "text"), [
    ("Jaden", "Thanks Miss. Jaden can log in now."),
    ("Maya", "Thank you Miss. Maya lost her charger again."),
    ("Jaden", "Thanks Miss. Jaden R. can log in now."),
    ("JADEN", "Thanks Miss. JADEN RAMIREZ can log in now."),
    ("Maya", "Ok Miss. Maya's iPad is fixed."),
])
def test_a_student_after_miss_that_ends_a_sentence_is_hidden(name: str, text: str) -> None:
    # Promise: student identifiers are masked. "Miss." closing a thank-you ends the sentence,
    # whatever shape the next student's name has.
    assert name not in masked(text)


# Red team (outside) on stop 63's third round (9e7f514): bot/masking/signatures.py
# CLASS_OF_ANOTHER / TEACHERS_JOB.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# A signature with a grade and another teacher's class ("5th grade, Mr. Diaz's class") is a
# child's, unless TEACHERS_JOB finds a teacher's job in it. TEACHERS_JOB's words ("team", "lead",
# "teacher", "class of 2032") are also what a child signs with: "safety patrol team", "team
# leader", "student tech lead", "teacher helper", "Lead Reader", "Class of 2032". 6 of 12 child
# signatures tried come through whole at HEAD (5 were hidden at 3356be2; at base 5013450, 10 of
# 12 came through).


@pytest.mark.parametrize(("name", "text"), [
    ("Mia Torres", "Thanks!\nMia Torres, 4th grade, Ms. Lee class, safety patrol team"),
    ("Caleb Nguyen", "Thanks!\nCaleb Nguyen, 6th grade, Mr. Diaz homeroom, Class of 2032"),
    ("Sofia Martinez", "Thanks!\nSofia Martinez, 5th grade, Ms. Lee's class, team leader"),
    ("Emily Chen", "Thanks!\nEmily Chen, 3rd grade, Mr. Diaz class, I'm the teacher helper"),
    ("Marcus Lee", "Thanks,\nMarcus Lee, 5th grade, Mrs. Ortiz class, Lead Reader"),
    ("Jaden Ramirez", "Thanks, Jaden Ramirez, 5th grade, Mr. Diaz homeroom, tech team"),
])
def test_a_child_signing_with_a_class_job_is_hidden(name: str, text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). A child signing with their
    # grade, their teacher's class and a class job ("team leader") is a child, not that
    # teacher's co-teacher or para.
    result = masked(text)
    for part in name.split():
        assert part not in result, result


# Red team (outside) on stop 63's third round (9e7f514): bot/masking/kin.py `plural_families`
# with FAMILY_THINGS.
#
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md, docs/masking.md),
# and student identifiers are masked; default PREPBOT_MASKING_STAFF=whole.
#
# FAMILY_THINGS asks only whether the text anywhere mentions a phone, email, contact, address,
# internet or home. Tech support about staff mentions those all the time, so "the <Name>s" for a
# staff couple or siblings is hidden: 13 of 16 ordinary texts tried are altered at HEAD (12 were
# unchanged at base 5013450, before c8ac8c8 brought the rule in). And a family named with a
# child's loaner and no FAMILY_THINGS word comes through (2 of 6 tried; all 6 at base).


@pytest.mark.parametrize("text", [
    "The Petersons co-teach 5th grade and need the shared email set up.",
    "Call the Nelsons in the front office, their phone is ext 4412.",
    "The Garcias on our staff both need new phone extensions.",
    "The Nguyens from HR want their contact info updated.",
    "The Hendersons run the robotics club and need the team email list.",
    "The Ortegas in the cafeteria need a phone for the kitchen.",
    "We hired the Kowalskis as our network contractors, their email is on the ticket.",
    "The Nelsons both teach 3rd grade; their Teams phone numbers are swapped.",
    "The Garcias (both in special ed) need the new address book in Outlook.",
    "Tell the Wilsons in transportation their cell stipend form is in.",
    "The Yangs in the district office updated the internet filter.",
    "The Lopezes in our ESL department want the family engagement email template.",
])
def test_staff_named_in_the_plural_come_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged. A staff couple's phone or
    # email is no family's.
    assert masked(text) == text


@pytest.mark.parametrize(("family", "text"), [
    ("Nguyens", "The Nguyens need a loaner for Bao."),
    ("Thaos", "I met the Thaos today at pickup, they need a loaner for Bao."),
])
def test_a_family_named_with_their_childs_loaner_is_hidden(family: str, text: str) -> None:
    # Promise: student identifiers are masked. The child's family name is the child's.
    assert family not in masked(text)


# Red team (outside) on stop 63's third round (9e7f514): cues.py ROLE_GREETED, used by
# bot/masking/vetoes.py `role_before` and bot/masking/cued.py `grown_up_role_before`.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# A job greeted or thanked holds no name after it only when one of a closed list of words
# ("hi", "thanks", "ok", "sorry" ...) sits right before the job. Any other greeting or reply in
# front ("Yes", "Got it", "Will do", "Sure", "Np", "Howdy", "Afternoon", "Thanks so much",
# "Thanks again", "Hi there", "Thank u"), a title before the job ("Thanks Mr. Principal,") or a
# mention ("Hi @Coach,") and the student after the comma is the job's holder again and comes
# through whole: 14 of 24 texts tried at HEAD (21 of 24 at base 5013450 and at 3356be2: an old
# leak, FF's "Hi Coach, Jaden Ramirez", mended for the listed words only).


@pytest.mark.parametrize("text", [
    "Yes Coach, Jaden Ramirez still can't log into Hudl.",
    "Got it Coach, Jaden Ramirez still can't log into Hudl.",
    "Will do Coach, Jaden Ramirez still can't log into Hudl.",
    "Thanks so much Coach, Jaden Ramirez can log in now.",
    "Thanks again Coach, Jaden Ramirez can log in now.",
    "Good afternoon Coach, Jaden Ramirez lost his charger.",
    "Hi there Coach, Jaden Ramirez lost his charger.",
    "Sure Coach, Jaden Ramirez lost his charger.",
    "Np Coach, Jaden Ramirez is all set in Hudl.",
    "Thank u Coach, Jaden Ramirez is all set in Hudl.",
    "Howdy Coach, Jaden Ramirez lost his charger.",
    "Afternoon Coach, Jaden Ramirez lost his charger.",
    "Thanks Mr. Principal, Jaden Ramirez can log in now.",
    "Hi @Coach, Jaden Ramirez lost his charger.",
])
def test_a_student_named_after_any_greeted_job_is_hidden(text: str) -> None:
    # Promise: student identifiers are masked. A job addressed at the start of a message
    # (after whatever greeting or reply) is the reader, not the holder of the name after it.
    result = masked(text)
    assert "Jaden" not in result and "Ramirez" not in result, result


# Red team (outside) on stop 63's third round (9e7f514): bot/masking/adults.py `grown_up` with
# CHILDS_LINE searched only up to `clause_end`.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# A name after "Thanks," is a grown-up thanked unless a child's word (CHILDS_LINE: student,
# grade, class, ID, family word) follows it before the clause ends. 9e7f514 cut that search at
# the first period or "!" instead of the line's end, so a student signing "Thanks, <name>." with
# the grade, class or student id as the next sentence comes through. Of 12 such texts tried, 10
# come through at HEAD; 1 did at 3356be2 (line_end); 10 at base 5013450. The 5 below are shaped
# as signatures (the name is the writer's); the other 5 ("Thanks, Rosa Garcia. My mom says thanks
# too.") may thank a helper and are left out.


@pytest.mark.parametrize("text", [
    "Thanks, Rosa Garcia. 3rd grade, student in Room 12",
    "Thank you, Rosa Garcia. Student ID 1047733.",
    "Thanks, Rosa Garcia. Mrs. Ortiz's class.",
    "Thanks, Rosa Garcia! 5th grader, Room 12",
    "Thanks, Rosa Garcia. Grade 3. ID 1047733",
])
def test_a_student_signing_after_thanks_with_a_period_is_hidden(text: str) -> None:
    # Promise: student identifiers are masked. A grade, a class or a student id on the same
    # line right after the name says whose the name is, whatever punctuation sits between.
    result = masked(text)
    assert "Rosa" not in result and "Garcia" not in result, result
