"""Editor feedback: how soon after a new initiative title is saved `mkdocs serve` shows it in both
languages.

`mkdocs serve --strict` (as `make serve` runs it) is started on a copy of the
project with the real data (the whole series: every plan's pages are built on
each save), on a free port of 127.0.0.1, and measured once the first PDFs of
the current plan are rendered and linked and the server is quiet (its own PDFs:
the preview's PDFs carry the preview's address, so the project's cache would
not match). Each edit changes one initiative's title in the copy's file of the
current plan (`data/plans/<current_plan>.yaml`, Danish and English), then both
language versions of its page (`<plan-id>/indsatser/<id>/`) are polled until
they carry the new title; the feedback time is the later of the two. That
plan's served PDFs (`<plan-id>/pdf/<name>`, in each language) are polled too
until both changed: the title is in the PDF, so it must be rendered again
(after the build, see hooks/plansite/serve/pdf_preview.py; the log says `Plan
PDF (<plan-id>, <lang>)`); the benchmark reports how long after the save both
are served, and waits for that before the next edit.
"""

from __future__ import annotations

import html
import json
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from builds import PROJECT_DIR, build_environment, copy_project

sys.path.insert(0, str(PROJECT_DIR / "hooks"))
from plansite.data.loading import load_data_file
from plansite.data.validation import PLANS_DIR, load_series
from plansite.i18n.languages import language_root
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.urls import PlanPaths, page_url

POLL_SECONDS = 0.02
QUIET_SECONDS = 2.0  # the server counts as settled when its log has been quiet this long


@dataclass(frozen=True)
class Edit:
    """One measured save."""

    initiative: str
    seconds: dict[str, float]  # per language: from the save until the page showed the new title
    # From the save until both served PDFs changed (None: not within the timeout).
    pdf_seconds: float | None

    @property
    def both(self) -> float:
        return max(self.seconds.values())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _retitle(data_file: Path, index: int, titles: dict[str, str]) -> None:
    """Replace the one-line title values of initiative `index` in place, as an editor would."""
    loaded = load_data_file(data_file)
    lines = data_file.read_text(encoding="utf-8").split("\n")
    for language, title in titles.items():
        location = loaded.locate(("initiatives", index, "title", language))
        line = lines[location.line - 1]
        if not line[location.column - 1 :].startswith('"'):
            raise ValueError(
                f"{data_file}:{location.line}: expected a one-line title in double quotes"
            )
        lines[location.line - 1] = line[: location.column - 1] + json.dumps(
            title, ensure_ascii=False
        )
    data_file.write_text("\n".join(lines), encoding="utf-8")


class _Server:
    """`mkdocs serve` on a project copy; stopped by `close()`."""

    def __init__(self, project_dir: Path, log_file: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_file = log_file
        self._log = log_file.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--strict",
                "--dev-addr",
                f"127.0.0.1:{self.port}",
            ],
            cwd=project_dir,
            env=build_environment(),
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_serving(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while _get(self.url) is None:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start (log: {self.log_file})")
            time.sleep(0.2)

    def wait_until_quiet(self, timeout: float = 120) -> None:
        """Until the log has not grown for QUIET_SECONDS: no build or PDF render in progress."""
        deadline = time.monotonic() + timeout
        size, since = -1, time.monotonic()
        while time.monotonic() < deadline:
            current = self.log_file.stat().st_size
            if current != size:
                size, since = current, time.monotonic()
            elif time.monotonic() - since >= QUIET_SECONDS:
                return
            time.sleep(0.1)

    def close(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


def measure_editor_feedback(
    work_dir: Path, edits: int = 5, pdf_timeout: float = 60
) -> dict[str, object]:
    """Start `mkdocs serve` on a copy of the project and time `edits` title changes.

    The titles changed are those of the current plan's initiatives, in turn.
    """
    project = copy_project(work_dir / "serve-project")
    data_dir = project / "data"
    localized = localize(load_series(data_dir), load_strings())
    plan_id = localized["da"].series.site.current_plan
    paths = PlanPaths.of(plan_id)
    data_file = data_dir / PLANS_DIR / f"{plan_id}.yaml"
    initiatives = load_data_file(data_file).data["initiatives"]
    pdf_paths = [
        language_root(language) + paths.pdf(series.plan(plan_id).pdf_file_name())
        for language, series in localized.items()
    ]
    server = _Server(project, work_dir / "serve.log")
    results: list[Edit] = []
    try:
        server.wait_until_serving()
        started = time.perf_counter()
        while not all(_get(server.url + path) for path in pdf_paths):  # after the first build
            if time.perf_counter() - started > 300:
                raise RuntimeError(
                    f"the PDFs of {plan_id} were not served within 300 s (log: {server.log_file})"
                )
            time.sleep(0.2)
        server.wait_until_quiet()
        for number in range(1, edits + 1):
            index = (number - 1) % len(initiatives)
            initiative = initiatives[index]
            titles = {
                "da": f"{initiative['title']['da']} – ændret {number}",
                "en": f"{initiative['title']['en']} – edited {number}",
            }
            urls = {
                language: server.url
                + language_root(language)
                + page_url(paths.initiative(initiative["id"]))
                for language in ("da", "en")
            }
            old_pdfs = {path: _get(server.url + path) for path in pdf_paths}
            _retitle(data_file, index, titles)
            saved = time.perf_counter()
            seconds: dict[str, float] = {}
            while len(seconds) < len(urls):
                for language, url in urls.items():
                    if language not in seconds and html.escape(
                        titles[language], quote=False
                    ).encode() in (_get(url) or b""):
                        seconds[language] = round(time.perf_counter() - saved, 3)
                if time.perf_counter() - saved > 120:
                    raise RuntimeError(
                        f"the new title did not appear within 120 s (log: {server.log_file})"
                    )
                time.sleep(POLL_SECONDS)
            pdf_seconds = None
            while time.perf_counter() - saved < pdf_timeout:
                if all((_get(server.url + path) or old) != old for path, old in old_pdfs.items()):
                    pdf_seconds = round(time.perf_counter() - saved, 2)
                    break
                time.sleep(0.1)
            results.append(Edit(initiative["id"], seconds, pdf_seconds))
            server.wait_until_quiet()
    finally:
        server.close()
    pdf_times = [edit.pdf_seconds for edit in results if edit.pdf_seconds is not None]
    return {
        "plan": plan_id,
        "plans_in_series": len(localized["da"].plans),
        "pdf_paths": pdf_paths,
        "edits": len(results),
        "median_seconds": round(statistics.median(edit.both for edit in results), 3),
        "max_seconds": round(max(edit.both for edit in results), 3),
        "median_seconds_per_language": {
            language: round(statistics.median(edit.seconds[language] for edit in results), 3)
            for language in ("da", "en")
        },
        "pdf_updated_median_seconds": round(statistics.median(pdf_times), 2) if pdf_times else None,
        "pdf_updated_in": f"{len(pdf_times)} of {len(results)} edits",
        "runs": [
            {
                "initiative": edit.initiative,
                "seconds": edit.seconds,
                "pdf_seconds": edit.pdf_seconds,
            }
            for edit in results
        ],
    }
