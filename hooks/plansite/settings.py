"""Every environment variable and project path the build reads, in one place, read once per build.

The project's folders are fixed relative to this file. What may change from one
build to the next comes from the environment, read by `Settings.from_environment`
when a build starts (`mkdocs serve` reads it again for every rebuild):

| variable             | meaning                                                                 |
|----------------------|-------------------------------------------------------------------------|
| `PLAN_DATA_DIR`      | the data folder (site, actors, plans/), relative to the project (tests) |
| `PLAN_PDF_CACHE_DIR` | where rendered plan PDFs are kept (default `.cache/pdf/`)               |
| `PLAN_SKIP_PDF=1`    | no plan PDFs: a quicker local preview; `make build` never sets it       |
| `PLAN_NOW`           | the moment the site is built for (ISO date-time with offset), else now  |
| `SOURCE_DATE_EPOCH`  | the moment written into dated outputs, so two builds give equal bytes   |

`SITE_URL`, `ACCESSIBILITY_STATEMENT_URL` and `PLAN_DEPLOY` (set by the deploy workflow for
the build it publishes) are read by `mkdocs.yml` itself (`!ENV`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from plansite.problems import DataError, Location, Problem

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parents[1]
DATA_DIR = PROJECT_DIR / "data"
SCHEMA_DIR = DATA_DIR / "schema"
STRINGS_DIR = DATA_DIR / "strings"
FONTS_DIR = PROJECT_DIR / "assets" / "fonts"

DEFAULT_DATA_DIR = "data"
DOCS_FOLDER = "docs"
DEFAULT_PDF_CACHE_DIR = ".cache/pdf"
NOW_VARIABLE = "PLAN_NOW"


@dataclass(frozen=True)
class Settings:
    """What one build was asked to do."""

    project_dir: Path
    """The folder of `mkdocs.yml`."""

    data_dir: Path
    """The data folder (`PLAN_DATA_DIR`, relative to `project_dir`): site, actors, `plans/`."""

    pdf_cache_dir: Path
    """Where rendered plan PDFs are kept between builds (`PLAN_PDF_CACHE_DIR`)."""

    render_pdfs: bool
    """False with `PLAN_SKIP_PDF=1`: the pages then link no plan PDF."""

    now: datetime
    """The moment the site is built for: `PLAN_NOW`, else the current time."""

    source_date_epoch: int | None
    """`SOURCE_DATE_EPOCH` in seconds, when set to a number."""

    @property
    def docs_dir(self) -> Path:
        """The hand-written pages: mkdocs.yml's `docs_dir`, which the build checks is this."""
        return self.project_dir / DOCS_FOLDER

    @classmethod
    def from_environment(
        cls, project_dir: Path, environ: Mapping[str, str] = os.environ
    ) -> Settings:
        """Read the settings; raise `DataError` when `PLAN_NOW` is not a moment."""
        return cls(
            project_dir=project_dir,
            data_dir=project_dir / environ.get("PLAN_DATA_DIR", DEFAULT_DATA_DIR),
            pdf_cache_dir=Path(
                environ.get("PLAN_PDF_CACHE_DIR", project_dir / DEFAULT_PDF_CACHE_DIR)
            ),
            render_pdfs=environ.get("PLAN_SKIP_PDF") != "1",
            now=publication_time(environ),
            source_date_epoch=source_date_epoch(environ),
        )


def publication_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """The moment the site is built for: `PLAN_NOW` if set, else the current time."""
    value = environ.get(NOW_VARIABLE, "").strip()
    if not value:
        return datetime.now(UTC)
    try:
        moment: datetime | None = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        location = Location(f"${NOW_VARIABLE}", 1, 1)
        raise DataError(
            [
                Problem(
                    location,
                    (),
                    f"'{value}' is not a date and time with a UTC offset",
                    f"set {NOW_VARIABLE} like 2018-09-10T12:00:00+02:00, "
                    "or unset it to use the current time",
                )
            ]
        )
    return moment


def source_date_epoch(environ: Mapping[str, str] = os.environ) -> int | None:
    """`SOURCE_DATE_EPOCH` as a number of seconds, if it is set to one."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None
