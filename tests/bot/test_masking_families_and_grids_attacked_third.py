"""A third red team's (AW, stop 59) on the round's masking rules after two rounds of fixes
(387fcea..387bd40). Every case failed on 387bd40; each states what holds now.

Promises (docs/privacy.md, docs/masking.md): a student's identifier (her name, her family's
name, her parents' names) is hidden before a text leaves the bot; ordinary tech-support text
with no student in it is passed on as written; a colleague the district lists is no student.

Cases marked NEW were passed on as written by 387fcea and are altered by this round's rules;
cases marked OLDER leaked on 387fcea too, next to a rule this round added (its gap)."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked


# Promise: ordinary tech-support text is passed on as written. NEW: a family's name opening
# a sentence (names.cued's OPENS + SIBLINGS, lowercase.lowercase_family) takes a vendor or a
# textbook case before "family"/"brothers" for a family of students.
@pytest.mark.parametrize("text", [
    "Apple Family Sharing is turned on for the staff iPads",
    "Apple family sharing is blocked on the ipads",
    "Epson family of printers needs the new driver",
    "Dell family of docks all need firmware updates",
    "Lehman brothers case study link is broken in Canvas",
])
def test_a_vendor_or_a_case_study_opening_a_sentence_is_no_family(text: str) -> None:
    assert masked(text) == text


# Promise: a colleague the district lists is no student (docs/masking.md, colleagues' names).
# NEW: grown_ups.a_familys makes any name before "family" a student family's, so a teacher's
# own family leave or emergency hides her name though the directory lists her.
@pytest.mark.usefixtures("colleagues_one_word")
@pytest.mark.parametrize("text", [
    "Rosa Garcia family emergency today, sub needs her Canvas login",
    "Stan Wozniak family medical leave starts Monday",
    "Wozniak family leave starts Monday; please move his Canvas courses to the sub",
])
def test_a_colleagues_own_family_leave_keeps_her_name(text: str) -> None:
    assert masked(text) == text


# Promise: ordinary text is passed on as written; a staff member is no parent. NEW:
# kin.DID_THEN_KIN takes any titled name up to 60 characters before "(Kayla's mom)" for
# the mom, even where the sentence says the titled one is staff acting for her.
@pytest.mark.parametrize(("text", "expected"), [
    ("Ms. Rivera needs a Tongan interpreter for the Tuesday conference (Kayla's mom)",
     "Ms. Rivera needs a Tongan interpreter for the Tuesday conference ([name]'s mom)"),
    ("Mrs. Lee, the office manager, will call back (Kayla's mom)",
     "Mrs. Lee, the office manager, will call back ([name]'s mom)"),
    ("Ms. Rivera is out today so I took the message (Kayla's mom)",
     "Ms. Rivera is out today so I took the message ([name]'s mom)"),
])
def test_a_titled_colleague_acting_for_a_mom_is_no_mom(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: ordinary text is passed on as written. NEW: rosters.roster_lines takes an
# interjection, a sign-off or a greeting its GREETINGS list lacks, where a line starts, for
# a roster's surname: "Haha, Kevin." becomes "[name]." (the word is lost too).
@pytest.mark.parametrize("text", [
    "Haha, Kevin. The cart was just unplugged.",
    "Hmm, Kevin - the projector still says no signal.",
    "The hotspot is fixed.\n\nThnx, Kevin",
    "Let me know if the printer acts up again.\n\nAtentamente, Maria",
    "Talofa, Kevin - can you check the cart?",
])
def test_an_interjection_or_sign_off_before_a_name_is_no_roster(text: str) -> None:
    assert masked(text) == text


# Promise: a roster's "last, first" is hidden. OLDER, next to rosters.py: a list carried
# on by commas, an entry followed by a verb, "for:" with a colon, and a label before it.
@pytest.mark.parametrize(("text", "expected"), [
    ("need loaners for tsosie, ashley, begay, kevin, and yazzie, maria",
     "need loaners for [name], [name], and [name]"),
    ("tsosie, ashley needs a new charger", "[name] needs a new charger"),
    ("Need loaners for: tsosie, ashley and begay, kevin", "Need loaners for: [name] and [name]"),
    ("cart 3: tsosie, ashley", "cart 3: [name]"),
])
def test_a_rosters_last_first_is_hidden_in_more_usual_layouts(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden. OLDER, next to parents.named_then_kin and
# the "(mom" / "Mom" cues: a name before "(Kayla's mom)", a name in a bracket after "Mom",
# "only" after her name (ONLY_LAST keeps it as if a language), a lowercase name not last in
# the bracket, "mom Kalolaine" after a verb.
@pytest.mark.parametrize(("text", "expected"), [
    ("Kalolaine (Kayla's mom) called about the chromebook",
     "[name] ([name]'s mom) called about the chromebook"),
    ("Mom (Kalolaine) called about the hotspot", "Mom ([name]) called about the hotspot"),
    ("Loaner pickup (mom Maria only), dad is not allowed to take it",
     "Loaner pickup (mom [name] only), dad is not allowed to take it"),
    ("(mom kalolaine, tongan only)", "(mom [name], tongan only)"),
    ("Spoke with mom Kalolaine about the hotspot", "Spoke with mom [name] about the hotspot"),
])
def test_a_parents_name_beside_mom_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a student's parent's name is hidden. OLDER, next to kin.DID_THEN_KIN: what she
# did holds "parent", "from" or "with", or the bracket goes on after "mom".
@pytest.mark.parametrize(("text", "expected"), [
    ("Mrs. Nakai called, she can't log into the parent portal (Kayla's mom)",
     "[name] called, she can't log into the parent portal ([name]'s mom)"),
    ("Mrs. Nakai called from her work phone (Kayla's mom)",
     "[name] called from her work phone ([name]'s mom)"),
    ("Mrs. Nakai called (Kayla's mom, Tongan only)",
     "[name] called ([name]'s mom, Tongan only)"),
])
def test_a_titled_mom_before_what_she_did_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected


# Promise: a family's name is hidden. OLDER, next to names.cued's OPENS: a family's name
# after a lead-in ("Also,", "FYI", "Update:") opens no sentence by its rule, so it stays.
@pytest.mark.parametrize(("text", "expected"), [
    ("Also, Tsosie family needs a hotspot", "Also, [name] family needs a hotspot"),
    ("FYI Tsosie family needs a hotspot", "FYI [name] family needs a hotspot"),
    ("Update: Tsosie family needs a hotspot", "Update: [name] family needs a hotspot"),
])
def test_a_familys_name_after_a_lead_in_is_hidden(text: str, expected: str) -> None:
    assert masked(text) == expected
