"""Scheduled publishing: an item with `publish_at` is nowhere on the site until that moment, then everywhere.

The fixture `valid/scheduled.yaml` has a press release and an update scheduled
for 2018-09-10T12:00:00+02:00. It is built twice with "now" pinned through
`PLAN_NOW`: one second before that moment and exactly at it. The filter on the
model is in tests/unit/test_scheduled_publishing.py.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from plansite.outputs import exports
from plansite.site import pages
from support.building import WITHOUT_PDFS, build_site
from support.paths import FIXTURES
from support.problems import assert_no_problems

SCHEDULED = FIXTURES / "valid" / "scheduled.yaml"
PUBLISH_AT = "2018-09-10T12:00:00+02:00"
JUST_BEFORE = "2018-09-10T11:59:59+02:00"
RELEASE = "embargo"
UPDATE = "planlagt-opdatering"
LANGUAGES = {"da": "", "en": "en/"}


def build_scheduled_site(tmp_path_factory: pytest.TempPathFactory, now: str) -> Path:
    """A strict build of the scheduled fixture as the site looks at `now` (without PDFs)."""
    environment = {"PLAN_NOW": now, **WITHOUT_PDFS, "PLAN_PDF_CACHE_DIR": str(tmp_path_factory.mktemp("scheduled-pdf-cache"))}
    return build_site(tmp_path_factory.mktemp("scheduled-site"), SCHEDULED, environment).root


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
    assert_no_problems(leaks, "outputs name an item before its time")


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
