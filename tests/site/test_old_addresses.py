"""Every address the site had before it held a series still answers, on the real site built once.

`tests/fixtures/series/addresses-before-series.txt` lists every file of the
site as it was built before the series (one plan, its pages at the root). Each
must still be there:

- an HTML page is either the page itself (the series' pages kept their
  addresses: the home page, the actors, the contact and open-data pages, …) or,
  where the root plan's page moved under the plan's id, a redirect page: it
  sends the browser on at once to that page in the same language, names it as
  canonical, asks search engines not to index it, shows a link to it, and is not
  in the sitemap;
- any other file is published with the same type as before, and a file of the
  root plan (PDF, CSV, JSON, press kit) with the very bytes of the file at its
  new address under the plan's id.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import mimetypes
import zipfile
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from support.paths import FIXTURES
from support.problems import assert_no_problems

ADDRESSES = FIXTURES / "series" / "addresses-before-series.txt"
LANGUAGE_ROOTS = ("en/", "")
# The files of a language that belong to the whole series: they have no twin under a plan's id.
SERIES_FILES = {"feed.xml", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
SITEMAP = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def old_addresses() -> list[str]:
    return [line.strip() for line in ADDRESSES.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_language(path: str) -> tuple[str, str]:
    """(`en/` or ``, the path within the language's folder)."""
    root = next(root for root in LANGUAGE_ROOTS if path.startswith(root))
    return root, path.removeprefix(root)


def url_path(file_path: str) -> str:
    """The directory-style URL path of a built file: `indsatser/x/index.html` → `indsatser/x/`."""
    return file_path.removesuffix("index.html")


def file_of(url: str) -> str:
    """The built file behind a site-relative URL path."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def parse(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.root / path).read_text(encoding="utf-8"), "html.parser")


def refresh_target(page: BeautifulSoup) -> tuple[str, str] | None:
    """(delay, address) of the page's `<meta http-equiv="refresh">`, or None."""
    metas = page.find_all("meta", attrs={"http-equiv": lambda value: value and value.lower() == "refresh"})
    if not metas:
        return None
    assert len(metas) == 1, metas
    delay, _, rest = metas[0]["content"].partition(";")
    name, _, address = rest.strip().partition("=")
    assert name.strip().lower() == "url", metas[0]
    return delay.strip(), address.strip().strip("'\"")


@pytest.fixture(scope="module")
def site_url(site) -> str:
    """The address the session's site is built for (its home page's canonical address)."""
    return parse(site, "index.html").find("link", rel="canonical")["href"]


@pytest.fixture(scope="module")
def in_sitemap(site, site_url) -> set[str]:
    """Every site-relative URL path the sitemap names, as a page or as a page's alternate."""
    root = ElementTree.parse(site.root / "sitemap.xml").getroot()
    addresses = [location.text.strip() for location in root.iterfind("sitemap:url/sitemap:loc", SITEMAP)]
    addresses += [link.get("href") for link in root.iterfind("sitemap:url/xhtml:link", SITEMAP)]
    assert addresses and all(address.startswith(site_url) for address in addresses)
    return {address.removeprefix(site_url) for address in addresses}


def test_the_list_of_old_addresses_is_the_whole_site_before_the_series():
    addresses = old_addresses()
    assert len(addresses) == len(set(addresses)) > 100
    assert {"index.html", "en/index.html", "404.html", "indsatser/hotline/index.html", "feed.xml", "data/indsatser.csv", "pdf/handlingsplan-mod-menneskehandel-2019-2021.pdf"} <= set(addresses)


def test_every_old_address_still_answers(site):
    assert_no_problems((path for path in old_addresses() if not (site.root / path).is_file()), "old addresses answer with nothing")


def moved_pages(site, plan) -> list[tuple[str, str]]:
    """(old file, file of the root plan's page at the same place under its id) of every HTML page that moved.

    The root plan's old home page is the series' home page now: it did not move.
    """
    moved = []
    for path in old_addresses():
        root, within = split_language(path)
        new = f"{root}{plan.id}/{within}"
        if path.endswith(".html") and within != "index.html" and (site.root / new).is_file():
            moved.append((path, new))
    return moved


def test_the_root_plan_s_pages_moved_and_the_series_pages_kept_their_addresses(site, plan):
    moved = {old for old, _ in moved_pages(site, plan)}
    kept = {path for path in old_addresses() if path.endswith(".html")} - moved
    for root in LANGUAGE_ROOTS:
        assert {f"{root}indsatser/hotline/index.html", f"{root}indsatsomraader/index.html", f"{root}om-planen/index.html", f"{root}presse/index.html"} <= moved
        assert {f"{root}index.html", f"{root}kontakt/index.html", f"{root}aktoerer/index.html", f"{root}aktoerer/cmm/index.html", f"{root}data/index.html", f"{root}tilgaengelighed/index.html", f"{root}privatliv/index.html"} <= kept
    assert len(moved) > 40


def redirect_problems(site, site_url: str, in_sitemap: set[str], old: str, new: str) -> list[str]:
    """What is wrong with the page at the old address `old` of the page now at `new` (both built files)."""
    page, problems = parse(site, old), []
    language = "en" if old.startswith("en/") else "da"
    target_page = parse(site, new)
    if page.html.get("lang") != language or target_page.html.get("lang") != language:
        problems.append(f"<html lang> is {page.html.get('lang')!r}, the new page's {target_page.html.get('lang')!r}, expected {language!r}")
    refresh = refresh_target(page)
    if refresh is None:
        return [*problems, "no <meta http-equiv=refresh>"]
    delay, address = refresh
    if delay != "0":
        problems.append(f"the refresh waits {delay} s")
    if urlsplit(address).scheme or urlsplit(address).netloc:
        problems.append(f"the refresh leads to another origin's address {address}")
    target = file_of(urljoin(site_url + url_path(old), address).removeprefix(site_url))
    if target != new:
        problems.append(f"the refresh leads to {target}, not to {new}")
    elif refresh_target(target_page) is not None:
        problems.append(f"the refresh leads to {target}, which redirects again")
    canonical = [link["href"] for link in page.find_all("link", rel="canonical")]
    if canonical != [site_url + url_path(new)]:
        problems.append(f"canonical is {canonical}, not {site_url + url_path(new)}")
    robots = " ".join(meta.get("content", "") for meta in page.find_all("meta", attrs={"name": "robots"}))
    if "noindex" not in robots.replace(" ", "").lower().split(","):
        problems.append(f"robots is {robots!r}, without noindex")
    article = page.select_one("article#main-content")
    links = [link for link in (article.find_all("a", href=True) if article else []) if file_of(urljoin(site_url + url_path(old), link["href"]).removeprefix(site_url)) == new]
    if not links:
        problems.append("no link to the new page in the content")
    elif not any(link.get_text(strip=True) and not link.find_parent(attrs={"hidden": True}) for link in links):
        problems.append("the link to the new page cannot be seen")
    elif not any(link.get_text(strip=True) == target_page.h1.get_text(strip=True).rstrip("¶") for link in links):
        problems.append(f"the link says {links[0].get_text(strip=True)!r}, the new page is {target_page.h1.get_text(strip=True)!r}")
    if url_path(old) in in_sitemap:
        problems.append("the sitemap lists it")
    return problems


def test_each_moved_page_s_old_address_redirects_to_its_new_page_in_the_same_language(site, plan, site_url, in_sitemap):
    problems = [f"{old}: {problem}" for old, new in moved_pages(site, plan) for problem in redirect_problems(site, site_url, in_sitemap, old, new)]
    assert_no_problems(problems, "problems of redirect pages")


def test_each_page_that_kept_its_address_is_the_page_itself(site, plan, site_url, in_sitemap):
    moved = {old for old, _ in moved_pages(site, plan)}
    problems = []
    for path in old_addresses():
        if not path.endswith(".html") or path in moved:
            continue
        page = parse(site, path)
        language = "en" if path.startswith("en/") else "da"
        if page.html.get("lang") != language:
            problems.append(f"{path}: <html lang> is {page.html.get('lang')!r}")
        if refresh_target(page) is not None:
            problems.append(f"{path}: redirects to {refresh_target(page)[1]}")
        if path == "404.html":  # served at every missing address, not a page of its own
            continue
        if [link["href"] for link in page.find_all("link", rel="canonical")] != [site_url + url_path(path)]:
            problems.append(f"{path}: not its own canonical address")
        if url_path(path) not in in_sitemap:
            problems.append(f"{path}: not in the sitemap")
    assert_no_problems(problems, "problems of pages that kept their address")


def test_the_sitemap_lists_no_redirect_page(site, site_url, in_sitemap):
    redirects = [url for url in sorted(in_sitemap) if refresh_target(parse(site, file_of(url))) is not None]
    assert_no_problems(redirects, "redirect pages in the sitemap")


def content_problem(path: str, content: bytes) -> str | None:
    """Why `content` is not a file of the type its name says (as a server sends it), or None."""
    content_type, encoding = mimetypes.guess_type(path)
    try:
        if encoding == "gzip":
            gzip.decompress(content)
        elif content_type == "application/pdf":
            assert content.startswith(b"%PDF-") and b"%%EOF" in content[-1024:]
        elif content_type in ("application/zip", "application/x-zip-compressed"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                assert archive.testzip() is None and archive.namelist()
        elif content_type == "text/csv":
            assert content.startswith(b"\xef\xbb\xbf")
            assert list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
        elif content_type == "application/json":
            json.loads(content.decode("utf-8"))
        elif content_type in ("application/xml", "text/xml"):
            ElementTree.fromstring(content)
        else:
            return f"no check for the type {content_type}"
    except Exception as error:  # noqa: BLE001 - any failure to read it as its type is the finding
        return f"is not {content_type or encoding}: {type(error).__name__} {error}"
    return None


def test_every_old_file_has_the_type_it_had(site):
    files = [path for path in old_addresses() if not path.endswith(".html")]
    assert {mimetypes.guess_type(path)[0] for path in files} >= {"application/pdf", "application/zip", "text/csv", "application/json", "application/xml"}
    problems = [f"{path}: {problem}" for path in files if (site.root / path).is_file() and (problem := content_problem(path, (site.root / path).read_bytes()))]
    assert_no_problems(problems, "old files of another type than before")


def test_the_root_plan_s_files_at_their_old_addresses_are_its_files_at_the_new_ones(site, plan):
    problems, compared = [], 0
    for path in old_addresses():
        root, within = split_language(path)
        if path.endswith(".html") or within in SERIES_FILES:
            continue
        new = site.root / root / plan.id / within
        if not new.is_file():
            problems.append(f"{path}: nothing at the new address {new.relative_to(site.root)}")
        elif mimetypes.guess_type(new.name) != mimetypes.guess_type(path):
            problems.append(f"{path}: another type at the new address {new.relative_to(site.root)}")
        elif (site.root / path).read_bytes() != new.read_bytes():
            problems.append(f"{path}: not the bytes of {new.relative_to(site.root)}")
        compared += 1
    assert_no_problems(problems, "old files of the root plan that are not its files")
    assert compared >= 10  # in each language: the PDF, the CSV tables and the press kit; the JSON export and its schema
