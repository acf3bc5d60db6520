"""The structure screen readers rely on, in the parsed HTML of every built page.

Headings (one `<h1>`, no skipped level), landmarks, the skip link's target,
language of parts in the language switcher, and tables with captions and
header scope. The browser tests (tests/browser/) check what needs a browser.
"""

from __future__ import annotations

from urllib.parse import urljoin

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



PERMALINK_TITLES = {"da": "Direkte link til dette afsnit", "en": "Permanent link to this section"}


def permalink_problems(page: BeautifulSoup, language: str) -> list[str]:
    """Every heading's permalink is hidden from assistive technology, out of the tab order, with a tooltip in the page's language."""
    problems = []
    for link in page.select(":is(h1, h2, h3, h4, h5, h6) a.headerlink"):
        heading = link.find_parent(HEADINGS).get("id")
        if link.get("aria-hidden") != "true" or link.get("tabindex") != "-1":
            problems.append(f"the permalink of #{heading} is in the accessible name or the tab order")
        if link.get("title") != PERMALINK_TITLES[language]:
            problems.append(f"the permalink of #{heading} has the title {link.get('title')!r}")
    return problems


def test_no_heading_permalink_is_part_of_the_headings_name_and_its_tooltip_is_in_the_pages_language(site):
    checked = 0
    problems = []
    for name, page in pages(site):
        language = page.html["lang"]
        checked += len(page.select("a.headerlink"))
        problems += [f"{name}: {problem}" for problem in permalink_problems(page, language)]
    assert_no_problems(problems, "permalink problems")
    assert checked > 500  # the check saw the permalinks of every page


def test_the_permalink_check_finds_a_permalink_in_the_name_and_an_english_tooltip_on_a_danish_page():
    page = BeautifulSoup('<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>', "html.parser")
    assert permalink_problems(page, "da") == ["the permalink of #a is in the accessible name or the tab order", "the permalink of #a has the title 'Permanent link'"]


def resolve_on(name: str, href: str) -> str:
    """The built file a link on the page at `name` leads to."""
    target = urljoin("https://site.test/" + name, href).removeprefix("https://site.test/").split("#")[0]
    return target + "index.html" if target == "" or target.endswith("/") else target


def current_link_problems(name: str, page: BeautifulSoup) -> list[str]:
    """The navigation marks the link to the page itself with aria-current="page", and no other link."""
    problems = []
    for link in page.select("nav.md-nav--primary a.md-nav__link"):
        if link["href"].startswith("#"):
            continue  # the current page's table of contents
        is_self = resolve_on(name, link["href"]) == name
        if is_self != (link.get("aria-current") == "page"):
            problems.append(f"{link['href']}: aria-current={link.get('aria-current')!r}")
    return problems


def test_the_navigation_marks_the_current_page_with_aria_current_on_every_page(site):
    marked = 0
    problems = []
    for name, page in pages(site):
        problems += [f"{name}: {problem}" for problem in current_link_problems(name, page)]
        marked += len(page.select('nav.md-nav--primary a[aria-current="page"]'))
    assert_no_problems(problems, "navigation links with a wrong aria-current")
    assert marked >= 30  # every page of the menu, in both languages


def test_the_current_link_check_finds_a_current_page_without_aria_current():
    page = BeautifulSoup('<nav class="md-nav md-nav--primary"><a class="md-nav__link" href="./">Here</a>'
                         '<a class="md-nav__link" href="../x/" aria-current="page">There</a></nav>', "html.parser")
    assert current_link_problems("om/index.html", page) == ["./: aria-current=None", "../x/: aria-current='page'"]


def foreign_publishers(series) -> dict[str, tuple[str, str]]:
    """Every source whose publisher's language the data gives: its address → (publisher, language)."""
    holders = [*series.plans, *series.earlier_plans, *series.contacts]
    sources = [source for holder in holders for source in holder.sources]
    return {source.url: (source.publisher, source.publisher_language) for source in sources if source.publisher and source.publisher_language}


def unmarked_publisher_problems(name: str, page: BeautifulSoup, publishers: dict[str, tuple[str, str]]) -> list[str]:
    """Where a page names a source's publisher beside the link to the source, the name carries its language.

    (A name inside a title, such as a Danish title quoted in an English one, is part of the title's text.)
    """
    problems = []
    for link in page.body.find_all("a", href=True):
        if link["href"] not in publishers:
            continue
        publisher, language = publishers[link["href"]]
        if language == page.html.get("lang"):
            continue
        for string in link.parent.find_all(string=True):
            if publisher in string and link not in string.parents:
                marked = string.find_parent(attrs={"lang": True})
                if marked is None or marked["lang"] != language:
                    problems.append(f"{name}: the publisher “{publisher}” is not inside an element with lang=\"{language}\"")
    return problems


def test_on_english_pages_every_danish_publisher_name_is_marked_as_danish(site, series):
    publishers = foreign_publishers(series)
    assert {"Udenrigsministeriet", "Center mod Menneskehandel"} <= {publisher for publisher, _ in publishers.values()}  # the data marks them
    problems = [problem for name, page in pages(site) if name.startswith("en/") for problem in unmarked_publisher_problems(name, page, publishers)]
    assert_no_problems(problems, "Danish publisher names on English pages without lang=\"da\"")


def test_the_publisher_check_finds_a_danish_name_without_its_language():
    page = BeautifulSoup(
        '<html lang="en"><body><ul><li><a href="https://a.example/">A title</a> — Udenrigsministeriet, 1 May 2020</li>'
        '<li><a href="https://a.example/">A title</a> — <span lang="da">Udenrigsministeriet</span></li></ul></body></html>',
        "html.parser",
    )
    assert unmarked_publisher_problems("x.html", page, {"https://a.example/": ("Udenrigsministeriet", "da")}) == [
        "x.html: the publisher “Udenrigsministeriet” is not inside an element with lang=\"da\""
    ]
