"""Colleagues and their things: what the thirteenth masking round added (docs/masking.md). A
signature under a thank-you, a list the writer ends, an address spelled from a name given a
job, a code or a job's id stay; each keep rule is attacked with a student in its place. The
examples are written here, not taken from a corpus; the rates are in test_masking.py."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import first_name_shares, masked


@pytest.mark.parametrize("text", [
    # the writer signing under a thank-you, though the message spoke of a "her"
    "My sub is Ms. Chee. Could you set her up with:\n- a temp login for rm 12\n- the wifi\n"
    "Thank you!\nDarlene Tsosie, 4th grade",
    # a list the writer ends is of colleagues
    "Can someone set up a shared calendar for the ELL team? Members: Sara Nguyen, Ahmed "
    "Omar, Naw Paw (our para), and me.",
    # the address of someone the text gives a job
    "need Ana (my aide) added to our ClassDojo as a co-teacher. her email is "
    "ana.morales@cps.edu",
    # a scheduled job's id, and a class's code
    "the scheduled extract didn't run overnight. job ID 884201. can you check the server?",
    "Raz-Kids says 'class limit reached'. I only have 24. Class code tre1023",
    # a signature of several lines, and the office's number in it
    "The SFTP job didn't pick it up.\n\nThanks,\nPriya Raman\nAccountability, Research & "
    "Evaluation\nDenver Public Schools | 1860 Lincoln St",
    "I need a laptop charger.\n\nThanks so much,\nMarisol Ybarra\nReading Interventionist, "
    "TUSD\nx4471",
    "Ms. Daniels is the test coordinator.\n\nThank you,\nYolanda Pereira\nMain Office, Ann "
    "Street School\n(973) 555-0100",
    "Can you or whoever does enrollment fix it?\n\nGary Pfannenstiel\nTransportation "
    "Director\nUSD 293\n785-555-0100 ext 4",
    # a colleague's job, department or line
    "Mike Rohr (our mechanic) is there until 4 if someone can call him at the shop, "
    "785-555-0177.",
    "How do I get access to the SharePoint site? Hannah from Legal said to ask IT",
    "Need a Tableau Creator license for our new analyst, Marcus Delgado.",
    "service account for the API pull, read-only, owner Priya Raman, backup owner Devon Hughes",
    "printer says Load Letter Tray 2. Delbert said he'd look at it but he's out today",
    "Gil will teach it, Mr. Turner wants it done by the 12th.",
    "Skyler is taking over my classes starting friday and still doesnt have canvas access.",
    "Josie is proctoring for me 5th period, can she get the TestNav login?",
    "the attendance clerk at Jefferson ES (Lorena) has two and says IT gave it to her",
    "Is there a data sharing agreement on file with Amplify? legal (Sarah Kim) asked me",
    "¿cómo le doy acceso de co-teacher a mi asistente? Se llama Rocío Salgado y empieza a "
    "ayudar con los grupos de lectura.",
    "Can you reset the password on the shared office email (annstreetoffice@nps.k12.nj.us)?",
    "email support@studentsfirst.com for the renewal",
    "Could you add the new intern Kaitlyn Brandt to our shared drive? her email is "
    "kbrandt@uwm.edu",
    "Lockdown Browser 2.1.1.06 won't start on the library PCs",
    # a ticket's number after "was", a scheduled job's name, the writer's own login
    "Can tech look at the switch? Last ticket was #30912",
    "the SFTP job didn't pick it up. Path is /inbound/cde/, job id sftp_pull_cde_07.",
    "hey can someone reset my password for ImPACT admin, username kbrandt_atc, locked out",
    "the band section still shows for our choir director Luke",
    # the fourteenth round: a signature that ends with the school, a visitor from a place,
    # an office's move, a sticker's number, an introductory course
    "Are these being replaced?\n\nMuchas gracias,\nMarisol Quintero\n2nd Grade Dual "
    "Language\nCoral Way K-8 Center",
    "need a visitor wifi code for the volunteer from Enoch Pratt, Mrs. Denise Carroll",
    "the guy from Grand Stage said it's a switch port issue on our end",
    "Our office is moving from the Education Center (8169 W Victory Rd) on June 30",
    "my laptop has a sticker that says M-DCPS 88123, do I bring it to the media center?",
    "We need a Teams link for the 'Enrollment 101' training for school secretaries",
    # a letter that greets someone and is signed by a name alone; a group's school; an
    # office's voicemail
    "Hi Sal,\nThe request form on the website links to a dead page. Families are calling us "
    "instead.\nJenna",
    "the ELL flags don't match for about 20 kids at Lincoln North Star, who do I ask?",
    "¿Se puede poner el buzón de voz del Welcome Center en español? El número es "
    "801-555-0167.",
])
def test_colleagues_and_their_things_come_through_unchanged(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a child named under a thank-you that follows the child
    ("Can you reset the password for this kid? Thanks!\nJaden Smith, 4th grade",
     "Can you reset the password for this kid? Thanks!\n[name], 4th grade"),
    # a list that does not end with the writer
    ("Robotics team members: Jaden Smith, Maya Chen. They need Tinkercad.",
     "Robotics team members: [name], [name]. They need Tinkercad."),
    # the aide's son is no aide, nor is his address the aide's
    ("Jaden (my aide's son) needs his password reset",
     "[name] (my aide's son) needs his password reset"),
    ("Jaden (my aide's son) needs his email jaden.r@gmail.com reset",
     "[name] (my aide's son) needs his email [email] reset"),
    # a child's line in a closing block, or reached like a colleague's
    ("Can you update the portal?\n\nJaden's mom\n651-555-0147",
     "Can you update the portal?\n\n[name]'s mom\n[phone]"),
    ("Jaden Smith (our aide's nephew) needs a call at 785-555-0177.",
     "[name] (our aide's nephew) needs a call at [phone]."),
    ("kicked off:\nJaden Smith\nReading Wilson", "kicked off:\n[name]\n[name]"),
    # a child who said he'd do something else, a TA who is a student, a child in brackets
    ("Jaden said he'd bring his charger, his chromebook is dead",
     "[name] said he'd bring his charger, his chromebook is dead"),
    ("can Carson get access to the woodshop printer? he's my TA 6th period",
     "can [name] get access to the woodshop printer? he's my TA 6th period"),
    ("the new kid in my class (Lorena) has two", "the new kid in my class ([name]) has two"),
    ("Maya takes my class laptop home", "[name] takes my class laptop home"),
    ("la estudiante nueva se llama Rocío Salgado", "la estudiante nueva se llama [name]"),
    # a child's number set apart from the thing, "used to be", a library barcode
    ("student keeps getting locked out of chromebook, ID 300418876, name Lana Nguyen",
     "student keeps getting locked out of chromebook, ID [id number], name [name]"),
    ("Pa Houa Xiong needs her lunch number reset, it used to be 2219",
     "[name] needs her lunch number reset, it used to be [id number]"),
    ("DESTINY ROJAS-VEGA needs her library card reprinted, barcode 31072000458821",
     "[name] needs her library card reprinted, barcode [id number]"),
    ("Tomas Hernández lost his card, barcode was 31190004417823",
     "[name] lost his card, barcode was [id number]"),
    # a child's login after "my password", with a class's year
    ("can you reset my password, username jgarcia2030",
     "can you reset my password, username [username]"),
    # a login built from a first name and two surnames
    ("why can't Jesús Ortega Ruiz print? he's logged in as jortegaruiz",
     "why can't [name] print? he's logged in as [username]"),
    # a child's address at a district's student domain, and a login spelling a name
    ("hi can u reset password for valentina ospina her email is vospina2@nycstudents.net",
     "hi can u reset password for [name] her email is [email]"),
    ("IXL won't let Khaab Lee log in, username khaablee6. he says it worked yesterday",
     "IXL won't let [name] log in, username [username]. he says it worked yesterday"),
    # a relative, though the child is set beside "new contact"
    ("Specifically for Jaden Pina, new contact is his uncle Manny Pina 401.555.0127",
     "Specifically for [name], new contact is his uncle [name] [phone]"),
    # an export's rows, with names no list has
    ("dropped these records:\nstudent_id,last,first,dob\n720020551,Vang,Txhiaj,11/02/2008",
     "dropped these records:\nstudent_id,last,first,dob\n[id number],[name],[name],"
     "[date of birth]"),
    # a child's id after a first name that is also a word, and a login after its cue
    ("chase id 4471 cant log in", "[name] id [id number] cant log in"),
    ("username tre1023 cant log in", "username [username] cant log in"),
    # two students told apart by an initial without its period, a child's plan, a family's
    # address at a provider abroad, a block of children under a thank-you
    ("Jack M and Jack T got each other's Chromebooks", "[name] and [name] got each other's "
     "Chromebooks"),
    ("read access to the 504 folder for Dezbah? I'm her nurse",
     "read access to the 504 folder for [name]? I'm her nurse"),
    ("the form shows the parent email as zhang.wei.family@qq.com, not the one we have",
     "the form shows the parent email as [email], not the one we have"),
    ("can you reset these? Thanks!\nLeo Castillo, 8th\nAmira Haddad, 8th",
     "can you reset these? Thanks!\n[name], 8th\n[name], 8th"),
    ("the kid from Maya Ortiz's class took the cart key", "the kid from [name]'s class took the "
     "cart key"),
    ("the family is moving to 88 Elm St in May", "the family is moving to [address] in May"),
    ("Hi Sal,\nThese two can't log in to iReady.\nJaden", "Hi Sal,\nThese two can't log in "
     "to iReady.\n[name]"),
    ("Hi Sal,\nThis kid can't log in to iReady.\nJaden", "Hi Sal,\nThis kid can't log in to "
     "iReady.\n[name]"),
    ("la mamá de Jaden dejó un mensaje en el buzón de voz, su número es 801-555-0167",
     "la mamá de [name] dejó un mensaje en el buzón de voz, su número es [phone]"),
])
def test_a_student_in_their_place_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # students the attack (attack_keep_rules.jsonl) put where the round's keep rules look
    # (a word they share with the child's name goes too: "classroom [name]", "[name] Education")
    ("Please add these two to the coding club roster.\n\nThank you!!\nAmira Haddad, 8th\nLeo "
     "Castillo, 8th\n(both in my homeroom) -Coach Reyes",
     "Please add these two to the coding club roster.\n\nThank you!!\n[name], 8th\n[name], "
     "8th\n(both in my homeroom) -Coach Reyes"),
    ("New ELL student needs a Gujarati keyboard.\nThank you!\nAnaya Patel, 6th grade\nMom "
     "prefers Gujarati", "New ELL student needs a Gujarati keyboard.\nThank you!\n[name], 6th "
     "grade\nMom prefers Gujarati"),
    ("The chromebook was stolen off the bus.\nThanks,\nDevon Miles, 9th grade student",
     "The chromebook was stolen off the bus.\nThanks,\n[name], 9th grade student"),
    ("Yearbook staff: Trinity Adams, Owen Bishop, and me. They're juniors, they have logins.",
     "Yearbook staff: [name], [name], and me. They're juniors, they have logins."),
    ("it's 6 of us, including Diego Fuentes and Hannah Lee from 6th grade plus two parents",
     "it's 6 of us, including [name] and [name] from 6th grade plus two parents"),
    ("fatima is handling the ipad checkout this week (classroom job, 3rd grade).",
     "[name] is handling the ipad checkout this week (classroom [name], 3rd grade)."),
    ("We started Benchmark Education this year. In Benchmark Aiden Wu (3rd grade) shows zero "
     "books.", "We started [name] Education this year. In [name] (3rd grade) shows zero books."),
    ("Harper Ridge in my 2nd period can't get into Edpuzzle", "[name] in my 2nd period can't "
     "get into Edpuzzle"),
    ("Mrs. Duran is flying to Austin tomorrow; Austin Clark (11th) is the one whose laptop "
     "won't boot", "Mrs. Duran is flying to [name] tomorrow; [name] (11th) is the one whose "
     "laptop won't boot"),
    ("The Elijah Brown license for Read&Write expired, he's a 5th grader",
     "The [name] license for Read&Write expired, he's a 5th grader"),
    ("Maya Patel Bluetooth hearing aid streamer won't pair w/ her chromebook (3rd gr)",
     "[name] hearing aid streamer won't pair w/ her chromebook (3rd gr)"),
    ("Gabriel St. Pierre (5th grade) can't log into Dreambox", "[name] (5th grade) can't log "
     "into Dreambox"),
    ("Amaya St. Cyr (kindergarten) QR code badge won't scan", "[name] (kindergarten) QR code "
     "badge won't scan"),
])
def test_a_student_where_the_rounds_keep_rules_look_stays_hidden(text: str, expected: str
                                                                 ) -> None:
    assert masked(text) == expected


def test_the_attack_on_the_rounds_keep_rules_gets_few_students_through() -> None:
    # 165 messages written to attack the thirteenth round's keep rules, a dozen a rule, by a
    # writer who was told the rules but never saw the code (215 students, 50 grown-ups). The
    # masker the round started from hid 194 of the students; the round's rules as first
    # written 180 (14 through: "and me" lists of students, "6 of us, including", "is
    # handling", companies and trips spreading to a child's name, a child's "license" or
    # "Bluetooth", "Harper Ridge in my 2nd period", grades under a thank-you). Mended: 210 of
    # 215, and 6 of the 50 grown-ups hidden. The five left are older than the round.
    students, grown_ups = first_name_shares("attack_keep_rules.jsonl")
    assert students >= 210 / 215 - 0.0005 and grown_ups <= 6 / 50 + 0.0005


@pytest.mark.parametrize(("text", "expected"), [
    # students the second attack (attack_keep_rules_2.jsonl) put where the fourteenth
    # round's keep rules look
    ("Forwarding this from a student's chat:\n\nmy iready wont load\nThanks,\nGuadalupe "
     "Encinas\n7th Grade\nValencia Middle School", "Forwarding this from a student's chat:"
     "\n\nmy iready wont load\nThanks,\n[name]\n7th Grade\nValencia Middle School"),
    ("Our StuCo co-director Xochitl can't get into the student council Gmail",
     "Our StuCo co-director [name] can't get into the student council Gmail"),
    ("the Jayden PBIS tracker won't let me add points", "the [name] PBIS tracker won't let me "
     "add points"),
    ("the Mabel ECP binder link in the shared drive is broken",
     "the [name] ECP binder link in the shared drive is broken"),
    ("In 4th hour we did a Blooket game vs. Renata (she's won 5 in a row)",
     "In 4th hour we did a Blooket game vs. [name] (she's won 5 in a row)"),
    ("the HA family asked that we take down the photo of her", "the [name] family asked that "
     "we take down the photo of her"),
    ("The sticker on the back has Amadou's OSIS on it, 229875014, if you need it.",
     "The sticker on the back has [name]'s OSIS on it, [id number], if you need it."),
    ("Please add Denise, Gary and Esperanza to the Teams channel. Esperanza reads the menu, "
     "she's from Ms. Gómez's class.", "Please add [name], [name] and [name] to the Teams "
     "channel. [name] reads the menu, she's from Ms. Gómez's class."),
])
def test_a_student_where_the_fourteenth_rounds_keep_rules_look_stays_hidden(
        text: str, expected: str) -> None:
    assert masked(text) == expected


def test_the_attack_on_the_fourteenth_rounds_keep_rules_gets_no_more_students_through(
        ) -> None:
    # 150 messages written to attack the fourteenth round's keep rules by a writer who was
    # told them but never saw the code (216 students, 75 grown-ups). The masker the round
    # started from hid 184 of the students; the round's rules as first written 167 (17
    # through: children's signature blocks under a thank-you, student co-directors, "the
    # Jayden PBIS tracker", "game vs. Renata", "the HA family", an OSIS number on a sticker, a
    # list's child named again with her class). Mended: 184 again, none that the starting
    # masker hid among the 32 through, and 33 of the 75 grown-ups hidden (34 at the start).
    students, grown_ups = first_name_shares("attack_keep_rules_2.jsonl")
    assert students >= 184 / 216 - 0.0005 and grown_ups <= 33 / 75 + 0.0005


def test_someones_number_in_a_phones_shape_is_a_phone_not_an_id() -> None:
    assert masked("the new kid Dev, his number is 773-555-0142") == \
        "the new kid [name], his number is [phone]"
    assert masked("his number is 4471") == "his number is [id number]"
