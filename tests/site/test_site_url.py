"""The site works at a domain root and under a sub-path (GitHub project pages), with correct absolute addresses.

The session's root build and a build with `SITE_URL` under a sub-path are
both checked the way a browser would use them: every link, asset, alternate
and language switch on every page is resolved against the page's public
address and must land on a file of the build, without leaving the site's path.
The 404 page is resolved from a deep missing address, since GitHub Pages
serves it for any of them. Search must find its worker and index from every
page. Absolute addresses (canonical links, sitemap, links in the PDFs) must
start with the configured `site_url`; a page at an old address (a redirect
page) names its new page as canonical and sends the browser there, under the
site's path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pikepdf
import pytest
from bs4 import BeautifulSoup

from support.building import build_site
from support.problems import assert_no_problems

SUB_PATH_URL = "https://example.github.io/handlingsplan/"
DEFAULT_URL = "https://menneskehandel.example.org/"  # mkdocs.yml's site_url when SITE_URL is not set
TEXT_SUFFIXES = {".html", ".xml", ".json", ".txt", ".csv", ".webmanifest"}
MISSING_PAGE = "en/no/such/page/"


@dataclass(frozen=True)
class PublishedSite:
    """A build and the address it is published at."""

    root: Path
    url: str

    def page_url(self, path: Path) -> str:
        """The public address of an HTML file of the build."""
        relative = path.relative_to(self.root).as_posix()
        if relative == "404.html":
            return self.url + MISSING_PAGE
        return self.url + relative.removesuffix("index.html")

    def file_for(self, address: str) -> Path | None:
        """The file an address of this site is served from, or None for another site or scheme."""
        parts, site = urlsplit(address), urlsplit(self.url)
        if parts.scheme not in ("http", "https") or parts.netloc != site.netloc:
            return None
        assert parts.path.startswith(site.path), f"{address} leaves the site's path {site.path}"
        path = self.root / unquote(parts.path.removeprefix(site.path))
        return path / "index.html" if parts.path.endswith("/") or path.is_dir() else path

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> PublishedSite:
    """The real plan built for a GitHub project page under a sub-path."""
    site_dir = tmp_path_factory.mktemp("sub-path-site")
    # Its own PDF cache: PDFs for another address would evict the real build's from .cache/pdf/.
    cache = tmp_path_factory.mktemp("sub-path-pdf-cache")
    build_site(site_dir, extra_env={"SITE_URL": SUB_PATH_URL, "PLAN_PDF_CACHE_DIR": str(cache)})
    return PublishedSite(site_dir, SUB_PATH_URL)


@pytest.fixture(params=["domain root", "sub-path"])
def published(request: pytest.FixtureRequest) -> PublishedSite:
    if request.param == "sub-path":
        return request.getfixturevalue("sub_path_site")
    site = request.getfixturevalue("site")  # the session's build, at mkdocs.yml's (or $SITE_URL's) address
    canonical = parse(site.root / "index.html").find("link", rel="canonical")["href"]
    assert urlsplit(canonical).path == "/", f"the root build is not at a domain root: {canonical}"
    return PublishedSite(site.root, canonical)


@cache  # each page is read by several tests; the builds live for the whole session
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def refresh_address(path: Path) -> str | None:
    """Where a redirect page sends the browser (`<meta http-equiv="refresh">`, as written), or None."""
    meta = parse(path).find("meta", attrs={"http-equiv": "refresh"})
    return meta["content"].split("url=", 1)[1] if meta else None


def test_every_page_has_its_canonical_address(published: PublishedSite) -> None:
    redirects = 0
    for path in published.html_files():
        if path.name == "404.html":  # served at every missing address of its language: no address of its own
            continue
        canonical = parse(path).find("link", rel="canonical")
        refresh = refresh_address(path)
        if refresh is None:
            assert canonical is not None and canonical["href"] == published.page_url(path), path
        else:  # an old address: its new page is canonical, and the browser is sent there
            target = urljoin(published.page_url(path), refresh)
            assert canonical is not None and canonical["href"] == target, path
            new_page = published.file_for(target)
            assert new_page is not None and new_page.is_file() and refresh_address(new_page) is None, path
            redirects += 1
    assert redirects > 40


def test_every_link_and_asset_lands_on_a_file_of_the_site(published: PublishedSite) -> None:
    missing = []
    for path in published.html_files():
        page_url = published.page_url(path)
        page = parse(path)
        references = [(tag.name, tag.get("href") or tag.get("src")) for tag in page.find_all(href=True) + page.find_all(src=True)]
        if refresh_address(path) is not None:
            references.append(("meta http-equiv=refresh", refresh_address(path)))
        for name, reference in references:
            if reference.startswith("#"):  # this very page, whatever its address
                continue
            address = urljoin(page_url, reference)
            target = published.file_for(address)
            if target is not None and not target.is_file():
                missing.append(f"{path.relative_to(published.root)}: <{name}> {address}")
    assert_no_problems(missing, "links and assets lead to no file of the site")


def test_the_404_page_works_at_any_depth(published: PublishedSite) -> None:
    page = parse(published.root / "404.html")
    stylesheets = [published.file_for(urljoin(published.url + MISSING_PAGE, link["href"])) for link in page.find_all("link", rel="stylesheet")]
    assert stylesheets and all(sheet is not None and sheet.is_file() for sheet in stylesheets)
    home = [urljoin(published.url + MISSING_PAGE, link["href"]) for link in page.select("a.md-select__link[hreflang]")]
    assert sorted(home) == sorted([published.url, published.url + "en/"])
    english = parse(published.root / "en" / "404.html")
    assert sorted(urljoin(published.url + MISSING_PAGE, link["href"]) for link in english.select("a.md-select__link[hreflang]")) == sorted(home)


def test_search_finds_its_worker_and_index_from_every_page(published: PublishedSite) -> None:
    for path in published.html_files():
        config = json.loads(parse(path).find("script", id="__config").string)
        base = urljoin(published.page_url(path), config["base"].rstrip("/") + "/")
        worker = published.file_for(urljoin(published.page_url(path), config["search"]))
        index = published.file_for(urljoin(base, "search/search_index.json"))
        assert worker is not None and worker.is_file(), path
        assert index is not None and index.is_file(), path


def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(published: PublishedSite) -> None:
    for path in published.html_files():
        relative = path.relative_to(published.root).as_posix()
        if path.name == "404.html":  # a missing address has no counterpart: its switcher leads home
            continue
        counterpart = relative.removeprefix("en/") if relative.startswith("en/") else "en/" + relative
        other = "da" if relative.startswith("en/") else "en"
        [switch] = parse(path).select(f"a.md-select__link[hreflang={other}]")
        assert published.file_for(urljoin(published.page_url(path), switch["href"])) == published.root / counterpart, relative


def test_the_alternates_in_head_lead_to_both_languages(published: PublishedSite) -> None:
    for path in published.html_files():
        if path.name == "404.html":
            continue
        alternates = {link["hreflang"]: published.file_for(urljoin(published.page_url(path), link["href"])) for link in parse(path).find_all("link", rel="alternate", hreflang=True)}
        assert set(alternates) >= {"da", "en"}, path
        assert all(target is not None and target.is_file() for target in alternates.values()), path


def test_the_sitemap_lists_existing_pages_at_absolute_addresses(published: PublishedSite) -> None:
    sitemap = BeautifulSoup((published.root / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    addresses = [loc.get_text() for loc in sitemap.find_all("loc")] + [link["href"] for link in sitemap.find_all("link", hreflang=True)]
    assert len(addresses) > 50
    for address in addresses:
        assert address.startswith(published.url), address
        assert published.file_for(address).is_file(), address


def test_no_output_names_another_address_of_the_site(sub_path_site: PublishedSite) -> None:
    host = urlsplit(SUB_PATH_URL).netloc
    wrong = []
    for path in sorted(sub_path_site.root.rglob("*")):
        if path.suffix not in TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8")
        if DEFAULT_URL in text:
            wrong.append(f"{path.relative_to(sub_path_site.root)}: names {DEFAULT_URL}")
        for after in text.split(f"https://{host}")[1:]:
            if not after.startswith(urlsplit(SUB_PATH_URL).path):
                wrong.append(f"{path.relative_to(sub_path_site.root)}: https://{host}{after[:40]}")
    assert_no_problems(wrong, "addresses of the site outside its address")


def test_links_in_the_pdfs_to_the_site_are_under_its_address(sub_path_site: PublishedSite) -> None:
    pdfs = sorted(sub_path_site.root.rglob("*.pdf"))
    assert pdfs, "no PDF in the build"
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            addresses = [str(annotation.A.URI) for page in pdf.pages for annotation in page.obj.get("/Annots", []) if "/A" in annotation and "/URI" in annotation.A]
        for address in addresses:
            parts = urlsplit(address)
            assert parts.netloc != urlsplit(DEFAULT_URL).netloc, f"{path.name}: {address}"
            if parts.netloc == urlsplit(SUB_PATH_URL).netloc:
                assert address.startswith(SUB_PATH_URL), f"{path.name}: {address}"
