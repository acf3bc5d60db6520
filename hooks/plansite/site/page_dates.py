"""When each page's content last changed, from git history: deterministic for a commit.

Generated pages change when the data file changes; a hand-written page when its
own file does. One `git log` per build reads the last commit date of every file
(no call per page, so the cost does not grow with the number of pages). Without
git history (an exported tarball, git missing) the date falls back to
`SOURCE_DATE_EPOCH`, which reproducible builds set to the last commit's time,
and otherwise is unknown: the page then shows no date rather than the build
machine's clock, which would make two builds of one commit differ.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from plansite.data.model import COPENHAGEN


def last_commit_dates(project_dir: Path, paths: list[str]) -> dict[str, date]:
    """Copenhagen date of the last commit touching each file under `paths` (in `project_dir`)."""
    try:
        result = subprocess.run(
            [
                "git",
                "log",
                "--format=commit %ct",
                "--name-only",
                "--no-renames",
                "--relative",
                "--",
                *paths,
            ],
            cwd=project_dir,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, date] = {}
    current: date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("commit "):
            current = (
                datetime.fromtimestamp(int(line.removeprefix("commit ")), UTC)
                .astimezone(COPENHAGEN)
                .date()
            )
        elif line and current is not None:
            dates.setdefault(line, current)  # newest commit first: keep the first date seen
    return dates


def copenhagen_date(epoch: int | None) -> date | None:
    """A moment in seconds since 1970 (`SOURCE_DATE_EPOCH`) as a Copenhagen date."""
    return (
        datetime.fromtimestamp(epoch, UTC).astimezone(COPENHAGEN).date()
        if epoch is not None
        else None
    )


class PageDates:
    """Last-changed dates for the pages of one build."""

    def __init__(
        self, project_dir: Path, data_dir: Path, docs_dir: Path, source_date_epoch: int | None
    ) -> None:
        self.data_dir = Path(os.path.relpath(data_dir, project_dir)).as_posix()
        self.docs_dir = Path(os.path.relpath(docs_dir, project_dir)).as_posix()
        self.dates = last_commit_dates(project_dir, [self.data_dir, self.docs_dir])
        self.fallback = copenhagen_date(source_date_epoch)

    def for_generated_page(self, plan_id: str | None) -> date | None:
        """A generated page shows the data: it changed when its plan, the site or the actors did.

        A page of the series (no `plan_id`) changed when any data file last did.
        """
        shared = [f"{self.data_dir}/site.yaml", f"{self.data_dir}/actors.yaml"]
        own = (
            [f"{self.data_dir}/plans/{plan_id}.yaml"]
            if plan_id
            else [path for path in self.dates if path.startswith(f"{self.data_dir}/plans/")]
        )
        known = [self.dates[path] for path in shared + own if path in self.dates]
        return max(known) if known else self.fallback

    def for_source_file(self, src_uri: str) -> date | None:
        """A hand-written page changed when its source file last did."""
        return self.dates.get(f"{self.docs_dir}/{src_uri}", self.fallback)
