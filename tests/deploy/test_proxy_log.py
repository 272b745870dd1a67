"""The shipped nginx proxy's access log names a chart's or a picture's path with its token left
out, as prepbot's own log does: the link is its own permission (a red team's, stop 44, read
ticket pictures' links in the proxy's log). Runs the real nginx (`.ci/run` installs it)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.deploy.lint import DEPLOY

TOKEN = "s3cretTOKEN"
PATHS = (f"/attachments/1.{TOKEN}.1796511973.sig", f"/charts/{TOKEN}.png",
         f"/playground/attachments/2.{TOKEN}.99.sig", f"/playground/send?q={TOKEN}", "/healthz")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def shipped_site(folder: Path, port: int) -> Path:
    """deploy/nginx.conf inside a minimal http block: this machine's port, log and upstreams
    (nothing listens upstream; every request is a 502, logged like any other)."""
    site = (DEPLOY / "nginx.conf").read_text()
    site = (site.replace("prepbot-1:3978", "127.0.0.1:9").replace("prepbot-2:3978", "127.0.0.1:9")
            .replace("listen 80;", f"listen 127.0.0.1:{port};")
            .replace("/var/log/nginx/access.log", str(folder / "access.log")))
    (folder / "site.conf").write_text(site)
    temp = " ".join(f"{kind}_temp_path {folder / kind};"
                    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = (f"pid {folder / 'nginx.pid'}; error_log {folder / 'error.log'};\n"
            f"events {{}}\nhttp {{ {temp} include {folder / 'site.conf'}; }}\n")
    (folder / "nginx.conf").write_text(main)
    return folder / "nginx.conf"


def logged_lines(log: Path, count: int) -> str:
    """The log once it holds `count` lines (nginx writes each once its response is sent)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if log.exists() and len(log.read_text().splitlines()) >= count:
            break
        time.sleep(0.05)
    return log.read_text()


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_the_proxys_access_log_leaves_capability_tokens_out(tmp_path: Path) -> None:
    port = free_port()
    conf = shipped_site(tmp_path, port)
    subprocess.run(["nginx", "-c", str(conf), "-p", str(tmp_path)], check=True)
    try:
        for path in PATHS:
            with pytest.raises(urllib.error.HTTPError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
        log = logged_lines(tmp_path / "access.log", len(PATHS))
    finally:
        subprocess.run(["nginx", "-c", str(conf), "-p", str(tmp_path), "-s", "stop"], check=False)
    assert len(log.splitlines()) == len(PATHS)
    assert TOKEN not in log
    for logged in ("/attachments/<token>", "/charts/<token>", "/playground/attachments/<token>",
                   "GET /playground/send\"", "GET /healthz\""):
        assert logged in log
