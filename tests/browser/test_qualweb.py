"""QualWeb, the engine the Agency for Digital Government monitors Danish public websites with, fails nothing on any built page.

Its ACT rules and WCAG techniques at levels A and AA (@qualweb/core and both modules, pinned in
package-lock.json) run in one Node process (tests/browser/qualweb/run.js) on Debian's
Chromium, over every page of both languages as served over HTTP, and over a page made to fail
(tests/browser/canary/qualweb.html), which proves that the same run reports what it finds.
The fixes it asked for are in docs-dev/stack-facts.md#qualweb; the search form's submit
button, one of them, is proven to work here too.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from support.paths import PROJECT_DIR
from support.problems import assert_no_problems

pytestmark = pytest.mark.browser

RUNNER = Path(__file__).parent / "qualweb" / "run.js"
CONCURRENCY = 2  # a page is mostly CPU: more than the machine's two gain nothing
CANARY_PAGE = "qualweb.html"
# Every failure of the canary, exactly: (rule or technique, the element QualWeb names).
CANARY_FAILURES = {
    ("QW-ACT-R17", '<img src="pixel.svg">'),  # image without a text alternative
    ("QW-ACT-R37", '<p class="faint">Grey text on white, 2.3:1.</p>'),  # text contrast
    ("QW-WCAG-T19", "<form>Query </form>"),  # a form without a submit button
    ("QW-WCAG-T23", '<input type="text" name="q">'),  # the first control is no skip link
    ("QW-WCAG-T28", '<button type="button" class="icon">Icon</button>'),  # font-size: inherit
    ("QW-WCAG-T32", "<ul></ul>"),  # a list without items
}


@pytest.fixture(scope="module")
def qualweb_urls(served_site, canary_site, page_paths, redirect_paths) -> list[str]:
    """Every page of both languages and the canary.

    The redirect pages at old addresses are left out: they send the browser on at once, so
    QualWeb, which follows them, would evaluate the page they lead to (already in the list)
    or lose the page it was evaluating. axe checks them as themselves (browser_visits.py).
    """
    redirects = set(redirect_paths)
    own = [served_site.url(path) for path in page_paths if path not in redirects]
    return [*own, canary_site.url(CANARY_PAGE)]


@pytest.fixture(scope="module")
def qualweb_report(qualweb_urls) -> dict:
    """One QualWeb run over every page: what was evaluated, every failed element, every page that could not be."""
    result = subprocess.run(
        ["node", str(RUNNER), "--concurrency", str(CONCURRENCY), *qualweb_urls],
        capture_output=True, text=True, timeout=1500, cwd=PROJECT_DIR,
    )
    if result.returncode != 0:
        pytest.fail(f"QualWeb's run ended with {result.returncode}:\n{result.stderr}", pytrace=False)
    return json.loads(result.stdout)


def _describe(finding: dict, base_url: str) -> str:
    page = finding["url"].removeprefix(base_url) or "(home page)"
    return f"{page}: {finding['code']} {finding['name']}: {finding['description']}\n    {finding['pointer']}\n    {finding['html'][:300]}"


def test_qualweb_reports_every_failure_of_a_page_made_to_fail(qualweb_report, canary_site):
    found = {(finding["code"], finding["html"]) for finding in qualweb_report["findings"] if finding["url"] == canary_site.url(CANARY_PAGE)}
    assert found == CANARY_FAILURES


def test_qualweb_evaluated_every_page(qualweb_report, qualweb_urls):
    errors = [f"{error['url']}: {error['message']}" for error in qualweb_report["errors"]]
    assert_no_problems(errors, "pages QualWeb could not evaluate")
    assert qualweb_report["evaluated"] == qualweb_urls


def test_no_built_page_fails_a_qualweb_rule(qualweb_report, served_site):
    own = [finding for finding in qualweb_report["findings"] if finding["url"].startswith(served_site.base_url)]
    assert_no_problems((_describe(finding, served_site.base_url) for finding in own), "QualWeb failures")


@pytest.mark.parametrize(("home", "query"), [("", "menneskehandel"), ("en/", "trafficking")])
def test_the_search_forms_submit_button_opens_the_search_with_its_results(browser, served_site, home, query):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(served_site.url(home), wait_until="load")
        tab.fill(".md-search__input", query)
        tab.click(".md-search__form button[type=submit]")
        tab.wait_for_url(served_site.url(f"{home}?q={query}"))
        tab.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
        assert tab.input_value(".md-search__input") == query
        assert tab.get_attribute(".md-search-result__list", "role") == "list"
    finally:
        context.close()
