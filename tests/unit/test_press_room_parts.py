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

from plansite.i18n.view import LocalizedPlan
from plansite.outputs import exports
from plansite.outputs import feeds
from plansite.site import page_dates
from plansite.site import lifecycle
from plansite.outputs import press_kit
from plansite.outputs import search_index
from plansite.data.model import Text
from plansite.data.validation import SCHEMA_PATH

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def test_the_merged_search_index_is_split_by_language_folder():
    merged = {
        "config": {"lang": ["da"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "", "title": "Forside", "text": "dansk"},
            {"location": "presse/#kontakt", "title": "Kontakt", "text": "dansk"},
            {"location": "en/", "title": "Home", "text": "english"},
            {"location": "en/presse/#contact", "title": "Contact", "text": "english"},
        ],
    }
    indexes = search_index.split_by_language(merged, {"da": "", "en": "en/"})
    assert [document["location"] for document in indexes["da"]["docs"]] == ["", "presse/#kontakt"]
    assert [document["location"] for document in indexes["en"]["docs"]] == ["", "presse/#contact"]
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
    commit(tmp_path, "data/plan.yaml", "a", "2020-03-01T10:00:00+01:00")
    commit(tmp_path, "docs/about.da.md", "b", "2020-05-01T23:30:00+00:00")  # 2 May in Copenhagen
    commit(tmp_path, "data/plan.yaml", "c", "2021-01-15T10:00:00+01:00")
    dates = page_dates.PageDates(tmp_path, tmp_path / "data" / "plan.yaml", tmp_path / "docs", 1640952000)
    assert dates.for_generated_page() == date(2021, 1, 15)
    assert dates.for_source_file("about.da.md") == date(2020, 5, 2)


def test_without_git_history_pages_are_dated_by_source_date_epoch(tmp_path):
    dates = page_dates.PageDates(tmp_path, tmp_path / "plan.yaml", tmp_path / "docs", 1640952000)
    assert dates.for_generated_page() == date(2021, 12, 31)


def test_without_git_history_or_source_date_pages_have_no_date(tmp_path):
    assert page_dates.PageDates(tmp_path, tmp_path / "plan.yaml", tmp_path / "docs", None).for_generated_page() is None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2018, 12, 31), "Handlingsplanen for 2019–2021 træder i kraft den 1. januar 2019."),
        (date(2019, 1, 1), None),
        (date(2021, 12, 31), None),
        (date(2022, 1, 1), "Handlingsplanen gjaldt for 2019–2021 og er afsluttet."),
    ],
)
def test_the_banner_follows_the_plan_period(minimal_plan, strings, today, expected):
    banner = lifecycle.plan_banner(LocalizedPlan(minimal_plan, "da", strings["da"]), today, ("om-planen/", "efterfølger"))
    assert (banner.text if banner else None) == expected


def test_after_the_period_the_banner_names_and_links_the_successor(plan, strings):
    banner = lifecycle.plan_banner(LocalizedPlan(plan, "en", strings["en"]), date(2022, 1, 1), ("om-planen/", "successor"))
    assert banner.text == "This action plan covered 2019–2021. It was followed by the “Sixth action plan against human trafficking” (2022–2025)."
    assert (banner.link_path, banner.link_anchor) == ("om-planen/", "successor")


def feed_ids(plan, strings) -> list[str]:
    xml = feeds.render_feed(LocalizedPlan(plan, "en", strings["en"]), "https://site.test/", "https://site.test/en/")
    return [entry.findtext("atom:id", namespaces=ATOM) for entry in ElementTree.fromstring(xml).findall("atom:entry", ATOM)]


def test_feed_ids_survive_an_edited_title(minimal_plan, strings):
    [release] = minimal_plan.press_releases
    edited = dataclasses.replace(minimal_plan, press_releases=(dataclasses.replace(release, title=Text("Ny titel", "New title")),))
    assert feed_ids(edited, strings) == feed_ids(minimal_plan, strings) == ["tag:site.test,2018:en/press/ny-plan"]


def test_the_json_export_of_a_small_plan_is_valid_and_deterministic(minimal_plan):
    text = exports.plan_json(minimal_plan)
    assert text == exports.plan_json(minimal_plan)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(text), schema, cls=jsonschema.Draft202012Validator)
    assert "Område B æøå" in text
