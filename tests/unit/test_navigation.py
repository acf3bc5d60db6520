"""The site's name and navigation from the data (plansite/site/navigation.py): the home page, each plan newest first, then the shared pages."""

from __future__ import annotations

from types import SimpleNamespace

from support.minimal_plan import localized_series

from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.site.navigation import configure_site, site_nav


def plan_section(plan_id: str) -> list[str]:
    """A plan's six pages in the navigation, in order."""
    return [f"{plan_id}/index.md", f"{plan_id}/om-planen.md", f"{plan_id}/indsatsomraader/index.md", f"{plan_id}/indsatser/index.md", f"{plan_id}/fremdrift.md", f"{plan_id}/presse/index.md"]


# The fixtures have no statistics: no statistics page (tests/unit/test_statistics.py).
SHARED_PAGES = ["fremdrift.md", "aktoerer/index.md", "data.md", "kontakt.md", "tilgaengelighed.md", "privatliv.md"]


def test_the_navigation_has_the_home_page_each_plan_newest_first_then_the_shared_pages(two_plans):
    localized = localize(two_plans, load_strings())
    assert site_nav(localized["da"]) == [
        {"Forside": "index.md"},
        {"Testplan 2022–2025": plan_section("2022-2025")},
        {"Testplan 2019–2021": plan_section("2019-2021")},
        *SHARED_PAGES,
    ]
    assert site_nav(localized["en"])[:3] == [{"Home": "index.md"}, {"Test plan 2022–2025": plan_section("2022-2025")}, {"Test plan 2019–2021": plan_section("2019-2021")}]
    assert site_nav(localized["en"])[3:] == SHARED_PAGES


def test_a_series_of_one_plan_has_one_plan_section():
    assert site_nav(localized_series()["en"]) == [{"Home": "index.md"}, {"Test plan 2019–2021": plan_section("2019-2021")}, *SHARED_PAGES]


def test_the_sites_name_description_and_copyright_come_from_the_data_in_each_language():
    for language, expected in (("da", ("Testsitet", "Et websted til test.", "Testafdelingen")), ("en", ("The test site", "A site for testing.", "The Test Department"))):
        config = SimpleNamespace(site_name="", site_description="", copyright="", nav=None)
        configure_site(config, localized_series()[language])  # type: ignore[arg-type]
        assert (config.site_name, config.site_description, config.copyright) == expected
        assert config.nav == site_nav(localized_series()[language])
