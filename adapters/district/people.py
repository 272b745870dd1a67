"""Who is in the demo district: eight simulated teachers, a simulated coach and admin.

Each teacher has a character that makes their answers plausible and varied: how much they
like new tools, how easy they find them, how often they come to coffee, what bugs them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.vocabulary import Person

PLATFORM = "demo"
SCHOOL = "Demo Middle School (simulated)"
ZONE = "America/Chicago"
STAFF, PILOT = "demo-staff", "demo-pilot"
SIMULATED = " (simulated)"


@dataclass(frozen=True)
class Teacher:
    """A simulated teacher and the way they tend to answer."""

    key: str
    name: str
    subject: str
    room: str
    keen: int  # 1-7: how useful they find new tools
    ease: int  # 1-7: how easy they find them
    coffee: float  # how often they say yes to coffee
    pilot: bool  # in the tool pilot's channel
    bugbear: str  # what they would tell a coach over coffee

    @property
    def person(self) -> Person:
        """The teacher as the demo platform lists them."""
        return Person(platform=PLATFORM, user_id=self.key, display_name=self.name + SIMULATED)


TEACHERS = (
    Teacher("alvarez", "Ana Alvarez", "science", "112", 6, 6, 0.8, True,
            "the document camera keeps freezing halfway through a lab demo"),
    Teacher("okoro", "Ben Okoro", "maths", "204", 5, 4, 0.6, True,
            "students can't join with the class code on their Chromebooks"),
    Teacher("nguyen", "Carla Nguyen", "English", "118", 6, 5, 0.9, True,
            "grading essays in Canvas takes twice as long as on paper"),
    Teacher("shah", "Dev Shah", "history", "221", 3, 3, 0.4, True,
            "the projector goes blue every time the bell rings"),
    Teacher("brooks", "Ellen Brooks", "art", "014", 4, 2, 0.5, True,
            "I never know which login the kids need for which site"),
    Teacher("haddad", "Farid Haddad", "PE", "G1", 2, 4, 0.3, True,
            "the attendance app logs me out every morning"),
    Teacher("kim", "Grace Kim", "special education", "109", 7, 6, 0.7, True,
            "screen readers don't work with the new quiz tool"),
    Teacher("silva", "Hugo Silva", "music", "031", 4, 5, 0.6, False,
            "the smartboard pen is off by an inch again"),
)
COACH = Person(platform=PLATFORM, user_id="patel", display_name="Sam Patel" + SIMULATED)
ADMIN = Person(platform=PLATFORM, user_id="district-office",
               display_name="District office" + SIMULATED)
BY_KEY = {t.key: t for t in TEACHERS}


def channels() -> dict[str, list[Person]]:
    """The demo channels and who is in them."""
    return {STAFF: [t.person for t in TEACHERS],
            PILOT: [t.person for t in TEACHERS if t.pilot]}


# Questions teachers type, as they type them: most have an article, some don't (the gaps).
QUESTIONS = (
    "the projector says no signal", "my document camera shows a black screen",
    "smartboard pen is off by an inch", "printer in my room says offline",
    "wifi keeps dropping in my room", "how do I reset a student's password",
    "students can't hear the video through the speakers", "chromebook won't charge",
    "how do I share my screen in google meet", "canvas won't let me publish the quiz",
    "the projector remote doesn't do anything", "my laptop won't connect to the tv",
    "how do I book the bus for a field trip", "field trip bus booking form",
    "where is the sub plan folder", "the 3d printer in the library keeps jamming",
    "can I get a second monitor for my desk",
)
TICKETS = (
    ("the projector in room {room} turns off by itself during class", "hardware", "today"),
    ("half my students can't log into the reading app this morning", "accounts", "now"),
    ("the wifi drops every few minutes in room {room}", "network", "today"),
    ("need the new science simulation installed on the cart laptops", "apps", "week"),
    ("the document camera in room {room} shows a grey screen", "hardware", "week"),
)
COMMENTS = {
    "high": ("Students love the quick polls; I use it every day now.",
             "Saved me a lot of time on exit tickets.",
             "Great once it's set up, and the kids ask for it."),
    "low": ("Setting up a lesson takes my whole prep period.",
            "Half the class couldn't log in on Monday, so I gave up.",
            "I don't see what it adds over paper for my subject."),
    "mid": ("Useful for reviews, less so for new material.",
            "Fine, but the Chromebooks are slow to load it."),
}
TICKET_REPLIES = ("I tried restarting it and it's still the same.",
                  "It happens mostly in the afternoon, room {room}.",
                  "Yes, that worked, thank you!")
