"""The recording behind the browser tests catches each kind of fault, on pages made to have it."""

from __future__ import annotations

import pytest

from browser_visits import format_violations, visit_pages

pytestmark = pytest.mark.browser

CANARY_PAGES = ["index.html", "csp.html", "foreign.html", "storage.html", "refresh.html"]


@pytest.fixture(scope="module")
def canary_visits(browser, canary_site, axe_source):
    return {visit.path: visit for visit in visit_pages(browser, canary_site, CANARY_PAGES, 1280, axe_source)}


def test_axe_reports_an_image_without_alternative_text(canary_visits):
    visit = canary_visits["index.html"]
    assert "image-alt" in {violation["rule"] for violation in visit.axe_violations}
    assert "image-alt" in format_violations(visit) and "/index.html" in format_violations(visit)


def test_an_inline_script_without_a_hash_is_a_reported_csp_violation(canary_visits):
    assert [violation["directive"] for violation in canary_visits["csp.html"].csp_violations] == ["script-src-elem"]


def test_a_request_to_another_origin_is_recorded(canary_visits, canary_site):
    foreign = [url for url in canary_visits["foreign.html"].requests if not canary_site.is_same_origin(url)]
    assert foreign == ["http://127.0.0.2:9/pixel.png"]


def test_cookies_storage_and_script_errors_are_recorded(canary_visits):
    visit = canary_visits["storage.html"]
    assert visit.cookies == ["canary (127.0.0.1)"]
    assert sorted(visit.storage_keys) == ["localStorage:canary", "sessionStorage:canary"]
    assert visit.javascript_errors == ["canary error"]


def test_a_page_that_sends_the_browser_on_is_checked_as_itself(canary_visits, canary_site):
    visit = canary_visits["refresh.html"]
    assert visit.checked_at == canary_site.url("refresh.html")
    rules = {violation["rule"] for violation in visit.axe_violations}
    assert "html-has-lang" in rules and "image-alt" not in rules  # its own fault, not that of index.html
    assert set(visit.cancelled_navigations) <= {canary_site.url("index.html")}
