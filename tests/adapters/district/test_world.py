"""The demo world beside a real install shares nothing that could act on the real one."""

from __future__ import annotations

from adapters.district.world import apart
from adapters.runtime import Runtime
from bot.features.tickets.similar import JOIN


async def test_what_the_demo_signs_means_nothing_to_the_real_install(runtime: Runtime) -> None:
    # Found by a red team: the demo shared PREPBOT_SECRET_KEY, and its ids are as small as the
    # real ones, so a "me too" offer for demo ticket #1 joined a teacher to real ticket #1.
    assert runtime.settings.secret_key  # a real install's own key
    async with apart(runtime.settings) as demo:
        offer = demo.bot.secret.sign(JOIN, "1:1")
        assert demo.bot.secret.verify(JOIN, offer) == "1:1"
        assert runtime.bot.secret.verify(JOIN, offer) is None
        assert not demo.settings.microsoft_app_tenant_id and not demo.settings.admins
