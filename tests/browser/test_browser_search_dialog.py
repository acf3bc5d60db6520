"""The search, open with results: accessible, and its Web Worker allowed by the page's policy."""

from __future__ import annotations

import pytest

from browser_visits import PageVisit, format_violations, new_recording_context, run_axe

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}
QUERY = {"": "menneskehandel", "en/": "trafficking"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("home", QUERY)
def test_the_open_search_with_results_passes_axe_csp_and_privacy_checks(browser, served_site, axe_source, home, width):
    context = new_recording_context(browser, WIDTHS[width])
    try:
        tab = context.new_page()
        requests: list[str] = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(served_site.url(home), wait_until="load")
        tab.focus(".md-search__input")
        tab.keyboard.type(QUERY[home])
        tab.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
        tab.evaluate("() => Promise.all(document.getAnimations().map((animation) => animation.finished))")
        visit = PageVisit(f"{home} (search open)", WIDTHS[width], axe_violations=run_axe(tab, axe_source))
        if visit.axe_violations:
            pytest.fail(format_violations(visit), pytrace=False)
        assert tab.evaluate("() => window.__cspViolations") == []
        assert any("search" in url and url.endswith(".json") for url in requests), requests
        assert [url for url in requests if not served_site.is_same_origin(url)] == []
        assert context.cookies() == []
    finally:
        context.close()
