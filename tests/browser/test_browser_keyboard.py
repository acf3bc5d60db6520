"""Keyboard use in Chromium: the skip link, visible focus on every tab stop, the menu on a phone."""

from __future__ import annotations

import pytest

from browser_visits import ServedSite, detail_page
from support.problems import assert_no_problems

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}
MAX_TAB_STOPS = 400
SETTLE_MS = 300

# What the focused element looks like once transitions (Material fades the skip
# link in, opens and closes the search) have ended, and once Material has
# released the page it holds in place (a `top` style on <body>) while the phone
# search overlay closes.
DESCRIBE_FOCUS = """
async () => {
  for (const deadline = Date.now() + 2000; document.body.style.top && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    description: `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") || ""}"> ${(element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 40)}`,
    isBody: element === document.body,
    isSkipLink: element.matches("a.md-skip"),
    isMenuButton: element.matches("[data-plan-menu-button]"),
    inMainContent: element.closest("#main-content") !== null,
    inDrawer: element.closest(".md-sidebar--primary") !== null,
    id: element.id,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
    opacity: parseFloat(style.opacity),
    inViewport: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    onTop: hit !== null && (element.contains(hit) || hit.contains(element)),
  };
}
"""


def sample_pages(page_paths: list[str]) -> list[str]:
    """The home pages, a generated detail page (fact box, sources) in each language and the 404 page."""
    detail = detail_page(page_paths)
    return ["", "en/", detail, "en/" + detail, "404.html"]


def open_tab(browser, contexts: list, url: str, width: int):
    """A page at `width` in a fresh context."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    contexts.append(context)
    tab = context.new_page()
    # Transitions run 20 times faster, so waiting for their end states (which
    # is what the tests check) costs little; scripts' timers are unchanged.
    devtools = context.new_cdp_session(tab)
    devtools.send("Animation.enable")
    devtools.send("Animation.setPlaybackRate", {"playbackRate": 20})
    tab.goto(url, wait_until="load")
    return tab


@pytest.fixture(scope="module")
def tab_at(browser, served_site: ServedSite):
    """Open a page of the built site at a width."""
    contexts: list = []
    yield lambda path, width: open_tab(browser, contexts, served_site.url(path), width)
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def canary_tab_at(browser, canary_site: ServedSite):
    """Open a page of tests/browser/canary/ at a width."""
    contexts: list = []
    yield lambda path, width: open_tab(browser, contexts, canary_site.url(path), width)
    for context in contexts:
        context.close()


def press(tab, key: str) -> dict:
    tab.keyboard.press(key)
    return tab.evaluate(DESCRIBE_FOCUS)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_first_tab_stop_is_the_skip_link_and_it_moves_focus_to_the_content(tab_at, page_paths, width):
    for path in sample_pages(page_paths):
        tab = tab_at(path, WIDTHS[width])
        first = press(tab, "Tab")
        assert first["isSkipLink"], f"/{path}: first tab stop is {first['description']}"
        assert first["inViewport"] and first["opacity"] == 1 and first["onTop"], f"/{path}: the focused skip link is not visible"
        after_skip = press(tab, "Enter")
        assert after_skip["id"] == "main-content", f"/{path}: the skip link moved focus to {after_skip['description']}"
        next_stop = press(tab, "Tab")
        assert next_stop["inMainContent"], f"/{path}: after the skip link, Tab goes to {next_stop['description']}"


def visible(focus: dict) -> bool:
    return focus["inViewport"] and focus["onTop"] and focus["opacity"] > 0


def focus_problems(tab, name: str) -> list[str]:
    """Tab from the top of the page to its end; every tab stop must be on screen, uncovered, with a focus indicator."""
    problems = []
    stops = 0
    while (focus := press(tab, "Tab")) and not focus["isBody"]:
        stops += 1
        assert stops < MAX_TAB_STOPS, f"{name}: more than {MAX_TAB_STOPS} tab stops"
        if not (focus["outline"] or focus["shadow"]):
            problems.append(f"{name}: no focus indicator on {focus['description']}")
        if not visible(focus):
            # A control that opens something on focus (the phone search overlay)
            # may start its transition a frame after the key press: look again
            # once it has had time to settle. What stays hidden is a finding.
            tab.wait_for_timeout(SETTLE_MS)
            focus = tab.evaluate(DESCRIBE_FOCUS)
        if not visible(focus):
            problems.append(f"{name}: focus is off screen, hidden or covered on {focus['description']}")
    assert stops > 1, f"{name}: only {stops} tab stops"
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_is_visible_on_screen_with_a_focus_indicator(tab_at, page_paths, width):
    problems = [problem for path in sample_pages(page_paths) for problem in focus_problems(tab_at(path, WIDTHS[width]), f"/{path}")]
    assert_no_problems(problems, f"tab stops without a visible focus at {WIDTHS[width]}px")


def test_the_tab_walk_reports_focus_that_cannot_be_seen(canary_tab_at):
    problems = focus_problems(canary_tab_at("focus.html", WIDTHS["desktop"]), "focus.html")
    assert problems == [
        "focus.html: no focus indicator on <a class=\"\"> A link without a focus indicator",
        "focus.html: focus is off screen, hidden or covered on <a class=\"\"> A link off screen",
    ]


def test_on_a_phone_the_menu_button_opens_and_closes_the_navigation_by_keyboard(tab_at):
    tab = tab_at("", WIDTHS["phone"])
    while not (focus := press(tab, "Tab"))["isMenuButton"]:
        assert not focus["isBody"], "the menu button is not in the tab order"
    menu_button = tab.locator("[data-plan-menu-button]")
    assert menu_button.get_attribute("aria-expanded") == "false"
    press(tab, "Enter")
    assert menu_button.get_attribute("aria-expanded") == "true"
    while not (focus := press(tab, "Tab"))["inDrawer"]:
        assert not focus["isBody"], "Tab never reaches the open menu"
    assert focus["inViewport"] and focus["onTop"], f"the open menu's first link is not visible: {focus['description']}"
    focus = press(tab, "Escape")
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert focus["isMenuButton"], f"Escape left focus on {focus['description']}"
    assert not tab.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()


def test_on_a_desktop_there_is_no_menu_button(tab_at):
    tab = tab_at("", WIDTHS["desktop"])
    assert not tab.locator("[data-plan-menu-button]").is_visible()
    assert tab.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()


# The header's site name (overrides/partials/header.html): wrapped, never cut or hidden
# under the header's buttons; and where a page has key-figure cards, they sit side by side.
MEASURE_HEADER = """
() => {
  const name = document.querySelector(".plan-brand__name");
  const title = document.querySelector(".plan-header__title");
  const box = name.getBoundingClientRect();
  const buttons = [...document.querySelectorAll(".md-header__button, .md-header__option")]
    .filter((button) => button.getClientRects().length > 0 && getComputedStyle(button).visibility !== "hidden")
    .map((button) => button.getBoundingClientRect());
  const overlaps = buttons.filter((other) => other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top);
  return {
    text: name.innerText,
    cut: name.scrollWidth > name.clientWidth || title.scrollWidth > title.clientWidth || name.scrollHeight > name.clientHeight,
    outside: box.left < 0 || box.right > innerWidth,
    overlaps: overlaps.length,
  };
}
"""
CARD_COLUMNS = "() => new Set([...document.querySelectorAll('.plan-glance .plan-figures__cards > li')].map((card) => Math.round(card.getBoundingClientRect().left))).size"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_site_name_in_the_header_is_never_cut(tab_at, page_paths, width):
    problems = []
    for path in sample_pages(page_paths):
        header = tab_at(path, WIDTHS[width]).evaluate(MEASURE_HEADER)
        if header["cut"] or header["outside"] or header["overlaps"]:
            problems.append(f"/{path}: {header}")
    assert_no_problems(problems, f"site names cut in the header at {WIDTHS[width]}px")


def test_on_a_desktop_the_plan_homes_key_figures_are_a_grid_not_one_column(tab_at, page_paths):
    homes = [path for path in page_paths if path.count("/") == 1 and path[:4].isdigit()]
    assert homes
    for path in homes:
        assert tab_at(path, WIDTHS["desktop"]).evaluate(CARD_COLUMNS) >= 2, path
