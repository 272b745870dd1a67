"""Helpdesk: hand a route's new tickets to the district's own helpdesk (email and/or a signed
webhook), and bring its answers (email replies, a signed status webhook) back to the teacher."""

from bot.feature import Feature, OnCommand, OnForm
from bot.features.helpdesk import handlers, inbound, jobs, service
from bot.i18n import N_
from bot.roles import Role

feature = Feature(
    "helpdesk",
    commands=(
        OnCommand("prepbot settings helpdesk", handlers.helpdesk,
                  N_("send a route's new tickets to the district's helpdesk (email, webhook)"),
                  "/prepbot settings helpdesk [<route> email|webhook|secret <value>|off|remove]",
                  Role.ADMIN),
    ),
    forms=(OnForm(handlers.SECRET_FORM, handlers.save_secret, Role.ADMIN),),
    jobs=jobs.register,
    describe=handlers.describe,
    # What teachers wrote, as passed on (masked), and their room; the helpdesk keeps its own copy.
    erase={"helpdesk_messages": service.erase_writer},
    exported_through=("helpdesk_handoffs",),  # her ticket's handoff: its room and reference
    ticket_news=service.on_ticket_news,
    receivers={"helpdesk.status": inbound.status, "helpdesk.email": inbound.email_reply},
)
