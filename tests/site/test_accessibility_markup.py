"""The structure screen readers rely on, in the parsed HTML of every built page.

Headings (one `<h1>`, no skipped level), landmarks, the skip link's target,
language of parts in the language switcher, and tables with captions and
header scope. The browser tests (tests/browser/) check what needs a browser.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support.problems import assert_no_problems

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def pages(site):
    for path in site.html_files():
        yield path.relative_to(site.root).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def heading_problems(page: BeautifulSoup) -> list[str]:
    """One `<h1>`, first; each heading at most one level below the one before."""
    levels = [int(heading.name[1]) for heading in page.body.find_all(HEADINGS)]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} <h1>")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is <h{levels[0]}>")
    problems.extend(f"<h{before}> is followed by <h{after}>" for before, after in zip(levels, levels[1:]) if after > before + 1)
    return problems


def table_problems(page: BeautifulSoup) -> list[str]:
    """Every table has a caption, and every header cell says what it heads."""
    problems = []
    for number, table in enumerate(page.find_all("table"), start=1):
        caption = table.find("caption")
        if caption is None or not caption.get_text(strip=True):
            problems.append(f"table {number} has no caption")
        problems.extend(f"table {number}: <th>{cell.get_text(strip=True)}</th> has no scope" for cell in table.find_all("th") if cell.get("scope") not in ("col", "row", "colgroup", "rowgroup"))
        if not table.find_all("th"):
            problems.append(f"table {number} has no header cells")
    return problems


def test_every_page_has_one_h1_and_no_skipped_heading_level(site):
    assert_no_problems((f"{name}: {problem}" for name, page in pages(site) for problem in heading_problems(page)), "heading problems")


def test_the_heading_check_finds_a_skipped_level_and_a_second_h1():
    page = BeautifulSoup("<html><body><h2>Lead-in</h2><h1>Title</h1><h3>Detail</h3><h1>Again</h1></body></html>", "html.parser")
    assert heading_problems(page) == ["2 <h1>", "the first heading is <h2>", "<h1> is followed by <h3>"]


def test_every_table_has_a_caption_and_scoped_header_cells(site):
    assert_no_problems((f"{name}: {problem}" for name, page in pages(site) for problem in table_problems(page)), "table problems")


def test_the_table_check_finds_a_missing_caption_and_scope():
    page = BeautifulSoup("<table><tr><th>Year</th><th scope='col'>Budget</th></tr><tr><td>2019</td><td>21</td></tr></table>", "html.parser")
    assert table_problems(page) == ["table 1 has no caption", "table 1: <th>Year</th> has no scope"]


def accessible_name(page: BeautifulSoup, element) -> str:
    """The name an element gets from `aria-labelledby` (the text of the elements it names) or `aria-label`."""
    if element.get("aria-labelledby"):
        labels = [page.find(id=label_id) for label_id in element["aria-labelledby"].split()]
        return " ".join(label.get_text(" ", strip=True) for label in labels if label is not None).strip()
    return (element.get("aria-label") or "").strip()


def test_the_name_of_a_landmark_comes_from_aria_labelledby_or_aria_label():
    page = BeautifulSoup('<nav aria-label="Menu"></nav><label id="named">Plans</label><label id="empty"><span class="icon"></span></label>'
                         '<nav aria-labelledby="named"></nav><nav aria-labelledby="empty"></nav><nav aria-labelledby="missing"></nav>', "html.parser")
    assert [accessible_name(page, nav) for nav in page.find_all("nav")] == ["Menu", "Plans", "", ""]


def test_every_page_has_banner_navigation_main_and_footer_landmarks(site):
    for name, page in pages(site):
        assert len(page.select("body header.md-header")) == 1, name
        assert len(page.find_all("main")) == 1, name
        assert len(page.find_all("footer")) == 1, name
        navigations = page.find_all("nav")
        assert navigations, name
        unnamed = [str(nav)[:120] for nav in navigations if not accessible_name(page, nav)]
        assert not unnamed, f"{name}: a <nav> without a name: {unnamed}"
        assert page.select_one("main article#main-content") is not None, name


def test_the_skip_link_is_the_first_link_and_leads_to_the_article(site):
    for name, page in pages(site):
        first_link = page.body.find("a", href=True)
        assert "md-skip" in first_link.get("class", []), f"{name}: the first link is {first_link}"
        assert first_link["href"] == "#main-content", name
        target = page.find(id="main-content")
        assert target.name == "article" and target.get("tabindex") == "-1", name


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_language_switcher_marks_each_language_name_with_its_language(site, language):
    page = site.page("" if language == "da" else "en/")
    links = page.select("a.md-select__link[hreflang]")
    assert {link["hreflang"] for link in links} == {"da", "en"}
    for link in links:
        assert link.get("lang") == link["hreflang"], link

