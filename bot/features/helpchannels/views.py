"""What help-channel mode says: turning it on and off, the saving offer, its reaction.

Sentences are marked with `N_()` here and said with `_()`, in the language of the person who
typed the command or clicked (everyone in the channel reads what turning it on or off says).
"""

from __future__ import annotations

from bot.blocks import Button, Buttons, Context, Reply, Text, say
from bot.i18n import N_, _

REACTION = "eyes"  # 👀: "seen; a person will look", where the platform lets a bot react
MODES = {"": "quiet", "quiet": "quiet", "react": "react"}  # command words, stored as they are
USAGE = N_("Usage, in the channel: `/prepbot channel help on` (stay quiet when unsure), "
           "`/prepbot channel help on react` (add 👀 when unsure) or "
           "`/prepbot channel help off`.")
ONLY_IN_CHANNEL = N_("Help-channel mode is for a channel: type this in the channel you want me "
                     "to read (I need to be a member of it).")
TURNED_ON = {
    "quiet": N_("I'll read new questions in this channel now and answer in the thread when I'm "
                "sure of the fix; otherwise I stay out of the way. I never answer replies in "
                "threads. Coaches: `/prepbot channel help off` stops it."),
    "react": N_("I'll read new questions in this channel now and answer in the thread when I'm "
                "sure of the fix; otherwise I stay out of the way and add 👀 so you know I saw "
                "it. I never answer replies in threads. Coaches: `/prepbot channel help off` "
                "stops it."),
}
MEMBER = N_("I need to be a member of this channel to read it.")
TURNED_OFF = N_("Help-channel mode is off here: I answer only when someone mentions me.")
WAS_OFF = N_("Help-channel mode was not on in this channel.")
STATUS_ON = N_("Help-channel mode is on here (when unsure: {mode}). At most {limit} answers an "
               "hour, only when I'm at least {sure}% sure.")
STATUS_OFF = N_("Help-channel mode is off here.")
OFFER = N_("Keep your answer for next time?")
OFFER_NOTE = N_("Only you see this. Both keep what you wrote in this thread, with the question; "
                "student details are masked.")
NO_REPLY = N_("I have nothing you wrote in that thread to keep.")
ERASED = N_("That question was erased, so there is nothing to keep.")
ALREADY_DRAFTED = N_("That thread is already saved as an article draft.")
NOT_HERE = N_("Saving that is not available in this installation.")


def turned_on(when_unsure: str) -> Reply:
    """Said in the channel, so everyone there knows prepbot now reads it."""
    text = _(TURNED_ON[when_unsure])
    return Reply(text, (Text(text), Context(_(MEMBER))))


def status(on: bool, when_unsure: str = "", limit: int = 0, sure: int = 0) -> Reply:
    """Whether this channel is a help channel, and how it behaves."""
    if on:  # `quiet` and `react` are the words of the command, so they stay as typed
        return say(_(STATUS_ON).format(mode=when_unsure, limit=limit, sure=sure))
    return say(f"{_(STATUS_OFF)} {_(USAGE)}")


def unsure(when_unsure: str) -> list[Reply]:
    """Nothing, or one reaction on the question."""
    return [Reply("👀", reaction=REACTION)] if when_unsure == "react" else []


def offer(thread_id: int) -> Reply:
    """Only for the coach who replied in a thread: keep the answer, in one click."""
    value = str(thread_id)
    buttons = (Button(_("Resolve as a ticket"), "helpchannels.resolve", value, style="primary"),
               Button(_("Save as article draft"), "helpchannels.draft", value))
    return Reply(_(OFFER), (Text(_(OFFER)), Buttons(buttons), Context(_(OFFER_NOTE))),
                 private=True)
