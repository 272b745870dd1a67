"""The demo world beside a real install shares nothing that could act on the real one."""

from __future__ import annotations

from pathlib import Path

from adapters.district.world import apart
from adapters.runtime import Runtime, load_settings, server_secret
from bot.features.tickets.similar import JOIN
from bot.storage.engine import make_engine


async def test_what_the_demo_signs_means_nothing_to_the_real_install(runtime: Runtime) -> None:
    # Found by a red team: the demo shared PREPBOT_SECRET_KEY, and its ids are as small as the
    # real ones, so a "me too" offer for demo ticket #1 joined a teacher to real ticket #1.
    assert runtime.settings.secret_key  # a real install's own key
    async with apart(runtime.settings) as demo:
        offer = demo.bot.secret.sign(JOIN, "1:1")
        assert demo.bot.secret.verify(JOIN, offer) == "1:1"
        assert runtime.bot.secret.verify(JOIN, offer) is None
        assert not demo.settings.microsoft_app_tenant_id and not demo.settings.admins


async def test_a_key_file_of_the_real_install_is_not_the_demos_either(tmp_path: Path) -> None:
    # A red team's (stop 44): with the key in PREPBOT_SECRET_KEY_FILE (the Docker image's
    # layout) the demo read the real install's key file and signed with it.
    real = load_settings(DATABASE_URL=f"sqlite:///{tmp_path / 'prepbot.db'}",
                         PREPBOT_SECRET_KEY="", PREPBOT_SECRET_KEY_FILE=str(tmp_path / "k"))
    engine = make_engine(real.database_url)
    try:
        async with apart(real) as demo:
            offer = demo.bot.secret.sign(JOIN, "1:1")
            assert server_secret(real, engine).verify(JOIN, offer) is None
    finally:
        await engine.dispose()
