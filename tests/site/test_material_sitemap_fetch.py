"""No page makes Material fetch a sitemap that does not exist.

Material 9.8.1's JavaScript fetches `sitemap.xml` next to every element matching
`link[rel=alternate]` (the exact attribute value) in a page, to map pages between
languages. The feed link made English pages fetch `en/sitemap.xml`: a 404 and a
console error (Lighthouse best practices 0.96, bench/). The site's own alternate
links use rel=" alternate", which HTML and feed readers read as "alternate".
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from support.problems import assert_no_problems


def test_every_sitemap_material_fetches_exists(site):
    missing = set()
    for path in site.html_files():
        page_url = "http://site.test/" + path.relative_to(site.root).as_posix()
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser", multi_valued_attributes=None).head
        for link in head.find_all("link"):
            if link.get("rel") == "alternate":  # what Material's selector matches
                sitemap = urlsplit(urljoin(urljoin(page_url, link["href"]), "sitemap.xml")).path.lstrip("/")
                if not (site.root / sitemap).is_file():
                    missing.add(sitemap)
    assert_no_problems(sorted(missing), "sitemaps Material fetches are missing")


def test_the_feed_and_the_language_alternates_stay_discoverable_as_alternate_links(site):
    for page_path in ("", "en/", "en/2019-2021/presse/", "en/presse/"):  # the series, a plan, an old address
        head = site.page(page_path).head  # parsed the standard way: rel is a set of words
        assert [link["rel"] for link in head.select('link[type="application/atom+xml"]')] == [["alternate"]]
        assert {link["hreflang"] for link in head.select("link[hreflang]") if "alternate" in link["rel"]} == {"da", "en"}
