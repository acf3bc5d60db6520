"""Two clean builds of the same commit are byte-identical, whatever the clock, time zone or hash seed.

The second build runs under libfaketime three days and five hours later, in
another time zone, with another hash seed and into another folder, so any date
taken from the clock, any local-time formatting, any set-ordered output and
any absolute build path shows up as a differing file. Each build starts with
empty caches, so the PDFs are rendered twice. Both builds get the same
SOURCE_DATE_EPOCH (what `make build` takes from the last commit) and the same
PLAN_NOW (the moment scheduled items are published for).
"""

from __future__ import annotations

import difflib
import gzip
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.building import build_site, file_hashes
from support.problems import assert_no_problems

# Noon on the plan's last day: far from any real build date, so a date taken
# from the clock cannot pass for it.
SOURCE_DATE = datetime(2021, 12, 31, 12, 0, tzinfo=timezone.utc)
LATER = "+77h"  # three days and five hours


@dataclass(frozen=True)
class Build:
    root: Path
    manifest: dict[str, str]


def build_into(site_dir: Path, cache_dir: Path, wrapper: list[str], environment: dict[str, str]) -> Build:
    """A clean strict build of the working tree into `site_dir`, with its own cache folder."""
    env = {
        "SOURCE_DATE_EPOCH": str(int(SOURCE_DATE.timestamp())),
        "PLAN_NOW": SOURCE_DATE.isoformat(),
        "XDG_CACHE_HOME": str(cache_dir),
        "PLAN_PDF_CACHE_DIR": str(cache_dir / "pdf"),  # render the PDFs, do not take them from .cache/
        **environment,
    }
    build_site(site_dir, extra_env=env, wrapper=wrapper)
    return Build(site_dir, file_hashes(site_dir))


@pytest.fixture(scope="session")
def twin_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    first = build_into(tmp_path_factory.mktemp("first-build"), tmp_path_factory.mktemp("first-cache"), [], {"TZ": "UTC", "PYTHONHASHSEED": "1"})
    second = build_into(tmp_path_factory.mktemp("second-build-elsewhere"), tmp_path_factory.mktemp("second-cache"), ["faketime", "-f", LATER], {"TZ": "Pacific/Auckland", "PYTHONHASHSEED": "2"})
    return first, second


def first_difference(first: Path, second: Path) -> str:
    """Where two versions of a file start to differ, for the failure message."""
    try:
        lines = (first.read_text(encoding="utf-8").splitlines(), second.read_text(encoding="utf-8").splitlines())
    except UnicodeDecodeError:
        return "    (binary file)"
    diff = list(difflib.unified_diff(*lines, lineterm="", n=0))
    return "\n".join(f"    {line[:160]}" for line in diff[2:8])


def test_two_builds_of_one_commit_are_byte_identical(twin_builds: tuple[Build, Build]) -> None:
    first, second = twin_builds
    only_first = sorted(set(first.manifest) - set(second.manifest))
    only_second = sorted(set(second.manifest) - set(first.manifest))
    changed = sorted(path for path in set(first.manifest) & set(second.manifest) if first.manifest[path] != second.manifest[path])
    report = [f"only in the first build: {path}" for path in only_first]
    report += [f"only in the second build: {path}" for path in only_second]
    report += [f"differs: {path}\n{first_difference(first.root / path, second.root / path)}" for path in changed]
    assert_no_problems(report, "differences between the two builds")


def test_the_compared_builds_hold_pages_pdfs_and_sitemap(twin_builds: tuple[Build, Build]) -> None:
    first, _ = twin_builds
    suffixes = {Path(path).suffix for path in first.manifest}
    assert {".html", ".pdf", ".xml", ".gz"} <= suffixes
    assert sum(path.endswith(".html") for path in first.manifest) > 100


def test_the_faked_clock_reaches_the_second_build() -> None:
    result = subprocess.run(["faketime", "-f", LATER, "date", "-u", "+%s"], capture_output=True, text=True, check=True)
    shift = int(result.stdout) - datetime.now(timezone.utc).timestamp()
    assert 77 * 3600 - 60 < shift < 77 * 3600 + 60


def test_the_sitemap_is_dated_by_source_date_epoch(twin_builds: tuple[Build, Build]) -> None:
    first, _ = twin_builds
    sitemap = BeautifulSoup((first.root / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    dates = {lastmod.get_text() for lastmod in sitemap.find_all("lastmod")}
    assert dates == {SOURCE_DATE.date().isoformat()}


def test_the_compressed_sitemap_carries_the_source_date(twin_builds: tuple[Build, Build]) -> None:
    first, _ = twin_builds
    raw = (first.root / "sitemap.xml.gz").read_bytes()
    modified = datetime.fromtimestamp(int.from_bytes(raw[4:8], "little"), timezone.utc)
    assert modified.date() == SOURCE_DATE.date()
    assert gzip.decompress(raw) == (first.root / "sitemap.xml").read_bytes()
