"""Where each page and file of a language lives in the built site: one address book for every stage.

Paths are page source paths (`2026-2029/indsatser/x.md`) as MkDocs knows them,
the same in every language; `page_url` turns one into its directory-style URL
within the language's folder (`2026-2029/indsatser/x/`), and
`plansite.i18n.languages.language_root` gives that folder (`` or `en/`).

What belongs to one plan is under the plan's id (`PlanPaths`); what the series
shares (the home page, the actors, the contact page, the feed) is at the root.
`PlanPaths.at_root` gives the addresses a plan's pages had before the site held a
series: the root plan's old addresses keep answering (`site.redirects`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HOME = "index.md"
CONTACT = "kontakt.md"
OPEN_DATA = "data.md"
ACTORS = "aktoerer/index.md"
ABOUT_INFORMATION = "om-oplysningerne.md"
"""Where the information comes from, and the legend of the plan-link labels (`plan_link_anchor`)."""


def plan_link_anchor(level: str) -> str:
    """The anchor of a plan-link level (`confirmed`, …) on the `ABOUT_INFORMATION` page."""
    return f"plan-link-{level}"


STATISTICS = "statistik.md"
"""The series' statistics: a chart, a table, the sources and a CSV per statistic."""


PROGRESS = "fremdrift.md"
"""What came of every plan's initiatives, counted, and all evidence of the series, newest first."""


def progress_csv_path(statistic_id: str) -> str:
    """A progress chart's figures as CSV, in a language's (or a plan's) folder."""
    return f"data/fremdrift-{statistic_id}.csv"


def statistic_csv_path(statistic_id: str) -> str:
    """A statistic's figures as CSV, in a language's folder (`outputs.statistics_csv`)."""
    return f"data/statistik-{statistic_id}.csv"


CATALOG = "data/catalog.jsonld"
"""The open data's DCAT-AP catalog (JSON-LD): one for the site and both languages."""
FEED = (
    "feed.xml"  # the Atom feed of a language, every plan (`outputs.feeds`), relative to its folder
)


def actor_path(actor_id: str) -> str:
    return f"aktoerer/{actor_id}.md"


@dataclass(frozen=True)
class PlanPaths:
    """The pages and files of one plan, under `prefix` (its id and a slash, or nothing)."""

    prefix: str

    @classmethod
    def of(cls, plan_id: str) -> PlanPaths:
        return cls(f"{plan_id}/")

    @classmethod
    def at_root(cls) -> PlanPaths:
        """Where a plan's pages were when the site held one plan."""
        return cls("")

    @property
    def home(self) -> str:
        return f"{self.prefix}index.md"

    @property
    def about(self) -> str:
        return f"{self.prefix}om-planen.md"

    @property
    def focus_areas(self) -> str:
        return f"{self.prefix}indsatsomraader/index.md"

    @property
    def initiatives(self) -> str:
        return f"{self.prefix}indsatser/index.md"

    @property
    def progress(self) -> str:
        return f"{self.prefix}fremdrift.md"

    @property
    def press(self) -> str:
        return f"{self.prefix}presse/index.md"

    def focus_area(self, focus_area_id: str) -> str:
        return f"{self.prefix}indsatsomraader/{focus_area_id}.md"

    def initiative(self, initiative_id: str) -> str:
        return f"{self.prefix}indsatser/{initiative_id}.md"

    def press_release(self, release_id: str) -> str:
        return f"{self.prefix}presse/{release_id}.md"

    def press_kit(self, language: str) -> str:
        """A language's press kit of the plan (a zip, see `outputs.press_kit`)."""
        return f"{self.prefix}presse/pressekit-{language}.zip"

    @property
    def initiatives_csv(self) -> str:
        return f"{self.prefix}data/indsatser.csv"

    @property
    def actors_csv(self) -> str:
        return f"{self.prefix}data/aktoerer.csv"

    @property
    def evidence_csv(self) -> str:
        """What came of the initiatives: one row per evidence item."""
        return f"{self.prefix}data/evidens.csv"

    @property
    def plan_json(self) -> str:
        return f"{self.prefix}data/initiatives.json"

    @property
    def schema_json(self) -> str:
        return f"{self.prefix}data/initiatives.schema.json"

    @property
    def csv_metadata(self) -> str:
        """The CSV on the Web metadata of a language's tables (licence, dialect, columns)."""
        return f"{self.prefix}data/csv-metadata.json"

    def pdf(self, file_name: str) -> str:
        return f"{self.prefix}pdf/{file_name}"

    def document(self, document_id: str) -> str:
        """An attached document of the plan (`data` `documents`), published as it is."""
        return f"{self.prefix}dokumenter/{document_id}.pdf"


# What the theme and MkDocs write at the root of each language's folder.
THEME_FOLDERS = ("assets", "search", "404.html", "sitemap.xml", "sitemap.xml.gz")


def addresses_of_the_site(languages: Iterable[str], docs_dir: Path) -> set[str]:
    """The first part of every address that is not a plan's: a plan with that id would take it.

    The series' pages and files, the hand-written pages at the top of `docs_dir`
    (e.g. `privatliv.da.md`), the language folders, the theme's files, and the
    addresses a plan's pages and files had before the site held a series (the
    root plan's old ones). A hand-written page inside a folder is checked
    against the generated pages one by one (`site.page_checks`).
    """
    handwritten_pages = [path.name for path in docs_dir.iterdir() if path.is_file()]
    old = PlanPaths.at_root()
    paths = [
        HOME,
        CONTACT,
        OPEN_DATA,
        STATISTICS,
        PROGRESS,
        ACTORS,
        FEED,
        old.about,
        old.focus_areas,
        old.initiatives,
        old.press,
        old.initiatives_csv,
        old.pdf("x"),
        old.document("x"),
        *THEME_FOLDERS,
        *handwritten_pages,
    ]
    firsts = {path.split("/", 1)[0].split(".", 1)[0] for path in paths}
    return firsts | set(languages)


def update_anchor(update_id: str) -> str:
    """The id of an update's heading on a plan's press page."""
    return f"update-{update_id}"


def evidence_anchor(evidence_id: str) -> str:
    """The id of an evidence item on its initiative's page (ids are unique within an initiative)."""
    return f"evidence-{evidence_id}"


def page_url(src_uri: str) -> str:
    """The directory-style URL of a page source path: `indsatser/x.md` → `indsatser/x/`."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
