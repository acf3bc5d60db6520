"""Browser fixtures: the built site on 127.0.0.1, Debian's Chromium, and one visit of every page.

The site is built once (the `site` fixture of tests/conftest.py, shared with tests/site/) and served by
a `http.server` thread on a free port. Chromium is Debian's, driven through
Playwright (never downloaded). `visits` opens every page of the sitemap and
every redirect page at an old address (which the sitemap leaves out), in both
languages, at a desktop and a phone width, once per session, and records what
the tests assert on: axe-core violations, requests, CSP violations, JavaScript
errors, cookies and browser storage.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from browser_visits import PageVisit, ServedSite, page_paths_from_sitemap, redirect_page_paths, visit_pages
from support.paths import PROJECT_DIR

CHROMIUM = "/usr/bin/chromium"
# Measured to work on Debian's Chromium in containers (docs-dev/stack-facts.md#chromium).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDTHS = {"desktop": 1280, "phone": 375}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output free of one line per request."""


def serve_directory(root: Path) -> tuple[http.server.ThreadingHTTPServer, threading.Thread]:
    """Serve `root` on 127.0.0.1 at a free port chosen by the system."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="session")
def served_site(site) -> Iterator[ServedSite]:
    """The built site at http://127.0.0.1:<free port>/."""
    server, thread = serve_directory(site.root)
    host, port = server.server_address[:2]
    yield ServedSite(site.root, f"http://{host}:{port}/")
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def canary_site() -> Iterator[ServedSite]:
    """Pages with known faults (tests/browser/canary/), to prove that each check can fail."""
    root = Path(__file__).parent / "canary"
    server, thread = serve_directory(root)
    host, port = server.server_address[:2]
    yield ServedSite(root, f"http://{host}:{port}/")
    server.shutdown()
    server.server_close()
    thread.join()


def launch_chromium(driver: Playwright) -> Browser:
    """Debian's Chromium with a fresh profile (Playwright makes a temporary one)."""
    return driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module.

    Module scope, because Playwright's sync API allows one running driver per
    thread, and `visits` starts its own.
    """
    with sync_playwright() as driver:
        chromium = launch_chromium(driver)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The pinned axe-core from node_modules (package-lock.json)."""
    return (PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def redirect_paths(site) -> list[str]:
    """Every page at an old address that sends the browser on to the page's new address."""
    return redirect_page_paths(site.root)


@pytest.fixture(scope="session")
def page_paths(site, redirect_paths) -> list[str]:
    """Every page of the sitemap (both languages), every redirect page, and the 404 page of each language."""
    return [*sorted({*page_paths_from_sitemap(site.root / "sitemap.xml"), *redirect_paths}), "404.html", "en/404.html"]


@pytest.fixture(scope="session")
def visits(served_site: ServedSite, page_paths: list[str], axe_source: str) -> dict[str, list[PageVisit]]:
    """Every page visited once at each width: what axe, the network and the CSP listener saw.

    The browser is started and stopped inside (see `browser` on why there is no
    session-wide one); the recorded visits outlive it.
    """
    def visit_at(width: int) -> list[PageVisit]:
        # A driver and a Chromium per width, each in its own thread (the sync API allows one
        # driver per thread). Measured on two CPUs: the two widths side by side take 0.87 of
        # the time one after the other; more shares gain nothing (a visit is mostly CPU).
        with sync_playwright() as driver:
            chromium = launch_chromium(driver)
            try:
                return visit_pages(chromium, served_site, page_paths, width, axe_source)
            finally:
                chromium.close()

    with ThreadPoolExecutor(max_workers=len(WIDTHS)) as pool:
        futures = {name: pool.submit(visit_at, width) for name, width in WIDTHS.items()}
        return {name: future.result() for name, future in futures.items()}
