"""Private replies in a shared conversation go to the person's 1:1 chat with the bot.

Teams has no ephemeral messages: a reply in a channel or group chat is read by everyone
there. A ticket queue or a survey's results meant for one coach is sent to their personal
chat instead (Teams gives back the existing 1:1 conversation, or starts one when the app
is installed in a team they are in), and the thread gets one line saying where it went.
"""

from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ChannelAccount, ConversationParameters
from msrest.exceptions import HttpOperationError

from adapters.teams.inbound import is_personal, tenant_of

log = logging.getLogger(__name__)
SENT = "{name}, I sent you that in our 1:1 chat."
UNREACHABLE = ("{name}, that is only for you, and I couldn't open a 1:1 chat with you. "
               "Add prepbot in Teams (Apps) and ask me there.")


def is_shared(activity: Activity) -> bool:
    """Whether others read this conversation (a channel or a group chat)."""
    return activity.conversation is not None and not is_personal(activity)


async def send_privately(context: TurnContext, app_id: str, activities: list[Activity]) -> bool:
    """Send the activities to the sender's 1:1 chat; False when Teams would not open it."""
    incoming = context.activity
    tenant = tenant_of(incoming)
    parameters = ConversationParameters(
        is_group=False, bot=incoming.recipient, tenant_id=tenant,
        members=[ChannelAccount(id=incoming.from_property.id)],
        channel_data={"tenant": {"id": tenant}} if tenant else None)

    async def deliver(personal: TurnContext) -> None:
        for activity in activities:
            await personal.send_activity(activity)

    try:
        await context.adapter.create_conversation(app_id, deliver, parameters, "msteams",
                                                  incoming.service_url, None)
    except HttpOperationError as error:
        log.warning("could not open a 1:1 chat for a private reply: %s",
                    getattr(error.response, "status_code", "?"))
        return False
    return True


def pointer(activity: Activity, delivered: bool) -> str:
    """The one line left in the shared thread."""
    name = activity.from_property.name or "Hi"
    return (SENT if delivered else UNREACHABLE).format(name=name)
