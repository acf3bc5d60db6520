"""Publishing: scheduled items, and the accessibility statement a deploy may link.

Scheduled publishing: an item with `publish_at` is nowhere on the site until that moment, then everywhere.

The plan file `valid/scheduled.yaml` has a press release and an update scheduled
for 2018-09-10T12:00:00+02:00. As the plan of the minimal series (its root
plan, so its pages also have redirect pages at their old addresses), it is built
twice with "now" pinned through `PLAN_NOW`: one second before that moment and
exactly at it. The filter on the model is in tests/unit/test_scheduled_publishing.py.

The accessibility statement: the deploy workflow's build (`PLAN_DEPLOY=1`)
stops on a placeholder `ACCESSIBILITY_STATEMENT_URL` and links a real one; the
session's site (no address set) links the site's own statement page, checked in
tests/site/test_public_sector_pages.py. The placeholder rules are unit-tested in
tests/unit/test_accessibility_statement.py.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from plansite.site import pages
from plansite.urls import FEED, PlanPaths, page_url
from support.building import WITHOUT_PDFS, build_site, run_build, series_with_plan
from support.paths import FIXTURES, MINIMAL_DIR, MINIMAL_PLAN_ID
from support.problems import assert_no_problems

SCHEDULED = FIXTURES / "valid" / "scheduled.yaml"
PUBLISH_AT = "2018-09-10T12:00:00+02:00"
JUST_BEFORE = "2018-09-10T11:59:59+02:00"
RELEASE = "embargo"
UPDATE = "planlagt-opdatering"
LANGUAGES = {"da": "", "en": "en/"}
PATHS = PlanPaths.of(MINIMAL_PLAN_ID)


def build_scheduled_site(tmp_path_factory: pytest.TempPathFactory, now: str) -> Path:
    """A strict build of the scheduled fixture as the site looks at `now` (without PDFs)."""
    environment = {"PLAN_NOW": now, **WITHOUT_PDFS, "PLAN_PDF_CACHE_DIR": str(tmp_path_factory.mktemp("scheduled-pdf-cache"))}
    data_dir = series_with_plan(tmp_path_factory.mktemp("scheduled-data"), SCHEDULED.read_text(encoding="utf-8"), plan_id=MINIMAL_PLAN_ID)
    return build_site(tmp_path_factory.mktemp("scheduled-site"), data_dir, environment).root


@pytest.fixture(scope="session")
def before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scheduled fixture one second before its items are due."""
    return build_scheduled_site(tmp_path_factory, JUST_BEFORE)


@pytest.fixture(scope="session")
def at(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scheduled fixture at the very moment its items are due."""
    return build_scheduled_site(tmp_path_factory, PUBLISH_AT)


def release_page(site: Path, language: str, paths: PlanPaths = PATHS) -> Path:
    """The press release's page (`paths`: its plan's, or `PlanPaths.at_root()` for its old address)."""
    return site / LANGUAGES[language] / page_url(paths.press_release(RELEASE)) / "index.html"


def text_outputs(site: Path) -> dict[str, str]:
    """Every text file of the built site (pages, feeds, sitemap, search indexes, exports)."""
    suffixes = {".html", ".xml", ".json", ".csv"}
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8-sig") for path in sorted(site.rglob("*")) if path.suffix in suffixes}


def press_kit_names(site: Path, language: str) -> list[str]:
    with zipfile.ZipFile(site / LANGUAGES[language] / PATHS.press_kit(language)) as kit:
        return kit.namelist()


@pytest.mark.parametrize("language", LANGUAGES)
def test_before_its_time_a_press_release_has_no_page_and_no_page_at_its_old_address(before, language):
    assert not release_page(before, language).exists()
    assert not release_page(before, language, PlanPaths.at_root()).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_its_time_a_press_release_has_its_page_and_a_redirect_page_at_its_old_address(at, language):
    assert release_page(at, language).is_file()
    old = release_page(at, language, PlanPaths.at_root()).read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in old and f"{MINIMAL_PLAN_ID}/presse/{RELEASE}/" in old


def test_before_its_time_no_output_names_the_press_release_or_the_update(before):
    markers = (f"presse/{RELEASE}", "Embargo", "embargo", UPDATE, "Planlagt opdatering", "Scheduled update")
    leaks = [f"{path}: {marker}" for path, text in text_outputs(before).items() for marker in markers if marker in text]
    leaks += [f"a file at {path.relative_to(before)}" for path in sorted(before.rglob("*")) if RELEASE in path.as_posix() or UPDATE in path.as_posix()]
    assert_no_problems(leaks, "outputs name an item before its time")


def test_at_its_time_the_press_release_is_in_the_sitemap_feeds_search_and_export(at):
    outputs = text_outputs(at)
    assert f"{MINIMAL_PLAN_ID}/presse/{RELEASE}/" in outputs["sitemap.xml"]
    for language, root in LANGUAGES.items():
        assert f"press/{RELEASE}</id>" in outputs[root + FEED]
        assert f"update/{UPDATE}</id>" in outputs[root + FEED]
        search = json.loads(outputs[root + "search/search_index.json"])
        assert any(document["location"].startswith(page_url(PATHS.press_release(RELEASE))) for document in search["docs"]), language
        assert f'id="{pages.update_anchor(UPDATE)}"' in outputs[root + page_url(PATHS.press) + "index.html"]
    exported = json.loads(outputs[PATHS.plan_json])
    assert RELEASE in [release["id"] for release in exported["press_releases"]]
    assert UPDATE in [update["id"] for update in exported["updates"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_holds_a_press_release_only_from_its_time(before, at, language):
    assert not any(RELEASE in name for name in press_kit_names(before, language))
    assert any(RELEASE in name for name in press_kit_names(at, language))


def test_items_without_publish_at_are_always_published(before):
    exported = json.loads((before / PATHS.plan_json).read_text(encoding="utf-8"))
    assert [release["id"] for release in exported["press_releases"]] == ["ny-plan"]
    assert [update["id"] for update in exported["updates"]] == ["i-kraft"]


PLACEHOLDER_STATEMENT = "https://www.was.digst.dk/menneskehandel-example-org"
REAL_STATEMENT = "https://www.was.digst.dk/handlingsplaner-menneskehandel-dk"


def test_a_deploy_with_a_placeholder_statement_address_fails_and_says_what_to_set(tmp_path):
    environment = {"PLAN_DEPLOY": "1", "ACCESSIBILITY_STATEMENT_URL": PLACEHOLDER_STATEMENT, **WITHOUT_PDFS}
    result = run_build(tmp_path / "site", MINIMAL_DIR, environment)
    assert result.returncode != 0
    assert "ACCESSIBILITY_STATEMENT_URL (extra.accessibility_statement_url in mkdocs.yml) is 'https://www.was.digst.dk/menneskehandel-example-org'" in result.stderr
    assert "Set ACCESSIBILITY_STATEMENT_URL to the statement's address in the WAS tool" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_deploy_with_a_real_statement_address_links_it_from_every_footer_and_the_sites_own_page(tmp_path):
    environment = {"PLAN_DEPLOY": "1", "ACCESSIBILITY_STATEMENT_URL": REAL_STATEMENT, **WITHOUT_PDFS}
    built = build_site(tmp_path / "site", MINIMAL_DIR, environment)
    for path in built.html_files():
        page = built.page(path.relative_to(built.root).as_posix())
        assert page.select_one(f'footer a[href="{REAL_STATEMENT}"]') is not None, path
    for root in LANGUAGES.values():
        assert built.page(root + "tilgaengelighed/").select_one(f'article a[href="{REAL_STATEMENT}"]') is not None, root
