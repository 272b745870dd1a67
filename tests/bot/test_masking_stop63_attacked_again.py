"""Red team FF on stop 63's second round (docs/masking.md, "Stop 63"; docs/reliability.md):
students let through, each text as the red team wrote it. Every test failed on 3356be2."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked

# Red team (outside), stop 63 round 2: a capitalised title word ending a sentence
# ("Thanks Coach.") makes the next sentence's student name a colleague's.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# bot/masking/lowercase.py `titled` (3356be2) counts a title written out with a capital and a
# period ("Coach.", "Nurse.", "Principal.") as a title before the next word unless "the/a/my..."
# precedes it; vetoes.py then vetoes the run after it as staff. In chat the title is usually the
# person thanked or greeted, and the period ends the sentence: "Thanks Coach. Jaden Ramirez still
# can't log into Hudl." Each text's student was hidden at 0067258 and comes through whole now
# (at base 5013450 they came through too: fixed in 79e871b, reopened by 3356be2).


@pytest.mark.parametrize(("name", "text"), [
    ("Jaden Ramirez", "Thanks Coach. Jaden Ramirez still can't log into Hudl."),
    ("Maya Coleman", "Thanks Coach. Maya Coleman lost her charger again."),
    ("Jaden Ramirez", "Hi Coach. Jaden Ramirez (6th grade) lost his charger."),
    ("Jaden Ramirez", "Ok Coach. Jaden Ramirez 4th period needs a loaner."),
    ("Maya Coleman", "Sorry Coach. Maya Coleman dropped her iPad at practice."),
    ("Tyler Brooks", "Will do, Coach. Tyler Brooks needs a new Chromebook before the away game."),
    ("Aaliyah Johnson", "Got it Coach. Aaliyah Johnson can't see the team's Google Classroom."),
    ("Marcus Lee", "Morning Coach. Marcus Lee left his laptop in the locker room."),
    ("Maya Coleman", "Thank you Nurse. Maya Coleman needs the glucose app reinstalled."),
    ("Maya Coleman", "Talked to Nurse. Maya Coleman needs a charger for the bus."),
    ("Jaden Ramirez", "Checked with Counselor. Jaden Ramirez's schedule is wrong in the portal."),
    ("Emily Chen", "Thanks Principal. Emily Chen is locked out of her account."),
    ("Maya Coleman", "Sent it to Dean. Maya Coleman's Chromebook has a cracked screen."),
    ("DeShawn Jackson", "Hi Coach. DeShawn Jackson's Hudl login doesn't work."),
    ("Sofia Martinez", "Yes Coach. Sofia Martinez needs her password reset."),
    ("Caleb Nguyen", "Thanks Coach. Caleb Nguyen's iPad is in the office."),
    ("Brianna Davis", "Hey Coach. Brianna Davis can't get on the wifi on the bus."),
    ("Jayden Williams", "Thanks Coach. Jayden Williams and Maya Coleman both need chargers."),
    ("Jaden Ramirez", "Thanks Miss. Jaden Ramirez can log in now but Maya Coleman can't."),
])
def test_a_student_named_after_a_title_that_ends_a_sentence_is_hidden(name: str,
                                                                      text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). "Coach." closing a thank-you
    # or a greeting ends the sentence; the student named next is no coach's surname.
    result = masked(text)
    for part in name.split():
        assert part not in result, result


# Red team (outside), stop 63 round 2: a Hmong family name "Her" before a noun.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# bot/masking/words.py CLAN_NAME_THEN (3356be2) takes a capital "Her" after a given name for the
# family name only before a stop or a listed verb. Chat drops the possessive ("Tou Her laptop"),
# and many verbs and words are not listed ("also", "still", "just", "never", "reported",
# "dropped", "-", "/", "on", "with"): then neither part is a name and the student's whole name
# comes through. Each text was hidden at 0067258 (the clan-name rule without CLAN_NAME_THEN);
# at base 5013450 they came through too (no clan-name rule yet).


@pytest.mark.parametrize(("given", "text"), [
    ("Tou", "Tou Her laptop is cracked, can we get a loaner?"),
    ("Kou", "Kou Her chromebook won't charge."),
    ("Nou", "Nou Her - 5th grade - can't log into Lexia."),
    ("Chue", "Chue Her also can't get into Clever."),
    ("Yer", "Yer Her still has no iPad."),
    ("Xee", "Xee Her on my roster shows the wrong grade."),
    ("Ka", "Ka Her with the cracked screen is in room 12."),
    ("Tou", "Tou Her just got a new charger but it's broken."),
    ("Kou", "Kou Her never got the Clever badge."),
    ("Nou", "Nou Her / 3rd grade / needs headphones"),
    ("Chue", "Chue Her password reset please"),
    ("Yer", "Yer Her login isn't working on iReady."),
    ("Xee", "Xee Her reported the hotspot doesn't connect."),
    ("Ka", "Ka Her dropped her laptop in the hallway."),
    ("Tou", "Tou Her - Rm 14 - no charger"),
    ("Kou", "Kou Her but also Pa Vang need Clever badges."),
    ("Nou", "Nou Her iPad is stuck on the Apple logo."),
    ("Chue", "Chue Her headphones are broken again."),
    ("Yer", "Yer Her locker had the missing laptop in it."),
    ("Xee", "Xee Her mom says the hotspot is not working."),
])
def test_a_hmong_students_name_with_her_before_a_noun_or_adverb_is_hidden(given: str,
                                                                          text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). A given name and "Her"
    # opening a message about a device is a Hmong student's whole name.
    result = masked(text)
    assert f"{given} Her" not in result, result
    assert not result.startswith(given), result


# Red team (outside), stop 63 round 2: "<Name> here, <job>" keeps a student's or a room
# parent's first name when the job is a student job or a volunteer's and no refused word follows.
#
# Promise: "student identifiers are masked" (docs/privacy.md), and a family member's name like the
# student's, at the default PREPBOT_MASKING_STAFF=whole.
#
# bot/masking/cues.py SELF_AFTER keeps the writer's first name when a job word (lead, intern,
# volunteer, aide, tech...) closes the clause after "<Name> here,"; SELF_REFUSED (3356be2) drops
# the keep only when a word like student, class, period, hour, grade, mom or dad follows. A
# student's own school jobs ("tech crew lead", "robotics team lead", "yearbook intern") and a
# parent's ("room volunteer", "PTA volunteer") use none of those words. 16 such texts tried, 13
# came through at HEAD and at 0067258; all 16 were hidden at base 5013450. Several of the 13
# ("office aide", "front desk volunteer", "AV tech") are also adult jobs, so only the five
# that are a student's or a parent's are here.


@pytest.mark.parametrize(("name", "text"), [
    ("Liam", "Liam here, tech crew lead. The auditorium mic won't connect."),
    ("Noah", "Noah here, robotics team lead. The 3D printer in room 5 is jammed."),
    ("Ava", "Ava here, yearbook intern. Canva won't let me log in."),
    ("Tamika", "Tamika here, room volunteer for Ms. Lee. The iPad cart is locked."),
    ("Kevin", "Kevin here, PTA volunteer in the library. The barcode scanner is dead."),
])
def test_a_student_or_room_parent_introducing_themselves_by_a_school_job_is_hidden(
        name: str, text: str) -> None:
    # Promise: student identifiers (and a family member's name) are masked; a student club's
    # or a parent volunteer's role is no staff job.
    assert name not in masked(text)


# Red team (outside), stop 63 round 2, an OLD break found on the way: a greeting to a title
# ("Hi Coach,", "Thanks Nurse,") keeps the student named right after the comma.
#
# Promise: "student identifiers are masked" (docs/privacy.md), default PREPBOT_MASKING_STAFF=whole.
#
# A coach, a nurse or a counselor is greeted by title in chat, and the message goes straight on
# to the student. 12 texts tried, 12 come through whole at HEAD, at 0067258 and at base 5013450
# (so not from this stop's commits); a greeting by first name ("Hi Dana, Jaden Ramirez can't log
# in") or "my student" before the name hides it.


@pytest.mark.parametrize(("name", "text"), [
    ("Jaden Ramirez", "Hi Coach, Jaden Ramirez still can't log into Hudl."),
    ("Maya Coleman", "Thanks Coach, Maya Coleman lost her charger again."),
    ("Tyler Brooks", "Hey Coach, Tyler Brooks needs a new Chromebook."),
    ("Maya Coleman", "Hi Nurse, Maya Coleman needs the glucose app reinstalled."),
    ("Jaden Ramirez", "Thanks Coach, Jaden Ramirez (6th grade) lost his charger."),
    ("Aaliyah Johnson", "Morning Coach, Aaliyah Johnson can't see the team's Google Classroom."),
    ("Emily Chen", "Hi Principal, Emily Chen is locked out of her account."),
    ("Jaden Ramirez", "Hi Counselor, Jaden Ramirez's schedule is wrong in the portal."),
    ("Marcus Lee", "Sorry Coach, Marcus Lee left his laptop in the locker room."),
    ("DeShawn Jackson", "Hey Coach, DeShawn Jackson can't get into Hudl."),
    ("Sofia Martinez", "Hi Coach, Sofia Martinez in 4th period needs her password reset."),
    ("Caleb Nguyen", "Thanks Nurse, Caleb Nguyen's iPad is in your office."),
])
def test_a_student_named_after_a_greeting_to_a_title_is_hidden(name: str, text: str) -> None:
    # Promise: student identifiers are masked (docs/privacy.md). "Hi Coach," greets the
    # reader; the whole name after it is the student the message is about.
    result = masked(text)
    for part in name.split():
        assert part not in result, result
