"""Build two versions of the project with the same inputs and compare every file of the two sites.

    python scripts/compare_builds.py [BASE [OTHER]] [--keep DIR]

BASE (default `HEAD`) is checked out into a temporary git worktree; the other
side is the commit OTHER, checked out likewise, or else the working tree as it
is now, uncommitted changes included. Both are
built with `mkdocs build --strict`, the same `SOURCE_DATE_EPOCH` (BASE's commit
time), the same `PLAN_NOW` and `SITE_URL`, and an empty PDF cache each, so the
PDFs are rendered, not reused. The sha256 of every file of both sites is
compared (pages, PDFs, zips, feeds, exports, search indexes); the exit status
is 0 when the sites are byte-identical, 1 when any file differs or exists on
one side only.

Used to show that a change of code alone (a refactoring) changes nothing that
is published: `make compare-builds BASE=<commit>`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
# A moment after every item of the real data is published, so that both builds show the same items.
PLAN_NOW = "2026-01-01T12:00:00+01:00"


def site_digests(site_dir: Path) -> dict[str, str]:
    """The sha256 of every file below `site_dir`, by its path relative to it."""
    return {
        path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def build(project_dir: Path, site_dir: Path, cache_dir: Path, epoch: str) -> None:
    """Build the project in `project_dir` into `site_dir`; stop with its log if the build fails."""
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": epoch,
        "PLAN_NOW": PLAN_NOW,
        "PLAN_PDF_CACHE_DIR": str(cache_dir),
        "SITE_URL": "https://menneskehandel.example.org/",
        "NO_MKDOCS_2_WARNING": "1",
    }
    for name in ("PLAN_DATA_FILE", "PLAN_SKIP_PDF"):
        env.pop(name, None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"the build in {project_dir} failed:\n{result.stderr}")


def compare(base: dict[str, str], current: dict[str, str]) -> list[str]:
    """One line per file that differs or exists on one side only."""
    lines = []
    for path in sorted(base.keys() | current.keys()):
        if path not in current:
            lines.append(f"only in the base build: {path}")
        elif path not in base:
            lines.append(f"only in the other build: {path}")
        elif base[path] != current[path]:
            lines.append(f"differs: {path}")
    return lines


def git(*arguments: str) -> str:
    """Run git in the project and return what it printed."""
    result = subprocess.run(
        ["git", *arguments], cwd=PROJECT_DIR, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def build_commit(commit: str, site_dir: Path, temporary: Path, epoch: str) -> None:
    """Build `commit`, checked out into a temporary worktree, into `site_dir`."""
    worktree = temporary / f"worktree-{commit[:12]}"
    git("worktree", "add", "--detach", "--quiet", str(worktree), commit)
    try:
        build(worktree, site_dir, temporary / f"cache-{commit[:12]}", epoch)
    finally:
        git("worktree", "remove", "--force", str(worktree))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "base", nargs="?", default="HEAD", help="the commit to compare with (default HEAD)"
    )
    parser.add_argument(
        "other", nargs="?", help="a commit to compare BASE with (default: the working tree)"
    )
    parser.add_argument(
        "--keep", type=Path, help="keep both sites in this folder (base/, current/)"
    )
    arguments = parser.parse_args(argv)
    commit = git("rev-parse", arguments.base)
    other = git("rev-parse", arguments.other) if arguments.other else None
    epoch = git("log", "-1", "--format=%ct", commit)
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as temporary:
        work = Path(arguments.keep or temporary)
        build_commit(commit, work / "base", Path(temporary), epoch)
        if other:
            build_commit(other, work / "current", Path(temporary), epoch)
        else:
            build(PROJECT_DIR, work / "current", Path(temporary) / "cache-current", epoch)
        base, current = site_digests(work / "base"), site_digests(work / "current")
        differences = compare(base, current)
        if not arguments.keep:
            shutil.rmtree(work / "base")
            shutil.rmtree(work / "current")
    for line in differences:
        print(line)
    side = other[:12] if other else "working tree"
    print(
        f"{commit[:12]} vs {side}: {len(current)} files, {len(differences)} differ"
        + (" — byte-identical" if not differences else "")
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
