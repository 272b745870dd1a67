"""The Dockerfile and compose file, checked as CI checks them (Docker cannot run here)."""

from __future__ import annotations

import yaml

from tests.deploy.lint import DEPLOY, compose_problems, dockerfile_problems, problems


def test_the_shipped_deploy_files_pass() -> None:
    assert problems() == []


def test_compose_runs_two_replicas_on_one_postgres_behind_the_proxy() -> None:
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert {"postgres", "prepbot-1", "prepbot-2", "proxy"} <= set(services)
    for name in ("prepbot-1", "prepbot-2"):
        assert services[name]["env_file"] == ".env"
        assert services[name]["depends_on"]["migrate"]["condition"] == \
            "service_completed_successfully"
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["migrate"]["entrypoint"] == ["prepbot", "db", "upgrade"]
    conf = (DEPLOY / "nginx.conf").read_text()
    assert "prepbot-1:3978" in conf and "prepbot-2:3978" in conf
    assert "X-Request-Id $request_id" in conf


def test_no_secret_is_committed() -> None:
    example = (DEPLOY / ".env.example").read_text()
    assert "POSTGRES_PASSWORD=change-me" in example
    assert ".env" in (DEPLOY.parent / ".gitignore").read_text().splitlines()


def test_the_lint_catches_a_bad_dockerfile() -> None:
    bad = ("FROM python:3.11-slim\nRUN pip install prepbot\nUSER root\n"
           'CMD ["sh", "-c", "prepbot serve && prepbot db upgrade"]\n')
    found = " ".join(dockerfile_problems(bad))
    for expected in ("multi-stage", "non-root", "HEALTHCHECK", "db upgrade"):
        assert expected in found


def test_the_lint_catches_a_bad_compose_file() -> None:
    assert "does not parse" in compose_problems("services: [")[0]
    one = "services:\n  app:\n    image: prepbot:latest\n    environment: {DATABASE_URL: x}\n"
    found = " ".join(compose_problems(one))
    for expected in ("no postgres", "1 prepbot replica", "not on PostgreSQL", "no .env",
                     "no reverse proxy"):
        assert expected in found
