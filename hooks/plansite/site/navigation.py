"""What MkDocs' configuration says about the site, set from the data for each language build.

The site's name, description and copyright line, and the navigation: the home
page, each plan's own pages (newest plan first), then the pages the plans share.
`mkdocs.yml` names no plan; mkdocs-static-i18n has set its own values for the
language by the time this runs (`on_config`, after i18n).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from plansite.i18n.view import LocalizedSeries
from plansite.urls import ACTORS, CONTACT, HOME, OPEN_DATA, PROGRESS, STATISTICS, PlanPaths

# Hand-written pages of docs/, after the generated ones, in this order.
HANDWRITTEN_PAGES = ("tilgaengelighed.md", "privatliv.md")


def configure_site(config: MkDocsConfig, series: LocalizedSeries) -> None:
    """Name, description, copyright and navigation of the site in the series' language."""
    site = series.series.site
    config.site_name = series.text(site.name)
    config.site_description = series.text(site.description)
    config.copyright = series.text(site.copyright)
    config.nav = site_nav(series)


def site_nav(series: LocalizedSeries) -> list[Any]:
    strings = series.strings
    nav: list[Any] = [{strings["page_home"]: HOME}]
    for localized in series.plans_newest_first():
        paths = PlanPaths.of(localized.plan.id)
        title = f"{localized.text(localized.plan.plan.short_title)} {localized.period_years()}"
        nav.append(
            {
                title: [
                    paths.home,
                    paths.about,
                    paths.focus_areas,
                    paths.initiatives,
                    paths.progress,
                    paths.press,
                ]
            }
        )
    statistics = [STATISTICS] if series.series.statistics else []
    nav += [PROGRESS, *statistics, ACTORS, OPEN_DATA, CONTACT, *HANDWRITTEN_PAGES]
    return nav
