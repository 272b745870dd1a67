"""The Slack adapter's fixtures (stub, Slack-configured settings, signed client) for pulse."""

from tests.adapters.slack.conftest import settings, slack, slack_stub  # noqa: F401
