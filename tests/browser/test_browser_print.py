"""Printing a page gives its content without the site's navigation and chrome."""

from __future__ import annotations

import subprocess

import pytest

from browser_visits import detail_page

pytestmark = pytest.mark.browser

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-skip", ".md-search", ".md-top", ".headerlink"]


@pytest.fixture(scope="module")
def printed(browser, served_site, page_paths, tmp_path_factory):
    """A generated detail page in each language: its parsed page in print media and the text of its PDF."""
    detail = detail_page(page_paths)
    context = browser.new_context()
    results = {}
    for path in (detail, "en/" + detail):
        tab = context.new_page()
        tab.goto(served_site.url(path), wait_until="load")
        tab.emulate_media(media="print")
        pdf = tmp_path_factory.mktemp("print") / "page.pdf"
        tab.pdf(path=pdf, format="A4")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        results[path] = (tab, text)
    yield results
    context.close()


def test_printing_hides_navigation_header_footer_and_search(printed):
    for path, (tab, _) in printed.items():
        shown = [selector for selector in CHROME if any(tab.eval_on_selector_all(selector, "elements => elements.map((element) => getComputedStyle(element).display !== 'none')"))]
        assert not shown, f"/{path} prints {shown}"


def test_the_printed_page_has_the_title_and_text_but_no_menu(printed):
    for path, (tab, text) in printed.items():
        title = tab.inner_text("article h1")
        lead = tab.inner_text("article .plan-lead")
        menu = tab.eval_on_selector_all(".md-sidebar--primary .md-nav__link", "links => links.map((link) => link.innerText.trim())")
        skip = tab.inner_text("a.md-skip")
        flat = " ".join(text.split())
        assert " ".join(title.split()) in flat and " ".join(lead.split())[:60] in flat, path
        assert skip not in flat, path
        assert not [entry for entry in menu if entry and f" {entry} " in f" {flat} " and entry not in title + lead], (path, menu)


def test_printed_links_to_other_sites_show_their_address(printed):
    for path, (tab, text) in printed.items():
        external = tab.eval_on_selector_all("article a[href^='https://']", "links => links.map((link) => link.href)")
        assert external, path
        flat = "".join(text.split())
        assert any(address in flat for address in external), path
