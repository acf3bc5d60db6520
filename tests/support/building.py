"""Building the site in a subprocess, as `make build` does: `mkdocs build --strict` into a folder of the test's.

Every test that needs a built site goes through `run_build` (the build may fail;
the test looks at its output) or `build_site` (the build must succeed).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from support.paths import DATA_FILE, MINIMAL, PROJECT_DIR

MKDOCS = [sys.executable, "-m", "mkdocs"]
# For builds whose tests do not look at the plan PDFs: much quicker.
WITHOUT_PDFS = {"PLAN_SKIP_PDF": "1"}
# What a build of the project needs: not the virtualenv, caches, built sites, benchmarks or tests.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "assets")


def copy_project(target: Path, data_file: Path = MINIMAL) -> Path:
    """A copy of the project at `target` that a test may change, with `data_file` as its data."""
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    shutil.copyfile(data_file, target / "data" / "initiatives.yaml")
    return target


@dataclass(frozen=True)
class BuiltSite:
    """A site built into `root`, with what the build printed."""

    root: Path
    log: str

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the page at a site-relative URL path such as `en/indsatser/x/` (or a file such as `404.html`)."""
        path = self.root / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def file_hashes(root: Path) -> dict[str, str]:
    """The sha256 of every file under `root` (a built site), by its path relative to `root`."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(root.rglob("*")) if path.is_file()}


def build_environment(data_file: Path | None = DATA_FILE, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment for a build of `data_file` (None: the project's own data file), plus `extra_env`."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if data_file is None:
        environment.pop("PLAN_DATA_FILE", None)
    else:
        environment["PLAN_DATA_FILE"] = str(data_file)
    return {**environment, **(extra_env or {})}


def run_build(
    site_dir: Path | None,
    data_file: Path | None = DATA_FILE,
    extra_env: dict[str, str] | None = None,
    *,
    project: Path = PROJECT_DIR,
    launcher: Sequence[str] = MKDOCS,
    wrapper: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` in `project`, into `site_dir` (None: the project's own site/), and return what it did.

    `launcher` is what runs MkDocs (`python -m mkdocs`, or a script that takes
    MkDocs' arguments); `wrapper` goes in front of it (e.g. `faketime`).
    """
    command = [*wrapper, *launcher, "build", "--strict"]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=build_environment(data_file, extra_env), capture_output=True, text=True, timeout=600)


def build_site(site_dir: Path, data_file: Path | None = DATA_FILE, extra_env: dict[str, str] | None = None, **options) -> BuiltSite:
    """A build that must succeed (the test fails with the build's output otherwise); options as for `run_build`."""
    result = run_build(site_dir, data_file, extra_env, **options)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)
