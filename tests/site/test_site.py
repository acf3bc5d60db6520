"""The real site, built once: every item has its page in both languages, wired correctly."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from plansite import urls
from plansite.site import pages

LANGUAGES = {"da": "", "en": "en/"}


SITE = "https://site.test/"


def resolve(page_path: str, href: str) -> str:
    """The site-relative path a link on `page_path` leads to."""
    return urljoin(SITE + page_path, href).removeprefix(SITE)


def url_of(src_uri: str, language: str) -> str:
    return LANGUAGES[language] + urls.page_url(src_uri)


def h1_text(page: BeautifulSoup) -> str:
    headings = page.find_all("h1")
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    return headings[0].get_text(strip=True)


def item_pages(plan):
    """(source path, title per language) of every generated item page."""
    yield from ((urls.focus_area_path(area.id), None) for area in plan.focus_areas)
    yield from ((urls.initiative_path(item.id), item.title) for item in plan.initiatives)
    yield from ((urls.actor_path(actor.id), actor.name) for actor in plan.actors)
    yield from ((urls.press_release_path(release.id), release.title) for release in plan.press_releases)


def test_the_strict_build_prints_no_warning(site):
    assert "WARNING" not in site.log


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_a_page_with_lang_title_and_h1(site, plan, language):
    for src_uri, title in item_pages(plan):
        page = site.page(url_of(src_uri, language))
        assert page.html["lang"] == language, src_uri
        heading = h1_text(page)
        if title is not None:
            assert heading.startswith(title.in_language(language).strip()), src_uri  # actors add "(short name)"
        assert page.title.get_text().startswith(heading), src_uri


@pytest.mark.parametrize("language", LANGUAGES)
def test_focus_area_pages_are_titled_with_their_number(site, plan, language):
    for area in plan.focus_areas:
        heading = h1_text(site.page(url_of(urls.focus_area_path(area.id), language)))
        assert str(area.number) in heading and area.title.in_language(language) in heading


def test_every_page_has_its_language_and_a_switcher_to_its_counterpart(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative == "404.html":
            continue
        language = "en" if relative.startswith("en/") else "da"
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.html["lang"] == language, relative
        counterpart = relative.removeprefix("en/") if language == "en" else "en/" + relative
        switch = {link["hreflang"]: link["href"] for link in page.select("a.md-select__link[hreflang]")}
        assert set(switch) == {"da", "en"}, relative
        other = "da" if language == "en" else "en"
        target = resolve(relative, switch[other])
        target = target + "index.html" if target.endswith("/") or target == "" else target
        assert target == counterpart, f"{relative}: switcher leads to {target}"
        assert (site.root / counterpart).is_file(), counterpart


def test_every_page_declares_hreflang_alternates(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative == "404.html":
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        alternates = {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')}
        assert {"da", "en"} <= alternates, relative


@pytest.mark.parametrize("language", LANGUAGES)
def test_actor_pages_list_exactly_the_initiatives_that_reference_them(site, plan, language):
    for actor in plan.actors:
        page_url = url_of(urls.actor_path(actor.id), language)
        page = site.page(page_url)
        content = page.select_one("article")
        linked = set()
        for link in content.find_all("a", href=True):
            target = resolve(page_url, link["href"])
            if target.startswith(LANGUAGES[language] + "indsatser/") and target.count("/") > LANGUAGES[language].count("/") + 1:
                linked.add(target.rstrip("/").rsplit("/", 1)[1])
        expected = {item.id for item in plan.initiatives if actor.id in item.lead or actor.id in item.partners}
        assert linked == expected, actor.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_initiative_fact_box_links_lead_and_partner_actors(site, plan, language):
    for initiative in plan.initiatives:
        page_url = url_of(urls.initiative_path(initiative.id), language)
        facts = site.page(page_url).select_one(".plan-facts")
        targets = {resolve(page_url, link["href"]) for link in facts.find_all("a", href=True)}
        for actor_id in (*initiative.lead, *initiative.partners):
            assert url_of(urls.actor_path(actor_id), language) in targets, (initiative.id, actor_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_lists_its_public_sources(site, plan, language):
    for initiative in plan.initiatives:
        page = site.page(url_of(urls.initiative_path(initiative.id), language))
        hrefs = {link["href"] for link in page.select("article a[href]")}
        for source_id in initiative.sources:
            assert plan.source(source_id).url in hrefs, (initiative.id, source_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_press_release_pages_show_the_press_contact(site, plan, language):
    for release in plan.press_releases:
        contact = plan.contact(release.contact)
        page = site.page(url_of(urls.press_release_path(release.id), language))
        text = page.select_one("article").get_text(" ")
        assert contact.name in text
        if contact.phone:
            assert page.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None


def test_detail_pages_stay_out_of_the_navigation(site, plan):
    nav_links = {link["href"] for link in site.page("").select("nav.md-nav--primary a[href]")}
    assert not any("/indsatser/" in href and href.rstrip("/").count("/") > 1 for href in nav_links)
    assert len(nav_links) < 20


def test_no_page_links_to_a_missing_page_or_anchor(site):
    ids_by_file: dict[str, set[str]] = {}
    links = []
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids_by_file[relative] = {element["id"] for element in page.find_all(id=True)}
        if relative != "404.html":  # the 404 page links from wherever it is served
            links.extend((relative, element.get("href") or element.get("src")) for element in page.find_all(["a", "link", "script", "img"]) if element.get("href") or element.get("src"))
    for relative, href in links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
            continue
        target = resolve(relative, parts.path) if parts.path else relative
        if target.endswith("/") or target == "":
            target += "index.html"
        assert (site.root / target).is_file(), f"{relative} links to missing {href}"
        if parts.fragment and target.endswith(".html"):
            assert parts.fragment in ids_by_file.get(target, set()), f"{relative} links to missing anchor {href}"


def test_the_site_loads_nothing_from_another_origin(site):
    for path in site.html_files():
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in page.find_all(["script", "link", "img", "iframe", "source", "video", "audio", "embed", "object"]):
            if element.name == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                continue  # links for crawlers, never fetched by the browser
            for attribute in ("src", "href", "data", "srcset"):
                value = element.get(attribute)
                if value:
                    assert not urlsplit(value).netloc and not value.startswith("//"), f"{path.name}: {element.name} loads {value}"
    for stylesheet in site.root.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, stylesheet


def test_the_404_page_is_danish_at_the_root_and_has_no_english_twin(site):
    page = site.page("404.html")
    assert page.html["lang"] == "da"
    assert not (site.root / "en" / "404.html").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_the_plan_at_a_glance(site, plan, language):
    home = site.page(LANGUAGES[language])
    text = home.select_one("article").get_text(" ")
    assert h1_text(home) == plan.plan.title.in_language(language)
    assert "63" in text and "2019" in text
    figures = home.select(".plan-figures li")
    assert len(figures) == len(plan.key_figures)
    for area in plan.focus_areas:
        assert area.title.in_language(language) in text
    for release in plan.press_releases_newest_first()[: pages.LATEST_PRESS_COUNT]:
        assert release.title.in_language(language) in text


def test_danish_headings_keep_their_letters_in_anchors(site):
    ids = {heading.get_text(strip=True).rstrip("¶"): heading["id"] for heading in site.page("om-planen/").select("h2[id]")}
    assert ids["Mål"] == "mål"
