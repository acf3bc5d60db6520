"""Redirect pages: every address the root plan's pages had before the site held a series answers.

GitHub Pages has no server-side redirects, so each old address gets a small
page of its own, in both languages: it sends the browser on at once
(`<meta http-equiv="refresh">` with no delay, which needs no script and so no
CSP exception), names the new address as canonical, asks search engines not to
index it, and shows a link to the new page for anyone whose browser does not
follow. Files (PDF, feed, CSV, JSON, press kit) are not redirected but
published at their old address as well (`outputs.language_outputs`,
`pdf.downloads`). mkdocs-redirects was considered: its map is static in
`mkdocs.yml` (these addresses come from the data), and its page has no `lang`,
no `noindex` and redirects with a script.
"""

from __future__ import annotations

import posixpath

from plansite.data.safe_text import escape_inline
from plansite.i18n.languages import language_root
from plansite.i18n.view import LocalizedSeries
from plansite.site.pages import (
    PAGE_TEMPLATE,
    GeneratedPage,
    generate_plan_pages,
    generate_series_pages,
)
from plansite.urls import PlanPaths, page_url


def redirect_pages(series: LocalizedSeries, site_url: str) -> list[GeneratedPage]:
    """A redirect page at each old address of the root plan's pages (none without a root plan).

    An old address that a page of the series has now (the home page, above all)
    keeps that page, and gets no redirect.
    """
    root_plan = series.series.site.root_plan
    if root_plan is None:
        return []
    localized = series.plan(root_plan)
    prefix = PlanPaths.of(root_plan).prefix
    strings = series.strings
    taken = {page.src_uri for page in generate_series_pages(series)}
    pages = []
    for page in generate_plan_pages(series, localized):
        old = page.src_uri.removeprefix(prefix)
        if old in taken:
            continue
        old_url, new_url = page_url(old), page_url(page.src_uri)
        relative = posixpath.relpath("/" + new_url, "/" + (old_url or ".")) + "/"
        link = posixpath.relpath("/" + page.src_uri, "/" + posixpath.dirname(old))
        title = page.meta["title"]
        body = f"\n{escape_inline(strings['redirect_text'])} [{escape_inline(title)}]({link})\n"
        meta = {
            "template": PAGE_TEMPLATE,
            "title": strings["redirect_title"],
            "description": strings["redirect_text"] + " " + title,
            "redirect": {
                "relative": relative,
                "canonical": site_url + language_root(series.language) + new_url,
            },
            "search": {"exclude": True},
        }
        pages.append(GeneratedPage(old, False, body, meta))
    return pages
