"""Helpers for tests that run a real `mkdocs serve`: a free port, polling, and a server that is always stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_or_none(url: str, timeout: float = 30) -> bytes | None:
    """The body at `url`, or None while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], object], what: str, timeout: float = 90, interval: float = 0.25) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@contextmanager
def running_mkdocs_serve(project: Path, port: int, env: dict[str, str], log_file: Path, launcher: Sequence[str] = (sys.executable, "-m", "mkdocs")) -> Iterator[str]:
    """Run `mkdocs serve --strict` in `project`, logging to `log_file`; yield its base URL; always stop it.

    `launcher` is what runs MkDocs (as in `support.building.run_build`).
    """
    with log_file.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [*launcher, "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)
