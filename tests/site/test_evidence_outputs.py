"""Evidence and status beyond the initiative pages, read from the built site (issue 14): every
evidence item of every plan is an entry of each language's feed, a row of the plan's evidence
table and a `CreativeWork` in its initiative page's JSON-LD, and it is found by the search of
the page's language; a status is in the initiatives table and the JSON-LD, with its as-of day
and the evidence it rests on, and nowhere where the data gives none.

Feeds are parsed as XML, tables with the csv module, the JSON export and the JSON-LD as JSON,
and the search indexes as JSON with their texts read by an HTML parser. What each output should
hold is derived from the model here, not by the code that writes it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, time
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from plansite.data.model import COPENHAGEN, Evidence, Initiative
from plansite.i18n import formatting
from plansite.outputs import exports
from plansite.urls import FEED, PlanPaths, page_url

LANGUAGES = {"da": "", "en": "en/"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SITE_URL = "https://menneskehandel.example.org/"


def all_evidence(series):
    """(plan, initiative, evidence item) of every plan, in data-file order."""
    return [(plan, initiative, item) for plan in series.plans for initiative in plan.initiatives for item in initiative.evidence]


def as_written(item: Evidence) -> str:
    """The item's date as its source gives it: `2020-09-30`, `2020-10` or `2020`."""
    parts = [f"{item.date.year:04d}"] + [f"{part:02d}" for part in (item.date.month, item.date.day) if part]
    return "-".join(parts)


def shown(item: Evidence, language: str) -> str:
    if item.date.day:
        return formatting.format_day(item.date.first_day, language)
    if item.date.month:
        return formatting.format_month(item.date.year, item.date.month, language)
    return str(item.date.year)


def initiative_url(plan, initiative: Initiative, language: str) -> str:
    return SITE_URL + LANGUAGES[language] + page_url(PlanPaths.of(plan.id).initiative(initiative.id))


def tag_prefix(series, plan, language: str) -> str:
    if plan.id == series.site.root_plan:
        return f"tag:menneskehandel.example.org,2018:{language}/"
    return f"tag:menneskehandel.example.org,{plan.plan.announced.year}:{language}/{plan.id}/"


def read_csv(site, language: str, path: str) -> list[list[str]]:
    raw = (site.root / LANGUAGES[language] / path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=exports.CSV_DELIMITERS[language]))


def json_ld_graph(site, url: str) -> list[dict]:
    [script] = site.page(url.removeprefix(SITE_URL)).select('script[type="application/ld+json"]')
    return json.loads(script.string)["@graph"]


def test_the_real_series_has_evidence_in_every_plan_and_statuses(series):
    """What the tests below stand on: evidence in each plan, of more than one precision, and statuses."""
    assert all(any(initiative.evidence for initiative in plan.initiatives) for plan in series.plans)
    assert {bool(item.date.day) for _, _, item in all_evidence(series)} == {True, False}
    assert any(initiative.status for plan in series.plans for initiative in plan.initiatives)
    assert any(not initiative.status for plan in series.plans for initiative in plan.initiatives)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_evidence_item_of_every_plan_is_a_feed_entry_at_its_date_linking_its_anchor(site, series, strings, language):
    feed = ElementTree.parse(site.root / LANGUAGES[language] / FEED).getroot()
    entries = {entry.findtext("atom:id", namespaces=ATOM): entry for entry in feed.findall("atom:entry", ATOM)}
    evidence_ids = {entry_id for entry_id, entry in entries.items() if entry.find("atom:category", ATOM).get("term") == "evidence"}
    expected = set()
    for plan, initiative, item in all_evidence(series):
        entry_id = f"{tag_prefix(series, plan, language)}evidence/{initiative.id}/{item.id}"
        expected.add(entry_id)
        entry = entries[entry_id]
        where = (plan.id, initiative.id, item.id, language)
        # The moment: midnight in Copenhagen of the last day the date may mean (a day is itself).
        updated = datetime.fromisoformat(entry.findtext("atom:updated", namespaces=ATOM))
        assert updated == datetime.combine(item.date.last_day, time(0), tzinfo=COPENHAGEN), where
        assert entry.find("atom:published", ATOM) is None, where
        # The text is as precise as the source.
        summary = entry.findtext("atom:summary", namespaces=ATOM)
        assert f"{shown(item, language)}: " in summary, where
        assert " ".join(item.summary.in_language(language).split()) in summary, where
        assert initiative.title.in_language(language) in entry.findtext("atom:title", namespaces=ATOM), where
        [link] = entry.findall("atom:link[@rel='alternate']", ATOM)
        page, anchor = link.get("href").split("#")
        assert page == initiative_url(plan, initiative, language), where
        target = site.page(page.removeprefix(SITE_URL)).find(id=anchor)
        assert target is not None and target.name == "li", where
        assert " ".join(item.summary.in_language(language).split()) in " ".join(target.get_text(" ").split()), where
    assert evidence_ids == expected
    assert len(expected) == sum(len(initiative.evidence) for plan in series.plans for initiative in plan.initiatives) > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_evidence_table_of_each_plan_has_the_models_evidence_row_by_row(site, series, strings, language):
    t = strings[language]
    for plan in series.plans:
        header, *rows = read_csv(site, language, PlanPaths.of(plan.id).evidence_csv)
        assert header == [t["csv_plan"], t["csv_initiative"], t["csv_id"], t["csv_date"], t["csv_date_precision"], t["csv_kind"], t["csv_summary"], t["csv_page"], t["sources"]]
        expected = []
        for initiative in plan.initiatives:
            for item in initiative.evidence:
                precision = "day" if item.date.day else "month" if item.date.month else "year"
                expected.append(
                    [
                        plan.id,
                        initiative.id,
                        item.id,
                        as_written(item),
                        t[f"csv_precision_{precision}"],
                        t[f"evidence_kind_{item.kind}"],
                        item.summary.in_language(language),
                        f"{initiative_url(plan, initiative, language)}#evidence-{item.id}",
                        " ".join(plan.source(source_id).url for source_id in item.sources),
                    ]
                )
        assert rows == expected, plan.id
        assert rows, plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_initiatives_table_gives_each_status_with_its_day_and_evidence_and_nothing_without(site, series, strings, language):
    t = strings[language]
    for plan in series.plans:
        header, *rows = read_csv(site, language, PlanPaths.of(plan.id).initiatives_csv)
        columns = [header.index(t[key]) for key in ("fact_status", "csv_status_as_of", "csv_status_evidence")]
        for row, initiative in zip(rows, plan.initiatives, strict=True):
            status = initiative.status
            expected = [t[f"status_{status.value}"], status.as_of.isoformat(), " ".join(status.evidence)] if status else ["", "", ""]
            assert [row[column] for column in columns] == expected, (plan.id, initiative.id)


def test_the_json_export_holds_every_evidence_item_and_status_as_the_model_has_them(site, series):
    for plan in series.plans:
        exported = json.loads((site.root / PlanPaths.of(plan.id).plan_json).read_text(encoding="utf-8"))
        for written, initiative in zip(exported["initiatives"], plan.initiatives, strict=True):
            expected = [
                {
                    "id": item.id,
                    # A year is a number, as a plan file may write it; a month or a day is text.
                    "date": item.date.year if item.date.month is None else as_written(item),
                    "kind": item.kind,
                    "summary": {"da": item.summary.da, "en": item.summary.en},
                    "sources": list(item.sources),
                }
                for item in initiative.evidence
            ]
            assert written.get("evidence", []) == expected, (plan.id, initiative.id)
            status = initiative.status
            if status:
                assert written["status"] == {"value": status.value, "as_of": status.as_of.isoformat(), "evidence": list(status.evidence)}
            else:
                assert "status" not in written, (plan.id, initiative.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_initiative_page_describes_its_evidence_as_creative_works_in_json_ld(site, series, strings, language):
    for plan in series.plans:
        for initiative in plan.initiatives:
            url = initiative_url(plan, initiative, language)
            nodes = {node["@type"]: node for node in json_ld_graph(site, url)}
            where = (plan.id, initiative.id, language)
            project = nodes["Project"]
            assert project["@id"] == url + "#initiative" and nodes["WebPage"]["mainEntity"] == {"@id": project["@id"]}, where
            assert project["name"] == initiative.title.in_language(language), where
            newest_first = sorted(initiative.evidence, key=lambda item: (item.date.last_day, item.id), reverse=True)
            works = project.get("subjectOf", [])
            assert [work["@id"] for work in works] == [f"{url}#evidence-{item.id}" for item in newest_first], where
            page = site.page(url.removeprefix(SITE_URL))
            for work, item in zip(works, newest_first, strict=True):
                sources = [plan.source(source_id) for source_id in item.sources]
                assert work["@type"] == "CreativeWork", where
                assert work["datePublished"] == as_written(item), (*where, item.id)  # never more precise than the source
                urls = work["url"] if isinstance(work["url"], list) else [work["url"]]
                assert urls == [source.url for source in sources], (*where, item.id)
                publishers = work.get("publisher", [])
                publishers = publishers if isinstance(publishers, list) else [publishers]
                assert [each["name"] for each in publishers] == list(dict.fromkeys(source.publisher for source in sources if source.publisher)), (*where, item.id)
                assert work["description"] == item.summary.in_language(language), (*where, item.id)
                assert work["genre"] == strings[language][f"evidence_kind_{item.kind}"], (*where, item.id)
                assert page.find(id=work["@id"].split("#")[1]) is not None, (*where, item.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_initiative_with_a_status_has_a_review_on_the_ogp_scale_resting_on_its_evidence(site, series, strings, language):
    reviews = 0
    for plan in series.plans:
        for initiative in plan.initiatives:
            url = initiative_url(plan, initiative, language)
            found = [node for node in json_ld_graph(site, url) if node["@type"] == "Review"]
            status = initiative.status
            if not status:
                assert found == [], (plan.id, initiative.id)  # unknown says nothing
                continue
            [review] = found
            assert review["itemReviewed"] == {"@id": url + "#initiative"}
            rating = review["reviewRating"]
            scale = ["not_started", "limited", "substantial", "complete"]
            assert (rating["@type"], rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == ("Rating", scale.index(status.value), 0, 3)
            assert rating["name"] == strings[language][f"status_{status.value}"]
            assert review["temporalCoverage"] == status.as_of.isoformat()
            assert review["isBasedOn"] == [{"@id": f"{url}#evidence-{item_id}"} for item_id in status.evidence]
            reviews += 1
    assert reviews == sum(1 for plan in series.plans for initiative in plan.initiatives if initiative.status) > 0


def search_documents(site, language: str) -> list[dict]:
    return json.loads((site.root / LANGUAGES[language] / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def plain(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_evidence_summary_and_status_is_found_on_its_initiative_page_in_its_languages_search(site, series, strings, language):
    documents = search_documents(site, language)
    others = " ".join(plain(document["text"]) for other in LANGUAGES if other != language for document in search_documents(site, other))
    for plan, initiative, item in all_evidence(series):
        page = page_url(PlanPaths.of(plan.id).initiative(initiative.id))
        texts = [plain(document["text"]) for document in documents if document["location"].split("#")[0] == page]
        summary = " ".join(item.summary.in_language(language).split())
        assert any(summary in text for text in texts), (plan.id, initiative.id, item.id, language)
        assert summary not in others or item.summary.da == item.summary.en, (plan.id, item.id)
        if initiative.status:
            sentence = strings[language].format(
                "evidence_status",
                status=strings[language][f"status_{initiative.status.value}"],
                day=formatting.format_day(initiative.status.as_of, language),
            )
            assert any(sentence in text for text in texts), (plan.id, initiative.id, language)


def words(html: str) -> set[str]:
    """The words of an indexed text as the search splits them (its separator), without punctuation."""
    return {token.strip("().,:;!?»«“”\"'") for token in re.split(r"[\s\-]+", plain(html).casefold())}


@pytest.mark.parametrize(("language", "word"), [("da", "evaluering"), ("en", "evaluation")])
def test_a_reader_searching_for_evaluation_finds_the_initiative_pages_with_an_evaluation(site, series, language, word):
    evaluated = {
        page_url(PlanPaths.of(plan.id).initiative(initiative.id))
        for plan, initiative, item in all_evidence(series)
        if item.kind == "evaluation"
    }
    assert evaluated
    found = {document["location"].split("#")[0] for document in search_documents(site, language) if word in words(document["text"])}
    assert evaluated <= found
