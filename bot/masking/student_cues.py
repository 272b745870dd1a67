"""The words around a name that say it is a student's: a cue before it ("my student", "kid
named"), a period, a grade or an id after it, a note in brackets only a student gets, what
befalls someone who signs in, a family's plural and a possessive before a child's things."""

from __future__ import annotations

import re

# The word a cue ends at is taken as a name: "my student Grace", "kid named Liam". (Not a
# bare "name:", which tech texts use for printers and networks.)
CUE_BEFORE = re.compile(
    r"\b(?:students?|stu|kids?|child(?:ren)?|sons?|daughters?|pupils?|learners?|twins?|"
    r"siblings?|brother|sister|cousin|nephew|niece|grand(?:son|daughter|kid|child)|"
    r"step(?:son|daughter)|graders?|kindergartners?|freshm[ae]n|sophomores?|named|"
    r"nicknamed|goes\s+by|go\s+by|"
    # "a kid called Marco", not "she already called Marco from Kyocera" (on the phone)
    r"(?<!\bi\s)(?<!she\s)(?<!\bhe\s)(?<!\bwe\s)(?<!they\s)(?<!ready\s)(?<!\bjust\s)"
    r"(?<!\balso\s)(?<!\bthen\s)(?<!\bnever\s)(?<!\byou\s)called|"
    # JROTC's students: "Cadet Mbatha", "Cadets Huang and Soto", "C/CPL Bui"; and whoever a
    # shared machine says is signed in ("kid logged in as Dakota Fry")
    r"cadets?|c/[a-z0-9]{2,4}|(?:logged|signed)\s+in\s+as|"
    # a child's plan or a family's line: "the 504 folder for Dezbah", "parent phone for"
    r"(?:504|iep|bip|fba)\s+(?:plan|folder|file|paperwork|meeting|goals|accommodations)\s+"
    r"for|(?:parent|mom|dad|guardian|family|home|emergency)\s+(?:phone|number|email|cell|"
    r"contact|address)\s+(?:for|of)|"
    # whose family a grown-up is: "the grandma of Loveson and Fedna called" (stop 55); not
    # "the parents of Lincoln Elementary students" (a red team's)
    r"(?:mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|guardian|aunt|uncle|"
    r"parents?)\s+of(?!\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:elementary|middle|high|academy|"
    r"students|kids|families)\b)|"
    # a child's parent, then her name: "Minh's mom (Hoa) says", "his dad, Tuan," (stop 58)
    r"(?P<parent>(?:['’]s|\bhis|\bher|\btheir)\s+(?:step-?)?(?:mom|mother|dad|father|grandma|"
    r"grandmother|grandpa|grandfather|guardian|aunt|uncle)|"
    # or in a bracket, or as a label: "(mom Kalolaine)", "Dad: Tevita" (a blind corpus's)
    r"(?<=\()(?:step[-\s]?)?(?:mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|"
    r"guardian|aunt|uncle|mam[aá]|pap[aá]|abuel[oa]|t[ií][oa])|"
    # or opening a sentence, or after "with": "Mom Kalolaine called", "Mom (Kalolaine)
    # called", "spoke with mom Kalolaine" (red teams', stop 59)
    r"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=\n)|(?<=\bwith\s)|(?<=\bto\s))(?:mom|dad|grandma|grandpa)"
    r"(?=\s+\(?\w)|"
    r"(?:mom|mother|dad|father|guardian)(?=\s*:))|"
    r"alumn[oa]s?|estudiantes?|niñ[oa]s?|hij[oa]s?|herman[oa]s?|apellido|se\s+llama|familia|"
    r"family(?=\s*:)|"  # a label: "Family: Domínguez" (not "Family Link")
    r"known\s+as|enrolled\s+as|(?:first|last|middle|given|family|full|legal|preferred)\s+"
    r"name|name\s+is|names\s+are|name['’]s|prefers|prefiere|apodo|le\s+dicen)[\s,:(—–-]*"
    # the grade or period between: "mi estudiante de 2do grado, Ángel" (a red team's, stop 49)
    r"(?:(?:de|del|in|from|en)\s+(?:(?:el|the)\s+)?(?:\d{1,2}(?:st|nd|rd|th|er|ro|do|to|mo|vo|no|"
    r"º|°)?|primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|s[eé]ptimo|octavo|"
    r"kinder|kindergarten)(?:\s+(?:grado|grade|period|periodo|período|hour))?\s*[,(]\s*"
    r"(?=[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*[,)]))?"  # a name set off: "de 2do grado, Ángel,"
    r"(?:is\s+|are\s+|was\s+|es\s+)?['\"“‘]?",
    re.IGNORECASE)
# "Jaden R. in 3rd period", "Priya (5th period)", "Emily, Period 4"; not "AP Bio period 3".
# Also "'Hope' in Mr. Nash's room", "Iker from your class".
CLASS_SAID_AFTER = re.compile(
    r"['\"”’]?(?:\s*[(,]\s*|\s+(?:in|from)\s+)(?:(?:my|your|our)\s+)?(?:\d+"
    r"(?:st|nd|rd|th)\s+(?:period|grade|hour)(?!\s+(?:wing|hallway|pod|team\s+lead|"
    r"teachers?(?!['’])|para|aide|plc|dept|department)\b)|period\s+\d|grade\s+\d|"
    r"homeroom|class\b|age\s+\d{1,2}\b|(?:mr|mrs|ms|miss|mx|dr)\.?\s+"
    r"(?:[^\W\d_]+\s+)?[^\W\d_]+['’]s?\s+(?:\d(?:st|nd|rd|th)\s+)?"
    r"(?:room|class|homeroom|period|section))", re.IGNORECASE)
# And a grade alone in brackets ("Guled (1st)"), which a colleague who teaches it writes too
# ("Lisa Chen (2nd) reports"): a known colleague's name is no student's for it.
CUE_AFTER = re.compile(r"['\"”’]?\s*\(\s*\d{1,2}(?:st|nd|rd|th)\s*\)|"
                       + CLASS_SAID_AFTER.pattern, re.IGNORECASE)
# A kindergartner's grade in brackets ("Grace (K)": a blind corpus's, stop 62), for a first
# name the lists know only (names.py), and not a team's or a hall's ("Hope (K) team", "Mason
# (K) hall", "Fundations (K) videos": a red team's, DD).
KINDER_AFTER = re.compile(r"\s*\(\s*(?:k|tk|pk|pre-?k|kinder)\s*\)(?!\s+(?:team|hall|hallway|wing|"
                          r"pod|videos?|units?|kits?|cards|teachers?|rooms?|classrooms?|lessons?|"
                          r"materials|curriculum|books?|sets?|sites?|logins?|apps?|programs?|"
                          r"phonics|reading|math)\b)", re.IGNORECASE)
# A class the way a teacher writes one right after a student's name: a period ("Jaden Smith
# P3", "per. 4"), a grade ("G5", "gr5"), a homeroom ("10B") or a Spanish grade ("5to grado",
# "3er", "2º"): a red team's (stop 49) read "Sofía Ramírez Núñez 5to grado" as a product's
# model, like "Franklin T10", and kept the name.
CLASS_AFTER = re.compile(r"\s+(?:(?:p|pd|per|period|g|gr|grade)\.?\s?\d{1,2}|"
                         r"\d{1,2}(?:er|ro|do|to|mo|vo|no|º|°|ª)(?:\s+grado)?)(?![\w-])"
                         # a school's wing or floor: "Washington G6 building", "2do piso"
                         r"(?!\s+(?:lab|building|bldg|wing|portable|hall|hallway|floor|piso|"
                         r"room|classroom|pod|suite|annex|gym|office|library|campus|edificio|"
                         r"sal[oó]n|aula|projector|printer|cart|wi-?fi|tv|board|smartboard|"
                         r"speaker|laptop|chromebook|ipad|computer|desktop|phone|display|panel|"
                         r"camera|doc|access\s+point|ap|switch|router)s?\b)",
                         re.IGNORECASE)
# A homeroom ("Jaden Smith 10B") is no product's model either, though alone it says less.
HOMEROOM_AFTER = re.compile(r"\s+\d{1,2}(?![dgkp]\b)[a-z](?![\w-])", re.IGNORECASE)
# "Ivy Lindqvist, SSID 900221457", "Maya Chen ID 44120": a person's own number after the name.
ID_AFTER = re.compile(r",?\s+\(?(?:(?:student|state|lunch|school)\s+)?(?:id|ssid|sasid|lasid|"
                      r"osis|usid|suid|gtid|pin|dob|d\.o\.b\.?|born)\b"
                      r"(?=[\s#:.-]*(?:on\s+)?[A-Za-z]{0,3}-?\d)", re.IGNORECASE)
# "Nkauj Hli (goes by Hli)", "April and June (twins, 4th grade)", "Kiara (ID K-19204)": a
# note in brackets that only a student gets.
ASIDE = re.compile(r"\s*\((?:[^()]{0,30}?\b)?(?:goes\s+by|aka|a\.k\.a|nickname|twins?|"
                   r"siblings?|cousins?|\d+(?:st|nd|rd|th)\s+(?:grade|period|hour)|"
                   r"grade\s+\d|period\s+\d|(?:student\s+)?id\b|dob\b|born\b|junior\b|senior\b|"
                   r"freshman\b|sophomore\b|kindergart(?:e|ne)r\b|kindergarten\b|"
                   r"student\b(?!\s+teach)|lunch\s*(?:#|no\b|num)|"
                   r"age\s+\d)", re.IGNORECASE)
# A child's grade said of the name just after: "Destiny needs a new charger. she's an 8th
# grader", "enrolling Furaha today, he's going into 3rd grade" (not "a 3rd grade teacher").
GRADE_SAID_AFTER = re.compile(r"[^.!?\n]{0,80}?(?:[,;]|[.!?]\s+|\s+(?:so|and|but|because|since)\s+)"
                              r"\s*(?:she|he)(?:['’]s|\s+is)\s+(?:a|an|in|going\s+into|now\s+in)\s+"
                              r"(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)[\s-]*grader|kindergartner|"
                              r"freshman|sophomore|(?:\d{1,2}(?:st|nd|rd|th)|kinder)[\s-]*"
                              r"(?:grade)?(?![\s-]*(?:grade\s+)?(?:teacher|team|para|aide|sub|lead|"
                              r"classroom|hallway|wing|pod)))\b", re.IGNORECASE)
# "Kagiso Mbeki was born", "Chase said": what only people do.
DOINGS = re.compile(r"\s+(?:(?:just|also|then|\w+ly)\s+)?(?:was\s+born|is\s+absent|was\s+absent|"
                    r"goes\s+by|said|told|asked|forgot|pressed|typed|clicked|spilled|threw|"
                    r"dropped|broke|knocked|cracked|smashed|"
                    r"(?:are|were)\s+(?:twins|triplets|"
                    r"siblings|sisters|brothers|cousins)|is\s+new\s+(?:to|in)\s+my\s+(?:class|room|homeroom|section|"
                    r"roster|caseload))\b", re.IGNORECASE)
# What befalls someone who signs in: "Rose keeps getting logged out" (but "Clever keeps
# getting logged out" is the app).
# Also "can't get into Lexia", "can't see the assignment", "both got locked out" (a blind
# corpus's, stop 57); not "can't access", "can't get in", "can't get into the sub folder",
# "can't see the PLC folder", as often a colleague's (the first-name writers' grown-ups).
SIGN_IN_TROUBLE = re.compile(r"\s+(?:(?:both|also|still)\s+)?(?:(?:keeps\s+getting|keeps\s+being|"
                             r"got|gets|is|was)\s+(?:logged|kicked|locked|signed)\s+(?:out|off)|"
                             r"(?:can['’]?t|can\s*not)\s+(?:(?:log|sign)\s*(?:in|into|onto|on)|"
                             r"get\s+into\s+"
                             r"(?:(?:her|his|their)\s+)?(?-i:i-?[A-Z]|[A-Z])\w*|"
                             r"see\s+(?:the|her|his|their|any)\s+"
                             r"(?:assignments?|quiz|quizzes|tests?|lessons?|games?)))\b",
                             re.IGNORECASE)
# What a child does to their own things, again and again: "BISHOY keeps changing his
# background", "pavly keeps opening like 20 tabs and freezing his chromebook" (blind corpora's,
# stop 60). Not what an app does ("Wixie keeps deleting her project").
OWN_DOING = re.compile(r"\s+(?:still\s+|always\s+)?keeps\s+(?:changing|opening|unplugging|taking|"
                       r"chewing|losing|forgetting|typing|putting|playing|messing|pulling|"
                       r"throwing|dropping|leaving|hiding|drawing|peeling|picking|trading|"
                       r"swapping|bringing|sharing)\b[^.!?\n]{0,60}?\b(?:his|her)\b",
                       re.IGNORECASE)
# A child where only staff should be: "tesfay got into the teacher view on Kahoot somehow??"
INTO_TEACHERS = re.compile(r"\s+(?:somehow\s+)?(?:got|gets|is|was)\s+(?:somehow\s+)?(?:into|in)\s+"
                           r"(?:the\s+)?(?:teacher|staff|admin)\b", re.IGNORECASE)
# Who is handed a device: "give Trinity a different device", "issue Jamal a loaner" (a blind
# corpus's, stop 58), "get Trinity a loaner" (a red team's); said of a colleague too, but
# never of an app. Given, lent or issued, any name ("issue Nyaluak a loaner"); sent, got or
# ordered, only a name the lists know ("we sent Amazon the laptops back").
HANDED_BEFORE = re.compile(r"\b(?:(?P<given>give|gave|giving|hand|handed|issue|issued|assign|"
                           r"assigned|loan|lend|lent)|get|got|getting|send|sent|sending|bring|"
                           r"brought|order|ordered|grab|find|found)\s+$", re.IGNORECASE)
DEVICE_AFTER = re.compile(r"\s+(?:a|an|the|her|his|their|another)\s+(?:(?:new|different|loaner|"
                          r"spare|replacement|working|other)\s+)?(?:device|chromebook|ipad|laptop|"
                          r"tablet|loaner|charger|hotspot|headphones|headset|calculator)s?\b",
                          re.IGNORECASE)
# What a person at a device does (a blind corpus's, stop 58): "Genesis keeps getting 'not
# authorized'", "can't open the link", "can't hear", "was using someone else's login"; asked
# of a common first name only, since vendors and apps do most of it too ("Verizon keeps
# getting throttled", "Kami was using another account": red teams').
DEVICE_TROUBLE = re.compile(r"\s+(?:(?:both|also|still)\s+)?(?:keeps\s+getting|"
                            r"(?:can['’]?t|can\s*not)\s+open\s+(?:the|her|his|their)|"
                            r"(?:can['’]?t|cannot|can\s+not|couldn['’]?t)\s+hear|"
                            r"(?:was|is|has\s+been)\s+using\s+(?:someone|somebody|another|"
                            r"a\s+classmate|(?:his|her|their)\s+(?:brother|sister|cousin|"
                            r"friend)))\b", re.IGNORECASE)
# "(the Moroz triplets)", "the Okafor twins": a family's surname.
FAMILY_AFTER = re.compile(r"\s+(?:twins|triplets|siblings|sisters|brothers|family|kids|"
                          r"children|boys|girls)\b(?!\s+(?:tablets?|editions?|games?|books?)\b)",
                          re.IGNORECASE)  # not "the Fire Kids tablets" (a red team's, stop 55)
# What only a family has, typed in lowercase: "tuilagi twins" (where "kearns kids" and
# "herriman boys" are a town's children and teams: a red team's, stop 59); not "family
# night" nor "the kratt brothers videos" (a second red team's), nor a colleague's "family
# leave" or a vendor's "family of printers" (a third's).
SIBLINGS = re.compile(r"\s+(?:twins|triplets|siblings|(?:sisters|brothers)(?!\s+(?:videos?|show|"
                      r"episodes?|movies?|games?|songs?|cartoons?|case)\b)|family(?!\s+(?:night|"
                      r"emergenc(?:y|ies)|leave|medical|matters?|reasons|business|obligations?|"
                      r"vacation|time|of|sharing|plan|"
                      r"nights|engagement|literacy|center|centre|events?|liaison|portal|link|"
                      r"resources?|fun|math|day|dinner|conferences?|movie|bingo|survey|picnic|"
                      r"breakfast|festival|fair|potluck|dance|reading|stem|science|games?|"
                      r"activit(?:y|ies)|newsletter|forms?|registration|workshop|members?)\b))\b",
                      re.IGNORECASE)
# "the Fontaine kid", "the Garcia boy": one child, by the family's name (stop 55).
ONE_CHILD_AFTER = re.compile(r"\s+(?:kid|child|boy|girl)\b(?![\s-]+(?:games?|modes?|editions?|"
                             r"content|videos?|shows?|books?|zones?|friendly|safe|tablets?|"
                             r"kits?)\b)", re.IGNORECASE)
# (not "the Roblox kid games", "the Fire Kids tablets"; but "the Rivera kid account": red
# teams', stop 55)
# What only a child has: a family, a locker, grades, a plan, and the apps only students sign
# in to ("Destiny's iready reset"; not Canvas or Clever: "Tunde's Canvas course", a teacher's).
CHILD_THINGS = (r"mom|mother|dad|father|parents?|guardian|grandma|grandmother|grandpa|"
                r"grandfather|aunt|uncle|brother|sister|twin|family|locker|grades?|iep|504|dob|"
                r"birthday|birth\s+date|birthdate|lunch|seat|essay|homework|assignment|"
                r"accommodations?|transcript|report\s+card|attendance|reading\s+logs?|scores?|"
                r"i-?ready|lexia|ixl|dreambox|zearn|prodigy|epic|raz-?kids|"
                r"student\s+(?:email|id|number|account)")
# What a colleague has too: a laptop, an account, a password.
SHARED_THINGS = (r"chromebook|ipad|laptop|computer|device|account|login|log-in|username|email|"
                 r"password|pin|id|badge|headphones?|headset|charger|phone|cell|screen|hotspot|"
                 r"schedule|record|profile|reading|logs?|progress|results|portfolio|folder|"
                 r"(?:student\s+)?(?:email|id|number|account)")
# "Xiomara's mom", "Tavita's Chromebook": a possessive before these marks a person.
BELONGINGS = re.compile(rf"\s+(?:{CHILD_THINGS}|{SHARED_THINGS})s?\b", re.IGNORECASE)
# Before a colleague's name ("Priya's account") only what a child has marks a student.
CHILD_BELONGINGS = re.compile(rf"\s+(?:{CHILD_THINGS})s?\b", re.IGNORECASE)
# "Deeqa's and Chaltu's ipads": the possessives of a list share the belonging after the last.
POSSESSIVE_LIST = re.compile(r"(?:(?:\s*,\s*|\s+(?:and|&|or|y)\s+)[^\W\d_][\w-]*['’]s?(?=\s))+")
# A family member, in English or Spanish.
KIN = (r"mom|mother|dad|father|parents?|grandma|grandmother|grandpa|grandfather|guardian|"
       r"grandmom|grandpop|granny|auntie|"  # Philadelphia's "grandmom", "grandpop"
       r"aunt|uncle|step-?(?:mom|dad)|foster\s+(?:mom|dad|parent)|mam[aá]|pap[aá]|madre|padre|"
       r"abuel[oa]|t[ií][oa]|tutor[a]?")
# A family word: in a closing block it makes the block no signature ("Jaden's mom\n651-555-
# 0147"), beside a colleague's number it makes the number no colleague's.
FAMILY_WORD = re.compile(rf"\b(?:{KIN}|familia|family)\b", re.IGNORECASE)
# A family member named just after the word for them: "His mom is Tasha Ellis", "Her
# father, Mark Jankowski," (a grown-up, and a family's name all the same); or the child
# after "of": "la mamá de Kevin", "the mom of Kevin" (a student, though a colleague is Kevin).
KIN_JUST_BEFORE = re.compile(rf"\b(?:{KIN})(?:\s+(?:is|of|de)|\s*[,:(—–-])\s*$", re.IGNORECASE)
# A grade or a school year: "4th grade", "8th", "gr 6", "kinder", "juniors".
GRADE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)|grade|gr|kinder\w*|pre-?k|freshm[ae]n|"
                   r"sophomores?|juniors?|seniors?)\b", re.IGNORECASE)
# Languages US students and their families speak (the Census's and refugee programmes'
# most common), among them words that are also names ("Karen", "Dari", "Chin", "Lao").
LANGUAGES = {"spanish", "arabic", "dari", "pashto", "farsi", "persian", "urdu", "hindi",
             "bengali", "bangla", "punjabi", "gujarati", "nepali", "tamil", "telugu", "somali",
             "swahili", "kinyarwanda", "kirundi", "tigrinya", "amharic", "oromo", "karen",
             "karenni", "burmese", "chin", "hmong", "vietnamese", "khmer", "lao", "thai",
             "tagalog", "ilocano", "marshallese", "chuukese", "samoan", "tongan", "navajo",
             "yupik", "ukrainian", "russian", "polish", "portuguese", "french", "haitian",
             "creole", "mandarin", "cantonese", "chinese", "korean", "japanese", "kurdish",
             "turkish", "mam", "kiche", "english", "german", "italian", "greek", "albanian"}
# A grown-up who needs a language other than English to be reached is a family, not staff:
# "call Mrs. Aminov at ... re: Yakov's device, she speaks Russian only", "She prefers Nepali,
# use the language line" (blind corpora's, stop 60). Not "she speaks Somali", an interpreter,
# nor the language line or an interpreter alone, which staff set up and use ("Ms. Ruiz at ...
# set up the language line account": a red team's, BB, stop 61).
SPOKEN = "|".join(sorted(LANGUAGES - {"english"}))
NEEDS_LANGUAGE = re.compile(rf"\b(?:(?:she|he)\s+(?:only\s+speaks|prefers)\s+(?:{SPOKEN})|"
                            rf"speaks\s+(?:{SPOKEN})\s+only)\b", re.IGNORECASE)
# Said of staff between a number and such a need: "Mr. Haddad at ..., he is our Arabic
# interpreter".
STAFF_SAID = re.compile(r"\b(?:our|interpreter|liaison|translator|coordinator|teacher|staff|"
                        r"aide|para)\b", re.IGNORECASE)
