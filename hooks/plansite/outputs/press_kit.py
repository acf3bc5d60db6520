"""A language's press kit: a zip with the plan PDF, a fact sheet and the press releases as text.

The fact sheet is an HTML page and, when the build makes PDFs, the same page as
a tagged PDF (`outputs.fact_sheet`); the press releases (plain text) come from
the template `press-release.txt`. The zip is byte-for-byte
deterministic: entries sorted by name, one fixed timestamp (from
`SOURCE_DATE_EPOCH` when set, else 1980-01-01, the earliest a zip can hold),
fixed permissions and compression, so two builds of one commit are identical.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from plansite import templating
from plansite.data.model import Contact
from plansite.i18n.view import LocalizedPlan
from plansite.outputs.fact_sheet import (
    contact_line,
    fact_sheet_pdf,
    fact_sheet_view,
    render_fact_sheet_html,
)
from plansite.urls import PlanPaths, page_url

TEMPLATES_DIR = Path(__file__).parent / "templates"
EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class _PressKitWriter:
    def __init__(self, localized: LocalizedPlan, language_url: str) -> None:
        self.localized = localized
        self.plan = localized.plan
        self.language = localized.language
        self.strings = localized.strings
        self.language_url = language_url
        # Plain text files, not HTML.
        self.environment = templating.template_environment(TEMPLATES_DIR, autoescape=False)

    def contact_line(self, contact: Contact) -> str:
        return contact_line(self.localized, contact)

    def press_releases(self) -> dict[str, str]:
        template = self.environment.get_template("press-release.txt")
        files = {}
        for release in self.plan.press_releases_newest_first():
            files[self.strings.format("press_kit_release_file", id=release.id)] = template.render(
                t=self.strings,
                text=self.localized.text,
                release=release,
                moment=self.localized.press_moment(release),
                contact=self.contact_line(self.plan.contact(release.contact))
                if release.contact
                else "",
                url=self.language_url
                + page_url(PlanPaths.of(self.plan.id).press_release(release.id)),
            )
        return files


def zip_timestamp(source_date_epoch: int | None) -> tuple[int, int, int, int, int, int]:
    """The one timestamp of every zip entry: `SOURCE_DATE_EPOCH` (UTC) if set, else 1980-01-01."""
    if source_date_epoch is None:
        return EARLIEST_ZIP_TIME
    moment = datetime.fromtimestamp(source_date_epoch, UTC)
    return max(EARLIEST_ZIP_TIME, moment.timetuple()[:6])


def deterministic_zip(
    entries: dict[str, bytes], timestamp: tuple[int, int, int, int, int, int]
) -> bytes:
    """A zip of `entries` whose bytes depend only on the entries and the timestamp."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the build machine
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def build_press_kit(
    localized: LocalizedPlan,
    language_url: str,
    plan_pdf: tuple[str, bytes] | None,
    source_date_epoch: int | None = None,
    pdf_cache_dir: Path | None = None,
) -> bytes:
    """The view language's press kit; `plan_pdf` is (file name, bytes) of the plan PDF, if made.

    The fact sheet's PDF is made when the plan's is: a build without PDFs (`PLAN_SKIP_PDF=1`)
    packs the fact sheet as HTML only. With `pdf_cache_dir`, a fact sheet PDF is rendered only
    when something that shapes it changed (`plansite.pdf.cache`).
    """
    strings = localized.strings
    writer = _PressKitWriter(localized, language_url)
    sheet = fact_sheet_view(localized, language_url)
    entries = {strings["press_kit_fact_sheet_html"]: render_fact_sheet_html(sheet).encode("utf-8")}
    entries.update({name: text.encode("utf-8") for name, text in writer.press_releases().items()})
    if plan_pdf is not None:
        entries[plan_pdf[0]] = plan_pdf[1]
        entries[strings["press_kit_fact_sheet_pdf"]] = fact_sheet_pdf(
            localized.plan.id, sheet, source_date_epoch, pdf_cache_dir
        )
    return deterministic_zip(entries, zip_timestamp(source_date_epoch))
