"""axe-core finds nothing on any page, in either language, at a desktop or a phone width.

The pages at the site's old addresses, which send the browser on to the new
ones, are checked as themselves (browser_visits.py keeps the tab on them).
"""

from __future__ import annotations

import pytest

from browser_visits import format_violations
from support.problems import assert_no_problems

pytestmark = pytest.mark.browser


def test_the_pages_checked_are_every_built_page_in_both_languages(site, page_paths, redirect_paths):
    built = {path.relative_to(site.root).as_posix().removesuffix("index.html") for path in site.html_files()}
    assert set(page_paths) == built
    assert len(page_paths) == len(built)  # each once
    danish = {path for path in page_paths if not path.startswith("en/")}  # 404.html included: each language has one
    english = {path.removeprefix("en/") for path in page_paths if path.startswith("en/")}
    assert danish == english
    assert len(danish) > 40
    assert len(redirect_paths) > 40 and set(redirect_paths) <= set(page_paths)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_page_was_visited_and_checked_where_it_is(visits, page_paths, redirect_paths, served_site, width):
    assert [visit.path for visit in visits[width]] == page_paths
    assert_no_problems((f"/{visit.path}: checked at {visit.checked_at}" for visit in visits[width] if visit.checked_at != served_site.url(visit.path)), "pages checked elsewhere")
    moving = set(redirect_paths)
    assert_no_problems((f"/{visit.path}: went to {visit.cancelled_navigations}" for visit in visits[width] if visit.path not in moving and visit.cancelled_navigations), "pages that send the browser elsewhere")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_no_page_has_an_axe_violation(visits, width):
    failing = [visit for visit in visits[width] if visit.axe_violations]
    assert_no_problems(map(format_violations, failing), f"of {len(visits[width])} pages have axe violations")
