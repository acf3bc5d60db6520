"""Scheduled publishing: an item with `publish_at` is nowhere on the site until that moment, then everywhere.

The fixture `valid/scheduled.yaml` has a press release and an update scheduled
for 2018-09-10T12:00:00+02:00. It is built twice with "now" pinned through
`PLAN_NOW`: one second before that moment and exactly at it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from plansite.outputs import exports
from plansite.site import pages
from plansite.data import schedule as publishing
from plansite.data.problems import DataError
from plansite.data.validation import load_plan

PROJECT_DIR = Path(__file__).resolve().parents[1]
SCHEDULED = Path(__file__).parent / "fixtures" / "valid" / "scheduled.yaml"
PUBLISH_AT = "2018-09-10T12:00:00+02:00"
JUST_BEFORE = "2018-09-10T11:59:59+02:00"
RELEASE = "embargo"
UPDATE = "planlagt-opdatering"
LANGUAGES = {"da": "", "en": "en/"}


def build_scheduled_site(tmp_path_factory: pytest.TempPathFactory, now: str) -> Path:
    """A strict build of the scheduled fixture as the site looks at `now` (without PDFs)."""
    site_dir = tmp_path_factory.mktemp("scheduled-site")
    environment = {
        **os.environ, "PLAN_DATA_FILE": str(SCHEDULED), "PLAN_NOW": now, "NO_MKDOCS_2_WARNING": "1",
        "PLAN_SKIP_PDF": "1", "PLAN_PDF_CACHE_DIR": str(tmp_path_factory.mktemp("scheduled-pdf-cache")),
    }
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scheduled fixture one second before its items are due."""
    return build_scheduled_site(tmp_path_factory, JUST_BEFORE)


@pytest.fixture(scope="session")
def at(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scheduled fixture at the very moment its items are due."""
    return build_scheduled_site(tmp_path_factory, PUBLISH_AT)


def release_page(site: Path, language: str) -> Path:
    return site / LANGUAGES[language] / pages.page_url(pages.press_release_path(RELEASE)) / "index.html"


def text_outputs(site: Path) -> dict[str, str]:
    """Every text file of the built site (pages, feeds, sitemap, search indexes, exports)."""
    suffixes = {".html", ".xml", ".json", ".csv"}
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8-sig") for path in sorted(site.rglob("*")) if path.suffix in suffixes}


def press_kit_names(site: Path, language: str) -> list[str]:
    with zipfile.ZipFile(site / LANGUAGES[language] / pages.press_kit_path(language)) as kit:
        return kit.namelist()


@pytest.mark.parametrize("language", LANGUAGES)
def test_before_its_time_a_press_release_has_no_page(before, language):
    assert not release_page(before, language).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_its_time_a_press_release_has_its_page(at, language):
    assert release_page(at, language).is_file()


def test_before_its_time_no_output_names_the_press_release_or_the_update(before):
    leaks = [f"{path}: {marker}" for path, text in text_outputs(before).items() for marker in (f"presse/{RELEASE}", "Embargo", "embargo", UPDATE, "Planlagt opdatering", "Scheduled update") if marker in text]
    assert leaks == []


def test_at_its_time_the_press_release_is_in_the_sitemap_feeds_search_and_export(at):
    outputs = text_outputs(at)
    assert f"presse/{RELEASE}/" in outputs["sitemap.xml"]
    for language, root in LANGUAGES.items():
        assert f"press/{RELEASE}</id>" in outputs[root + pages.FEED]
        assert f"update/{UPDATE}</id>" in outputs[root + pages.FEED]
        search = json.loads(outputs[root + "search/search_index.json"])
        assert any(document["location"].startswith(f"presse/{RELEASE}/") for document in search["docs"]), language
        assert f'id="{pages.update_anchor(UPDATE)}"' in outputs[root + "presse/index.html"]
    exported = json.loads(outputs[exports.JSON_PATH])
    assert RELEASE in [release["id"] for release in exported["press_releases"]]
    assert UPDATE in [update["id"] for update in exported["updates"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_holds_a_press_release_only_from_its_time(before, at, language):
    assert not any(RELEASE in name for name in press_kit_names(before, language))
    assert any(RELEASE in name for name in press_kit_names(at, language))


def test_items_without_publish_at_are_always_published(before):
    exported = json.loads((before / exports.JSON_PATH).read_text(encoding="utf-8"))
    assert [release["id"] for release in exported["press_releases"]] == ["ny-plan"]
    assert [update["id"] for update in exported["updates"]] == ["i-kraft"]


def test_the_filter_publishes_at_the_exact_moment():
    plan = load_plan(SCHEDULED)
    due = datetime.fromisoformat(PUBLISH_AT)
    assert RELEASE not in [release.id for release in publishing.published_as_of(plan, due - timedelta(microseconds=1)).press_releases]
    assert RELEASE in [release.id for release in publishing.published_as_of(plan, due).press_releases]
    assert UPDATE in [update.id for update in publishing.published_as_of(plan, due.astimezone(timezone.utc)).updates]


def test_plan_now_sets_the_moment_of_the_build():
    assert publishing.publication_time({"PLAN_NOW": PUBLISH_AT}) == datetime.fromisoformat(PUBLISH_AT)


def test_without_plan_now_the_build_uses_the_current_time():
    moment = publishing.publication_time({})
    assert abs(moment - datetime.now(timezone.utc)) < timedelta(minutes=1)


@pytest.mark.parametrize("value", ["10-09-2018 12:00", "2018-09-10T12:00:00"])
def test_a_plan_now_without_offset_or_format_is_refused_with_how_to_fix_it(value):
    with pytest.raises(DataError) as caught:
        publishing.publication_time({"PLAN_NOW": value})
    assert caught.value.report().splitlines()[1] == (
        f"  $PLAN_NOW:1:1: '{value}' is not a date and time with a UTC offset — set PLAN_NOW like 2018-09-10T12:00:00+02:00, or unset it to use the current time"
    )


def test_an_attached_document_is_left_out_until_its_time():
    from plansite.data.model import Document, Text

    plan = load_plan(SCHEDULED)
    due = datetime.fromisoformat(PUBLISH_AT)
    document = Document("evaluering", Text("Evaluering", "Evaluation"), "da", "documents/evaluering.pdf", "presse@example.org", publish_at=due)
    scheduled = publishing.published_as_of(dataclasses.replace(plan, documents=(document,)), due - timedelta(seconds=1))
    assert scheduled.documents == ()
    assert publishing.published_as_of(dataclasses.replace(plan, documents=(document,)), due).documents == (document,)
