"""A page at an old address takes the reader on to its new page, in Chromium, with and without JavaScript.

The redirect pages (hooks/plansite/site/redirects.py) use `<meta http-equiv="refresh">`,
which needs no script, so the Content-Security-Policy needs no exception for it.
What the pages themselves are (axe, CSP, vnu) is checked with every other page.
"""

from __future__ import annotations

import pytest

from browser_visits import ServedSite

pytestmark = pytest.mark.browser

OLD_ADDRESSES = {  # old address: its new page (the root plan's, under its id)
    "indsatser/hotline/": "2019-2021/indsatser/hotline/",
    "en/indsatsomraader/": "en/2019-2021/indsatsomraader/",
    "presse/ny-handlingsplan-2018/": "2019-2021/presse/ny-handlingsplan-2018/",
    "en/om-planen/": "en/2019-2021/om-planen/",
}


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
@pytest.mark.parametrize("old", OLD_ADDRESSES)
def test_an_old_address_takes_the_browser_to_the_new_page_in_its_language(browser, served_site: ServedSite, site, redirect_paths, old, javascript):
    assert old in redirect_paths
    context = browser.new_context(java_script_enabled=javascript)
    try:
        tab = context.new_page()
        violations = []
        tab.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
        tab.goto(served_site.url(old), wait_until="load")
        tab.wait_for_url(served_site.url(OLD_ADDRESSES[old]), timeout=10_000)
        tab.wait_for_load_state("load")
        language = "en" if old.startswith("en/") else "da"
        assert tab.evaluate("() => document.documentElement.lang") == language
        assert tab.inner_text("article h1").strip().rstrip("¶").strip() == site.page(OLD_ADDRESSES[old]).select_one("article h1").get_text(strip=True).rstrip("¶")
        assert violations == []
    finally:
        context.close()
