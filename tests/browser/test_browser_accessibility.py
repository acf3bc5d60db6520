"""axe-core finds nothing on any page, in either language, at a desktop or a phone width."""

from __future__ import annotations

import pytest

from browser_visits import format_violations
from support.problems import assert_no_problems

pytestmark = pytest.mark.browser


def test_the_pages_checked_are_every_built_page_in_both_languages(site, page_paths):
    built = {path.relative_to(site.root).as_posix().removesuffix("index.html") for path in site.html_files()}
    assert set(page_paths) == built
    danish = {path for path in page_paths if not path.startswith("en/") and path != "404.html"}
    english = {path.removeprefix("en/") for path in page_paths if path.startswith("en/")}
    assert danish == english
    assert len(danish) > 40


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_every_page_was_visited(visits, page_paths, width):
    assert [visit.path for visit in visits[width]] == page_paths


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_no_page_has_an_axe_violation(visits, width):
    failing = [visit for visit in visits[width] if visit.axe_violations]
    assert_no_problems(map(format_violations, failing), f"of {len(visits[width])} pages have axe violations")
