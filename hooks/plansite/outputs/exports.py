"""Open data, per plan: the plan as JSON (in its data file's schema) and CSV tables per language.

- JSON: the published plan, both languages in one file, in exactly the shape of
  a plan file (`data/schema/plan.schema.json`, published beside it), so the
  schema documents and validates the export; who each actor is, is in the
  actors table. Items scheduled for later are not in the model, so they are not
  in the export either.
- CSV: one file per table (initiatives, actors, evidence) and language, because a
  spreadsheet user reads one language with headers in that language. UTF-8 with
  a byte order mark, so Excel detects the encoding; the separator is the one
  Excel expects in that language's locale (`;` in Danish, where the comma is the
  decimal sign; `,` in English). A cell that starts with `=`, `+`, `-`, `@`, a
  tab or a carriage return (after any spaces) gets a `'` in front, so that no
  spreadsheet runs it as a formula (OWASP's advice against CSV injection).
  The evidence table has a row per evidence item (its date as precise as its
  source, and that precision); the initiatives table gives each initiative's
  status with its as-of day and the evidence ids it rests on, empty where the
  data gives no status.

- Metadata: the licence of the data set (`data/site.yaml`, `site.data_licence`)
  goes with the files, so it travels with a download: a CSV on the Web
  metadata file (`csv-metadata.json`, W3C CSVW) beside each language's CSV
  tables, with their licence, publisher, dialect and columns; and one DCAT-AP
  catalog of the whole site (`data/catalog.jsonld`, JSON-LD): a `dcat:Dataset`
  per plan, in both languages, with its publisher, licence, dates and a
  `dcat:Distribution` per file. The JSON export keeps exactly the plan file's
  shape (its schema validates it); the catalog gives its licence.

Everything is deterministic: data-file order, fixed columns, `ensure_ascii=False`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date, datetime
from typing import Any

from plansite.data.model import (
    Actor,
    Initiative,
    PartialDate,
    Period,
    Plan,
    PlanData,
    PressRelease,
    Text,
)
from plansite.data.series import DataLicence, Series
from plansite.data.validation import PLAN_SCHEMA
from plansite.i18n.languages import LANGUAGES, language_root
from plansite.i18n.progress import PLAN_COUNTS
from plansite.i18n.view import LocalizedPlan
from plansite.urls import (
    CATALOG,
    OPEN_DATA,
    PlanPaths,
    actor_path,
    evidence_anchor,
    page_url,
    progress_csv_path,
)

CSV_DELIMITERS = {"da": ";", "en": ","}
# What makes Excel, LibreOffice and Google Sheets read a cell as a formula
# (https://owasp.org/www-community/attacks/CSV_Injection): `=HYPERLINK(…)` in a title would run.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plan_json(plan: PlanData) -> str:
    """The published plan in the plan file's schema, as indented UTF-8 JSON."""
    return json.dumps(_plain(plan), ensure_ascii=False, indent=2) + "\n"


def schema_json() -> bytes:
    """The JSON Schema of a plan file, as published beside the export."""
    return PLAN_SCHEMA.read_bytes()


# What the model computes, or takes from another file: not in a plan file.
_NOT_IN_A_PLAN_FILE = {
    PlanData: {"id"},
    Plan: {"series_number", "series_start_year", "predecessors", "successor"},
    PressRelease: {"time_known"},
    Actor: {"parent_name"},
}


def _plain(value: Any) -> Any:
    """Model values as a plan file writes them: no empty optional keys, dates as ISO text."""
    if isinstance(value, Plan):
        fields = _plain_fields(value)
        year, month = value.published
        fields["published"] = f"{year:04d}-{month:02d}"
        return fields
    if isinstance(value, Period):
        if value.in_years:
            return {"start": value.start.year, "end": value.end.year}
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, PartialDate):  # as precise as written: 2020-09-30, 2020-10 or 2020
        return value.year if value.month is None else value.isoformat()
    if isinstance(value, PressRelease):
        fields = _plain_fields(value)
        if not value.time_known:
            fields["published"] = value.published.date().isoformat()
        return fields
    if isinstance(value, Actor):  # its role in the plan; who it is, is in actors.yaml
        return {
            "id": value.id,
            "description": _plain(value.description),
            "sources": list(value.sources),
        }
    if dataclasses.is_dataclass(value):
        return _plain_fields(value)
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _plain_fields(value: Any) -> dict[str, Any]:
    result = {}
    skipped = _NOT_IN_A_PLAN_FILE.get(type(value), set())
    for field in dataclasses.fields(value):
        if field.name in skipped:
            continue
        item = getattr(value, field.name)
        if item is None or (item == () and field.default == ()):
            continue
        result[field.name] = _plain(item)
    return result


class _TableWriter:
    """The CSV tables of one language."""

    def __init__(self, localized: LocalizedPlan, language_url: str) -> None:
        self.localized = localized
        self.plan = localized.plan
        self.language = localized.language
        self.strings = localized.strings
        self.language_url = language_url

    def page_address(self, src_uri: str) -> str:
        return self.language_url + page_url(src_uri)

    def actor_names(self, actor_ids: tuple[str, ...]) -> str:
        return "; ".join(
            self.localized.text(self.plan.actor(actor_id).name) for actor_id in actor_ids
        )

    def initiative_titles(self, initiatives: tuple[Initiative, ...]) -> str:
        return "; ".join(self.localized.text(item.title) for item in initiatives)

    def sources(self, source_ids: tuple[str, ...]) -> str:
        return " ".join(self.plan.source(source_id).url for source_id in source_ids)

    def initiatives(self) -> list[list[str]]:
        t, localized = self.strings, self.localized
        header = [
            t["csv_id"],
            t["csv_title"],
            t["fact_focus_area"],
            t["fact_sub_area"],
            t["fact_plan_link"],
            t["fact_status"],
            t["csv_status_as_of"],
            t["csv_status_evidence"],
            t["csv_period_start"],
            t["csv_period_end"],
            t["fact_lead"],
            t["fact_partners"],
            t["fact_target_groups"],
            t["csv_summary"],
            t["csv_page"],
            t["sources"],
        ]
        rows = [header]
        for initiative in self.plan.initiatives:
            area = self.plan.focus_area(initiative.focus_area)
            sub_area = next((sub for sub in area.sub_areas if sub.id == initiative.sub_area), None)
            rows.append(
                [
                    initiative.id,
                    localized.text(initiative.title),
                    localized.focus_area_title(area),
                    localized.text(sub_area.title) if sub_area else "",
                    localized.plan_link_label(initiative),
                    localized.status_label(initiative),
                    initiative.status.as_of.isoformat() if initiative.status else "",
                    " ".join(initiative.status.evidence) if initiative.status else "",
                    initiative.period.start.isoformat() if initiative.period else "",
                    initiative.period.end.isoformat() if initiative.period else "",
                    self.actor_names(initiative.lead),
                    self.actor_names(initiative.partners),
                    "; ".join(localized.text(group) for group in initiative.target_groups),
                    localized.text(initiative.summary),
                    self.page_address(PlanPaths.of(self.plan.id).initiative(initiative.id)),
                    self.sources(initiative.sources),
                ]
            )
        return rows

    def evidence(self) -> list[list[str]]:
        t, localized = self.strings, self.localized
        header = [
            t["csv_plan"],
            t["csv_initiative"],
            t["csv_id"],
            t["csv_date"],
            t["csv_date_precision"],
            t["csv_kind"],
            t["csv_summary"],
            t["csv_page"],
            t["sources"],
        ]
        rows = [header]
        paths = PlanPaths.of(self.plan.id)
        for initiative in self.plan.initiatives:
            page = self.page_address(paths.initiative(initiative.id))
            for item in initiative.evidence:
                rows.append(
                    [
                        self.plan.id,
                        initiative.id,
                        item.id,
                        item.date.isoformat(),
                        t[f"csv_precision_{date_precision(item.date)}"],
                        localized.evidence_kind_label(item),
                        localized.text(item.summary),
                        f"{page}#{evidence_anchor(item.id)}",
                        self.sources(item.sources),
                    ]
                )
        return rows

    def actors(self) -> list[list[str]]:
        t, localized = self.strings, self.localized
        header = [
            t["csv_id"],
            t["csv_name"],
            t["fact_short_name"],
            t["fact_type"],
            t["fact_parent"],
            t["fact_website"],
            t["leads"],
            t["takes_part_in"],
            t["csv_page"],
            t["sources"],
        ]
        rows = [header]
        for actor in self.plan.actors:
            rows.append(
                [
                    actor.id,
                    localized.text(actor.name),
                    actor.short_name or "",
                    localized.actor_type_label(actor.type),
                    localized.text(actor.parent_name),
                    actor.website or "",
                    self.initiative_titles(self.plan.initiatives_led_by(actor.id)),
                    self.initiative_titles(self.plan.initiatives_with_partner(actor.id)),
                    self.page_address(actor_path(actor.id)),
                    self.sources(actor.sources),
                ]
            )
        return rows


def date_precision(when: PartialDate) -> str:
    """`day`, `month` or `year`: how precise the source's date is."""
    return "day" if when.day else "month" if when.month else "year"


def _csv_bytes(rows: list[list[str]], delimiter: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([[neutralise_formula(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def neutralise_formula(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, made text by a leading `'` (OWASP's advice)."""
    # Spreadsheets may skip spaces and line breaks before the formula's sign.
    return "'" + cell if cell.lstrip(" \n").startswith(FORMULA_START) else cell


def initiatives_csv(localized: LocalizedPlan, language_url: str) -> bytes:
    """One row per initiative, in the view's language; `language_url`: absolute URL of its home."""
    return _csv_bytes(
        _TableWriter(localized, language_url).initiatives(), CSV_DELIMITERS[localized.language]
    )


def evidence_csv(localized: LocalizedPlan, language_url: str) -> bytes:
    """One row per evidence item, in the view's language; `language_url`: its home's URL."""
    return _csv_bytes(
        _TableWriter(localized, language_url).evidence(), CSV_DELIMITERS[localized.language]
    )


def actors_csv(localized: LocalizedPlan, language_url: str) -> bytes:
    """One row per actor, in the view's language; `language_url`: absolute URL of its home."""
    return _csv_bytes(
        _TableWriter(localized, language_url).actors(), CSV_DELIMITERS[localized.language]
    )


CSVW_CONTEXT = "http://www.w3.org/ns/csvw"
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
LANGUAGE_URIS = {
    "da": "http://publications.europa.eu/resource/authority/language/DAN",
    "en": "http://publications.europa.eu/resource/authority/language/ENG",
}


def csv_metadata(
    localized: LocalizedPlan, language_url: str, licence: DataLicence, publisher: str
) -> str:
    """The CSVW metadata of the language's three tables: licence, publisher, dialect, columns.

    `publisher` is who publishes the data set: the site's publisher, in the view's language.
    """
    writer = _TableWriter(localized, language_url)
    paths = PlanPaths.at_root()
    title = localized.text(localized.plan.plan.title)
    tables = [
        (paths.initiatives_csv, localized.strings["page_initiatives"], writer.initiatives()[0]),
        (paths.actors_csv, localized.strings["page_actors"], writer.actors()[0]),
        (paths.evidence_csv, localized.strings["csv_evidence_table"], writer.evidence()[0]),
    ]
    metadata = {
        "@context": [CSVW_CONTEXT, {"@language": localized.language}],
        "dc:title": title,
        "dc:publisher": publisher,
        "dc:license": {"@id": licence.url},
        "dc:rights": licence.name,
        "dialect": {
            "delimiter": CSV_DELIMITERS[localized.language],
            "encoding": "utf-8",
            "header": True,
        },
        "tables": [
            {
                # Relative to this file, which sits beside the tables.
                "url": path.rsplit("/", 1)[-1],
                "dc:title": f"{table_title}: {title}",
                "tableSchema": {"columns": [{"titles": heading} for heading in header]},
            }
            for path, table_title, header in tables
        ],
    }
    return json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"


def _both_languages(text: Text) -> list[dict[str, str]]:
    return [{"@language": language, "@value": text.in_language(language)} for language in LANGUAGES]


def _media_type(name: str) -> dict[str, str]:
    return {"@id": MEDIA_TYPES + name}


def _day(value: date) -> dict[str, str]:
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def dataset_dates(plan: PlanData) -> tuple[date, date]:
    """(issued, modified) of a plan's data set, from the data: the day the plan was presented,
    and the newest day the data knows of (updates, press releases, dated sources)."""
    days = [plan.plan.announced]
    days += [update.date for update in plan.updates]
    days += [release.published.date() for release in plan.press_releases]
    days += [source.date for source in plan.sources if source.date]
    return plan.plan.announced, max(days)


def _distribution(
    site_url: str, path: str, media_type: str, licence: DataLicence, language: str | None
) -> dict[str, Any]:
    address = site_url + path
    distribution: dict[str, Any] = {
        "@id": address,
        "@type": "dcat:Distribution",
        "dct:title": path.rsplit("/", 1)[-1],
        "dcat:accessURL": {"@id": address},
        "dcat:downloadURL": {"@id": address},
        "dcat:mediaType": _media_type(media_type),
        "dct:license": {"@id": licence.url},
    }
    if language:
        distribution["dct:language"] = {"@id": LANGUAGE_URIS[language]}
    return distribution


def data_catalog(series: Series, site_url: str) -> str:
    """The site's DCAT-AP catalog: a dataset per plan (newest first), a distribution per file."""
    site = series.site
    licence = {"@id": site.data_licence.url}
    publisher = {"@type": "foaf:Organization", "foaf:name": _both_languages(site.publisher)}
    datasets = []
    for plan in series.plans_newest_first():
        paths = PlanPaths.of(plan.id)
        issued, modified = dataset_dates(plan)
        distributions = [
            _distribution(site_url, paths.plan_json, "application/json", site.data_licence, None),
            _distribution(
                site_url, paths.schema_json, "application/schema+json", site.data_licence, None
            ),
        ]
        for language in LANGUAGES:
            root = language_root(language)
            for path, media_type in (
                (paths.initiatives_csv, "text/csv"),
                (paths.actors_csv, "text/csv"),
                (paths.evidence_csv, "text/csv"),
                (paths.csv_metadata, "application/csvm+json"),
                *((paths.prefix + progress_csv_path(count), "text/csv") for count in PLAN_COUNTS),
            ):
                distributions.append(
                    _distribution(site_url, root + path, media_type, site.data_licence, language)
                )
        datasets.append(
            {
                "@id": site_url + paths.plan_json + "#dataset",
                "@type": "dcat:Dataset",
                "dct:identifier": plan.id,
                "dct:title": _both_languages(plan.plan.title),
                "dct:description": _both_languages(plan.plan.summary),
                "dct:publisher": publisher,
                "dct:license": licence,
                "dct:language": [{"@id": LANGUAGE_URIS[language]} for language in LANGUAGES],
                "dct:issued": _day(issued),
                "dct:modified": _day(modified),
                "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": _day(plan.plan.period.start),
                    "dcat:endDate": _day(plan.plan.period.end),
                },
                "dcat:landingPage": {"@id": site_url + page_url(OPEN_DATA)},
                "dcat:distribution": distributions,
            }
        )
    catalog = {
        "@context": DCAT_CONTEXT,
        "@id": site_url + CATALOG,
        "@type": "dcat:Catalog",
        "dct:title": _both_languages(site.name),
        "dct:description": _both_languages(site.description),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dcat:dataset": datasets,
    }
    return json.dumps(catalog, ensure_ascii=False, indent=2) + "\n"


def table_csv(rows: list[list[str]], language: str) -> bytes:
    """Any table of the site as a CSV in `language`'s dialect, formulas neutralised."""
    return _csv_bytes(rows, CSV_DELIMITERS[language])
