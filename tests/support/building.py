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

from support.paths import DATA_DIR, MINIMAL_DIR, PROJECT_DIR

MKDOCS = [sys.executable, "-m", "mkdocs"]
# For builds whose tests do not look at the plan PDFs: much quicker.
WITHOUT_PDFS = {"PLAN_SKIP_PDF": "1"}
# What a build of the project needs: not the virtualenv, caches, built sites, benchmarks or tests.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "assets")


# The files of a data folder that make a series (data/strings and data/schema belong to the code).
SERIES_PARTS = ("site.yaml", "actors.yaml", "plans")


def copy_project(target: Path, data_dir: Path = MINIMAL_DIR) -> Path:
    """A copy of the project at `target` that a test may change, with `data_dir`'s series as its data."""
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    copy_series(data_dir, target / "data")
    return target


def copy_series(data_dir: Path, target: Path) -> Path:
    """The series of `data_dir` (site, actors, plans) copied into `target`, replacing any there."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SERIES_PARTS:
        if (target / part).is_dir():
            shutil.rmtree(target / part)
        source = data_dir / part
        (shutil.copytree(source, target / part) if source.is_dir() else shutil.copyfile(source, target / part))
    return target


def series_with_plan(folder: Path, plan_text: str, base: Path = MINIMAL_DIR, plan_id: str = "2019-2021") -> Path:
    """A data folder at `folder`: `base`'s series with the plan `plan_id` written as `plan_text`."""
    copy_series(base, folder)
    (folder / "plans" / f"{plan_id}.yaml").write_text(plan_text, encoding="utf-8")
    return folder


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


def build_environment(data_dir: Path | None = DATA_DIR, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment for a build of `data_dir` (None: the project's own data folder), plus `extra_env`."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if data_dir is None:
        environment.pop("PLAN_DATA_DIR", None)
    else:
        environment["PLAN_DATA_DIR"] = str(data_dir)
    return {**environment, **(extra_env or {})}


def run_build(
    site_dir: Path | None,
    data_dir: Path | None = DATA_DIR,
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
    return subprocess.run(command, cwd=project, env=build_environment(data_dir, extra_env), capture_output=True, text=True, timeout=600)


def build_site(site_dir: Path, data_dir: Path | None = DATA_DIR, extra_env: dict[str, str] | None = None, **options) -> BuiltSite:
    """A build that must succeed (the test fails with the build's output otherwise); options as for `run_build`."""
    result = run_build(site_dir, data_dir, extra_env, **options)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)
