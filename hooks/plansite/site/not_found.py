"""What the 404 page of one language links: home, each plan, contact, the other language's home.

GitHub Pages serves the root `404.html` for every missing address and has no
404 page per folder, so the Danish 404 page (at the root) says in English, too,
where the English site is; `en/404.html` is the English page (for a host that
serves a folder's own 404 page, and to link from the Danish one). The paths are
site-root-relative, for the `url` filter: on the 404 page it makes them
absolute, so they work at any depth (`overrides/404.html`).
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n.languages import LANGUAGES, language_root, other_languages
from plansite.i18n.view import LocalizedSeries
from plansite.urls import CONTACT, HOME, PlanPaths, page_url


@dataclass(frozen=True)
class NotFoundLink:
    label: str
    path: str


@dataclass(frozen=True)
class NotFoundPage:
    """The links of one language's 404 page."""

    home_path: str
    plans: tuple[NotFoundLink, ...]
    """Each plan's home page, newest plan first (as in the navigation)."""
    contact_path: str
    other_language: str
    """The language of the line that points readers of the other language to their site."""
    other_home_path: str
    home_in_each_language: dict[str, str]
    """Each language's home, for the language switcher: a missing address has no counterpart."""


def build_not_found_page(series: LocalizedSeries) -> NotFoundPage:
    """The 404 page's links in the series' language."""
    prefix = language_root(series.language)
    other = other_languages(series.language)[0]
    plans = tuple(
        NotFoundLink(
            f"{plan.text(plan.plan.plan.short_title)} {plan.period_years()}",
            prefix + page_url(PlanPaths.of(plan.plan.id).home),
        )
        for plan in series.plans_newest_first()
    )
    return NotFoundPage(
        home_path=prefix + page_url(HOME),
        plans=plans,
        contact_path=prefix + page_url(CONTACT),
        other_language=other,
        other_home_path=language_root(other) + page_url(HOME),
        home_in_each_language={
            language: language_root(language) + page_url(HOME) for language in LANGUAGES
        },
    )
