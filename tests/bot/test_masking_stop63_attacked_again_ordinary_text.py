"""Red team FF on stop 63's second round: ordinary text the new hiding rules altered (a school's
acronym sharing a student's initials, a vendor's contact beside a parent-facing product, a
colleague thanked, a teacher's signature naming a class, "the <Name>s" of teams and couples).
Every test failed on 3356be2. Left out: two teachers' signatures with a homeroom ("Amy Lin, 2nd
grade, homeroom 12") and one with a colleague's team ("3rd grade, Ms. Gomez's team"): a student
signs the same way ("Ms. Lee's class, team leader": GG's), and is hidden."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked

# Red team (outside), stop 63 round 2: a vendor's contact hidden as a family's work address.
#
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md), at the default
# PREPBOT_MASKING_STAFF=whole; a vendor's or a colleague's business address is no student's.
#
# bot/masking/contacts.py `families_work` hides a company address when a family word (parent,
# mom, dad, family, grandma...) is within 120 characters before it in its sentence (a1c9ebe),
# 40 after it, or in the sentence before ("Their ...") or after ("It's ...") (3356be2). Only
# "rep/vendor/sales/account manager" before it, or "parent portal/app/..." exempt it. Tech
# coaches write about parent-facing products all day, and name the vendor's trainer, engineer,
# CSM, consultant or "contact" next to the word "parent" or "family". 30 texts tried, 20 altered;
# all 20 came through at base 5013450; the first 9 here came through at 0067258 too (the
# other 11 have been hidden since a1c9ebe).


@pytest.mark.parametrize("text", [
    # hidden since 3356be2 (came through at 0067258)
    "Our CSM at Securly is tpham@securly.com, she set up the parent alerts last year.",
    "Can you forward it to jlee@gaggle.net? It's about a parent complaint on the filter.",
    "Email the Remind trainer, lwhite@remind.com, she's doing the family night session.",
    "Parents can't download the Bloomz app. Their support engineer is hlee@bloomz.net.",
    "The quote from dpatel@cdw.com is in your inbox. It's for the family center laptops.",
    "ejohnson@raptortech.com says the parent sign-in kiosk update is ready.",
    "gnguyen@classlink.com is the engineer on the parent SSO ticket.",
    "Forward the invoice to lclark@ckh.net. It's the family services center's copier lease.",
    "The Lightspeed filter report went to nhall@lightspeedsystems.com; family WiFi hotspots "
    "were flagged.",
    # hidden since a1c9ebe (came through at base 5013450)
    "For the parent letters, the Finalsite trainer is kbrown@finalsite.com if you get stuck.",
    "Parent emails from SchoolMessenger are bouncing; our contact there is "
    "mjones@schoolmessenger.com.",
    "The Family Link setup guide came from rsmith@google.com, our Google for Education contact.",
    "Mom and dad accounts in ParentVue: talk to kchen@edupoint.com, our implementation "
    "specialist.",
    "The family engagement coordinator wants a list from Clever, their contact is "
    "smartin@clever.com.",
    "Family literacy night Zoom: the host license is under jroberts@zoom.com, our account exec.",
    "Parents say report cards are blank; the Skyward consultant jdavis@skyward.com is looking.",
    "The grandma volunteering in the library needs a Destiny login; Follett's trainer is "
    "rlee@follett.com.",
    "Our family resource center printer is leased; the tech is jmorales@ricoh-usa.com.",
    "For the parent survey in Panorama, email cbaker@panoramaed.com.",
    "Mom's Night Out flyer: Canva support is wmiller@canva.com.",
])
def test_a_vendors_contact_beside_a_parent_facing_product_comes_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged: a vendor's trainer,
    # engineer or CSM named beside "parent"/"family" is no family's work address.
    assert masked(text) == text


# Red team (outside), stop 63 round 2: two capitals equal to a hidden name's initials.
#
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md, docs/masking.md),
# at the default PREPBOT_MASKING_STAFF=whole; only the student's identifiers are hidden.
#
# bot/masking/whole.py `initials_of_hidden` (6bcd269) hides every pair of capitals anywhere in the
# text that equals a hidden name's first+second or first+last initials, unless it is a word, a
# not-name, or follows "in/on/into/via". Schools' two-letter acronyms (AR = Accelerated Reader,
# SS = social studies, ST Math, GG = GoGuardian, HS, DL, AB calculus, PD...) are not words, so a
# message naming a student whose initials match loses the product or subject the ticket is about.
# Each text's acronym came through at base 5013450 and at 0067258.
#
# How these were chosen: 40 texts, each naming a student whose initials equal an acronym in the
# same message (the rule's trigger); 29 of 40 lose an acronym that base 5013450 kept (the 11
# others keep it, the rule skipping words and letters after "in"/"on", or were already altered at
# base: "TJ Maxx"). These are the 29.


@pytest.mark.parametrize(("acronym", "text"), [
    ("AR", "AR quizzes won't load for Aaron Reyes, it says the book isn't in the system."),
    ("AR", "Aaron Reyes has a cracked screen; AR tests are tomorrow."),
    ("AR", "Alyssa Rivera's AR points reset to zero."),
    ("SS", "Sofia Sanchez can't see her SS assignments in Canvas."),
    ("SS", "SS teachers say Sofia Sanchez has no Canvas access."),
    ("SS", "Samuel Scott is missing from my SS roster in Schoology."),
    ("ST Math", "ST Math is frozen for Sara Thompson."),
    ("ST Math", "Sam Taylor's ST Math won't load past the loading screen."),
    ("ST Math", "Steven Torres lost his ST Math progress after the update."),
    ("GG", "Gabriel Garcia said GG blocked YouTube for his assignment."),
    ("GG", "GoGuardian (GG) keeps locking Gabriel Garcia's screen."),
    ("GG", "Grace Gonzalez's tabs all close when GG is on."),
    ("HS", "Hannah Smith can't get into the HS portal yet."),
    ("HS", "Henry Sullivan is moving up, please roll his account to the HS OU."),
    ("DL", "Dylan Lewis can't open the DL class on Zoom."),
    ("AB", "Ava Brown can't open the AB calculus Desmos activity."),
    ("AB", "Andre Bell needs the AB exam practice site unblocked."),
    ("JC", "Jordan Cole can't print, the JC printer in the library says offline."),
    ("LS", "Logan Scott's laptop was picked up by LS (library services) for repair."),
    ("NP", "Nathan Price's Chromebook: please send it to NP at the district office."),
    ("RT", "Riley Turner needs RT attendance fixed in PowerSchool."),
    ("CB", "Carter Brooks left his CB at home again, can he get a loaner?"),
    ("PD", "Paige Davis is missing from the PD roster for Zearn."),
    ("MG", "Mia Garcia needs MG testing accommodations turned on in TestNav."),
    ("MB", "Marcus Brown needs MB of storage cleared on his iPad."),
    ("BL", "Brandon Lee's BL account is locked, he needs a Brainpop reset."),
    ("EF", "Evan Fields logs in but EF shows error 403."),
    ("KB", "Kevin Brown's KB is missing keys, the K and the B."),
    ("CM", "Chris Martin's CM Chromebook cart slot is empty."),
])
def test_an_acronym_sharing_a_students_initials_comes_through(acronym: str, text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged; the student's name is
    # hidden, the acronym the ticket is about ("ST Math", "AR", "GG") is not the student.
    result = masked(text)
    assert "[name]" in result  # the student is still hidden
    assert acronym in result, result


# Red team (outside), stop 63 round 2: "the <Surname>s" hidden when it is a couple on staff, a
# mascot, a team, a show or a store.
#
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md), at the default
# PREPBOT_MASKING_STAFF=whole; colleagues' names are not student identifiers.
#
# bot/masking/kin.py `plural_families` (c8ac8c8) hides any "the <Name>s" whose singular is a
# surname and no word, maker, product or place, and is not followed by a capital. Schools have
# married teachers and sibling staff ("the Petersons co-teach 3rd grade"), mascots and pro teams
# ("the Trojans", "the Lakers"), shows ("the Simpsons") and stores ("the Marshalls shipment").
# 48 texts tried, 17 altered that base 5013450 and 0067258 left alone; 4 of those (PTA co-chairs,
# donors, yearbook photos) may really be families and are left out; these are the 13 others.


@pytest.mark.parametrize("text", [
    "Can we get the Lakers game on the cafeteria TV Friday?",
    "Our mascot is the Trojans and the scoreboard app shows the wrong name.",
    "The Jacksons in the front office need their badges reprinted.",
    "Can the Petersons both get access to the shared drive? They co-teach 3rd grade.",
    "The Garcias (our two librarians) need Destiny admin rights.",
    "The Nguyens in room 14 and 15 both have broken doc cams.",
    "We're watching the Simpsons clip in media class and YouTube is blocked.",
    "Both the Mitchells are on PD today, can the sub get their Canvas?",
    "Our teacher couple, the Ramirezes, both need new laptops.",
    "The Lancers booster club needs a shared inbox.",
    "The Bengals logo got pulled from the Canva brand kit.",
    "The Marshalls shipment of headphones arrived.",
    "The Bradleys both sub here on Fridays and can't log in to Frontline.",
])
def test_staff_couples_mascots_and_teams_in_the_plural_come_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged; "the Petersons" who
    # co-teach, or "the Trojans" on the scoreboard, are no student's family.
    assert masked(text) == text


# Red team (outside), stop 63 round 2: a teacher's own signature hidden because its tail names
# a homeroom, a period, a class or a titled colleague.
#
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md), at the default
# PREPBOT_MASKING_STAFF=whole: a teacher signing with their grade is kept (0067258).
#
# bot/masking/signatures.py CLASS_OF_ANOTHER (3356be2) makes a signature no signature when its
# tail holds a grade AND either a titled name ("Mr. D...", "Ms. G...") or any of the words class,
# homeroom, period, hour. Teachers sign exactly that way: "Karen Wu, 7th grade math, 3rd period
# planning", "Jen Park / 5th grade / Homeroom 5B", a para "Mrs. Ortiz 1st grade class", a
# co-teacher "Mr. Diaz's co-teacher". 13 signatures tried, 9 altered; all 9 came through at
# 0067258, 8 of them at base 5013450 too (the para's was hidden there).


@pytest.mark.parametrize("text", [
    "Thanks so much,\nLinda Moore\nPara, Mrs. Ortiz 1st grade class",
    "Thank you!\nKaren Wu, 7th grade math, 3rd period planning",
    "Thanks! Sarah Cole, 6th grade team lead, Class of 2031 sponsor",
    "Best,\nMaria Soto, 4th grade, Mr. Diaz's co-teacher",
    "Thanks! Tom Reyes, 8th grade science, period 3 and 4",
    "Regards,\nPaul Kim, 11th grade English, 4th hour",
])
def test_a_teachers_signature_naming_their_homeroom_period_or_co_teacher_comes_through(
        text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged; a grade with a homeroom,
    # a period, or a colleague's name is how staff sign, not a child's line.
    assert masked(text) == text


# Red team (outside), stop 63 round 2: a colleague thanked by first name is hidden when the same
# line goes on about the students.
#
# Promise: ordinary tech-support text comes through unchanged (docs/privacy.md), at the default
# PREPBOT_MASKING_STAFF=whole: "Thanks for fixing the roster, Dev." keeps Dev (adults.py).
#
# bot/masking/adults.py CHILDS_LINE (3356be2) refuses the thank-you keep when anything to the end
# of the LINE (not the sentence) is a child word (students, kids, kiddos, graders), a family word,
# "ID", five digits, or "she's in"/"he's in". Chat puts the whole message on one line, and a
# teacher thanking the tech says what it did for the kids: "Thanks, Dana. Kids are back on
# Lexia." 20 thank-you texts tried, 13 altered; these 11 kept the name at 0067258 and at base
# 5013450 (the other 2, "Thanks Priya." and "Thanks Kendra.", were altered at base already).


@pytest.mark.parametrize("text", [
    "Thanks for fixing the cart, Dev. The kids can log in now.",
    "Thank you, Marisol! The students got their headphones.",
    "Thanks for the quick fix, Hector! My kids were thrilled.",
    "Thanks, Dana. Kids are back on Lexia.",
    "Thank you so much, Trevor! The 5th graders can finally print.",
    "Thanks for the help, Mei. Ticket ID 20441 can be closed.",
    "Thank you, Carla! She's in the lab now testing it.",
    "Thanks, Omar. The projector works, the kids cheered.",
    "Thanks for setting up the doc cam, Miguel. Students loved it.",
    "Thanks, Jamal. He's in the meeting now with the new login.",
    "Thank you, Nadia! Kiddos are happy.",
])
def test_a_colleague_thanked_before_a_sentence_about_the_class_comes_through(text: str) -> None:
    # Promise: ordinary tech-support text comes through unchanged; the person thanked is the
    # one who fixed something, and the next sentence about the kids makes them no child.
    assert masked(text) == text
