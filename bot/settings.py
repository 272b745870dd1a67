"""Every setting prepbot reads, with its default. Read once, by adapters/runtime.py."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, AwareDatetime, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.server_secret import from_setting
from bot.storage.engine import ASYNC_DRIVERS, async_url

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///prepbot.db"


class Settings(BaseSettings):
    """Settings from the environment and a `.env` file; names follow design.md."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str = Field(default=DEFAULT_DATABASE_URL, validation_alias="DATABASE_URL")
    port: int = Field(default=3978, validation_alias="PORT", ge=1, le=65535)
    host: str = Field(default="0.0.0.0", validation_alias="PREPBOT_HOST")
    slack_bot_token: str = Field(default="", validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str = Field(default="", validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str = Field(default="", validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(
        default="https://slack.com/api/", validation_alias="SLACK_API_URL"
    )
    microsoft_app_id: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppId", "MICROSOFTAPPID")
    )
    microsoft_app_password: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppPassword", "MICROSOFTAPPPASSWORD")
    )
    microsoft_app_type: str = Field(
        default="MultiTenant", validation_alias=AliasChoices("MicrosoftAppType", "MICROSOFTAPPTYPE")
    )
    microsoft_app_tenant_id: str = Field(
        default="", validation_alias=AliasChoices("MicrosoftAppTenantId", "MICROSOFTAPPTENANTID")
    )
    public_url: str = Field(default="", validation_alias="PREPBOT_PUBLIC_URL")
    teams_emulator: bool = Field(default=False, validation_alias="PREPBOT_TEAMS_EMULATOR")
    admins: str = Field(default="", validation_alias="PREPBOT_ADMINS")
    kb_dir: str = Field(default="", validation_alias="PREPBOT_KB_DIR")
    playground: bool | None = Field(default=None, validation_alias="PREPBOT_PLAYGROUND")
    log_format: str = Field(default="text", validation_alias="LOG_FORMAT")
    scheduler: bool = Field(default=True, validation_alias="PREPBOT_SCHEDULER")
    tick_seconds: float = Field(default=30, gt=0, le=3600, allow_inf_nan=False,
                                validation_alias="PREPBOT_TICK_SECONDS")
    delivery_lease_seconds: float = Field(default=120, gt=0, le=86_400, allow_inf_nan=False,
                                          validation_alias="PREPBOT_DELIVERY_LEASE_SECONDS")
    # At least 16 KiB: below it, Slack's and Teams' own requests get 413 (stop 53).
    max_body_bytes: int = Field(default=1_000_000, ge=16_384,
                                validation_alias="PREPBOT_MAX_BODY_BYTES")
    secret_key: str = Field(default="", validation_alias="PREPBOT_SECRET_KEY")
    # Where an embedded install keeps its key file, when not beside the database (a volume
    # of its own, so that a copy of the database's volume is not also a copy of its key).
    secret_key_file: str = Field(default="", validation_alias="PREPBOT_SECRET_KEY_FILE")
    inbox_lease_seconds: float = Field(default=30, gt=0, le=86_400, allow_inf_nan=False,
                                       validation_alias="PREPBOT_INBOX_LEASE_SECONDS")
    refresh_seconds: float = Field(default=2, gt=0, le=3600, allow_inf_nan=False,
                                   validation_alias="PREPBOT_REFRESH_SECONDS")
    # Where demo time starts (the district in a box); by default, now.
    demo_start: AwareDatetime | None = Field(default=None, validation_alias="PREPBOT_DEMO_START")
    attachment_max_bytes: int = Field(default=10_000_000, gt=0,
                                      validation_alias="PREPBOT_ATTACHMENT_MAX_BYTES")
    attachment_types: str = Field(default="png,jpeg,gif,webp",
                                  validation_alias="PREPBOT_ATTACHMENT_TYPES")
    # Off: masking hides every name its rules find, colleagues' too (docs/masking.md, "the
    # tenth round", says what the model of grown-ups' names costs and saves).
    masking_model: bool = Field(default=True, validation_alias="PREPBOT_MASKING_MODEL")
    # Whether masking spares the names of the people Slack and Teams have shown prepbot: off,
    # their whole names, context (one word alone too where the words of its sentence lean
    # grown-up) or all (one word alone anywhere); docs/masking.md, "the fifteenth round" and
    # "Stop 60", says what each costs and saves, and why whole names stay the default.
    masking_staff: Literal["off", "whole", "context", "all"] = Field(
        default="whole", validation_alias="PREPBOT_MASKING_STAFF")
    # How often each replica reads Slack's whole member list for those names (users.list),
    # so that a colleague is known before they first write; 0: only people who wrote.
    staff_directory_hours: float = Field(default=6, ge=0, le=24 * 7, allow_inf_nan=False,
                                         validation_alias="PREPBOT_STAFF_DIRECTORY_HOURS")
    # Handing tickets to the district's helpdesk by email (docs/helpdesk/README.md).
    smtp_host: str = Field(default="", validation_alias="PREPBOT_SMTP_HOST")
    smtp_port: int = Field(default=587, validation_alias="PREPBOT_SMTP_PORT", ge=1, le=65535)
    smtp_security: str = Field(default="starttls", pattern="^(starttls|tls|none)$",
                               validation_alias="PREPBOT_SMTP_SECURITY")
    smtp_user: str = Field(default="", validation_alias="PREPBOT_SMTP_USER")
    # SecretStr: shown as ********** wherever the settings are printed or logged.
    smtp_password: SecretStr = Field(default=SecretStr(""),
                                     validation_alias="PREPBOT_SMTP_PASSWORD")
    smtp_from: str = Field(default="", validation_alias="PREPBOT_SMTP_FROM")
    mailgun_signing_key: SecretStr = Field(default=SecretStr(""),
                                           validation_alias="PREPBOT_MAILGUN_SIGNING_KEY")

    @field_validator("database_url", mode="before")
    @classmethod
    def _default_when_blank(cls, value: object) -> object:
        """An empty DATABASE_URL means the embedded default, not an error."""
        return value if value else DEFAULT_DATABASE_URL

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, value: str) -> str:
        """A key the server secret can be made from, checked before anything starts."""
        if value:
            try:
                from_setting(value)
            except ValueError:
                raise ValueError("it is too short: make one with `openssl rand -base64 32`"
                                 ) from None
        return value

    @field_validator("database_url")
    @classmethod
    def _readable(cls, value: str) -> str:
        """A URL SQLAlchemy can read. Why not never quotes it: a password typed without its
        "@host" is read as a port, and was printed whole (a red team's, stop 53)."""
        try:
            url = make_url(async_url(value))
        except (ArgumentError, ValueError):
            raise ValueError("it is not a database URL (driver://user:password@host:port/name"
                             " or sqlite:///file)") from None
        if url.drivername not in ASYNC_DRIVERS.values():
            raise ValueError("prepbot keeps its data in SQLite (sqlite:///file) or PostgreSQL "
                             f"(postgresql://...), not {url.get_backend_name()}")
        if url.port is not None and not 1 <= url.port <= 65535:
            raise ValueError("its port must be 1 to 65535")
        return value

    @property
    def admin_keys(self) -> frozenset[str]:
        """The `platform:user_id` keys named in PREPBOT_ADMINS."""
        return frozenset(k.strip() for k in self.admins.split(",") if k.strip())

    @property
    def smtp_configured(self) -> bool:
        """True when tickets can be emailed to a helpdesk."""
        return bool(self.smtp_host and self.smtp_from)

    @property
    def slack_configured(self) -> bool:
        """True when Slack can be served, over HTTP or Socket Mode."""
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))

    @property
    def teams_configured(self) -> bool:
        """True when a Bot Framework app id is set."""
        return bool(self.microsoft_app_id) or self.teams_emulator

    @property
    def any_platform_credential(self) -> bool:
        """True once any Slack or Teams setting is given, even an incomplete set: from then
        on this is a real install, and the playground is no longer its front door."""
        return any((self.slack_bot_token, self.slack_signing_secret, self.slack_app_token,
                    self.microsoft_app_id, self.microsoft_app_password,
                    self.microsoft_app_tenant_id, self.teams_emulator))

    @property
    def playground_mode(self) -> str:
        """"main" (a demo install: the playground is prepbot), "separate" (a real install
        whose operator turned the playground on: its own demo database), or "off"."""
        if not self.any_platform_credential:
            return "main"
        return "separate" if self.playground else "off"

    @property
    def playground_personas(self) -> bool:
        """The persona switch: on in a demo, unless PREPBOT_PLAYGROUND=0 turns it off."""
        return self.playground_mode != "off" and self.playground is not False

    def missing_slack(self) -> list[str]:
        """The Slack settings still missing for HTTP mode."""
        names = {"SLACK_BOT_TOKEN": self.slack_bot_token}
        if not self.slack_app_token:
            names["SLACK_SIGNING_SECRET"] = self.slack_signing_secret
        return [name for name, value in names.items() if not value]

    def missing_teams(self) -> list[str]:
        """The Bot Framework settings still missing."""
        return [] if self.microsoft_app_id else ["MicrosoftAppId", "MicrosoftAppPassword"]
