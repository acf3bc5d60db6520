"""The press room, feeds, open data and per-language search of the real site, read from the built output.

Every plan of the series has its press pages, exports and press kits under its
id; the feed of a language has the press releases and updates of every plan.

Feeds are parsed with an XML parser, the JSON export is validated against the
published schema, the CSV files are read with the csv module, the press kits
are opened as zips and the JSON-LD is parsed as JSON.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import jsonschema
import pytest

from bs4 import BeautifulSoup

from plansite.data.validation import PLAN_SCHEMA
from plansite.i18n import formatting
from plansite.i18n.view import LocalizedPlan
from plansite.outputs import exports
from plansite.site import pages
from plansite.urls import FEED, PlanPaths, page_url

LANGUAGES = {"da": "", "en": "en/"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SITE_URL = "https://menneskehandel.example.org/"


def site_path(url: str) -> str:
    """The site-relative path of an absolute URL of the site."""
    assert url.startswith(SITE_URL), url
    return url.removeprefix(SITE_URL)


def existing_file(site, path: str):
    """The built file behind a site-relative path (a folder means its index.html)."""
    path = path.split("#")[0]
    target = site.root / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def read_feed(site, language: str) -> ElementTree.Element:
    return ElementTree.parse(site.root / LANGUAGES[language] / FEED).getroot()


def is_redirect(page: BeautifulSoup) -> bool:
    """A page at an old address that sends the browser on to the new one (site.redirects)."""
    return page.find("meta", attrs={"http-equiv": "refresh"}) is not None


def plan_page_url(plan, src_uri_of, language: str) -> str:
    """The site-relative URL of one of a plan's pages: `src_uri_of` takes the plan's `PlanPaths`."""
    return LANGUAGES[language] + page_url(src_uri_of(PlanPaths.of(plan.id)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_is_atom_with_every_required_element(site, language):
    feed = read_feed(site, language)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    for name in ("id", "title", "updated", "author/atom:name"):
        assert feed.findtext(f"atom:{name}", namespaces=ATOM).strip(), name
    [self_link] = feed.findall("atom:link[@rel='self']", ATOM)
    assert self_link.get("href") == SITE_URL + LANGUAGES[language] + FEED
    entries = feed.findall("atom:entry", ATOM)
    assert entries
    for entry in entries:
        # A plan event is not a publication, nor is an evidence item: no <published> (issues 13, 14).
        is_event = entry.find("atom:category", ATOM).get("term") in ("event", "evidence")
        for name in ("id", "title", "updated", "summary", *(() if is_event else ("published",))):
            assert entry.findtext(f"atom:{name}", namespaces=ATOM).strip(), name
        [link] = entry.findall("atom:link[@rel='alternate']", ATOM)
        assert existing_file(site, site_path(link.get("href"))).is_file(), link.get("href")


def tag_prefix(series, plan, language: str) -> str:
    """The start of the ids of a plan's entries: the root plan's are those of the feed before the series."""
    if plan.id == series.site.root_plan:
        return f"tag:menneskehandel.example.org,2018:{language}/"
    return f"tag:menneskehandel.example.org,{plan.plan.announced.year}:{language}/{plan.id}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_has_every_press_release_update_and_evidence_item_of_every_plan_newest_first_with_stable_ids(site, series, plan, language):
    entries = read_feed(site, language).findall("atom:entry", ATOM)
    expected_ids = {f"{tag_prefix(series, each, language)}press/{release.id}" for each in series.plans for release in each.press_releases}
    expected_ids |= {f"{tag_prefix(series, each, language)}update/{update.id}" for each in series.plans for update in each.updates}
    expected_ids |= {
        f"{tag_prefix(series, each, language)}evidence/{initiative.id}/{item.id}"
        for each in series.plans
        for initiative in each.initiatives
        for item in initiative.evidence
    }
    ids = {entry.findtext("atom:id", namespaces=ATOM) for entry in entries}
    assert ids == expected_ids
    assert f"tag:menneskehandel.example.org,2018:{language}/press/{plan.press_releases[0].id}" in ids  # unchanged by the series
    evidence = sum(len(initiative.evidence) for each in series.plans for initiative in each.initiatives)
    assert len(entries) == sum(len(each.press_releases) + len(each.updates) for each in series.plans) + evidence
    updated = [entry.findtext("atom:updated", namespaces=ATOM) for entry in entries]
    assert updated == sorted(updated, key=datetime.fromisoformat, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_entries_are_in_the_feeds_language(site, series, language):
    titles = {entry.findtext("atom:title", namespaces=ATOM) for entry in read_feed(site, language).findall("atom:entry", ATOM)}
    for plan in series.plans:
        assert {release.title.in_language(language) for release in plan.press_releases} <= titles, plan.id
        assert {update.title.in_language(language) for update in plan.updates} <= titles, plan.id


def test_every_page_links_its_languages_feed_in_head(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
            continue
        language = "en" if relative.startswith("en/") else "da"
        [link] = site.page(relative).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert urljoin(SITE_URL + relative, link["href"]) == SITE_URL + LANGUAGES[language] + FEED, relative


def test_the_json_export_of_each_plan_is_valid_against_the_schema_published_beside_it(site, series):
    for plan in series.plans:
        paths = PlanPaths.of(plan.id)
        data = json.loads((site.root / paths.plan_json).read_text(encoding="utf-8"))
        schema = json.loads((site.root / paths.schema_json).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        assert [error.message for error in validator.iter_errors(data)] == [], plan.id


def test_the_json_export_holds_each_published_plan_in_both_languages(site, series):
    for plan in series.plans:
        path = site.root / PlanPaths.of(plan.id).plan_json
        data = json.loads(path.read_text(encoding="utf-8"))
        assert [item["id"] for item in data["initiatives"]] == [item.id for item in plan.initiatives], plan.id
        assert [item["id"] for item in data["press_releases"]] == [item.id for item in plan.press_releases], plan.id
        assert data["plan"]["title"] == {"da": plan.plan.title.da, "en": plan.plan.title.en}, plan.id
        assert "æ" in path.read_text(encoding="utf-8")  # ensure_ascii=False


def test_the_published_schema_is_the_plan_files_schema(site, series):
    for plan in series.plans:
        assert (site.root / PlanPaths.of(plan.id).schema_json).read_bytes() == PLAN_SCHEMA.read_bytes(), plan.id


def test_the_english_site_links_the_one_json_export_of_each_plan(site, series):
    links = {urljoin(SITE_URL + "en/data/", a["href"]) for a in site.page("en/data/").select("article a[href]")}
    for plan in series.plans:
        paths = PlanPaths.of(plan.id)
        assert SITE_URL + paths.plan_json in links, plan.id
        assert SITE_URL + paths.schema_json in links, plan.id
        assert SITE_URL + "en/" + paths.initiatives_csv in links, plan.id
        assert SITE_URL + "en/" + paths.actors_csv in links, plan.id


def read_csv(site, language: str, path: str) -> list[list[str]]:
    raw = (site.root / LANGUAGES[language] / path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=exports.CSV_DELIMITERS[language]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_initiatives_csv_of_each_plan_has_one_row_per_initiative_with_headers_in_its_language(site, series, strings, language):
    for plan in series.plans:
        header, *rows = read_csv(site, language, PlanPaths.of(plan.id).initiatives_csv)
        assert header[:2] == [strings[language]["csv_id"], strings[language]["csv_title"]]
        assert [row[0] for row in rows] == [item.id for item in plan.initiatives], plan.id
        assert [row[1] for row in rows] == [item.title.in_language(language) for item in plan.initiatives], plan.id
        assert all(len(row) == len(header) for row in rows)
        page_column = header.index(strings[language]["csv_page"])
        for row in rows:
            assert site_path(row[page_column]).startswith(LANGUAGES[language] + PlanPaths.of(plan.id).prefix), row[page_column]
            assert existing_file(site, site_path(row[page_column])).is_file(), row[page_column]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_actors_csv_of_each_plan_has_one_row_per_actor(site, series, strings, language):
    for plan in series.plans:
        header, *rows = read_csv(site, language, PlanPaths.of(plan.id).actors_csv)
        assert header[1] == strings[language]["csv_name"]
        assert [row[0] for row in rows] == [actor.id for actor in plan.actors], plan.id
        assert [row[1] for row in rows] == [actor.name.in_language(language) for actor in plan.actors], plan.id


def open_press_kit(site, plan, language: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site.root / LANGUAGES[language] / PlanPaths.of(plan.id).press_kit(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_of_each_plan_holds_its_pdf_the_fact_sheet_and_each_press_release(site, series, strings, language):
    for plan in series.plans:
        localized = LocalizedPlan(plan, language, strings[language])
        kit = open_press_kit(site, plan, language)
        assert kit.testzip() is None
        names = kit.namelist()
        [pdf] = [name for name in names if name.endswith(".pdf") and name != strings[language]["press_kit_fact_sheet_pdf"]]
        assert pdf == localized.pdf_file_name()
        assert kit.read(pdf) == (site.root / LANGUAGES[language] / PlanPaths.of(plan.id).pdf(pdf)).read_bytes(), plan.id
        fact_sheet = kit.read(strings[language]["press_kit_fact_sheet_html"]).decode("utf-8")
        assert plan.plan.title.in_language(language) in fact_sheet
        for figure in plan.key_figures:
            assert formatting.format_figure(figure, language, strings[language]) in fact_sheet, (plan.id, figure.id)
        for release in plan.press_releases:
            text = kit.read(strings[language].format("press_kit_release_file", id=release.id)).decode("utf-8")
            assert text.startswith(release.title.in_language(language)), (plan.id, release.id)
            assert localized.press_moment(release) in text, (plan.id, release.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_is_deterministic(site, series, language):
    for plan in series.plans:
        infos = open_press_kit(site, plan, language).infolist()
        assert [info.filename for info in infos] == sorted(info.filename for info in infos)
        assert len({info.date_time for info in infos}) == 1
        assert {info.external_attr >> 16 for info in infos} == {0o100644}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_pages_link_the_press_kit_of_their_plan_and_language(site, series, language):
    for plan in series.plans:
        for release in plan.press_releases:
            page_path = plan_page_url(plan, lambda paths: paths.press_release(release.id), language)
            hrefs = {urljoin(SITE_URL + page_path, a["href"]) for a in site.page(page_path).select("article a[href]")}
            assert SITE_URL + LANGUAGES[language] + PlanPaths.of(plan.id).press_kit(language) in hrefs, (plan.id, release.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_press_release_page_has_its_moment_in_copenhagen_time_and_a_tel_link(site, series, strings, language):
    timed = 0
    for plan in series.plans:
        localized = LocalizedPlan(plan, language, strings[language])
        for release in plan.press_releases:
            page = site.page(plan_page_url(plan, lambda paths: paths.press_release(release.id), language))
            if release.time_known:
                assert formatting.format_moment(release.published, language, strings[language]) in page.get_text(), (plan.id, release.id)
                timed += 1
            else:  # the sources give the day only
                assert formatting.format_day(release.published.date(), language) in page.get_text(), (plan.id, release.id)
            assert localized.press_moment(release) in page.get_text(), (plan.id, release.id)
            contact = plan.contact(release.contact) if release.contact else None
            if contact and contact.phone:
                assert page.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None, (plan.id, release.id)
    assert timed >= 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_overview_has_an_anchored_section_for_each_update(site, series, language):
    for plan in series.plans:
        page = site.page(plan_page_url(plan, lambda paths: paths.press, language))
        for update in plan.updates:
            heading = page.find(id=pages.update_anchor(update.id))
            assert heading is not None and heading.name == "h3", (plan.id, update.id)
            assert update.title.in_language(language) in heading.get_text()


def json_ld(page) -> dict:
    [script] = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def nodes_by_type(document: dict) -> dict[str, dict]:
    return {node["@type"]: node for node in document["@graph"]}


def plan_of_page(series, relative: str):
    """The plan a page belongs to (its first folder within its language is the plan's id), or None."""
    first = relative.removeprefix("en/").split("/", 1)[0]
    return next((plan for plan in series.plans if plan.id == first), None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plan_page_describes_its_plan_as_a_report_by_a_government_organisation(site, series, language):
    plan_pages = 0
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html") or relative.startswith("en/") != (language == "en"):
            continue
        page = site.page(relative)
        nodes = nodes_by_type(json_ld(page))
        plan = plan_of_page(series, relative)
        if plan is None:  # a page of the series (or an old address): published by the site's publisher
            assert "Report" not in nodes, relative
            assert nodes["GovernmentOrganization"]["name"] == series.site.publisher.in_language(language), relative
            continue
        assert nodes["Report"]["name"] == plan.plan.title.in_language(language), relative
        assert nodes["Report"]["url"] == SITE_URL + LANGUAGES[language] + PlanPaths.of(plan.id).prefix, relative
        assert nodes["Report"]["publisher"] == {"@id": nodes["GovernmentOrganization"]["@id"]}
        assert nodes["GovernmentOrganization"]["name"] == plan.actor(plan.plan.publisher).name.in_language(language), relative
        plan_pages += 1
    assert plan_pages > 40


def test_one_json_ld_id_names_one_organisation(site):
    """Linked data merges nodes by `@id`: one id must not name the site's publisher on one page and a plan's on another."""
    names: dict[tuple[str, str], set[str]] = {}
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
            continue
        language = "en" if relative.startswith("en/") else "da"
        for node in json_ld(site.page(relative))["@graph"]:
            if node["@type"] == "GovernmentOrganization":
                names.setdefault((node["@id"], language), set()).add(node["name"])
    assert names
    assert {f"{node_id} ({language})": sorted(found) for (node_id, language), found in names.items() if len(found) > 1} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_press_release_is_a_news_article_in_json_ld(site, series, language):
    for plan in series.plans:
        for release in plan.press_releases:
            page_path = plan_page_url(plan, lambda paths: paths.press_release(release.id), language)
            article = nodes_by_type(json_ld(site.page(page_path)))["NewsArticle"]
            assert article["headline"] == release.title.in_language(language)
            # A day without a time when the sources give no time (a time of 00:00 would be made up).
            published = release.published.isoformat() if release.time_known else release.published.date().isoformat()
            assert article["datePublished"] == published, (plan.id, release.id)
            assert article["url"] == SITE_URL + page_path
            assert article["inLanguage"] == language


def meta(page, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in page.find_all("meta", attrs={attribute: name})]


def test_every_page_has_open_graph_and_twitter_tags_in_its_language(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
            continue
        page = site.page(relative)
        language = "en" if relative.startswith("en/") else "da"
        if not is_redirect(page):  # an old address names its new one as canonical (test_old_addresses.py)
            canonical = page.find("link", rel="canonical")["href"]
            assert meta(page, "property", "og:url") == [canonical] == [SITE_URL + relative.removesuffix("index.html")], relative
        assert meta(page, "property", "og:locale") == [{"da": "da_DK", "en": "en_GB"}[language]]
        assert meta(page, "property", "og:locale:alternate") == [{"da": "en_GB", "en": "da_DK"}[language]]
        assert meta(page, "property", "og:title") == meta(page, "name", "twitter:title") != []
        assert meta(page, "property", "og:description") == meta(page, "name", "description") == meta(page, "name", "twitter:description")


def test_every_page_has_absolute_hreflang_links_to_both_languages(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
            continue
        page = site.page(relative)
        alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
        assert set(alternates) == {"da", "en"}, relative
        for href in alternates.values():
            assert urlsplit(href).scheme == "https", href
            assert existing_file(site, site_path(href)).is_file(), href
        counterpart = relative.removeprefix("en/") if relative.startswith("en/") else "en/" + relative
        assert SITE_URL + counterpart.removesuffix("index.html") in alternates.values()


def test_every_page_has_a_citation_with_its_canonical_address(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
            continue
        page = site.page(relative)
        if is_redirect(page):  # nobody reads an old address's page: the browser goes on at once
            continue
        citation = page.select_one(".plan-cite .plan-cite__text").get_text()
        assert page.find("link", rel="canonical")["href"] in citation, relative
        assert meta(page, "property", "og:title")[0] in citation, relative


def test_the_banner_says_the_plan_ended_and_links_the_successor(site, series, plan):
    successor = plan.plan.successor
    assert successor is not None and successor.plan_id in {each.id for each in series.plans}  # the root plan's successor has pages
    for language, root in LANGUAGES.items():
        page_path = root + page_url(PlanPaths.of(plan.id).initiatives)
        banner = site.page(page_path).select_one("[data-md-component=announce] .plan-banner")
        assert successor.title.in_language(language) in banner.get_text()
        href = urljoin(SITE_URL + page_path, banner.a["href"])
        assert site_path(href) == root + PlanPaths.of(successor.plan_id).prefix, href
        assert site.page(site_path(href)).h1.get_text(strip=True) == successor.title.in_language(language)


def test_the_series_pages_have_no_plan_banner(site):
    for page_path in ("", "en/", "aktoerer/", "en/kontakt/", "data/"):
        assert site.page(page_path).select_one("[data-md-component=announce] .plan-banner") is None, page_path


def test_each_language_has_its_own_search_index(site):
    danish = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site.root / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert danish["config"]["lang"] == ["da"] and english["config"]["lang"] == ["en"]
    assert danish["config"]["pipeline"] == english["config"]["pipeline"] == ["stopWordFilter"]  # no stemmer
    for index, root in ((danish, ""), (english, "en/")):
        assert index["docs"]
        for document in index["docs"]:
            assert not document["location"].startswith("en/"), document["location"]
            assert existing_file(site, root + document["location"]).is_file(), document["location"]
            page = BeautifulSoup(existing_file(site, root + document["location"]).read_text(encoding="utf-8"), "html.parser")
            assert not is_redirect(page), f"an old address is in the search index: {document['location']}"
    assert len(danish["docs"]) == len(english["docs"])  # every page exists in both languages


def test_english_pages_look_for_search_results_under_en(site, plan):
    paths = PlanPaths.of(plan.id)
    for relative in ("en/", "en/" + page_url(paths.press), "en/" + page_url(paths.initiatives), "en/aktoerer/", "en/presse/"):
        config = json.loads(site.page(relative).find(id="__config").string)
        assert urljoin(SITE_URL + relative, config["base"]) == SITE_URL + "en/", relative
    for relative in (page_url(paths.press), "presse/"):
        config = json.loads(site.page(relative).find(id="__config").string)
        assert urljoin(SITE_URL + relative, config["base"]) == SITE_URL, relative


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_overview_shows_whole_dates_not_list_numbers(site, series, strings, language):
    for plan in series.plans:
        localized = LocalizedPlan(plan, language, strings[language])
        page = site.page(plan_page_url(plan, lambda paths: paths.press, language))
        text = page.select_one("article").get_text(" ")
        assert page.select("article ol") == [], plan.id  # "10. september" at the start of a line would become a list item
        for release in plan.press_releases:
            assert localized.press_moment(release) in text, (plan.id, release.id)
        for update in plan.updates:
            assert formatting.format_day(update.date, language) in text, (plan.id, update.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fact_sheet_page_has_its_sections(site, series, strings, language):
    for plan in series.plans:
        text = open_press_kit(site, plan, language).read(strings[language]["press_kit_fact_sheet_html"]).decode("utf-8")
        html = BeautifulSoup(text, "html.parser")
        sections = ("facts", "key_figures", "the_focus_areas", "press_contact") if plan.contacts else ("facts", "key_figures", "the_focus_areas")
        assert [heading.get_text() for heading in html.find_all("h2")] == [strings[language][key] for key in sections], plan.id
        assert len(html.find_all("h2")[1].find_next("ul").find_all("li")) == len(plan.key_figures), plan.id
