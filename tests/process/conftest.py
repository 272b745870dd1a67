"""What the real-process tests share: the platforms' stubs on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.connector_stub import ConnectorStub


@pytest.fixture
async def teams() -> AsyncIterator[ConnectorStub]:
    """Teams' Bot Connector stub, for `prepbot serve` in emulator mode."""
    stub = ConnectorStub()
    await stub.start()
    yield stub
    await stub.close()
