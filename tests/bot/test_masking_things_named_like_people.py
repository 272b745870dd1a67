"""Masking, twelfth round: places, products, languages, schedules and codes that look like
names come through, and the students written in the same shapes stay hidden."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


@pytest.mark.parametrize("text", [
    # the writer's "I" after a school is no initial
    "Before Monday's walkthroughs at Franklin I need the doc cams checked.",
    # titles as Filipino colleagues write them, and a title before a surname's particle
    "Hi po Ma'am Cheryl! Your laptop is already fixed, Sir Darrell left it at the office.",
    "The hotspots are with Ms. dela Cruz, and Mr. van Dyke has the cart",
    # a weekday's possessive before what a student might have (a lunch, a schedule)
    "the bell schedule screen in the cafeteria is frozen on Tuesday's lunch menu",
    # schedules, codes and a letter joined to a word
    "our club meets Tue/Thu 3:15-5:00 in B12 but the wifi shuts off at 4:30",
    "Two Chromebooks in cart B (tags KC-CB-22790 and KC-CB-22795) won't boot.",
    "The label maker (Brother P-touch PT-D610BT) won't pair. Tried the P-touch app.",
    "Welding & Auto Technology, Tri-County CTE",
    # languages, tests and courses
    "Can we bulk print the absence letters in Spanish and Haitian Creole?",
    "Las pruebas WIDA ACCESS son del 22 de enero en la biblioteca.",
    "Is there a way to copy last year's Google Classroom? it's APUSH, class code x7kq2mb.",
    # places and institutions, a time and a place
    "Is YouTube restricted mode blocking the Berlin Philharmonic channel?",
    "Necesito que desbloqueen la Biblioteca Nacional de España para un proyecto.",
    "Classroom sends duplicate emails for 'Ancient Egypt Project - Pd 2'.",
    "Please add Mr. Lombardi as co-teacher in the Franklin 5th grade Google Classroom.",
    "I have 38 teachers across Jefferson, Lincoln and Washington who need the form.",
    "The VRTEX won't boot past the logo. Steve from Lincoln said to call their line.",
    # makers' product lines
    "snap-on zeus scan tool needs the software update",
    "the new heart rate sensors came in (Polar Verity Sense). who sets them up?",
    # colleagues listed under their job, or with the writer
    "Reminder for building test coordinators:\n- Lisa Vance (Eastview)\n"
    "- Omar Siddiqui (Millbrook)\nChecklists are due Friday.",
    "Can I get a shared drive for the chem PLC? Members: me, Jared Poulsen, Kim Tanner, "
    "Ray Oaks.",
    # a vendor's line after an app, in Spanish
    "Los mensajes de ParentSquare llegan en inglés; el soporte está al 505-555-0162.",
    # a contraction, an agency's acronym, a newspaper, venues, a building's abbreviation
    "can we block the afternoon sessions so fasting students aren't testing late?",
    "Is it still on the approved list? USBE said something about data privacy agreements.",
    "Who's the contact for the Boston Globe digital subscriptions now?",
    "does the field trip to the Detroit Auto Show at Huntington Place need a bus request",
    "14 boxes at the Bldg C loading dock, need someone with a cart by 2pm",
    # Spanish words, holidays, songs and speeches
    "pregunta rápida: ¿cuál es el tamaño máximo de archivo en ParentSquare?",
    "The Día de los Muertos ofrenda is in front of the network closet door.",
    "Hey Dave, can you unblock Pandora on the gym ipad? Cotton Eye Joe and the Virginia Reel",
    "We annotate primary sources: the Declaration, Lincoln's Second Inaugural.",
    # makers, jobs, languages
    "The Welch Allyn Spot Vision Screener won't export to the laptop.",
    "Acrobat license for our translator Faisal Ahmadi expired, he translates into Dari.",
    "Hola, una de nuestras paras, Yesenia Ortiz, necesita acceso a Aspen.",
    "can someone share the window dates with Dave Nielsen? he's new in assessment",
    "Please add Priya Raman and Liam Costa to the drive (edit). They're the new hires.",
    "hola, necesito acceso al drive - Graciela me dijo que tú lo administras",
    # a line the text is about, named before its number
    "Quick one - what's the help desk number again? 616-555-0142 just goes to voicemail",
    "Fax in the nurse office not receiving. Pharmacies say it rings. Number is 505-555-0148",
    # a grade said of a grown-up's work
    "Dana needs a new charger, she's a 3rd grade teacher",
    "Joy and Hope (the two aides in kinder) don't have accounts on the reading program",
    # grown-ups' jobs, offices and crews, said before or after the name
    "Can we let Sanjay in after hours? he's our mentor from Westinghouse and his badge expired",
    "Zoom link for the IEP meeting isn't working, Kaden (school psych) set it up",
    "Can you add Lupe (our IA) to the kindergarten team in Teams please",
    "Hassan (principal at Marion-Franklin) wants Teams meeting recordings saved",
    "Can you add Lindsey and Jordan to the sped team in Teams? they're our new co-teachers",
    "Need the fine arts drive for Noreen — she's the new elementary music teacher",
    "I have a new para starting Monday, her name is Sunny. she'll need a badge",
    "The survey is only in English. Ana in the family engagement office said you can help?",
    "the chromebook got left on the bus. Driver's Rich, he said he'd bring it back",
    "my sub tomorrow is Skylar, can she get a temp login",
    "Madison our sub coordinator can't get into Frontline, says account locked",
    "Quick one: Wyatt on the night custodial crew unplugged the server again",
    "I need Zoom to work Friday. The guest is Kalani Akana, a ukulele player from Hawaii",
    "Please give Nevaeh Price edit rights. She's covering the front office while Carla is out.",
    "Chase Bingham (our new SRO) needs guest wifi",
    "Pls add Liberty Hansen to the assessment team, she started as our data specialist",
    "The doc camera shows everything upside down. Tucker who teaches 4th said he fixed his",
    "Ngozi Eze is the testing contact there and she's seeing empty classes",
    "Please create accounts for our new assessment analysts:\n- Jazmine Corral\n- Trevor "
    "Lindahl\nThey start Monday.",
    "Laptop for the DLM test administrator at Lowry, Natalie Begaye, won't open",
    "Need Quizizz for the department. Jacob Villanueva, he's our dept chair and has the PO",
    "The Assessment office printer is offline. Ivy Soto in our office already restarted it",
    "¿Me pueden poner a Consuelo Arriaga en el grupo de correo? Es la nueva maestra de 8vo.",
    "Can you make a shared drive for the STEM club? Sponsors are me and Marisol Flores-Kane",
    "the tech guy, Jace Pfaff, was supposed to come tuesday",
    "quick one - Frank Dellinger can't see the hall pass dashboard, he's on hall duty",
    "Ni mi compu ni la de mi compañera Xóchitl Aguirre se conectan.",
    # from the tenth tuning corpus: an office's line, money, the writer's own line, an
    # assistant principal, a colleague on leave, an author's visit, role mailboxes
    "The office number on our website is wrong, it says 520-555-0100 but it's 520-555-0103.",
    "can I buy a USB-DMX interface (Enttec DMX USB Pro, $175ish) with my dept budget?",
    "my phone is new. old number 520-555-0117 is still mine tho",
    "can i get Canva for Education on my account? AP Okafor said district has a license",
    "How do I post the agenda? Josh used to do it but he is out on paternity leave til March.",
    "virtual author visit with Nic Stone at 10:30 tomorrow!!",
    "how do I share a folder with the PTO? they open it from kedzieridgepto@gmail.com",
    "Can you set up a shared mailbox? Mr. Harjo would like enroll@redforkcreek.k12.ok.us",
    "the bus stops at Jackson Lane and Oak Street",
    # a retired rank
    "ID badge for our new instructor, MSG (Ret) Anthony Ruiz, starts 8/19.",
    # companies named like people, and the same company wherever the message writes it
    "Need the new Benchmark Adelante licenses added to Clever. Rep is Jessica Ochoa at "
    "Benchmark Education.",
    "we need the Kendall Hunt digital licenses. Our rep is Mark Sorensen at Kendall Hunt.",
    "Our auditor from Ingram & Associates is coming 11/4 and needs the finance folder.",
    "do I call Motorola (Pat at Dodge City Radio 620-555-0141)?",
    "St. Louis Children's Hospital concussion clinic portal needs Chrome 120+",
    # products by what only a product has, a trip's place, a Spanish event
    "Edulog Webquery license expired, error 'License code E-1042'.",
    "the temp logger (Govee Bluetooth) needs an app installed on the training room tablet",
    "when is the summer reimaging for iPads? Need to know before I leave for Paris in June",
    "For our Noche de Familias on Oct 17 we need a projector",
    "Can tech install the Arabic and Karen language packs on the iPads?",
    "Is there a Karen font that displays correctly in Google Docs?",
    "Could Kevin from IT meet me at Harper Ridge Thursday 1:30 to look at the speaker?",
    "an export with no student in it:\nasset,model,room\n4471,Chromebook,Room 12",
    # the fourteenth round: languages beside each other or their speakers, a company's
    # last word, a product line's acronym, the team a game is against, an office's letters
    "We need an interpreter for our Dari/Pashto families at conferences",
    "Can the newsletter go out in Arabic/Karen too? The Karen families asked",
    "Magnus Health won't load from the nurse's office network",
    "the Williams Sound receivers for the assembly aren't charging",
    "Is the Kendall Hunt IM platform down for anyone else?",
    "the Williams AV ones in the library need new batteries",
    "press box wifi code for Friday's game vs. Lamar, please",
    "Amy at the SU said the E-Rate form went in last March",
    "el proyector del salón 12 se quedó en pantalla azul otra vez",
])
def test_things_named_like_people_come_through(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Mohamed I. and Mohamed Y. both need logins", "[name] and [name] both need logins"),
    ("Hello, Thu needs her Chromebook screen replaced.",
     "Hello, [name] needs her Chromebook screen replaced."),
    ("Egypt Jones can't log into Lexia.", "[name] can't log into Lexia."),
    ("Sunday's mom's number isn't in Aeries", "[name]'s mom's number isn't in Aeries"),
    ("Franklin 5th grade can't log in, and Liam 3rd grade too",
     "[name] 5th grade can't log in, and [name] 3rd grade too"),
    ("my dell aaliyah broke it", "my dell [name] broke it"),
    ("Maya from Lincoln transferred in, and a note from Liam came.",
     "[name] from Lincoln transferred in, and a note from [name] came."),
    ("Reminder for test coordinators, these students still need makeups:\n- Maya Lopez\n"
     "- Kenji Watanabe", "Reminder for test coordinators, these students still need makeups:"
     "\n- [name]\n- [name]"),
    ("Teachers with kids missing logins:\n- Maya Lopez\n- Kenji Watanabe",
     "Teachers with kids missing logins:\n- [name]\n- [name]"),
    ("Group members: Maya Lopez, Kenji Watanabe, Liam Cho",
     "Group members: [name], [name], [name]"),
    ("ZYAIRE said he can't log in", "[name] said he can't log in"),
    ("can you add Dave Nielsen? he's new in 3rd period", "can you add [name]? he's new in "
     "3rd period"),
    ("Please add Maya Lopez and Liam Cho to my roster. They're the new students.",
     "Please add [name] and [name] to my roster. They're the new students."),
    ("The help desk can't fix Maya's login. Her mom's number is 616-555-0142",
     "The help desk can't fix [name]'s login. Her mom's number is [phone]"),
    ("Call log: left voicemail at (503)2176684 re: Annika's missing device.",
     "Call log: left voicemail at [phone] re: [name]'s missing device."),
    ("Need to move Kevin Murphy and Aidan Walsh from AP Gov section 1 to section 3",
     "Need to move [name] and [name] from AP Gov section 1 to section 3"),
    ("Marisol Peña's dad called the main office from 617-555-0129, her chromebook was stolen",
     "[name]'s dad called the main office from [phone], her chromebook was stolen"),
    # a child's grade said after the name, or before it; an unknown surname in lowercase
    ("Destiny needs a new charger. she's an 8th grader, room 214 homeroom",
     "[name] needs a new charger. she's an 8th grader, room 214 homeroom"),
    ("I'm enrolling Furaha today, he's going into 3rd grade.",
     "I'm enrolling [name] today, he's going into 3rd grade."),
    ("Tanner (junior, runs sound crew) needs admin rights on the sound board laptop",
     "[name] (junior, runs sound crew) needs admin rights on the sound board laptop"),
    ("Scottwood has a kindergartner, River, who's on the wrong bus route",
     "Scottwood has a kindergartner, [name], who's on the wrong bus route"),
    ("can u unlock elijah mbeki's student acct again lol",
     "can u unlock [name]'s student acct again lol"),
    # children in the same shapes: a peer's role, the nurse's office, a stage crew, a son
    ("Maya's peer mentor Liam can't log in", "[name]'s peer mentor [name] can't log in"),
    ("Ava is our tech helper and Liam is her reading partner",
     "[name] is our tech helper and [name] is her reading partner"),
    ("Ava in the nurse's office needs her inhaler app",
     "[name] in the nurse's office needs her inhaler app"),
    ("Jaden on the tech crew broke the light board", "[name] on the tech crew broke the light "
     "board"),
    ("the driver's son Jaden can't log in", "the driver's son [name] can't log in"),
    ("su compañero Jaden no tiene clave", "su compañero [name] no tiene clave"),
    ("Maya can't see the dashboard, she's on the robotics team",
     "[name] can't see the dashboard, she's on the robotics team"),
    ("¿Puede Ximena usar la tableta? Es la nueva alumna de 2do.",
     "¿Puede [name] usar la tableta? Es la nueva alumna de 2do."),
    ("need an account on the welding trainer for a new kid, Oleksandr Kovalenko, he goes by "
     "Sasha", "need an account on the welding trainer for a new kid, [name], he goes by [name]"),
    ("First one on the list is Dakota Fields, age 9, so I don't want to mess this up",
     "First one on the list is [name], age 9, so I don't want to mess this up"),
    ("La familia Quintero se mudó y necesito actualizar la dirección",
     "La familia [name] se mudó y necesito actualizar la dirección"),
    ("Please remove Lane Kirby (ID 20230544) from the bus list",
     "Please remove [name] (ID [id number]) from the bus list"),
    ("the bus app shows the wrong school. student email jfreeman3310@mcsdga.net",
     "the bus app shows the wrong school. student email [email]"),
    ("Maya's mom's number is wrong, it says 520-555-0100 but it's 520-555-0103.",
     "[name]'s mom's number is wrong, it says [phone] but it's [phone]."),
    # a grade in capitals is no model number; a family's number in Spanish is the family's
    ("the slip it printed says ALEJANDRO FUENTES 7TH GR 8:14AM over and over",
     "the slip it printed says [name] 7TH GR 8:14AM over and over"),
    ("el estudiante Iker Salazar necesita que los mensajes de ParentSquare lleguen al "
     "505-555-0162.", "el estudiante [name] necesita que los mensajes de ParentSquare lleguen "
     "al [phone]."),
    # a student who shares a word with a company or a school the message names
    ("Kendall Hunt can't log in, she's in 3rd grade.", "[name] can't log in, she's in 3rd "
     "grade."),
    ("Maya keyboard is broken", "[name] keyboard is broken"),
    # (the firm's word goes too: it is the child's surname)
    ("Maya Ingram can't log in, Ingram & Associates runs our payroll",
     "[name] can't log in, [name] & Associates runs our payroll"),
    # a child named like a language, an office's letters or a colour, where a child is
    ("Karen can't log into Clever, she's in 3rd grade",
     "[name] can't log into Clever, she's in 3rd grade"),
    ("can I move the Jaden IEP meeting to Friday", "can I move the [name] IEP meeting to Friday"),
    ("Jaden vs. Maya in the spelling bee, who won?", "[name] vs. [name] in the spelling bee, "
     "who won?"),
    ("hlp! Azul locked herself out of the ipad with guided access",
     "hlp! [name] locked herself out of the ipad with guided access"),
])
def test_students_written_in_the_same_shapes_stay_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected
