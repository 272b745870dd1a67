"""`/prepbot settings helpdesk <route> ...`: where a route's new tickets go outside prepbot.

A shared secret is never shown back, logged, or put in a sentence: it is sealed on arrival,
and chat only ever says whether one is set.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Form, Input, Reply, Text, form_reply
from bot.errors import BadInput
from bot.features.helpdesk import routes, views
from bot.features.helpdesk.models import HelpdeskRouteRow
from bot.i18n import _
from bot.turn import Turn
from bot.vocabulary import Command, Submission

VERBS = ("email", "webhook", "secret")
SECRET_FORM = "helpdesk.secret"


async def helpdesk(turn: Turn[Command]) -> list[Reply]:
    """List the routes, or change one: `<route> email|webhook|secret <value>`, `<route>
    email off`, `<route> off`, `<route> remove`."""
    words = turn.incoming.text.split()
    if not words:
        return [await listing(turn.session)]
    if words[-1].lower() in ("off", "remove") and (len(words) < 2 or
                                                    words[-2].lower() not in VERBS):
        return [await _whole_route(turn, words[:-1], words[-1].lower())]
    if words[-1].lower() == "secret":  # the form: the value never shows in the conversation
        route = await routes.parse_route(turn.session, words[:-1])
        return [form_reply(secret_form(route))]
    if len(words) < 3 or words[-2].lower() not in VERBS:
        raise BadInput(_(views.USAGE))
    route = await routes.parse_route(turn.session, words[:-2])
    return [await _set(turn, route, words[-2].lower(), words[-1])]


async def _set(turn: Turn[Command] | Turn[Submission], route: routes.Route, verb: str,
               value: str) -> Reply:
    off = value.lower() == "off"
    if off and await turn.session.get(HelpdeskRouteRow, route.key) is None:
        raise BadInput(_("The {route} route has no {verb} to turn off.").format(
            route=route.label, verb=verb))
    row = await routes.route_row(turn.session, route, turn.now)
    if verb == "email":
        row.email = "" if off else routes.checked_email(value)
        said = (_("Email is off.") if off else
                _("New {route} tickets will be emailed to {address}.").format(
                    route=route.label, address=row.email))
    elif verb == "webhook":
        row.webhook_url = "" if off else routes.checked_url(value)
        said = (_("The webhook is off.") if off else
                _("New {route} tickets will be posted to {url}.").format(
                    route=route.label, url=routes.shown_url(row.webhook_url)))
    else:
        row.secret = None if off else routes.seal(turn.secret, value)
        said = (_("The secret is removed.") if off else
                _("The secret is saved. I won't show it again."))
    reply = views.changed(route.label, row, said)
    if row.email and not turn.settings.smtp_configured:
        reply = views.with_line(reply, _(views.NO_SMTP))
    return reply


async def _whole_route(turn: Turn[Command], words: list[str], verb: str) -> Reply:
    route = await routes.parse_route(turn.session, words)
    if verb == "off":
        row = await routes.route_row(turn.session, route, turn.now)
        row.email, row.webhook_url = "", ""
        return views.changed(route.label, row, _("New {route} tickets stay in prepbot.").format(
            route=route.label))
    stored = await turn.session.get(HelpdeskRouteRow, route.key)
    if stored is not None:
        await turn.session.delete(stored)
    text = _("The {route} route is forgotten; the next route applies to its tickets.").format(
        route=route.label)
    return Reply(text, (Text(text),), private=True)


def secret_form(route: routes.Route) -> Form:
    """One field for the shared secret; the route comes back as the form's context."""
    return Form(SECRET_FORM, _("Helpdesk secret"), (
        Input("secret", _("Shared secret for {route}").format(route=route.label)[:100],
              placeholder=_("16 or more characters, no spaces")),
    ), submit_label=_("Save"), context=route.key)


async def save_secret(turn: Turn[Submission]) -> list[Reply]:
    """The secret form was submitted."""
    route = await routes.route_of_key(turn.session, turn.incoming.context)
    if route is None:
        raise BadInput(_(views.USAGE))
    value = turn.incoming.values.get("secret", "").strip()
    return [await _set(turn, route, "secret", value)]


async def listing(session: AsyncSession) -> Reply:
    """Every route and where it goes."""
    lines = [views.route_summary(await routes.label_of(session, row.route), row)
             for row in await routes.all_routes(session)]
    text = "\n".join(lines) if lines else _("No ticket goes to a helpdesk yet.")
    return Reply(text, (Text(text, markdown=False), Text(_(views.USAGE))), private=True)


async def describe(session: AsyncSession) -> list[tuple[str, str]]:
    """The helpdesk routes, for `/prepbot settings`."""
    return [(f"helpdesk {await routes.label_of(session, row.route)}",
             views.route_summary("", row).removeprefix(": "))
            for row in await routes.all_routes(session)]
