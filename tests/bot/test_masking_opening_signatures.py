"""A signature pasted above a message, as a mail client puts it: the writer's name alone on
the first line, her job below it, her school and her phone, then a blank line. The phone is
hers or her office's and is kept; a child's lines shaped the same way keep theirs hidden
(blind corpora's, stop 67)."""

from __future__ import annotations

import pytest

from tests.bot.test_masking import masked

CHISHOLM = ("Gregory Chisholm\nAssistant Principal\nMercer Middle School\n(912) 395-6410\n\n"
            "Can you please check why my email signature keeps disappearing")


@pytest.mark.parametrize("text", [
    CHISHOLM,
    "Dara Sok\nCambodian Family Liaison\nTacoma Public Schools\n253-571-1000 ext 2231\n\n"
    "Hi, my Teams won't show the Khmer translation option anymore",
    "Jessica Ngo\nMultilingual Family Liaison (Vietnamese)\nPhone: 253-571-2048\n\n"
    "Teams meeting links not opening in Chrome",
])
def test_a_staff_signature_opening_the_message_keeps_its_phone(text: str) -> None:
    assert "[phone]" not in masked(text)


@pytest.mark.parametrize("text", [
    # the message speaks of someone as "she", of a child or of a family
    "Jaden Smith\nLibrary aide\n253-571-2048\n\nShe can't log in",
    "Jaden Smith\nLibrary aide\n253-571-2048\n\nthis student can't log in",
    "Jaden Smith\nLibrary aide\n253-571-2048\n\nmom says the login fails",
    # a grade or another's class below the name, not the writer's job
    "Jaden Smith\n5th grade\n253-571-2048\n\ncan't log in",
    "Mia Lopez\nFront office helper, Mrs. Ortiz's class\n253-571-2048\n\nlocked out",
    # no job below the name, or no blank line: not a block set apart
    "Jaden Smith\nLincoln Elementary\n253-571-2048\n\ncan't log in",
    "Jaden Smith\nLibrary aide\n253-571-2048 can't log in",
    # the name is not alone on the first line
    "Please call Jaden Smith\nLibrary aide\n253-571-2048\n\nabout the login",
])
def test_the_same_shape_about_a_child_hides_the_phone(text: str) -> None:
    assert "[phone]" in masked(text)
