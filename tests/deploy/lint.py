"""Lint the deploy files without Docker: `python -m tests.deploy.lint` (CI), or import `problems`.

Docker cannot run on the test machines, so this checks what a review would: the compose file
parses and has PostgreSQL, two prepbot replicas and a proxy; the image is multi-stage, runs as
a non-root user, has a health check on /healthz and starts with migrations then the server.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SECRET_LIKE = re.compile(r"(xox[bpa]-[0-9]|xapp-[0-9]|-----BEGIN)")


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", dockerfile)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def dockerfile_problems(text: str) -> list[str]:
    """What the Dockerfile lacks."""
    steps = instructions(text)
    problems = []
    stages = [args for word, args in steps if word == "FROM"]
    if len(stages) < 2:
        problems.append("Dockerfile: not multi-stage (one FROM)")
    if stages and not stages[-1].startswith("python:3.11-slim"):
        problems.append("Dockerfile: the final stage is not python:3.11-slim")
    if not any(word == "COPY" and "--from=" in args for word, args in steps):
        problems.append("Dockerfile: the final stage copies nothing from the build stage")
    users = [args for word, args in steps if word == "USER"]
    if not users or users[-1].split(":")[0] in {"root", "0"}:
        problems.append("Dockerfile: no non-root USER")
    checks = [args for word, args in steps if word == "HEALTHCHECK"]
    if not checks or "/healthz" not in checks[-1]:
        problems.append("Dockerfile: no HEALTHCHECK on /healthz")
    starts = " ".join(args for word, args in steps if word in {"ENTRYPOINT", "CMD"})
    upgrade, serve = starts.find("prepbot db upgrade"), starts.find("prepbot serve")
    if upgrade < 0 or serve < 0 or serve < upgrade:
        problems.append("Dockerfile: ENTRYPOINT/CMD must run `prepbot db upgrade` then "
                        "`prepbot serve`")
    return problems


def compose_problems(text: str) -> list[str]:
    """What compose.yaml lacks."""
    try:
        document: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return [f"compose.yaml does not parse: {error}"]
    services: dict[str, Any] = (document or {}).get("services") or {}
    problems = []
    if not any("postgres" in str(s.get("image", "")) for s in services.values()):
        problems.append("compose.yaml: no postgres service")
    # A replica runs the image's own start command; a one-shot job (migrate) overrides it.
    replicas = [name for name, s in services.items() if "entrypoint" not in s and (
                "prepbot" in str(s.get("image", "")) or "Dockerfile" in str(s.get("build")))]
    if len(replicas) < 2:
        problems.append(f"compose.yaml: {len(replicas)} prepbot replica(s), want 2")
    for name in replicas:
        url = str((services[name].get("environment") or {}).get("DATABASE_URL", ""))
        if not url.startswith("postgresql://"):
            problems.append(f"compose.yaml: {name} is not on PostgreSQL")
        if services[name].get("env_file") is None:
            problems.append(f"compose.yaml: {name} reads no .env file")
    if not any(re.search(r"nginx|caddy|haproxy|traefik", str(s.get("image", "")))
               for s in services.values()):
        problems.append("compose.yaml: no reverse proxy")
    return problems


def secret_problems(folder: Path) -> list[str]:
    """Anything committed under deploy/ that looks like a real token or key."""
    return [f"{path.name}: looks like a real secret" for path in sorted(folder.rglob("*"))
            if path.is_file() and SECRET_LIKE.search(path.read_text("utf-8", errors="ignore"))]


def problems(folder: Path = DEPLOY) -> list[str]:
    """Every problem with the deploy files; empty when they pass."""
    return (dockerfile_problems((folder / "Dockerfile").read_text("utf-8"))
            + compose_problems((folder / "compose.yaml").read_text("utf-8"))
            + ([] if (folder / "nginx.conf").is_file() else ["deploy/nginx.conf is missing"])
            + secret_problems(folder))


if __name__ == "__main__":
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"deploy files: {len(found)} problem(s)")
    sys.exit(1 if found else 0)
