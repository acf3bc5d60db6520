"""A government publication (issue 13): the help box on every page, the header's authority, home pages that say each fact once.

Read from the real site, built once per session (the `site` fixture); the phone
header and the key-figure grid in Chromium are in tests/browser/test_browser_keyboard.py.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from plansite.i18n import formatting
from plansite.urls import PlanPaths, page_url

LANGUAGES = {"da": "", "en": "en/"}


def page_name(site, path) -> str:
    return path.relative_to(site.root).as_posix()


def language_of(name: str) -> str:
    return "en" if name.startswith("en/") else "da"


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_every_page_in_both_languages_has_one_help_box_with_a_phone_link_and_its_opening_hours(site, series, strings):
    contact = series.help_contact
    assert contact is not None and contact.phone and contact.hours  # data/site.yaml names the hotline
    tel = "tel:" + contact.phone.replace(" ", "")
    for path in site.html_files():
        name = page_name(site, path)
        language = language_of(name)
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        boxes = page.select("section.plan-help")
        assert len(boxes) == 1, f"{name}: {len(boxes)} help boxes"
        box = boxes[0]
        heading = page.find(id=box["aria-labelledby"])
        assert heading is not None and heading.name == "h2" and box in heading.parents, name
        assert words(heading) == strings[language]["help_heading"], name
        assert box.select_one(f'a[href="{tel}"]') is not None, name
        text = words(box)
        assert contact.hours.in_language(language) in text, name
        assert formatting.format_day(contact.as_of, language) in text, name  # when the hours were given
        assert len(page.find_all("h1")) <= 1, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_pages_show_the_help_box_in_their_content_and_not_again_in_the_footer(site, series, language):
    prefix = LANGUAGES[language]
    homes = ["", *(page_url(PlanPaths.of(plan.id).home) for plan in series.plans)]
    for home in homes:
        page = site.page(prefix + home)
        assert page.select_one("article section.plan-help") is not None, prefix + home
        assert page.select_one("footer section.plan-help") is None, prefix + home
    for other in (page_url(PlanPaths.of(series.current_plan.id).about), "kontakt/"):
        # The contact page lists the hotline among its contacts, with its sources, and has the box in its footer.
        assert site.page(prefix + other).select_one("footer section.plan-help") is not None, prefix + other


def test_every_pages_header_names_the_publishing_authority_and_the_site_as_one_link_home(site, series):
    for path in site.html_files():
        name = page_name(site, path)
        language = language_of(name)
        header = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("header")
        brand = header.select_one("a.plan-brand")
        assert brand is not None, name
        assert words(brand.select_one(".plan-brand__authority")) == series.site.publisher.in_language(language), name
        assert words(brand.select_one(".plan-brand__name")) == series.site.name.in_language(language), name
        assert header.select_one(".md-logo") is None, name  # no stock icon


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_each_plans_home_each_key_figure_is_told_once(site, series, language):
    for plan in series.plans:
        page = site.page(LANGUAGES[language] + page_url(PlanPaths.of(plan.id).home))
        article = page.find("article")
        values = [words(value) for value in article.select(".plan-figures__value")]
        assert len(values) == len(plan.key_figures), plan.id  # every figure, once
        facts = words(article.select_one(".plan-glance__facts") or BeautifulSoup("", "html.parser"))
        lead = article.select_one(".plan-lead")
        lead.extract()  # the plan's summary says in a sentence what the plan is
        text = words(article)
        for value in values:
            assert value not in facts, (plan.id, value)
            if not value.isdigit():  # a bare number is also part of dates; an amount or a share is not
                assert text.count(value) == 1, (plan.id, value, text.count(value))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_homes_title_and_citation_name_the_site_once(site, series, language):
    page = site.page(LANGUAGES[language])
    name = series.site.name.in_language(language)
    assert words(page.find("title")) == name
    assert words(page.select_one(".plan-cite__text")).count(name) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_home_puts_the_current_plan_with_period_and_budget_before_the_help_box_and_the_series(site, series, strings, language):
    texts = strings[language]
    article = site.page(LANGUAGES[language]).find("article")
    current = article.select_one("section.plan-current")
    assert words(current.select_one("h3")) == series.current_plan.plan.title.in_language(language)
    assert [words(term) for term in current.select("dt")][:2] == [texts["fact_plan_period"], texts["fact_budget"]]
    series_heading = next(heading for heading in article.find_all("h2") if words(heading).startswith(texts["series_all_plans"]))
    order = [element for element in article.descendants if element in (current, article.select_one("section.plan-help"), series_heading)]
    assert order == [current, article.select_one("section.plan-help"), series_heading]
