"""Real nginx with the shipped config, on loopback: for the header tests, the privacy sweep's CSP and
the `nginx_url` fixture.

nginx runs as the current user (root in CI works too) on a free 127.0.0.1 port, with its pid, logs
and temp files in a temp folder. Only the root path and the listen lines of deploy/nginx.conf are
replaced; everything else is exactly what a self-hoster installs.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SHIPPED_CONF = ROOT / "deploy" / "nginx.conf"
SHIPPED_ROOT = "/var/www/ipt-guide"
SHIPPED_LISTEN = ("listen 80;", "listen [::]:80;")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_block(site: Path, port: int) -> str:
    """deploy/nginx.conf with only the root path and the listen lines changed."""
    text = SHIPPED_CONF.read_text(encoding="utf-8")
    for needle in (SHIPPED_ROOT, *SHIPPED_LISTEN):
        assert needle in text, f"deploy/nginx.conf: '{needle}' not found — update tests/support/nginx.py"
    text = text.replace(SHIPPED_LISTEN[0], f"listen 127.0.0.1:{port};").replace(SHIPPED_LISTEN[1], "")
    return text.replace(SHIPPED_ROOT, str(site))


def main_conf(prefix: Path) -> str:
    """The http{} frame Debian's /etc/nginx/nginx.conf gives, with every writable path in `prefix`."""
    user, group = pwd.getpwuid(os.getuid()).pw_name, grp.getgrgid(os.getgid()).gr_name
    temps = "\n".join(
        f"  {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""user {user} {group};
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temps}
  include {prefix}/site.conf;
}}
"""


@contextlib.contextmanager
def run_nginx(site: Path, prefix: Path) -> Iterator[str]:
    """Start nginx on `site`; yield its base URL (ending in /); stop it (our own process only)."""
    assert Path(NGINX).exists(), "nginx is not installed — run `make test` (it installs Debian's nginx)"
    port = free_port()
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "site.conf").write_text(server_block(site, port), encoding="utf-8")
    (prefix / "nginx.conf").write_text(main_conf(prefix), encoding="utf-8")
    cmd = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
    check = subprocess.run([*cmd, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx -t failed:\n{check.stderr}"
    proc = subprocess.Popen([*cmd, "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_until_up(url: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"nginx exited: {proc.stderr.read() if proc.stderr else ''}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=1).close()
            return
        time.sleep(0.05)
    raise AssertionError("nginx did not answer within 10 s")
