"""The aiohttp server: health, metrics, the playground, and the Slack and Teams routes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from adapters import attachments, charts
from adapters import helpdesk as helpdesk_adapter
from adapters.district import DemoClock
from adapters.logs import AccessLogger, adapter_of, with_request_id
from adapters.runtime import Runtime, build_runtime
from adapters.web import api as playground
from adapters.web.api import PLAYGROUND
from bot.server_secret import ServerSecret
from bot.settings import Settings
from bot.storage.engine import READ_ONLY
from bot.storage.migrate import current_revision, head_revision
from bot.stored_settings import mark_secret

log = logging.getLogger(__name__)
RUNTIME = web.AppKey("runtime", Runtime)
RELOAD_HEADER = "X-Prepbot-Reload"


@web.middleware
async def timed(request: web.Request,
                handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                ) -> web.StreamResponse:
    """Count each request and record its latency, by adapter and route."""
    started, status = time.perf_counter(), 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as error:
        status = error.status
        raise
    finally:
        route = request.match_info.route.resource
        name = route.canonical if route is not None else "unmatched"
        adapter = adapter_of(request.path)
        metrics = request.app[RUNTIME].metrics
        metrics.requests.labels(adapter, name, str(status)).inc()
        metrics.request_seconds.labels(adapter, name).observe(time.perf_counter() - started)


@web.middleware
async def limited(request: web.Request,
                  handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                  ) -> web.StreamResponse:
    """413 for a declared body over the limit, before any of it is read.

    A chunked body declares no length: client_max_size stops it once the limit is read.
    """
    limit = request.app[RUNTIME].settings.max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    return await handler(request)


async def live(_: web.Request) -> web.Response:
    """Liveness: the process answers; the database is not asked (a restart would not fix it)."""
    return web.json_response({"status": "alive"})


async def healthz(request: web.Request) -> web.Response:
    """Readiness: 200 when the database answers and its schema is current; 503 otherwise.

    `?probe=live` (or /healthz/live) asks only whether the process is up.
    """
    if request.query.get("probe") == "live":
        return await live(request)
    runtime = request.app[RUNTIME]
    try:
        async with runtime.engine.connect() as connection:
            await connection.execution_options(**READ_ONLY)
            await connection.execute(text("SELECT 1"))
        revision = await current_revision(runtime.engine)
    except Exception as error:  # any failure to reach the database means "not ready"
        log.warning("health check failed: %s", type(error).__name__)
        return web.json_response({"status": "unavailable", "database": "unreachable"}, status=503)
    current = revision == head_revision()
    body = {"status": "ok" if current else "migrating", "database": "ok",
            "migrations": "current" if current else f"at {revision}",
            "scheduler": runtime.scheduler.role if runtime.settings.scheduler else "off",
            "articles": len(runtime.kb.articles)}
    return web.json_response(body, status=200 if current else 503)


async def metrics(request: web.Request) -> web.Response:
    """Prometheus text format."""
    body = request.app[RUNTIME].metrics.render()
    return web.Response(body=body, content_type="text/plain", charset="utf-8")


def not_configured(platform: str, missing: list[str]) -> Callable[[web.Request],
                                                                     Awaitable[web.Response]]:
    """A handler that explains which settings a platform still needs."""
    # Read by an operator (the platform's delivery log, curl), never in chat: English.
    explained = f"{platform} is not configured: set {', '.join(missing)} and restart prepbot."

    async def handler(_: web.Request) -> web.Response:
        return web.json_response({"error": "not_configured", "platform": platform,
                                  "missing": missing, "message": explained}, status=503)
    return handler


RELOAD = "kb-reload"  # what `prepbot kb reload`'s header is signed for


def reload_token(secret: ServerSecret) -> str:
    """The header `prepbot kb reload` sends: only a holder of the server secret can make it
    (behind a proxy on the same machine every request comes from 127.0.0.1)."""
    return secret.sign(RELOAD, "reload")


async def reload_kb(request: web.Request) -> web.Response:
    """Re-read the knowledge base (`prepbot kb reload`, with the server's secret)."""
    runtime = request.app[RUNTIME]
    given = request.headers.get(RELOAD_HEADER, "")
    if not given or runtime.bot.secret.verify(RELOAD, given) != "reload":
        return web.json_response({"error": "forbidden"}, status=403)
    count = runtime.kb.reload()
    return web.json_response({"articles": count})


def mount_platforms(app: web.Application, runtime: Runtime) -> None:
    """The Slack and Teams routes: their adapters once configured, a clear 503 until then."""
    settings = runtime.settings
    if settings.slack_configured:
        from adapters.slack import mount as mount_slack  # imported only when used: start-up time

        mount_slack(app, runtime)
    else:
        app.router.add_post("/slack/events", not_configured("Slack", settings.missing_slack()))
    if settings.teams_configured:
        from adapters.teams import mount as mount_teams

        mount_teams(app, runtime)
    else:
        app.router.add_post("/api/messages", not_configured("Teams", settings.missing_teams()))


def make_app(runtime: Runtime) -> web.Application:
    """The whole HTTP surface for one runtime."""
    # The request id comes first so that every later middleware and handler logs under it.
    app = web.Application(middlewares=[with_request_id, timed, limited],
                          client_max_size=runtime.settings.max_body_bytes)
    app[RUNTIME] = runtime
    scheduler, enabled = runtime.scheduler, runtime.settings.scheduler
    runtime.metrics.leader.set_function(lambda: float(enabled and scheduler.leader.leading))
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/healthz/live", live)
    app.router.add_get("/metrics", metrics)
    app.router.add_post("/admin/kb/reload", reload_kb)
    mount_platforms(app, runtime)
    helpdesk_adapter.mount(app, runtime)
    playground.add_routes(app, runtime)
    charts.add_routes(app, runtime)
    attachments.add_routes(app, runtime)
    app.cleanup_ctx.append(_watch_knowledge)
    app.cleanup_ctx.append(_refresh)
    return app


async def _run_scheduler(app: web.Application) -> AsyncIterator[None]:
    """Start the scheduler with the server (it leads or follows) and stop it on shutdown."""
    schedulers = [app[RUNTIME].scheduler]
    demo = app.get(PLAYGROUND)
    if demo is not None and demo.scheduler is not None:
        schedulers.append(demo.scheduler)  # the playground's own demo world
    for scheduler in schedulers:
        scheduler.start()
    yield
    for scheduler in schedulers:
        await scheduler.stop()


async def _refresh(app: web.Application) -> AsyncIterator[None]:
    """Every PREPBOT_REFRESH_SECONDS, pick up what another replica changed (an article a
    coach published there): each replica polls the database for itself (docs/scaling.md)."""
    runtime, stop = app[RUNTIME], asyncio.Event()

    async def loop() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), runtime.settings.refresh_seconds)
            if not stop.is_set():
                await runtime.bot.refresh()

    task = asyncio.create_task(loop())
    yield
    stop.set()  # a refresh under way finishes: cancelled mid-query, SQLite's thread can hang
    await task


async def _watch_knowledge(app: web.Application) -> AsyncIterator[None]:
    """Reload the knowledge base when a district's own folder changes."""
    kb = app[RUNTIME].kb
    if kb.extra is None:
        yield
        return
    from knowledge.watch import watch  # only a district folder needs watching

    stop = asyncio.Event()
    task = asyncio.create_task(watch(kb, stop))
    yield
    stop.set()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _app_factory(settings: Settings) -> web.Application:
    # With no platform the playground is the install: demo time can be skipped forward.
    runtime = await build_runtime(settings, clock=DemoClock(settings.demo_start)
                                  if settings.playground_mode == "main" else None)
    await _mark_secret(runtime)
    app = make_app(runtime)
    if settings.scheduler:
        app.cleanup_ctx.append(_run_scheduler)

    async def close(_: web.Application) -> None:
        await runtime.close()

    app.on_cleanup.append(close)
    return app


async def _mark_secret(runtime: Runtime) -> None:
    """Record which secret the server runs with, so `prepbot privacy delete` run with another
    is refused; say so when it changed since the last start."""
    if not runtime.bot.secret.lasting:
        return
    try:
        try:
            async with runtime.sessions() as session, session.begin():
                same = await mark_secret(session, runtime.bot.secret)
        except IntegrityError:  # another replica starting marked it first: compare
            async with runtime.sessions() as session, session.begin():
                same = await mark_secret(session, runtime.bot.secret)
    except (SQLAlchemyError, OSError) as error:  # a read-only database still serves
        log.warning("could not record the server secret's mark: %s", type(error).__name__)
        return
    if not same:
        log.error("the server secret is not the one this database was last served with: "
                  "pulse answers waiting and links signed before cannot be read "
                  "(docs/backup.md)")


def serve(settings: Settings) -> None:
    """Run the server until SIGINT or SIGTERM, then shut down gracefully."""
    url = f"http://localhost:{settings.port}/"
    print(f"prepbot is starting. Open the playground at {url}", flush=True)
    web.run_app(_app_factory(settings), host=settings.host, port=settings.port,
                print=lambda _: print(f"prepbot is listening on {url}", flush=True),
                access_log_class=AccessLogger,
                shutdown_timeout=10)
