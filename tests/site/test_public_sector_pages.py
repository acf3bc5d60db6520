"""What a Danish public body's site must carry: the footer on every page, the accessibility and privacy pages.

The footer's helpers on small inputs are in tests/unit/test_footer.py.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from plansite.i18n import formatting

LANGUAGES = {"da": "", "en": "en/"}
SITE = "https://site.test/"
REVIEW_DATE = {"da": r"Senest gennemgået: \d{1,2}\. \w+ \d{4}\.", "en": r"Last reviewed: \d{1,2} \w+ \d{4}\."}


def resolve(page_path: str, href: str) -> str:
    target = urljoin(SITE + page_path, href).removeprefix(SITE)
    return target + "index.html" if target.endswith("/") or target == "" else target


def test_every_page_footer_names_the_authority_its_contacts_and_the_required_links(site, series):
    statement_urls = set()
    for path in site.html_files():
        name = path.relative_to(site.root).as_posix()
        language = "en" if name.startswith("en/") else "da"
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("footer")
        text = " ".join(footer.get_text(" ").split())
        assert series.site.publisher.in_language(language) in text, name
        for contact in series.contacts:  # the site's current contacts, each with the date of its source
            assert contact.role.in_language(language) in text, name
            assert series.actors[contact.organisation].name.in_language(language) in text, name
            assert formatting.format_day(contact.as_of, language) in text, name
            if contact.name:
                assert contact.name in text, name
            if contact.phone:
                assert footer.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None, name
        hrefs = [link["href"] for link in footer.find_all("a", href=True)]
        statement_urls |= {href for href in hrefs if href.startswith("https://www.was.digst.dk/")}
        if name != "404.html":  # served at every missing address; its links are absolute
            targets = {resolve(name, href) for href in hrefs}
            prefix = LANGUAGES[language]
            assert {prefix + "tilgaengelighed/index.html", prefix + "privatliv/index.html", prefix + "kontakt/index.html"} <= targets, name
    assert len(statement_urls) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_page_says_how_it_was_tested_its_limits_and_how_to_get_help(site, series, language):
    page = site.page(LANGUAGES[language] + "tilgaengelighed/")
    article = page.find("article")
    text = " ".join(article.get_text(" ").split())
    assert page.html["lang"] == language
    assert len(article.find_all("h2")) >= 3
    assert "axe-core" in text and "Nu Html Checker" in text and "1280" in text and "375" in text
    assert re.search(REVIEW_DATE[language], text), "no date of last review"
    assert "Asiatisk Plads 2" in text  # in writing
    for contact in series.contacts:
        if contact.phone:  # by phone, from the site's contacts
            assert article.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None
    assert article.select_one('a[href^="https://www.was.digst.dk/"]') is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_page_names_every_storage_key_of_material(site, language):
    bundle = next((site.root / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    keys = set(re.findall(r'__md_[gs]et\("(__\w+)"', bundle))
    assert {"__palette", "__consent"} <= keys
    text = site.page(LANGUAGES[language] + "privatliv/").find("article").get_text(" ")
    assert [key for key in sorted(keys) if key not in text] == []
    assert "localStorage" in text and "sessionStorage" in text and "GitHub Pages" in text
