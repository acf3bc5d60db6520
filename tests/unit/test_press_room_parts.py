"""The press room's parts on small inputs: search split, zip, git dates, banner, feed ids, JSON export."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from plansite.data.loading import load_data_file, parse_data
from plansite.data.model import Text
from plansite.data.series import build_series
from plansite.data.validation import PLAN_SCHEMA, check_plan_file
from plansite.i18n.view import LocalizedPlan, localize
from plansite.outputs import exports
from plansite.outputs import feeds
from plansite.site import page_dates
from plansite.site import lifecycle
from plansite.outputs import press_kit
from plansite.outputs import search_index
from support.minimal_plan import minimal_actors
from support.paths import MINIMAL, MINIMAL_DIR

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def test_the_merged_search_index_is_split_by_language_folder():
    merged = {
        "config": {"lang": ["da"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Forside", "text": "dansk"},
            {"location": "2019-2021/presse/#kontakt", "title": "Kontakt", "text": "dansk"},
            {"location": "en/", "title": "Home", "text": "english"},
            {"location": "en/2019-2021/presse/#contact", "title": "Contact", "text": "english"},
        ],
    }
    indexes = search_index.split_by_language(merged, {"da": "", "en": "en/"})
    assert [document["location"] for document in indexes["da"]["docs"]] == ["", "2019-2021/presse/#kontakt"]
    assert [document["location"] for document in indexes["en"]["docs"]] == ["", "2019-2021/presse/#contact"]
    assert indexes["da"]["config"]["lang"] == ["da"] and indexes["en"]["config"]["lang"] == ["en"]
    assert indexes["en"]["config"]["pipeline"] == ["stopWordFilter"]


def test_a_zip_depends_only_on_its_entries_and_timestamp():
    entries = {"b.txt": "æøå".encode(), "a.md": b"# A"}
    first = press_kit.deterministic_zip(entries, (2021, 12, 31, 12, 0, 0))
    second = press_kit.deterministic_zip(dict(reversed(list(entries.items()))), (2021, 12, 31, 12, 0, 0))
    assert first == second
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert [info.filename for info in infos] == ["a.md", "b.txt"]
    assert {info.date_time for info in infos} == {(2021, 12, 31, 12, 0, 0)}


def test_zip_entries_are_dated_by_source_date_epoch_or_else_1980():
    assert press_kit.zip_timestamp(1640952000) == (2021, 12, 31, 12, 0, 0)
    assert press_kit.zip_timestamp(None) == (1980, 1, 1, 0, 0, 0)


def commit(repository: Path, path: str, content: str, when: str) -> None:
    (repository / path).parent.mkdir(parents=True, exist_ok=True)
    (repository / path).write_text(content, encoding="utf-8")
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    subprocess.run(["git", "add", path], cwd=repository, check=True, env=environment)
    subprocess.run(["git", "commit", "-q", "-m", f"change {path}"], cwd=repository, check=True, env=environment)


def test_pages_are_dated_by_the_last_commit_of_their_source(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit(tmp_path, "data/plans/2019-2021.yaml", "a", "2020-03-01T10:00:00+01:00")
    commit(tmp_path, "docs/about.da.md", "b", "2020-05-01T23:30:00+00:00")  # 2 May in Copenhagen
    commit(tmp_path, "data/plans/2019-2021.yaml", "c", "2021-01-15T10:00:00+01:00")
    dates = page_dates.PageDates(tmp_path, tmp_path / "data", tmp_path / "docs", 1640952000)
    assert dates.for_generated_page("2019-2021") == date(2021, 1, 15)
    assert dates.for_source_file("about.da.md") == date(2020, 5, 2)


def test_a_plans_pages_change_with_its_own_file_the_sites_and_the_actors_and_the_series_pages_with_any(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit(tmp_path, "data/site.yaml", "site", "2020-01-10T10:00:00+01:00")
    commit(tmp_path, "data/actors.yaml", "actors", "2020-02-10T10:00:00+01:00")
    commit(tmp_path, "data/plans/2019-2021.yaml", "old plan", "2020-03-10T10:00:00+01:00")
    commit(tmp_path, "data/plans/2022-2025.yaml", "new plan", "2022-04-08T10:00:00+02:00")
    dates = page_dates.PageDates(tmp_path, tmp_path / "data", tmp_path / "docs", None)
    assert dates.for_generated_page("2019-2021") == date(2020, 3, 10)  # not changed by the other plan
    assert dates.for_generated_page("2022-2025") == date(2022, 4, 8)
    assert dates.for_generated_page(None) == date(2022, 4, 8)  # the home page, actors, contact: every plan
    commit(tmp_path, "data/actors.yaml", "actors again", "2023-05-01T10:00:00+02:00")
    dates = page_dates.PageDates(tmp_path, tmp_path / "data", tmp_path / "docs", None)
    assert {dates.for_generated_page(plan_id) for plan_id in ("2019-2021", "2022-2025", None)} == {date(2023, 5, 1)}


def test_without_git_history_pages_are_dated_by_source_date_epoch(tmp_path):
    dates = page_dates.PageDates(tmp_path, tmp_path / "data", tmp_path / "docs", 1640952000)
    assert dates.for_generated_page("2019-2021") == date(2021, 12, 31)
    assert dates.for_generated_page(None) == date(2021, 12, 31)


def test_without_git_history_or_source_date_pages_have_no_date(tmp_path):
    assert page_dates.PageDates(tmp_path, tmp_path / "data", tmp_path / "docs", None).for_generated_page("2019-2021") is None


ABOUT_LINK = ("2019-2021/om-planen/", "efterfoelger")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2018, 12, 31), "Handlingsplanen for 2019–2021 begynder den 1. januar 2019."),
        (date(2019, 1, 1), None),
        (date(2021, 12, 31), None),
        (date(2022, 1, 1), "Handlingsplanen gjaldt for 2019–2021 og er afsluttet."),
    ],
)
def test_the_banner_follows_the_plan_period(minimal_plan, strings, today, expected):
    banner = lifecycle.plan_banner(LocalizedPlan(minimal_plan, "da", strings["da"]), today, ABOUT_LINK)
    assert (banner.text if banner else None) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2021, 12, 31), "The action plan covers 2022–2025; its period begins in 2022."),
        (date(2022, 1, 1), None),
        (date(2025, 12, 31), None),
        (date(2026, 1, 1), "The action plan covered 2022–2025 and has ended."),
    ],
)
def test_the_banner_of_a_plan_in_years_names_only_years(two_plans, strings, today, expected):
    banner = lifecycle.plan_banner(LocalizedPlan(two_plans.plan("2022-2025"), "en", strings["en"]), today, ("2022-2025/om-planen/", "successor"))
    assert (banner.text if banner else None) == expected
    assert banner is None or (banner.link_text, banner.link_path) == ("", "")


def test_after_the_period_the_banner_links_a_successor_with_pages_to_its_home_page(two_plans, strings):
    banner = lifecycle.plan_banner(LocalizedPlan(two_plans.plan("2019-2021"), "da", strings["da"]), date(2022, 1, 1), ABOUT_LINK)
    assert banner.text == "Handlingsplanen gjaldt for 2019–2021. Den blev fulgt af »Testplan 2022-2025« (2022–2025)."
    assert (banner.link_text, banner.link_path, banner.link_anchor) == ("Læs om efterfølgeren", "2022-2025/", "")


def test_after_the_period_the_banner_links_a_successor_without_pages_to_the_about_page(strings):
    site = load_data_file(MINIMAL_DIR / "site.yaml").data
    site["earlier_plans"].append({"id": "2022-2025", "period": {"start": 2022, "end": 2025}, "title": {"da": "Den næste testplan", "en": "The next test plan"}, "sources": ["k1"]})
    series = build_series(site, load_data_file(MINIMAL_DIR / "actors.yaml").data, {"2019-2021": load_data_file(MINIMAL).data})
    banner = lifecycle.plan_banner(localize(series, strings)["en"].plan("2019-2021"), date(2022, 1, 1), ("2019-2021/om-planen/", "successor"))
    assert banner.text == "This action plan covered 2019–2021. It was followed by the “The next test plan” (2022–2025)."
    assert (banner.link_text, banner.link_path, banner.link_anchor) == ("About the successor", "2019-2021/om-planen/", "successor")


def test_after_its_period_the_real_root_plans_banner_names_and_links_its_successor(series, plan, strings):
    successor = plan.plan.successor
    assert successor is not None and successor.plan_id is not None  # the series has pages for the plan that followed it
    banner = lifecycle.plan_banner(LocalizedPlan(plan, "en", strings["en"]), date(2022, 1, 1), ("2019-2021/om-planen/", "successor"))
    period = f"{successor.period.start.year}–{successor.period.end.year}"
    assert banner.text == f"This action plan covered 2019–2021. It was followed by the “{series.plan(successor.plan_id).plan.title.en}” ({period})."
    assert (banner.link_path, banner.link_anchor) == (f"{successor.plan_id}/", "")


def feed_ids(series, strings) -> list[str]:
    xml = feeds.render_feed(localize(series, strings)["en"], "https://site.test/", "https://site.test/en/")
    return [entry.findtext("atom:id", namespaces=ATOM) for entry in ElementTree.fromstring(xml).findall("atom:entry", ATOM)]


def test_feed_ids_survive_an_edited_title(minimal_series, minimal_plan, strings):
    [release] = minimal_plan.press_releases
    edited = dataclasses.replace(minimal_plan, press_releases=(dataclasses.replace(release, title=Text("Ny titel", "New title")),))
    assert feed_ids(dataclasses.replace(minimal_series, plans=(edited,)), strings) == feed_ids(minimal_series, strings) == ["tag:site.test,2018:en/press/ny-plan"]


def test_the_feed_has_every_plans_entries_and_only_the_root_plans_ids_lack_the_plan_id(two_plans, strings):
    assert feed_ids(two_plans, strings) == ["tag:site.test,2022:en/2022-2025/press/ny-plan", "tag:site.test,2018:en/press/ny-plan"]  # newest first
    xml = feeds.render_feed(localize(two_plans, strings)["en"], "https://site.test/", "https://site.test/en/")
    links = [entry.find("atom:link", ATOM).get("href") for entry in ElementTree.fromstring(xml).findall("atom:entry", ATOM)]
    assert links == ["https://site.test/en/2022-2025/presse/ny-plan/", "https://site.test/en/2019-2021/presse/ny-plan/"]


def test_the_json_export_of_a_small_plan_is_a_valid_plan_file_and_deterministic(minimal_plan):
    text = exports.plan_json(minimal_plan)
    assert text == exports.plan_json(minimal_plan)
    schema = json.loads(PLAN_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(text), schema, cls=jsonschema.Draft202012Validator)
    assert [str(problem) for problem in check_plan_file(parse_data(text.encode("utf-8"), "initiatives.json"), list(minimal_actors()))] == []
    assert "Område B æøå" in text
    exported = json.loads(text)
    assert exported["actors"][0] == {"id": "ministeriet", "description": {"da": "Et ministerium.", "en": "A ministry."}, "sources": ["s1"]}  # its role; who it is, is in actors.yaml
    assert not {"series_number", "series_start_year", "predecessors", "successor"} & set(exported["plan"])  # the series' facts, not the file's


def test_the_json_export_writes_a_period_in_years_and_a_day_without_a_time_as_the_plan_file_does(two_plans):
    exported = json.loads(exports.plan_json(two_plans.plan("2022-2025")))
    assert exported["plan"]["period"] == {"start": 2022, "end": 2025}
    assert "in_force" not in exported["plan"]
    assert exported["press_releases"][0]["published"] == "2022-04-08" and "contact" not in exported["press_releases"][0]


def test_a_plan_pages_search_result_names_its_plan_and_its_sections_do_not_repeat_it():
    index = {"config": {}, "docs": [
        {"location": "2026-2029/indsatser/x/", "title": "Hotline", "text": ""},
        {"location": "2026-2029/indsatser/x/#beskrivelse", "title": "Beskrivelse", "text": ""},
        {"location": "aktoerer/cmm/", "title": "CMM", "text": ""},
    ]}
    labelled = search_index.label_plan_pages(index, {"2026-2029/": "Testplan 2026–2029"})
    assert [document["title"] for document in labelled["docs"]] == ["Hotline – Testplan 2026–2029", "Beskrivelse", "CMM"]
