"""Search stays in the reader's language, proven in Debian's Chromium on the built site.

The built site is served on 127.0.0.1 (a free port), and the search box of
Material is used as a reader uses it. The words are checked against the two
index files first, so each test is about a word that really is in one
language's text and not in the other's.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser_visits import ServedSite

pytestmark = pytest.mark.browser

DANISH_WORD = "lommetyveri"  # in the press release's list of forms of trafficking
ENGLISH_WORD = "pickpocketing"  # the same item in the English text
DANISH_WORD_WITH_AE = "bagmændene"  # "the traffickers"
LANGUAGE_ROOTS = {"da": "", "en": "en/"}
PRESS = "2019-2021/presse/"  # the root plan's press pages


@pytest.fixture(scope="module")
def search_site_url(served_site: ServedSite) -> str:
    """The built site's address, http://127.0.0.1:<free port>/ (served by tests/browser/conftest.py)."""
    return served_site.base_url


@pytest.fixture(scope="module")
def index_texts(site) -> dict[str, str]:
    """All titles and texts of each language's search index, lower-cased."""
    texts = {}
    for language, root in LANGUAGE_ROOTS.items():
        index = json.loads((site.root / root / "search" / "search_index.json").read_text(encoding="utf-8"))
        texts[language] = "\n".join(f"{document['title']} {document['text']}" for document in index["docs"]).lower()
    return texts


def search(browser: Browser, url: str, query: str) -> tuple[list[str], list[str]]:
    """Type `query` into the search box of the page at `url`; the result links and every URL the page requested."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(url, wait_until="load")
        return _results_when_ready(page, query), requested
    finally:
        context.close()


def _results_when_ready(page: Page, query: str) -> list[str]:
    """Type the query; Material reads the box on key-up and ignores queries until its worker has the index, so press a key until it answers."""
    none_found = json.loads(page.locator("#__config").text_content())["translations"]["search.result.none"]
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    links = page.locator(".md-search-result__list a")
    box.fill(query)
    for _ in range(20):
        box.press("End")
        for _ in range(10):
            page.wait_for_timeout(100)
            if links.count() or meta.inner_text().strip() == none_found:
                return links.evaluate_all("links => links.map(link => link.href)")
    raise AssertionError(f"search for {query!r} never answered on {page.url}")


def test_the_words_belong_to_one_language_each(index_texts):
    assert DANISH_WORD in index_texts["da"] and DANISH_WORD not in index_texts["en"]
    assert ENGLISH_WORD in index_texts["en"] and ENGLISH_WORD not in index_texts["da"]
    assert DANISH_WORD_WITH_AE in index_texts["da"]


def is_redirect_page(site, search_site_url: str, result: str) -> bool:
    """Whether a result leads to a page at an old address, which only sends the browser on."""
    path = site.root / urlsplit(result.removeprefix(search_site_url)).path  # without `?h=<query>#<anchor>`
    return 'http-equiv="refresh"' in (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")


def test_a_danish_word_finds_danish_pages_on_the_danish_site(browser, site, search_site_url):
    results, requested = search(browser, search_site_url, DANISH_WORD)
    assert results
    assert all(result.startswith(search_site_url) and not result.startswith(search_site_url + "en/") for result in results), results
    assert not [result for result in results if is_redirect_page(site, search_site_url, result)]
    assert search_site_url + "search/search_index.json" in requested


def test_the_danish_word_finds_nothing_on_the_english_site(browser, search_site_url):
    results, requested = search(browser, search_site_url + "en/", DANISH_WORD)
    assert results == []
    assert search_site_url + "en/search/search_index.json" in requested
    assert search_site_url + "search/search_index.json" not in requested


def test_an_english_word_finds_english_pages_on_the_english_site(browser, search_site_url):
    results, _ = search(browser, search_site_url + "en/" + PRESS, ENGLISH_WORD)
    assert results
    assert all(result.startswith(search_site_url + "en/") for result in results), results


def test_the_english_word_finds_nothing_on_the_danish_site(browser, search_site_url):
    results, _ = search(browser, search_site_url + PRESS, ENGLISH_WORD)
    assert results == []


def test_a_danish_word_with_ae_finds_the_press_release(browser, search_site_url):
    results, _ = search(browser, search_site_url, DANISH_WORD_WITH_AE)
    assert any(result.startswith(search_site_url + PRESS + "ny-handlingsplan-2018/") for result in results), results
    assert not any(result.startswith(search_site_url + "en/") for result in results)
