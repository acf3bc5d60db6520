"""A language's press kit: a zip with the plan PDF, a fact sheet and the press releases as text.

The fact sheet (Markdown) and the press releases (plain text) come from the
templates `fact-sheet.md` and `press-release.txt`. The zip is byte-for-byte
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
from plansite.urls import PlanPaths, page_url

TEMPLATES_DIR = Path(__file__).parent / "templates"
EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FACT_SHEET_FACTS = (
    "fact_plan_period",
    "fact_budget",
    "fact_in_force",
    "fact_publisher",
    "fact_minister",
    "fact_published",
)


def _one_line(text: str) -> str:
    """The text with its line breaks and runs of spaces collapsed: one item of a Markdown list."""
    return " ".join(text.split())


class _PressKitWriter:
    def __init__(self, localized: LocalizedPlan, language_url: str) -> None:
        self.localized = localized
        self.plan = localized.plan
        self.language = localized.language
        self.strings = localized.strings
        self.language_url = language_url
        # Plain text and Markdown files, not HTML.
        self.environment = templating.template_environment(TEMPLATES_DIR, autoescape=False)

    def contact_line(self, contact: Contact) -> str:
        organisation = self.plan.actor(contact.organisation)
        parts = [
            *([contact.name] if contact.name else []),
            self.localized.text(contact.role),
            self.localized.text(organisation.name),
        ]
        if contact.phone:
            parts.append(f"{self.strings['phone']} {contact.phone}")
        if contact.email:
            parts.append(f"{self.strings['email']} {contact.email}")
        return ", ".join(parts)

    def fact_sheet(self) -> str:
        localized = self.localized
        plan_facts = localized.plan_facts()
        # The fact sheet names the publisher without its short name.
        facts = [
            (
                plan_facts[key]["label"],
                localized.publisher_name() if key == "fact_publisher" else plan_facts[key]["value"],
            )
            for key in FACT_SHEET_FACTS
            if key in plan_facts
        ]
        figures = [
            {**figure, "context": _one_line(figure["context"])}
            for figure in localized.key_figures(self.plan.key_figures)
        ]
        focus_areas = [
            (localized.focus_area_title(area), _one_line(localized.text(area.summary)))
            for area in self.plan.focus_areas
        ]
        contacts = [self.contact_line(contact) for contact in self.plan.contacts]
        return self.environment.get_template("fact-sheet.md").render(
            t=self.strings,
            text=localized.text,
            plan=self.plan,
            facts=facts,
            figures=figures,
            focus_areas=focus_areas,
            contacts=contacts,
            site_url=self.language_url + page_url(PlanPaths.of(self.plan.id).home),
        )

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
) -> bytes:
    """The view language's press kit; `plan_pdf` is (file name, bytes) of the plan PDF, if made."""
    writer = _PressKitWriter(localized, language_url)
    entries = {localized.strings["press_kit_fact_sheet_file"]: writer.fact_sheet().encode("utf-8")}
    entries.update({name: text.encode("utf-8") for name, text in writer.press_releases().items()})
    if plan_pdf is not None:
        entries[plan_pdf[0]] = plan_pdf[1]
    return deterministic_zip(entries, zip_timestamp(source_date_epoch))
