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
        # The site's current contacts, each with the date of its source; the help box's contact is in
        # the box (tests/site/test_government_identity.py), which is in the footer or higher up.
        for contact in (contact for contact in series.contacts if contact != series.help_contact):
            assert contact.role.in_language(language) in text, name
            assert series.actors[contact.organisation].name.in_language(language) in text, name
            assert formatting.format_day(contact.as_of, language) in text, name
            if contact.name:
                assert contact.name in text, name
            if contact.phone:
                assert footer.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None, name
        hrefs = [link["href"] for link in footer.find_all("a", href=True)]
        statement_urls |= {href for href in hrefs if "was.digst.dk" in href or "example" in href}
        if name not in ("404.html", "en/404.html"):  # served at missing addresses; its links are absolute
            targets = {resolve(name, href) for href in hrefs}
            prefix = LANGUAGES[language]
            assert {prefix + "tilgaengelighed/index.html", prefix + "privatliv/index.html", prefix + "kontakt/index.html"} <= targets, name
    assert statement_urls == set()  # no WAS address is set: the site's own statement page is the statement


STATEMENT_PARTS = {  # what the law asks a statement to say, as the section headings name it
    "da": ["Overensstemmelsesstatus", "Indhold, der ikke er tilgængeligt", "Sådan er erklæringen udarbejdet", "Klage over tilgængeligheden", "Kontakt om tilgængelighed"],
    "en": ["Compliance status", "Content that is not accessible", "How this statement was prepared", "Complaints about accessibility", "Contact about accessibility"],
}
STATEMENT_WORDS = {
    "da": ["delvist i overensstemmelse", "lov nr. 692 af 8. juni 2018", "WCAG 2.1", "JavaScript", "skærmlæsere", "Digitaliseringsstyrelsen", "tilsynsmyndighed"],
    "en": ["partially compliant", "Act no. 692 of 8 June 2018", "WCAG 2.1", "JavaScript", "screen readers", "Digitaliseringsstyrelsen", "supervisory authority"],
}
PREPARED_AND_REVIEWED = {
    "da": r"udarbejdet \d{1,2}\. \w+ \d{4}.*Senest gennemgået: \d{1,2}\. \w+ \d{4}\.",
    "en": r"prepared on \d{1,2} \w+ \d{4}.*Last reviewed: \d{1,2} \w+ \d{4}\.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_has_the_parts_the_law_asks_for(site, series, language):
    page = site.page(LANGUAGES[language] + "tilgaengelighed/")
    article = page.find("article")
    text = " ".join(article.get_text(" ").split())
    assert page.html["lang"] == language
    headings = ["".join(heading.find_all(string=True, recursive=False)).strip() for heading in article.find_all("h2")]  # without the permalink
    assert headings[: len(STATEMENT_PARTS[language])] == STATEMENT_PARTS[language]
    assert [word for word in STATEMENT_WORDS[language] if word not in text] == []
    assert re.search(PREPARED_AND_REVIEWED[language], text), "no date prepared or last reviewed"
    assert article.select_one('a[href="https://digst.dk/"]') is not None  # the complaint route
    if language == "en":
        assert article.find(string="Digitaliseringsstyrelsen").parent["lang"] == "da"
    feedback = series.contacts_for("accessibility") or series.contacts_for("general")
    assert feedback
    for contact in feedback:  # whom to tell, from the site's contacts, with the date of the source
        if contact.phone:
            assert article.select_one(f'a[href="tel:{contact.phone.replace(" ", "")}"]') is not None
        if contact.email:
            assert article.select_one(f'a[href="mailto:{contact.email}"]') is not None
        assert formatting.format_day(contact.as_of, language) in text
    for contact in series.contacts_for("help"):  # the hotline for people at risk is not the accessibility contact
        if contact not in feedback and contact.phone:
            assert article.select_one(f'.plan-accessibility-contact a[href="tel:{contact.phone.replace(" ", "")}"]') is None
    assert article.select_one('a[href*="was.digst.dk"]') is None  # no WAS address set: this page is the statement


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_page_names_every_storage_key_of_material(site, language):
    bundle = next((site.root / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    keys = set(re.findall(r'__md_[gs]et\("(__\w+)"', bundle))
    assert {"__palette", "__consent"} <= keys
    text = site.page(LANGUAGES[language] + "privatliv/").find("article").get_text(" ")
    assert [key for key in sorted(keys) if key not in text] == []
    assert "localStorage" in text and "sessionStorage" in text and "GitHub Pages" in text
