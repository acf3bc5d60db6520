"""Redirect pages (plansite/site/redirects.py): every old address of the root plan's pages sends the reader on to its new one."""

from __future__ import annotations

import dataclasses
import posixpath

import pytest
from support.minimal_plan import localized_series

from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.site.pages import PAGE_TEMPLATE, generate_plan_pages
from plansite.site.redirects import redirect_pages
from plansite.urls import page_url

SITE_URL = "https://site.test/"


def followed(url_path: str, relative: str) -> str:
    """The URL path a browser at `url_path` (a folder, ending in /) goes to for the relative link `relative`."""
    return posixpath.normpath(posixpath.join(url_path, relative)) + "/"


@pytest.fixture(scope="module")
def redirects() -> dict[str, dict[str, object]]:
    return {language: {page.src_uri: page for page in redirect_pages(localized, SITE_URL)} for language, localized in localized_series().items()}


def test_every_page_of_the_root_plan_but_its_home_has_a_redirect_at_its_old_address(redirects):
    series = localized_series()["da"]
    plan_pages = [page.src_uri.removeprefix("2019-2021/") for page in generate_plan_pages(series, series.plan("2019-2021"))]
    # The old home page is the series' home page now; the plan's progress page came with the series,
    # and its address at the root is the series' progress page.
    assert list(redirects["da"]) == [src for src in plan_pages if src not in {"index.md", "fremdrift.md"}]
    assert set(redirects["da"]) == {
        "om-planen.md", "indsatsomraader/index.md", "indsatsomraader/omraade-a.md", "indsatsomraader/omraade-b.md",
        "indsatser/index.md", "indsatser/indsats-et.md", "indsatser/indsats-to.md", "presse/index.md", "presse/ny-plan.md",
    }
    assert list(redirects["en"]) == list(redirects["da"])


@pytest.mark.parametrize(
    ("old", "relative", "new"),
    [
        ("om-planen.md", "../2019-2021/om-planen/", "2019-2021/om-planen/"),
        ("indsatser/index.md", "../2019-2021/indsatser/", "2019-2021/indsatser/"),
        ("indsatser/indsats-et.md", "../../2019-2021/indsatser/indsats-et/", "2019-2021/indsatser/indsats-et/"),
        ("presse/ny-plan.md", "../../2019-2021/presse/ny-plan/", "2019-2021/presse/ny-plan/"),
    ],
)
def test_the_refresh_goes_to_the_new_address_relative_to_the_old_and_names_it_canonical(redirects, old, relative, new):
    for language, root in (("da", ""), ("en", "en/")):
        target = redirects[language][old].meta["redirect"]
        assert target == {"relative": relative, "canonical": f"{SITE_URL}{root}{new}"}
        assert followed(f"/{root}{page_url(old)}", target["relative"]) == f"/{root}{new}"  # where a browser goes from the old address


def test_every_redirect_resolves_to_the_page_it_names(redirects):
    for language, root in (("da", ""), ("en", "en/")):
        for page in redirects[language].values():
            target = page.meta["redirect"]
            assert SITE_URL.removesuffix("/") + followed(f"/{root}{page_url(page.src_uri)}", target["relative"]) == target["canonical"], page.src_uri
            assert target["canonical"] == f"{SITE_URL}{root}2019-2021/{page_url(page.src_uri)}"


def test_a_redirect_page_says_where_the_page_went_links_it_and_stays_out_of_search(redirects):
    danish, english = redirects["da"]["indsatser/indsats-et.md"], redirects["en"]["indsatser/indsats-et.md"]
    assert danish.meta["template"] == PAGE_TEMPLATE and not danish.in_nav
    assert (danish.meta["title"], danish.meta["description"]) == ("Siden er flyttet", "Siden er flyttet til en ny adresse: Indsats ét")
    assert danish.meta["search"] == {"exclude": True}
    assert danish.body == "\nSiden er flyttet til en ny adresse: [Indsats ét](../2019-2021/indsatser/indsats-et.md)\n"
    assert english.body == "\nThis page has moved to a new address: [Initiative one](../2019-2021/indsatser/indsats-et.md)\n"
    assert redirects["en"]["om-planen.md"].body == "\nThis page has moved to a new address: [About the plan](2019-2021/om-planen.md)\n"


def test_a_series_without_a_root_plan_has_no_redirects():
    series = localized_series()["da"].series
    without = dataclasses.replace(series, site=dataclasses.replace(series.site, root_plan=None))
    assert [redirect_pages(localized, SITE_URL) for localized in localize(without, load_strings()).values()] == [[], []]


def test_only_the_root_plans_pages_are_redirected(two_plans):
    pages = redirect_pages(localize(two_plans, load_strings())["da"], SITE_URL)
    assert pages and all(page.meta["redirect"]["canonical"].startswith(f"{SITE_URL}2019-2021/") for page in pages)
    assert not any("2022-2025" in page.src_uri or "2022-2025" in page.body for page in pages)
