"""A new plan is a new data file: a synthetic third plan, added to a copy of the real data, appears everywhere it should.

The fixture (tests/fixtures/third-plan/2026-2029.yaml) is shaped unlike the real
plans: two focus areas, no sub-areas, no objectives, a period in years, no
entry into force, a press release with a day but no time and no press contact,
and only a Danish edition. Nothing outside `data/` changes for it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from plansite.data.loading import load_data_file
from support.building import BuiltSite, build_site, copy_series
from support.paths import FIXTURES, PROJECT_DIR, REAL_DATA

THIRD = FIXTURES / "third-plan" / "2026-2029.yaml"
PLAN_ID = "2026-2029"
ATOM = "{http://www.w3.org/2005/Atom}"
# Every page of the third plan, by its address within a language.
PLAN_PAGES = (
    f"{PLAN_ID}/",
    f"{PLAN_ID}/om-planen/",
    f"{PLAN_ID}/indsatsomraader/",
    f"{PLAN_ID}/indsatsomraader/forebyggelse/",
    f"{PLAN_ID}/indsatsomraader/beskyttelse/",
    f"{PLAN_ID}/indsatser/",
    f"{PLAN_ID}/indsatser/syntetisk-hotline/",
    f"{PLAN_ID}/indsatser/syntetisk-efterforskning/",
    f"{PLAN_ID}/presse/",
    f"{PLAN_ID}/presse/syntetisk-plan/",
)
TITLES = {"da": "Syntetisk testplan 2026-2029", "en": "Synthetic test plan 2026-2029"}


@pytest.fixture(scope="module")
def series_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real series with the third plan added, built with its PDFs."""
    data_dir = copy_series(REAL_DATA, tmp_path_factory.mktemp("data"))
    shutil.copyfile(THIRD, data_dir / "plans" / THIRD.name)
    return build_site(tmp_path_factory.mktemp("site"), data_dir, {"PLAN_NOW": "2026-12-01T12:00:00+01:00"})


def _page(site: BuiltSite, language: str, address: str) -> BeautifulSoup:
    return site.page(("en/" if language == "en" else "") + address)


def test_the_fixture_is_shaped_unlike_the_real_plans():
    data = load_data_file(THIRD).data
    assert not any("sub_areas" in area for area in data["focus_areas"]) and len(data["focus_areas"]) == 2
    assert "objectives" not in data["plan"] and "in_force" not in data["plan"] and data["plan"]["official_languages"] == ["da"]
    assert data["plan"]["period"] == {"start": 2026, "end": 2029}
    assert data["contacts"] == [] and not any("contact" in release for release in data["press_releases"])


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("address", PLAN_PAGES)
def test_every_page_of_the_new_plan_is_built_in_both_languages_with_its_switcher(series_site: BuiltSite, language: str, address: str):
    page = _page(series_site, language, address)
    assert page.html["lang"] == language
    other = "da" if language == "en" else "en"
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert alternates[other].endswith(("en/" if other == "en" else "") + address), alternates
    report = next(node for node in json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"] if node["@type"] == "Report")
    assert report["name"] == TITLES[language]  # the page is about this plan, not another one


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_home_page_and_the_menu_list_the_new_plan(series_site: BuiltSite, language: str):
    home = _page(series_site, language, "")
    links = {link.get_text(" ", strip=True): link["href"] for link in home.select("article a")}
    assert links[TITLES[language]] == f"{PLAN_ID}/"
    for address in ("", "aktoerer/", "2019-2021/indsatser/"):
        menu = [link["href"] for link in _page(series_site, language, address).select("nav.md-nav--primary a")]
        assert any(href.rstrip("/").endswith(PLAN_ID) for href in menu), (address, menu)


def test_the_plans_are_in_the_series_order(series_site: BuiltSite):
    about = _page(series_site, "da", f"{PLAN_ID}/om-planen/").select_one("article").get_text(" ", strip=True)
    assert "Planen er den 7. nationale handlingsplan mod menneskehandel siden 2002." in about
    banner = _page(series_site, "da", "2022-2025/").select_one(".plan-banner")
    assert "Den blev fulgt af »Syntetisk testplan 2026-2029« (2026–2029)" in banner.get_text(" ", strip=True)
    assert banner.select_one("a")["href"] == f"../{PLAN_ID}/"
    assert _page(series_site, "da", f"{PLAN_ID}/").select_one(".plan-banner") is None  # in force on 1 December 2026


def test_what_the_sources_do_not_give_is_not_shown(series_site: BuiltSite):
    home = _page(series_site, "da", f"{PLAN_ID}/")
    facts = {term.get_text(strip=True): term.find_next_sibling("dd").get_text(" ", strip=True) for term in home.select(".plan-facts dt")}
    assert facts["Periode"] == "2026–2029"
    assert "I kraft fra" not in facts
    release = _page(series_site, "da", f"{PLAN_ID}/presse/syntetisk-plan/").select_one("article").get_text(" ", strip=True)
    assert "2. marts 2026" in release and " kl. " not in release and "Pressekontakt" not in release
    area = _page(series_site, "da", f"{PLAN_ID}/indsatsomraader/forebyggelse/").select_one("article")
    assert "Delområder" not in area.get_text(" ", strip=True)


def test_the_english_pages_say_the_english_is_our_translation(series_site: BuiltSite):
    assert "our own translation" in _page(series_site, "en", f"{PLAN_ID}/").select_one("article").get_text(" ", strip=True)
    assert "translation" not in _page(series_site, "da", f"{PLAN_ID}/").select_one("article").get_text(" ", strip=True)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_feed_and_the_search_index_cover_the_new_plan(series_site: BuiltSite, language: str):
    root = series_site.root / ("en" if language == "en" else "")
    entries = ElementTree.parse(root / "feed.xml").getroot().findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert any(f"/{PLAN_ID}/press/syntetisk-plan" in entry_id for entry_id in ids), ids
    assert any(entry_id.endswith(":da/press/ny-handlingsplan-2018".replace("da", language)) for entry_id in ids)  # the root plan's ids are kept
    locations = [item["location"] for item in json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]]
    assert f"{PLAN_ID}/indsatser/syntetisk-hotline/" in locations


def test_an_actor_page_lists_its_roles_by_plan_newest_first(series_site: BuiltSite):
    article = _page(series_site, "da", "aktoerer/cmm/").select_one("article")
    plans = [heading.select_one("a:not(.headerlink)").get_text(" ", strip=True) for heading in article.select("h3")]
    assert plans[:3] == ["Syntetisk testplan 2026-2029", "Handlingsplan til bekæmpelse af menneskehandel 2022-2025", "Handlingsplan til bekæmpelse af menneskehandel 2019-2021"]
    assert article.select_one(f'a[href$="{PLAN_ID}/indsatser/syntetisk-hotline/"]') is not None


def test_the_new_plan_has_its_own_files(series_site: BuiltSite):
    root = series_site.root
    rows = list(csv.reader(io.StringIO((root / PLAN_ID / "data" / "indsatser.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["syntetisk-hotline", "syntetisk-efterforskning"]
    exported = json.loads((root / PLAN_ID / "data" / "initiatives.json").read_text(encoding="utf-8"))
    schema = json.loads((PROJECT_DIR / "data" / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(exported)
    assert exported["plan"]["period"] == {"start": 2026, "end": 2029}
    for language, name in (("da", "syntetisk-testplan-2026-2029.pdf"), ("en", "synthetic-test-plan-2026-2029.pdf")):
        pdf = root / ("en" if language == "en" else "") / PLAN_ID / "pdf" / name
        assert pdf.read_bytes().startswith(b"%PDF-")
        link = _page(series_site, language, f"{PLAN_ID}/indsatser/").select_one(f'a[href$="{name}"]')
        assert link is not None
    assert (root / PLAN_ID / "presse" / "pressekit-da.zip").is_file() and (root / "en" / PLAN_ID / "presse" / "pressekit-en.zip").is_file()


def test_the_new_plan_is_in_the_sitemap_and_no_old_address_is_made_for_it(series_site: BuiltSite):
    sitemap = (series_site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{PLAN_ID}/indsatser/syntetisk-hotline/" in sitemap and f"/en/{PLAN_ID}/indsatser/syntetisk-hotline/" in sitemap
    assert not (series_site.root / "indsatser" / "syntetisk-hotline").exists()  # only the root plan had addresses before the series
    assert re.search(r"<loc>https://[^/<]+/(en/)?indsatser/hotline/</loc>", sitemap) is None  # redirect pages are not listed
