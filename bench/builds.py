"""Run `mkdocs build --strict` in a subprocess and measure wall time, CPU time, peak memory, pages.

Peak memory is the `ru_maxrss` that `os.wait4` reports for the build process: the
largest resident set of the process and of the children it waited for (its
`git log`). CPU time (user + system) is reported beside wall time because it
moves much less when other work shares the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
# What `mkdocs build` reads from the project; copies get these and nothing else.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "assets")
# What changes a build besides the files: only set when a benchmark sets it.
SETTINGS_VARIABLES = (
    "SOURCE_DATE_EPOCH",
    "PLAN_DATA_DIR",
    "PLAN_PDF_CACHE_DIR",
    "PLAN_SKIP_PDF",
    "PLAN_NOW",
)


class BuildFailed(Exception):
    """A benchmark build did not succeed; the message holds the end of its log."""


@dataclass(frozen=True)
class BuildRun:
    """One measured build."""

    wall_seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    pages: int

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def copy_project(destination: Path) -> Path:
    """Copy what a build reads (config, pages, templates, hooks, data, fonts) to `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


def build_environment(**variables: str) -> dict[str, str]:
    """The environment of a benchmark build: this one, without the banner, plus `variables`.

    The plan's own settings (`plansite.settings`: data folder, PDF cache, no
    PDFs, the moment the site is built for) and `SOURCE_DATE_EPOCH` are only
    those given, so a variable left in the shell cannot change what is measured.
    """
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    for name in SETTINGS_VARIABLES:
        if name not in variables:
            environment.pop(name, None)
    return environment


def count_pages(site_dir: Path) -> int:
    """Pages of both languages: every `index.html` (directory URLs)."""
    return sum(1 for _ in site_dir.rglob("index.html"))


def timed_build(
    project_dir: Path, site_dir: Path, environment: dict[str, str], log_file: Path
) -> BuildRun:
    """Build `project_dir` into an emptied `site_dir`; raise `BuildFailed` when the build fails."""
    shutil.rmtree(site_dir, ignore_errors=True)
    with log_file.open("w", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
            cwd=project_dir,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log_file.read_text(encoding="utf-8").splitlines()[-30:])
        raise BuildFailed(f"mkdocs build failed in {project_dir} (log: {log_file}):\n{tail}")
    return BuildRun(
        round(wall, 3),
        round(usage.ru_utime + usage.ru_stime, 3),
        round(usage.ru_maxrss / 1024, 1),
        count_pages(site_dir),
    )
