"""The initiatives list's filter in Chromium, used by keyboard: the list narrows to what the model
says matches, the status region announces the count, the address keeps the filter, a reload of that
address restores it, and the reset button shows every initiative again. Without JavaScript the form
stays hidden and the whole list, grouped by focus area, is the page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser_visits import ServedSite, run_axe
from plansite.i18n.languages import language_root
from plansite.i18n.strings import load_strings
from plansite.urls import PlanPaths, page_url

pytestmark = pytest.mark.browser

LANGUAGES = ("da", "en")
STRINGS = load_strings()
MAX_TAB_STOPS = 300
WIDTHS = {"desktop": 1280, "phone": 375}

# What the list shows: the focus areas whose heading is visible, and the initiatives whose item is.
READ_LIST = """
() => ({
  groups: [...document.querySelectorAll("[data-filter-group]")]
    .filter((heading) => heading.checkVisibility()).map((heading) => heading.dataset.filterGroup),
  items: [...document.querySelectorAll("li[data-filter-focus-area]")]
    .filter((item) => item.checkVisibility()).map((item) => item.querySelector("a").pathname.split("/").at(-2)),
  values: Object.fromEntries([...document.querySelectorAll("form[data-initiative-filter] select")]
    .map((select) => [select.name, select.value])),
})
"""


def list_url(served_site: ServedSite, plan_id: str, language: str) -> str:
    return served_site.url(language_root(language) + page_url(PlanPaths.of(plan_id).initiatives))


def focused(tab) -> str:
    """The focused element as `select:actor`, `reset` (the filter's reset button) or its tag name."""
    return tab.evaluate(
        """() => {
          const element = document.activeElement;
          if (element.hasAttribute("data-initiative-filter-reset")) return "reset";
          return element.name ? `${element.tagName.toLowerCase()}:${element.name}` : element.tagName.toLowerCase();
        }"""
    )


def tab_to(tab, target: str) -> None:
    """Press Tab until `target` (as `focused` names it) has focus."""
    for _ in range(MAX_TAB_STOPS):
        tab.keyboard.press("Tab")
        if focused(tab) == target:
            return
    pytest.fail(f"{target} not reached in {MAX_TAB_STOPS} tab stops")


def matching(plan, actor: str = "", status: str = "") -> list[str]:
    """The ids of the initiatives that have `actor` as lead or partner and `status`, in list order."""
    return [
        initiative.id
        for area in plan.focus_areas
        for initiative in plan.initiatives_in(area.id)
        if (not actor or actor in (*initiative.lead, *initiative.partners))
        and (not status or (initiative.status.value if initiative.status else "none") == status)
    ]


def areas_of(plan, initiative_ids: list[str]) -> list[str]:
    return [area.id for area in plan.focus_areas if any(item.id in initiative_ids for item in plan.initiatives_in(area.id))]


def count_text(language: str, shown: int, total: int) -> str:
    strings = STRINGS[language]
    return strings.format("filter_count", count=shown, total=total) if shown else strings.format("filter_count_none", total=total)


@pytest.fixture
def new_tab(browser):
    contexts = []

    def open_tab(java_script: bool = True, width: int = WIDTHS["desktop"]):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=java_script)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_filter_narrows_the_list_by_keyboard_keeps_it_in_the_address_and_resets(new_tab, served_site, series, language):
    for plan in series.plans:
        tab = new_tab()
        tab.goto(list_url(served_site, plan.id, language), wait_until="load")
        status = tab.get_by_role("status")
        total = len(plan.initiatives)
        assert status.inner_text() == count_text(language, total, total), plan.id

        tab_to(tab, "select:focus-area")
        tab.keyboard.press("Tab")
        assert focused(tab) == "select:actor", plan.id
        tab.keyboard.press("ArrowDown")  # the first actor
        actor = tab.evaluate("() => document.activeElement.value")
        by_actor = matching(plan, actor=actor)
        assert 0 < len(by_actor) < total, (plan.id, actor)  # the filter must show a change
        assert tab.evaluate(READ_LIST) == {
            "groups": areas_of(plan, by_actor),
            "items": by_actor,
            "values": {"focus-area": "", "actor": actor, "status": "", "confidence": ""},
        }, plan.id
        assert status.inner_text() == count_text(language, len(by_actor), total), plan.id

        tab.keyboard.press("Tab")
        assert focused(tab) == "select:status", plan.id
        tab.keyboard.press("ArrowDown")  # the first status on the scale that an initiative has
        chosen = tab.evaluate("() => document.activeElement.value")
        both = matching(plan, actor=actor, status=chosen)
        shown = tab.evaluate(READ_LIST)
        assert (shown["groups"], shown["items"]) == (areas_of(plan, both), both), plan.id
        assert status.inner_text() == count_text(language, len(both), total), plan.id
        assert parse_qs(urlsplit(tab.url).query) == {"actor": [actor], "status": [chosen]}, plan.id

        tab.reload(wait_until="load")
        assert tab.evaluate(READ_LIST) == {**shown, "values": {"focus-area": "", "actor": actor, "status": chosen, "confidence": ""}}, plan.id
        assert status.inner_text() == count_text(language, len(both), total), plan.id

        tab_to(tab, "reset")
        tab.keyboard.press("Enter")
        everything = matching(plan)
        assert tab.evaluate(READ_LIST) == {
            "groups": areas_of(plan, everything),
            "items": everything,
            "values": {"focus-area": "", "actor": "", "status": "", "confidence": ""},
        }, plan.id
        assert status.inner_text() == count_text(language, total, total), plan.id
        assert urlsplit(tab.url).query == "", plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_focus_area_without_matches_loses_its_heading_and_its_table_of_contents_entry(new_tab, served_site, series, language):
    for plan in series.plans:
        area = plan.focus_areas[0]
        tab = new_tab()
        tab.goto(list_url(served_site, plan.id, language) + f"?focus-area={area.id}", wait_until="load")
        shown = tab.evaluate(READ_LIST)
        assert shown["groups"] == [area.id], plan.id
        assert shown["items"] == [item.id for item in plan.initiatives_in(area.id)], plan.id
        visible_toc = tab.evaluate(
            """() => [...document.querySelectorAll("[data-filter-group]")].map((heading) =>
                 [...document.querySelectorAll(`.md-nav--secondary a[href="#${CSS.escape(heading.id)}"]`)]
                   .some((link) => link.checkVisibility()))"""
        )
        assert visible_toc == [index == 0 for index in range(len(visible_toc))], plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_form_is_hidden_and_every_initiative_shows_under_its_focus_area(new_tab, served_site, series, language):
    for plan in series.plans:
        tab = new_tab(java_script=False)
        tab.goto(list_url(served_site, plan.id, language) + "?actor=none-such", wait_until="load")
        assert not tab.locator("form[data-initiative-filter]").is_visible(), plan.id
        shown = tab.evaluate(READ_LIST)
        everything = matching(plan)
        assert (shown["groups"], shown["items"]) == (areas_of(plan, everything), everything), plan.id


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_filtered_list_has_no_axe_violation(new_tab, served_site, series, axe_source, language, width):
    """The sitemap visit checks the list unfiltered; here a focus area and its first actor are chosen."""
    for plan in series.plans:
        area = plan.focus_areas[-1]
        actor = plan.initiatives_in(area.id)[0].lead[0]
        tab = new_tab(width=width)
        tab.goto(list_url(served_site, plan.id, language) + f"?focus-area={area.id}&actor={actor}", wait_until="load")
        assert tab.evaluate(READ_LIST)["groups"] == [area.id], plan.id
        assert run_axe(tab, axe_source) == [], plan.id
