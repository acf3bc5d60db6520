"""What Chromium tells a screen reader about headings, and the 404 pages' search, on the built site.

The headings' accessible names are read from Chromium's accessibility tree
(CDP `Accessibility.getFullAXTree`), the tree a screen reader gets: no name may
end in the permalink's "¶" or carry its tooltip. The markup of every page is
checked in tests/site/test_accessibility_markup.py; this proves what the
browser makes of it, on a sample of pages of each kind in both languages.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser_visits import ServedSite

pytestmark = pytest.mark.browser

LANGUAGE_ROOTS = {"da": "", "en": "en/"}
# A page of each kind: the series' home, a plan's about page, a focus area, an initiative, a press
# release, an actor, the hand-written statement.
SAMPLE_PAGES = [
    "",
    "2019-2021/om-planen/",
    "2019-2021/indsatsomraader/",
    "2019-2021/presse/ny-handlingsplan-2018/",
    "aktoerer/",
    "kontakt/",
    "tilgaengelighed/",
]
PERMALINK_WORDS = ("¶", "Permanent link", "Direkte link")
ENGLISH_WORD = "pickpocketing"  # in the English press release only (tests/browser/test_search_browser.py)


def heading_names(browser: Browser, url: str) -> list[str]:
    """The accessible name of every heading on the page at `url`, as Chromium computes it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        session = context.new_cdp_session(page)
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
        return [
            node.get("name", {}).get("value", "")
            for node in nodes
            if node.get("role", {}).get("value") == "heading" and not node.get("ignored")
        ]
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_no_headings_accessible_name_ends_in_the_permalink(browser, served_site: ServedSite, language):
    problems = []
    seen = 0
    for path in SAMPLE_PAGES:
        names = heading_names(browser, served_site.base_url + LANGUAGE_ROOTS[language] + path)
        seen += len(names)
        problems += [f"{path}: {name!r}" for name in names if not name.strip() or any(word in name for word in PERMALINK_WORDS)]
    assert not problems, "\n".join(problems)
    assert seen > 3 * len(SAMPLE_PAGES)  # the tree had the headings of every sample page


def test_the_english_404_pages_search_form_opens_the_search_with_the_query(browser, served_site: ServedSite):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(served_site.base_url + "en/404.html", wait_until="load")
        page.fill("#plan-not-found-query", ENGLISH_WORD)
        page.locator('form[role="search"] button[type="submit"]').click()
        page.wait_for_url(served_site.base_url + "en/**")
        results = page.locator(".md-search-result a[href]")
        results.first.wait_for(timeout=15000)  # Material runs the query from ?q= once its index is loaded
        hrefs = results.evaluate_all("links => links.map(link => link.href)")
    finally:
        context.close()
    assert hrefs and all(href.startswith(served_site.base_url + "en/") for href in hrefs), hrefs
