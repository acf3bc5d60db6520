"""The initiatives list of every plan, as the built site serves it before any script runs: every
initiative under its focus area's heading with the ids the filter matches, and the filter's form
hidden, with a label for every control and an option for every value an initiative has.

The expected values come from the model here, not from `site/initiative_filter.py`."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup, Tag

from plansite.i18n.languages import language_root
from plansite.i18n.strings import load_strings
from plansite.urls import PlanPaths, page_url

LANGUAGES = ("da", "en")
STRINGS = load_strings()
STATUS_ORDER = ("not_started", "limited", "substantial", "complete", "none")


def list_page(site, plan_id: str, language: str) -> BeautifulSoup:
    return site.page(language_root(language) + page_url(PlanPaths.of(plan_id).initiatives))


def initiative_id_of(item: Tag, plan_id: str) -> str:
    """The id of the initiative an item's first link leads to (`x/` beside the list page)."""
    list_url = "/" + page_url(PlanPaths.of(plan_id).initiatives)
    target = posixpath.normpath(posixpath.join(list_url, item.find("a")["href"]))
    return posixpath.basename(target)


def groups(page: BeautifulSoup) -> list[tuple[Tag, Tag]]:
    """Each focus area's heading with the list right after it."""
    return [(heading, heading.find_next_sibling()) for heading in page.find_all(attrs={"data-filter-group": True})]


def expected_status(initiative) -> str:
    return initiative.status.value if initiative.status else "none"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_is_under_its_focus_area_heading_with_the_models_values(site, series, language):
    checked = 0
    for plan in series.plans:
        page = list_page(site, plan.id, language)
        found = groups(page)
        areas = [area for area in plan.focus_areas if plan.initiatives_in(area.id)]
        assert [heading["data-filter-group"] for heading, _ in found] == [area.id for area in areas], plan.id
        for (heading, items), area in zip(found, areas, strict=True):
            title = STRINGS[language].format("focus_area_heading", number=area.number, title=area.title.in_language(language))
            assert heading.name == "h2", (plan.id, area.id)
            assert heading.find("a").get_text(strip=True) == title, (plan.id, area.id)
            assert items.name == "ul", (plan.id, area.id)
            listed = items.find_all("li", recursive=False)
            assert [initiative_id_of(item, plan.id) for item in listed] == [item.id for item in plan.initiatives_in(area.id)], (plan.id, area.id)
            for item, initiative in zip(listed, plan.initiatives_in(area.id), strict=True):
                where = (plan.id, initiative.id, language)
                assert item["data-filter-focus-area"] == area.id, where
                assert item["data-filter-actor"].split() == list(dict.fromkeys((*initiative.lead, *initiative.partners))), where
                assert item["data-filter-status"] == expected_status(initiative), where
                assert item["data-filter-confidence"] == initiative.plan_link, where
                checked += 1
    assert checked == sum(len(plan.initiatives) for plan in series.plans) > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_page_outline_is_the_title_then_one_heading_per_focus_area(site, series, language):
    for plan in series.plans:
        page = list_page(site, plan.id, language)
        article = page.find(id="main-content")
        headings = article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
        group_headings = [heading for heading, _ in groups(page)]
        assert [heading.name for heading in headings[: 1 + len(group_headings)]] == ["h1"] + ["h2"] * len(group_headings), plan.id
        assert headings[1 : 1 + len(group_headings)] == group_headings, plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_filter_form_is_hidden_until_its_script_shows_it(site, series, language):
    for plan in series.plans:
        page = list_page(site, plan.id, language)
        (form,) = page.find_all("form", attrs={"data-initiative-filter": True})
        assert form.has_attr("hidden"), plan.id
        page_path = "/" + language_root(language) + page_url(PlanPaths.of(plan.id).initiatives)
        scripts = [posixpath.normpath(posixpath.join(page_path, script["src"])) for script in page.find_all("script", src=True)]
        assert [src for src in scripts if src.endswith("initiative-filter.js")] == ["/assets/javascripts/initiative-filter.js"], plan.id
        assert (site.root / "assets" / "javascripts" / "initiative-filter.js").is_file()
        assert form.find(attrs={"role": "status"}) is not None, plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_filter_control_has_a_label_and_an_option_for_each_value_an_initiative_has(site, series, language):
    strings = STRINGS[language]
    for plan in series.plans:
        form = list_page(site, plan.id, language).find("form", attrs={"data-initiative-filter": True})
        selects = {select["name"]: select for select in form.find_all("select")}
        assert list(selects) == ["focus-area", "actor", "status", "confidence"], plan.id
        for name, select in selects.items():
            (label,) = form.find_all("label", attrs={"for": select["id"]})
            assert label.get_text(strip=True) == strings[f"filter_{name.replace('-', '_')}"], (plan.id, name)
            first = select.find("option")
            assert (first["value"], first.get_text(strip=True)) == ("", strings[f"filter_all_{name.replace('-', '_')}"]), (plan.id, name)

        def options(name: str) -> list[tuple[str, str]]:
            return [(option["value"], option.get_text(strip=True)) for option in selects[name].find_all("option")[1:]]

        areas = [area for area in plan.focus_areas if plan.initiatives_in(area.id)]
        assert options("focus-area") == [
            (area.id, strings.format("focus_area_heading", number=area.number, title=area.title.in_language(language))) for area in areas
        ], plan.id
        actor_ids = {actor_id for item in plan.initiatives for actor_id in (*item.lead, *item.partners)}
        assert {value for value, _ in options("actor")} == actor_ids, plan.id
        for value, text in options("actor"):
            assert plan.actor(value).name.in_language(language) in text, (plan.id, value)
        labels = [text.casefold() for _, text in options("actor")]
        assert labels == sorted(labels), plan.id
        statuses = {expected_status(item) for item in plan.initiatives}
        assert options("status") == [(value, strings[f"status_{value}"]) for value in STATUS_ORDER if value in statuses], plan.id
        levels = [level for level in ("confirmed", "likely", "unconfirmed") if any(item.plan_link == level for item in plan.initiatives)]
        assert options("confidence") == [(level, strings[f"plan_link_{level}"]) for level in levels], plan.id
        total = len(plan.initiatives)
        assert form["data-count"] == strings.format("filter_count", count="{count}", total=total), plan.id
        assert form["data-count-none"] == strings.format("filter_count_none", total=total), plan.id
