"""The press room, feeds, open data and per-language search of the real site, read from the built output.

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

from plansite.outputs import exports
from plansite.i18n import formatting
from plansite.site import pages

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
    return ElementTree.parse(site.root / LANGUAGES[language] / pages.FEED).getroot()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_is_atom_with_every_required_element(site, language):
    feed = read_feed(site, language)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    for name in ("id", "title", "updated", "author/atom:name"):
        assert feed.findtext(f"atom:{name}", namespaces=ATOM).strip(), name
    [self_link] = feed.findall("atom:link[@rel='self']", ATOM)
    assert self_link.get("href") == SITE_URL + LANGUAGES[language] + pages.FEED
    entries = feed.findall("atom:entry", ATOM)
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"atom:{name}", namespaces=ATOM).strip(), name
        [link] = entry.findall("atom:link[@rel='alternate']", ATOM)
        assert existing_file(site, site_path(link.get("href"))).is_file(), link.get("href")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_has_every_press_release_and_update_newest_first_with_stable_ids(site, plan, language):
    entries = read_feed(site, language).findall("atom:entry", ATOM)
    expected_ids = {f"tag:menneskehandel.example.org,2018:{language}/press/{release.id}" for release in plan.press_releases}
    expected_ids |= {f"tag:menneskehandel.example.org,2018:{language}/update/{update.id}" for update in plan.updates}
    assert {entry.findtext("atom:id", namespaces=ATOM) for entry in entries} == expected_ids
    assert len(entries) == len(plan.press_releases) + len(plan.updates)
    published = [entry.findtext("atom:published", namespaces=ATOM) for entry in entries]
    assert published == sorted(published, key=datetime.fromisoformat, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_entries_are_in_the_feeds_language(site, plan, language):
    titles = {entry.findtext("atom:title", namespaces=ATOM) for entry in read_feed(site, language).findall("atom:entry", ATOM)}
    assert {release.title.in_language(language) for release in plan.press_releases} <= titles
    assert {update.title.in_language(language) for update in plan.updates} <= titles


def test_every_page_links_its_languages_feed_in_head(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative == "404.html":
            continue
        language = "en" if relative.startswith("en/") else "da"
        [link] = site.page(relative).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert urljoin(SITE_URL + relative, link["href"]) == SITE_URL + LANGUAGES[language] + pages.FEED, relative


def test_the_json_export_is_valid_against_the_schema_published_beside_it(site):
    data = json.loads((site.root / exports.JSON_PATH).read_text(encoding="utf-8"))
    schema = json.loads((site.root / exports.SCHEMA_PATH).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(data)] == []


def test_the_json_export_holds_the_published_plan_in_both_languages(site, plan):
    data = json.loads((site.root / exports.JSON_PATH).read_text(encoding="utf-8"))
    assert [item["id"] for item in data["initiatives"]] == [item.id for item in plan.initiatives]
    assert [item["id"] for item in data["press_releases"]] == [item.id for item in plan.press_releases]
    assert data["plan"]["title"] == {"da": plan.plan.title.da, "en": plan.plan.title.en}
    assert "æ" in (site.root / exports.JSON_PATH).read_text(encoding="utf-8")  # ensure_ascii=False


def test_the_published_schema_is_the_data_files_schema(site):
    assert (site.root / exports.SCHEMA_PATH).read_bytes() == exports.SCHEMA_FILE.read_bytes()


def test_the_english_site_links_the_one_json_export(site):
    links = {urljoin(SITE_URL + "en/data/", a["href"]) for a in site.page("en/data/").select("article a[href]")}
    assert SITE_URL + exports.JSON_PATH in links
    assert SITE_URL + "en/" + exports.INITIATIVES_CSV in links


def read_csv(site, language: str, path: str) -> list[list[str]]:
    raw = (site.root / LANGUAGES[language] / path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=exports.CSV_DELIMITERS[language]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_initiatives_csv_has_one_row_per_initiative_with_headers_in_its_language(site, plan, strings, language):
    header, *rows = read_csv(site, language, exports.INITIATIVES_CSV)
    assert header[:2] == [strings[language]["csv_id"], strings[language]["csv_title"]]
    assert [row[0] for row in rows] == [item.id for item in plan.initiatives]
    assert [row[1] for row in rows] == [item.title.in_language(language) for item in plan.initiatives]
    assert all(len(row) == len(header) for row in rows)
    page_column = header.index(strings[language]["csv_page"])
    for row in rows:
        assert existing_file(site, site_path(row[page_column])).is_file(), row[page_column]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_actors_csv_has_one_row_per_actor(site, plan, strings, language):
    header, *rows = read_csv(site, language, exports.ACTORS_CSV)
    assert header[1] == strings[language]["csv_name"]
    assert [row[0] for row in rows] == [actor.id for actor in plan.actors]
    assert [row[1] for row in rows] == [actor.name.in_language(language) for actor in plan.actors]


def open_press_kit(site, language: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site.root / LANGUAGES[language] / pages.press_kit_path(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_holds_the_plan_pdf_the_fact_sheet_and_each_press_release(site, plan, strings, language):
    kit = open_press_kit(site, language)
    assert kit.testzip() is None
    names = kit.namelist()
    [pdf] = [name for name in names if name.endswith(".pdf")]
    assert kit.read(pdf) == (site.root / LANGUAGES[language] / "pdf" / pdf).read_bytes()
    fact_sheet = kit.read(strings[language]["press_kit_fact_sheet_file"]).decode("utf-8")
    assert plan.plan.title.in_language(language) in fact_sheet
    for figure in plan.key_figures:
        assert formatting.format_figure(figure, language, strings[language]) in fact_sheet
    for release in plan.press_releases:
        text = kit.read(strings[language].format("press_kit_release_file", id=release.id)).decode("utf-8")
        assert text.startswith(release.title.in_language(language))
        assert formatting.format_moment(release.published, language, strings[language]) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_is_deterministic(site, language):
    infos = open_press_kit(site, language).infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert len({info.date_time for info in infos}) == 1
    assert {info.external_attr >> 16 for info in infos} == {0o100644}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_pages_link_the_press_kit_of_their_language(site, plan, language):
    for release in plan.press_releases:
        page_path = LANGUAGES[language] + pages.page_url(pages.press_release_path(release.id))
        hrefs = {urljoin(SITE_URL + page_path, a["href"]) for a in site.page(page_path).select("article a[href]")}
        assert SITE_URL + LANGUAGES[language] + pages.press_kit_path(language) in hrefs


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_press_release_page_has_its_moment_in_copenhagen_time_and_a_tel_link(site, plan, strings, language):
    for release in plan.press_releases:
        page = site.page(LANGUAGES[language] + pages.page_url(pages.press_release_path(release.id)))
        assert formatting.format_moment(release.published, language, strings[language]) in page.get_text()
        contact = plan.contact(release.contact)
        if contact.phone:
            assert page.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_overview_has_an_anchored_section_for_each_update(site, plan, language):
    page = site.page(LANGUAGES[language] + "presse/")
    for update in plan.updates:
        heading = page.find(id=pages.update_anchor(update.id))
        assert heading is not None and heading.name == "h3"
        assert update.title.in_language(language) in heading.get_text()


def json_ld(page) -> dict:
    [script] = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def nodes_by_type(document: dict) -> dict[str, dict]:
    return {node["@type"]: node for node in document["@graph"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_describes_the_plan_as_a_report_by_a_government_organisation(site, plan, language):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative == "404.html" or relative.startswith("en/") != (language == "en"):
            continue
        nodes = nodes_by_type(json_ld(site.page(relative)))
        assert nodes["Report"]["name"] == plan.plan.title.in_language(language), relative
        assert nodes["Report"]["publisher"] == {"@id": nodes["GovernmentOrganization"]["@id"]}
        assert nodes["GovernmentOrganization"]["name"] == plan.actor(plan.plan.publisher).name.in_language(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_press_release_is_a_news_article_in_json_ld(site, plan, language):
    for release in plan.press_releases:
        page_path = LANGUAGES[language] + pages.page_url(pages.press_release_path(release.id))
        article = nodes_by_type(json_ld(site.page(page_path)))["NewsArticle"]
        assert article["headline"] == release.title.in_language(language)
        assert article["datePublished"] == release.published.isoformat()
        assert article["url"] == SITE_URL + page_path
        assert article["inLanguage"] == language


def meta(page, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in page.find_all("meta", attrs={attribute: name})]


def test_every_page_has_open_graph_and_twitter_tags_in_its_language(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative == "404.html":
            continue
        page = site.page(relative)
        language = "en" if relative.startswith("en/") else "da"
        canonical = page.find("link", rel="canonical")["href"]
        assert meta(page, "property", "og:url") == [canonical] == [SITE_URL + relative.removesuffix("index.html")], relative
        assert meta(page, "property", "og:locale") == [{"da": "da_DK", "en": "en_GB"}[language]]
        assert meta(page, "property", "og:locale:alternate") == [{"da": "en_GB", "en": "da_DK"}[language]]
        assert meta(page, "property", "og:title") == meta(page, "name", "twitter:title") != []
        assert meta(page, "property", "og:description") == meta(page, "name", "description") == meta(page, "name", "twitter:description")


def test_every_page_has_absolute_hreflang_links_to_both_languages(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative == "404.html":
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
        if relative == "404.html":
            continue
        page = site.page(relative)
        citation = page.select_one(".plan-cite .plan-cite__text").get_text()
        assert page.find("link", rel="canonical")["href"] in citation, relative
        assert meta(page, "property", "og:title")[0] in citation, relative


def test_the_banner_says_the_plan_ended_and_links_the_successor(site, plan, strings):
    for language, root in LANGUAGES.items():
        page = site.page(root + "indsatser/")
        banner = page.select_one("[data-md-component=announce] .plan-banner")
        assert plan.plan.successor.title.in_language(language) in banner.get_text()
        href = urljoin(SITE_URL + root + "indsatser/", banner.a["href"])
        about, anchor = site_path(href).split("#")
        assert site.page(about).find(id=anchor) is not None, href


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
    assert len(danish["docs"]) == len(english["docs"])  # every page exists in both languages


def test_english_pages_look_for_search_results_under_en(site):
    for relative in ("en/", "en/presse/", "en/indsatser/"):
        config = json.loads(site.page(relative).find(id="__config").string)
        assert urljoin(SITE_URL + relative, config["base"]) == SITE_URL + "en/", relative
    config = json.loads(site.page("presse/").find(id="__config").string)
    assert urljoin(SITE_URL + "presse/", config["base"]) == SITE_URL


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_overview_shows_whole_dates_not_list_numbers(site, plan, strings, language):
    page = site.page(LANGUAGES[language] + "presse/")
    text = page.select_one("article").get_text(" ")
    assert page.select("article ol") == []  # "10. september" at the start of a line would become a list item
    for release in plan.press_releases:
        assert formatting.format_moment(release.published, language, strings[language]) in text
    for update in plan.updates:
        assert formatting.format_day(update.date, language) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fact_sheet_is_markdown_with_its_four_sections(site, plan, strings, language):
    from bs4 import BeautifulSoup
    from markdown import markdown

    text = open_press_kit(site, language).read(strings[language]["press_kit_fact_sheet_file"]).decode("utf-8")
    html = BeautifulSoup(markdown(text), "html.parser")
    assert [heading.get_text() for heading in html.find_all("h2")] == [strings[language][key] for key in ("facts", "key_figures", "the_focus_areas", "press_contact")]
    assert len(html.find_all("h2")[1].find_next("ul").find_all("li")) == len(plan.key_figures)
