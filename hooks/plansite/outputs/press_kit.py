"""The press kit of one language: a zip with the plan PDF, a fact sheet and the press releases as text.

The fact sheet (Markdown) and the press releases (plain text) come from the
templates `fact-sheet.md` and `press-release.txt`. The zip is byte-for-byte
deterministic: entries sorted by name, one fixed timestamp (from
`SOURCE_DATE_EPOCH` when set, else 1980-01-01, the earliest a zip can hold),
fixed permissions and compression, so two builds of one commit are identical.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import jinja2

from plansite.i18n import formatting
from plansite.data.model import Contact, PlanData, Text
from plansite.site.pages import page_url, press_release_path
from plansite.i18n.strings import Strings

TEMPLATES_DIR = Path(__file__).parent / "templates"
EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=False,  # plain text and Markdown files, not HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _PressKitWriter:
    def __init__(self, plan: PlanData, language: str, strings: Strings, language_url: str) -> None:
        self.plan = plan
        self.language = language
        self.strings = strings
        self.language_url = language_url
        self.environment = _environment()

    def text(self, value: Text) -> str:
        return value.in_language(self.language)

    def contact_line(self, contact: Contact) -> str:
        organisation = self.plan.actor(contact.organisation)
        parts = [contact.name, self.text(contact.role), self.text(organisation.name)]
        if contact.phone:
            parts.append(f"{self.strings['phone']} {contact.phone}")
        if contact.email:
            parts.append(f"{self.strings['email']} {contact.email}")
        return ", ".join(parts)

    def fact_sheet(self) -> str:
        details = self.plan.plan
        publisher = self.plan.actor(details.publisher)
        facts = [
            (self.strings["fact_plan_period"], formatting.format_period(details.period, self.language)),
            (self.strings["fact_budget"], formatting.format_money(details.budget.amount, self.language, self.strings)),
            (self.strings["fact_in_force"], formatting.format_day(details.in_force, self.language)),
            (self.strings["fact_publisher"], self.text(publisher.name)),
            (self.strings["fact_minister"], f"{details.minister.name}, {self.text(details.minister.title)}"),
            (self.strings["fact_published"], formatting.format_month(*details.published, self.language)),
        ]
        figures = [
            {"value": formatting.format_figure(figure, self.language, self.strings), "label": self.text(figure.label), "context": " ".join(self.text(figure.context).split()) if figure.context else ""}
            for figure in self.plan.key_figures
        ]
        focus_areas = [(self.strings.format("focus_area_heading", number=area.number, title=self.text(area.title)), " ".join(self.text(area.summary).split())) for area in self.plan.focus_areas]
        contacts = [self.contact_line(contact) for contact in self.plan.contacts]
        return self.environment.get_template("fact-sheet.md").render(
            t=self.strings, text=self.text, plan=self.plan, facts=facts, figures=figures, focus_areas=focus_areas, contacts=contacts, site_url=self.language_url,
        )

    def press_releases(self) -> dict[str, str]:
        template = self.environment.get_template("press-release.txt")
        files = {}
        for release in self.plan.press_releases_newest_first():
            files[self.strings.format("press_kit_release_file", id=release.id)] = template.render(
                t=self.strings, text=self.text, release=release,
                moment=formatting.format_moment(release.published, self.language, self.strings),
                contact=self.contact_line(self.plan.contact(release.contact)),
                url=self.language_url + page_url(press_release_path(release.id)),
            )
        return files


def zip_timestamp(environ: dict[str, str] | os._Environ[str] = os.environ) -> tuple[int, int, int, int, int, int]:
    """The one timestamp of every zip entry: `SOURCE_DATE_EPOCH` (UTC) if set, else 1980-01-01."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return EARLIEST_ZIP_TIME
    moment = datetime.fromtimestamp(int(value), timezone.utc)
    return max(EARLIEST_ZIP_TIME, moment.timetuple()[:6])


def deterministic_zip(entries: dict[str, bytes], timestamp: tuple[int, int, int, int, int, int]) -> bytes:
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


def build_press_kit(plan: PlanData, language: str, strings: Strings, language_url: str, plan_pdf: tuple[str, bytes] | None) -> bytes:
    """The press kit of `language`; `plan_pdf` is (file name, bytes) of the plan PDF when the build made one."""
    writer = _PressKitWriter(plan, language, strings, language_url)
    entries = {strings["press_kit_fact_sheet_file"]: writer.fact_sheet().encode("utf-8")}
    entries.update({name: text.encode("utf-8") for name, text in writer.press_releases().items()})
    if plan_pdf is not None:
        entries[plan_pdf[0]] = plan_pdf[1]
    return deterministic_zip(entries, zip_timestamp())
