"""What help-channel mode says: turning it on and off, the saving offer, its reaction."""

from __future__ import annotations

from bot.blocks import Button, Buttons, Context, Reply, Text, say

REACTION = "eyes"  # 👀: "seen; a person will look", where the platform lets a bot react
MODES = {"": "quiet", "quiet": "quiet", "react": "react"}
USAGE = ("Usage, in the channel: `/prepbot channel help on` (stay quiet when unsure), "
         "`/prepbot channel help on react` (add 👀 when unsure) or `/prepbot channel help off`.")
ONLY_IN_CHANNEL = ("Help-channel mode is for a channel: type this in the channel you want me "
                   "to read (I need to be a member of it).")
TURNED_ON = ("I'll read new questions in this channel now and answer in the thread when I'm "
             "sure of the fix; otherwise I stay out of the way{unsure}. I never answer replies "
             "in threads. Coaches: `/prepbot channel help off` stops it.")
UNSURE = {"quiet": "", "react": " and add 👀 so you know I saw it"}
MEMBER = "I need to be a member of this channel to read it."
TURNED_OFF = "Help-channel mode is off here: I answer only when someone mentions me."
WAS_OFF = "Help-channel mode was not on in this channel."
STATUS_ON = ("Help-channel mode is on here (when unsure: {mode}). At most {limit} answers an "
             "hour, only when I'm at least {sure}% sure.")
STATUS_OFF = "Help-channel mode is off here. " + USAGE
OFFER = "Keep your answer for next time?"
OFFER_NOTE = ("Only you see this. Both keep what you wrote in this thread, with the question; "
              "student details are masked.")
NO_REPLY = "I have nothing you wrote in that thread to keep."
ERASED = "That question was erased, so there is nothing to keep."
ALREADY_DRAFTED = "That thread is already saved as an article draft."
NOT_HERE = "Saving that is not available in this installation."


def turned_on(when_unsure: str) -> Reply:
    """Said in the channel, so everyone there knows prepbot now reads it."""
    text = TURNED_ON.format(unsure=UNSURE[when_unsure])
    return Reply(text, (Text(text), Context(MEMBER)))


def status(on: bool, when_unsure: str = "", limit: int = 0, sure: int = 0) -> Reply:
    """Whether this channel is a help channel, and how it behaves."""
    return say(STATUS_ON.format(mode=when_unsure, limit=limit, sure=sure) if on else STATUS_OFF)


def unsure(when_unsure: str) -> list[Reply]:
    """Nothing, or one reaction on the question."""
    return [Reply("👀", reaction=REACTION)] if when_unsure == "react" else []


def offer(thread_id: int) -> Reply:
    """Only for the coach who replied in a thread: keep the answer, in one click."""
    value = str(thread_id)
    buttons = (Button("Resolve as a ticket", "helpchannels.resolve", value, style="primary"),
               Button("Save as article draft", "helpchannels.draft", value))
    return Reply(OFFER, (Text(OFFER), Buttons(buttons), Context(OFFER_NOTE)), private=True)
