"""Every page, loaded in Chromium: nothing from another origin, no cookie, no storage, no CSP violation."""

from __future__ import annotations

import pytest

from support.problems import assert_no_problems

pytestmark = pytest.mark.browser

WIDTHS = ["desktop", "phone"]


def _report(visits, attribute: str) -> list[str]:
    return [f"/{visit.path} at {visit.width}px: {item}" for visit in visits for item in getattr(visit, attribute)]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_requests_anything_from_another_origin(visits, served_site, width):
    foreign = [f"/{visit.path} at {visit.width}px: {url}" for visit in visits[width] for url in visit.requests if not served_site.is_same_origin(url)]
    assert_no_problems(foreign, "requests to another origin")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_loads_its_assets_from_the_site(visits, served_site, width):
    for visit in visits[width]:
        assert any(url.endswith(".css") for url in visit.requests), visit.path
        assert any(url.endswith(".js") for url in visit.requests), visit.path


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_sets_a_cookie(visits, width):
    assert_no_problems(_report(visits[width], "cookies"), "cookies")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_stores_anything_in_the_browser(visits, width):
    # The privacy page (docs/privatliv.*.md) says so; Material's keys would appear here.
    assert_no_problems(_report(visits[width], "storage_keys"), "keys in browser storage")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_violates_its_content_security_policy(visits, width):
    assert_no_problems(_report(visits[width], "csp_violations"), "CSP violations")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_has_a_javascript_error(visits, width):
    assert_no_problems(_report(visits[width], "javascript_errors"), "JavaScript errors")
