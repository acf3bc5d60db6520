"""Shared fixtures: the real site is built once per test session, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PROJECT_DIR = Path(__file__).resolve().parents[1]
DATA_FILE = Path(os.environ.get("PLAN_DATA_FILE", PROJECT_DIR / "data" / "initiatives.yaml")).resolve()
FIXTURES = Path(__file__).parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass(frozen=True)
class BuiltSite:
    """A site built into `root`, with what the build printed."""

    root: Path
    log: str

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the page at a site-relative URL path such as `en/indsatser/x/`."""
        path = self.root / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def build_site(site_dir: Path, data_file: Path = DATA_FILE, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for `data_file` into `site_dir`."""
    env = {**os.environ, "PLAN_DATA_FILE": str(data_file), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real plan, built once for the whole test session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


@pytest.fixture(scope="session")
def plan():
    """The real plan's model, as the build loads it."""
    from plansite.data.validation import load_plan

    return load_plan(DATA_FILE)
