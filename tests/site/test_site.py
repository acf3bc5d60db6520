"""The real site, built once: every item of every plan has its page in both languages, wired correctly."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from plansite import urls
from plansite.i18n import formatting
from plansite.site import pages
from plansite.urls import PlanPaths

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


def actors_with_a_role(series):
    """The id of every actor with a role in some plan: each has a page of the series."""
    return {actor.id for plan in series.plans for actor in plan.actors}


def item_pages(series):
    """(source path, title per language) of every generated item page: each plan's, then each actor's."""
    for plan in series.plans:
        paths = PlanPaths.of(plan.id)
        yield from ((paths.focus_area(area.id), None) for area in plan.focus_areas)
        yield from ((paths.initiative(item.id), item.title) for item in plan.initiatives)
        yield from ((paths.press_release(release.id), release.title) for release in plan.press_releases)
    yield from ((urls.actor_path(actor_id), series.actors[actor_id].name) for actor_id in sorted(actors_with_a_role(series)))


def is_redirect(page: BeautifulSoup) -> bool:
    return page.find("meta", attrs={"http-equiv": "refresh"}) is not None


def test_the_strict_build_prints_no_warning(site):
    assert "WARNING" not in site.log


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_a_page_with_lang_title_and_h1(site, series, language):
    checked = 0
    for src_uri, title in item_pages(series):
        page = site.page(url_of(src_uri, language))
        assert page.html["lang"] == language, src_uri
        heading = h1_text(page)
        if title is not None:
            assert heading.startswith(title.in_language(language).strip()), src_uri  # actors add "(short name)"
        assert page.title.get_text().startswith(heading), src_uri
        checked += 1
    assert checked > 60


@pytest.mark.parametrize("language", LANGUAGES)
def test_focus_area_pages_are_titled_with_their_number(site, series, language):
    for plan in series.plans:
        for area in plan.focus_areas:
            heading = h1_text(site.page(url_of(PlanPaths.of(plan.id).focus_area(area.id), language)))
            assert str(area.number) in heading and area.title.in_language(language) in heading, (plan.id, area.id)


def test_every_page_has_its_language_and_a_switcher_to_its_counterpart(site):
    redirects = 0
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
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
        redirects += is_redirect(page)
    assert redirects > 40  # the old addresses' pages are among the pages checked


def test_every_page_declares_hreflang_alternates(site):
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative in ("404.html", "en/404.html"):
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        alternates = {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')}
        assert {"da", "en"} <= alternates, relative


@pytest.mark.parametrize("language", LANGUAGES)
def test_actor_pages_list_exactly_the_initiatives_of_every_plan_that_reference_them(site, series, language):
    root = LANGUAGES[language]
    plan_ids = {plan.id for plan in series.plans}
    for actor_id in actors_with_a_role(series):
        page_url = url_of(urls.actor_path(actor_id), language)
        content = site.page(page_url).select_one("article")
        linked = set()
        for link in content.find_all("a", href=True):
            parts = resolve(page_url, link["href"]).removeprefix(root).split("/")
            if len(parts) == 4 and parts[0] in plan_ids and parts[1] == "indsatser" and parts[2] and parts[3] == "":
                linked.add((parts[0], parts[2]))
        expected = {(plan.id, item.id) for plan in series.plans for item in plan.initiatives if actor_id in item.lead or actor_id in item.partners}
        assert linked == expected, actor_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_initiative_fact_box_links_lead_and_partner_actors(site, series, language):
    for plan in series.plans:
        for initiative in plan.initiatives:
            page_url = url_of(PlanPaths.of(plan.id).initiative(initiative.id), language)
            facts = site.page(page_url).select_one(".plan-facts")
            targets = {resolve(page_url, link["href"]) for link in facts.find_all("a", href=True)}
            for actor_id in (*initiative.lead, *initiative.partners):
                assert url_of(urls.actor_path(actor_id), language) in targets, (plan.id, initiative.id, actor_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_lists_its_public_sources(site, series, language):
    for plan in series.plans:
        for initiative in plan.initiatives:
            page = site.page(url_of(PlanPaths.of(plan.id).initiative(initiative.id), language))
            hrefs = {link["href"] for link in page.select("article a[href]")}
            for source_id in initiative.sources:
                assert plan.source(source_id).url in hrefs, (plan.id, initiative.id, source_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_press_release_pages_show_the_press_contact_the_data_gives(site, series, strings, language):
    with_contact = 0
    for plan in series.plans:
        for release in plan.press_releases:
            page = site.page(url_of(PlanPaths.of(plan.id).press_release(release.id), language))
            article = page.select_one("article")
            headings = [heading.get_text(strip=True).rstrip("¶") for heading in article.find_all("h2")]
            # The contact of the release when it was issued, dated so (issue 13): not a current one.
            contact_heading = strings[language].format("press_contact_at_release", date=formatting.format_day(release.published.date(), language))
            if release.contact is None:
                assert contact_heading not in headings, (plan.id, release.id)
                continue
            contact = plan.contact(release.contact)
            text = article.get_text(" ")
            assert contact_heading in headings, (plan.id, release.id)
            assert contact.role.in_language(language) in text, (plan.id, release.id)
            if contact.name:
                assert contact.name in text, (plan.id, release.id)
            if contact.phone:
                assert page.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None, (plan.id, release.id)
            with_contact += 1
    assert with_contact >= 1


def test_detail_pages_stay_out_of_the_navigation(site, series):
    nav_targets = {resolve("", link["href"]) for link in site.page("").select("nav.md-nav--primary a[href]") if not link["href"].startswith("#")}
    details = {urls.page_url(src_uri) for src_uri, _ in item_pages(series)}
    assert nav_targets and not nav_targets & details
    # The series' pages (with its progress and statistics), and each plan's home, four overviews and progress.
    assert len(nav_targets) <= 8 + 6 * len(series.plans)


def test_no_page_links_to_a_missing_page_or_anchor(site):
    ids_by_file: dict[str, set[str]] = {}
    links = []
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids_by_file[relative] = {element["id"] for element in page.find_all(id=True)}
        if relative not in ("404.html", "en/404.html"):  # the 404 page links from wherever it is served
            links.extend((relative, element.get("href") or element.get("src")) for element in page.find_all(["a", "link", "script", "img"]) if element.get("href") or element.get("src"))
            links.extend((relative, refresh["content"].split("url=", 1)[1]) for refresh in page.find_all("meta", attrs={"http-equiv": "refresh"}))
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
        for refresh in page.find_all("meta", attrs={"http-equiv": "refresh"}):  # an old address sends the browser on: within the site
            target = refresh["content"].split("url=", 1)[1]
            assert not urlsplit(target).scheme and not urlsplit(target).netloc and not target.startswith("//"), f"{path}: refresh to {target}"
    for stylesheet in site.root.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, stylesheet


NOT_FOUND_PAGES = {"da": "404.html", "en": "en/404.html"}
# The 404 page's links are absolute (it is served at any depth); MkDocs' `url` writes the root as "/.".
NOT_FOUND_HOME = {"da": "/.", "en": "/en/"}


def test_the_404_page_is_danish_at_the_root_and_english_under_en(site):
    assert site.page("404.html").html["lang"] == "da"
    assert site.page("en/404.html").html["lang"] == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_404_page_has_a_search_form_the_main_links_and_a_line_in_the_other_language(site, series, language):
    article = site.page(NOT_FOUND_PAGES[language]).select_one("article")
    [form] = article.select('form[role="search"]')  # Material's search opens with ?q= on the home page
    assert (form["action"], form["method"]) == (NOT_FOUND_HOME[language], "get")
    assert form.select_one('input[type="search"][name="q"]')["id"] == form.select_one("label")["for"]
    assert form.select_one('button[type="submit"]').get_text(strip=True)
    targets = {link["href"] for link in article.select("ul a[href]")}
    root = "/" + LANGUAGES[language]
    assert {NOT_FOUND_HOME[language], root + "kontakt/"} | {root + PlanPaths.of(plan.id).prefix for plan in series.plans} <= targets
    other = "en" if language == "da" else "da"
    [line] = article.select(f'p[lang="{other}"]')
    assert line.select_one("a")["href"] == NOT_FOUND_HOME[other]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_introduces_the_series_and_leads_to_every_plan(site, series, language):
    home = site.page(LANGUAGES[language])
    text = home.select_one("article").get_text(" ")
    assert h1_text(home) == series.site.name.in_language(language)
    targets = {resolve(LANGUAGES[language], link["href"]) for link in home.select("article a[href]")}
    assert series.current_plan.plan.title.in_language(language) in text
    for plan in series.plans:
        assert plan.plan.title.in_language(language) in text, plan.id
        assert LANGUAGES[language] + PlanPaths.of(plan.id).prefix in targets, plan.id
    for earlier in series.earlier_plans:
        assert earlier.title.in_language(language) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_home_shows_the_plan_at_a_glance(site, series, plan, language):
    assert "63" in site.page(url_of(PlanPaths.of(plan.id).home, language)).select_one("article").get_text(" ")  # the root plan's budget, DKK 63 million
    for each in series.plans:
        home = site.page(url_of(PlanPaths.of(each.id).home, language))
        text = home.select_one("article").get_text(" ")
        assert h1_text(home) == each.plan.title.in_language(language)
        assert str(each.plan.period.start.year) in text
        figures = home.select(".plan-figures li")
        assert len(figures) == len(each.key_figures), each.id
        for area in each.focus_areas:
            assert area.title.in_language(language) in text, (each.id, area.id)
        for release in each.press_releases_newest_first()[: pages.LATEST_PRESS_COUNT]:
            assert release.title.in_language(language) in text, (each.id, release.id)


def test_danish_headings_keep_their_letters_in_anchors(site, plan):
    ids = {heading.get_text(strip=True).rstrip("¶"): heading["id"] for heading in site.page(url_of(PlanPaths.of(plan.id).about, "da")).select("h2[id]")}
    assert ids["Mål"] == "mål"
