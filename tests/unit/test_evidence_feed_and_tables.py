"""Evidence and status in the feed and the CSV tables, on the small fixture plan: each evidence item
is a feed entry at an honest moment and a row of the evidence table, its date as precise as its
source; a status is in the initiatives table with its day and the evidence it rests on."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any
from xml.etree import ElementTree

import pytest
from support.minimal_plan import localized_series
from support.paths import MINIMAL

from plansite.data.loading import load_data_file
from plansite.data.model import STATUS_SCALE, PartialDate
from plansite.data.validation import PLAN_SCHEMA
from plansite.i18n.strings import load_strings
from plansite.outputs import exports, feeds

STRINGS = load_strings()
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SITE = "https://site.test/"


def evidence(item_id: str, when: str | int, kind: str = "report", summary_da: str = "") -> dict[str, Any]:
    return {
        "id": item_id,
        "date": when,
        "kind": kind,
        "summary": {"da": summary_da or f"Dansk {item_id}.", "en": f"English {item_id}."},
        "sources": ["s1"],
    }


def series_with_evidence(*items: dict[str, Any], status: dict[str, Any] | None = None):
    """The fixture series in both languages, with `items` (and `status`) on its second initiative."""
    data = load_data_file(MINIMAL).data
    data["initiatives"][1]["evidence"] = list(items)
    if status:
        data["initiatives"][1]["status"] = status
    return localized_series(data)


def feed_entries(language: str, *items: dict[str, Any]) -> list[ElementTree.Element]:
    localized = series_with_evidence(*items)[language]
    xml = feeds.render_feed(localized, SITE, SITE + ("en/" if language == "en" else ""))
    return ElementTree.fromstring(xml).findall("atom:entry", ATOM)


def evidence_entries(language: str, *items: dict[str, Any]) -> dict[str, ElementTree.Element]:
    return {
        entry.findtext("atom:id", namespaces=ATOM): entry
        for entry in feed_entries(language, *items)
        if entry.find("atom:category", ATOM).get("term") == "evidence"
    }


def read_csv(content: bytes, language: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=exports.CSV_DELIMITERS[language]))


@pytest.mark.parametrize(
    ("when", "written"),
    [(PartialDate(2020, 9, 3), "2020-09-03"), (PartialDate(2020, 10), "2020-10"), (PartialDate(2020), "2020")],
)
def test_a_partial_date_is_written_as_precisely_as_its_source(when, written):
    assert when.isoformat() == written


@pytest.mark.parametrize(
    ("when", "moment"),
    [
        (PartialDate(2020, 9, 30), "2020-09-30T00:00:00+02:00"),
        (PartialDate(2020, 2), "2020-02-29T00:00:00+01:00"),  # a leap year's February
        (PartialDate(2020, 12), "2020-12-31T00:00:00+01:00"),
        (PartialDate(2020), "2020-12-31T00:00:00+01:00"),
    ],
)
def test_an_evidence_item_is_dated_in_the_feed_by_the_last_day_its_date_may_mean(when, moment):
    assert feeds.evidence_moment(when).isoformat() == moment


@pytest.mark.parametrize(("when", "precision"), [(PartialDate(2020, 9, 3), "day"), (PartialDate(2020, 10), "month"), (PartialDate(2020), "year")])
def test_the_precision_of_a_date_is_a_day_a_month_or_a_year(when, precision):
    assert exports.date_precision(when) == precision


def test_the_status_scale_is_the_schemas_in_order_from_nothing_to_all():
    schema = json.loads(PLAN_SCHEMA.read_text(encoding="utf-8"))
    status = schema["properties"]["initiatives"]["items"]["properties"]["status"]
    assert list(STATUS_SCALE) == status["properties"]["value"]["enum"] == ["not_started", "limited", "substantial", "complete"]


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_evidence_item_is_a_feed_entry_linking_its_anchor_on_the_initiatives_page(language):
    entries = evidence_entries(language, evidence("rapport", "2020-10-05"), evidence("evaluering", "2021", kind="evaluation"))
    root = SITE + ("en/" if language == "en" else "")
    prefix = f"tag:site.test,2018:{language}/evidence/indsats-to/"
    assert set(entries) == {prefix + "rapport", prefix + "evaluering"}
    link = entries[prefix + "rapport"].find("atom:link", ATOM).get("href")
    assert link == root + "2019-2021/indsatser/indsats-to/#evidence-rapport"
    kind = STRINGS[language]["evidence_kind_evaluation"]
    title = "Initiative two" if language == "en" else "Indsats to"
    assert entries[prefix + "evaluering"].findtext("atom:title", namespaces=ATOM) == f"{kind}: {title}"
    # Not our publication: no <published>, only when it happened.
    assert all(entry.find("atom:published", ATOM) is None for entry in entries.values())


def test_a_month_precise_item_says_its_month_and_sorts_after_the_days_of_that_month():
    entries = feed_entries("da", evidence("maaned", "2020-10", summary_da="Noget skete."), evidence("dag", "2020-10-30"))
    ids = [entry.findtext("atom:id", namespaces=ATOM) for entry in entries]
    assert ids.index("tag:site.test,2018:da/evidence/indsats-to/maaned") < ids.index("tag:site.test,2018:da/evidence/indsats-to/dag")  # newest first
    [month] = [entry for entry in entries if entry.findtext("atom:id", namespaces=ATOM).endswith("/maaned")]
    assert month.findtext("atom:updated", namespaces=ATOM) == "2020-10-31T00:00:00+01:00"
    assert month.findtext("atom:summary", namespaces=ATOM) == STRINGS["da"].format(
        "feed_evidence_summary", kind=STRINGS["da"]["evidence_kind_report"], date="oktober 2020", text="Noget skete."
    )
    updated = [datetime.fromisoformat(entry.findtext("atom:updated", namespaces=ATOM)) for entry in entries]
    assert updated == sorted(updated, reverse=True)


def test_without_evidence_the_feed_has_no_evidence_entries():
    assert evidence_entries("en") == {}


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_evidence_table_has_a_row_per_item_with_its_date_as_given_and_its_precision(language):
    plan = series_with_evidence(evidence("aar", 2020), evidence("dag", "2020-10-05", kind="milestone"))[language].plan("2019-2021")
    t = STRINGS[language]
    header, *rows = read_csv(exports.evidence_csv(plan, SITE), language)
    assert header == [t["csv_plan"], t["csv_initiative"], t["csv_id"], t["csv_date"], t["csv_date_precision"], t["csv_kind"], t["csv_summary"], t["csv_page"], t["sources"]]
    summary = "English" if language == "en" else "Dansk"
    assert rows == [
        ["2019-2021", "indsats-to", "aar", "2020", t["csv_precision_year"], t["evidence_kind_report"], f"{summary} aar.", SITE + "2019-2021/indsatser/indsats-to/#evidence-aar", "https://kilde.example.org/1"],
        ["2019-2021", "indsats-to", "dag", "2020-10-05", t["csv_precision_day"], t["evidence_kind_milestone"], f"{summary} dag.", SITE + "2019-2021/indsatser/indsats-to/#evidence-dag", "https://kilde.example.org/1"],
    ]


def test_a_formula_in_an_evidence_summary_is_written_as_text():
    plan = series_with_evidence(evidence("formel", "2020", summary_da="=HYPERLINK(\"https://x.test\")"))["da"].plan("2019-2021")
    [_, row] = read_csv(exports.evidence_csv(plan, SITE), "da")
    assert row[6] == "'=HYPERLINK(\"https://x.test\")"


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_initiatives_table_gives_a_status_its_day_and_evidence_and_leaves_them_empty_without(language):
    localized = series_with_evidence(
        evidence("a", "2020-01"), evidence("b", "2020-02-03"), status={"value": "limited", "as_of": "2020-03-01", "evidence": ["b", "a"]}
    )[language]
    t = STRINGS[language]
    header, first, second = read_csv(exports.initiatives_csv(localized.plan("2019-2021"), SITE), language)
    columns = [header.index(t[key]) for key in ("fact_status", "csv_status_as_of", "csv_status_evidence")]
    assert [first[column] for column in columns] == ["", "", ""]
    assert [second[column] for column in columns] == [t["status_limited"], "2020-03-01", "b a"]


def test_the_csv_metadata_describes_the_evidence_table_with_its_columns():
    series = series_with_evidence(evidence("a", "2020"))["en"]
    plan = series.plan("2019-2021")
    metadata = json.loads(exports.csv_metadata(plan, SITE, series.series.site.data_licence, "Publisher"))
    [table] = [table for table in metadata["tables"] if table["url"] == "evidens.csv"]
    header = read_csv(exports.evidence_csv(plan, SITE), "en")[0]
    assert [column["titles"] for column in table["tableSchema"]["columns"]] == header
    assert table["dc:title"].startswith(STRINGS["en"]["csv_evidence_table"])
