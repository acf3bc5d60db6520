"""Page weight: what Chromium loads for a page, by type, gzip-compressed as a web server sends it.

The built site is served on 127.0.0.1, text gzip-compressed as GitHub Pages
serves it; each page is opened in Debian's Chromium (through Playwright, never
a downloaded browser) at a phone width, and every response of the page and of
its workers is recorded until the network is idle. Each body is counted
gzip-compressed at zlib's default level 6, whatever the server sent. The search
index is left out of the page figures (it is fetched once per language and
cached) and reported on its own.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
# Measured to work with Debian's Chromium in containers (docs-dev/stack-facts.md#chromium).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEARCH_INDEX = "search/search_index.json"
GZIP_LEVEL = 6
TYPES = ("html", "css", "js", "fonts", "images", "other")
_COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv"}
_TYPE_OF_RESOURCE = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "fonts",
    "image": "images",
}
_TYPE_OF_SUFFIX = {
    ".html": "html",
    ".css": "css",
    ".js": "js",
    ".woff": "fonts",
    ".woff2": "fonts",
    ".ttf": "fonts",
    ".svg": "images",
    ".png": "images",
    ".ico": "images",
    ".jpg": "images",
    ".webp": "images",
}


def gzip_size(content: bytes) -> int:
    return len(gzip.compress(content, GZIP_LEVEL, mtime=0))


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed when the browser accepts it, as GitHub Pages does."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not (
            path.is_file()
            and path.suffix in _COMPRESSED_SUFFIXES
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """No line per request."""


@contextmanager
def served(root: Path, port: int = 0) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 (a free port unless `port`), text gzipped; yield its base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_GzipHandler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _kind(resource_type: str, url: str) -> str:
    if resource_type in _TYPE_OF_RESOURCE:
        return _TYPE_OF_RESOURCE[resource_type]
    return _TYPE_OF_SUFFIX.get(Path(urlsplit(url).path).suffix, "other")


def measure_pages(base_url: str, paths: list[str]) -> dict[str, dict[str, object]]:
    """For each site-relative path: gzip bytes per type, total, raw bytes and the files loaded."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, object]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for path in paths:
                # A fresh context per page: nothing cached, as for a first visit.
                context = browser.new_context(viewport={"width": 375, "height": 812})
                responses = []
                # Playwright sets an attribute on its handler, which a bound method refuses.
                context.on("response", functools.partial(list.append, responses))
                page = context.new_page()
                page.goto(base_url + path, wait_until="networkidle")
                page.wait_for_timeout(500)  # the search worker starts after load
                files: dict[str, dict[str, object]] = {}
                for response in responses:
                    url = response.url
                    if not url.startswith(base_url) or url in files:
                        continue
                    body = response.body()
                    files[url] = {
                        "type": _kind(response.request.resource_type, url),
                        "raw": len(body),
                        "gzip": gzip_size(body),
                    }
                context.close()
                page_files = {
                    url: item for url, item in files.items() if not url.endswith(SEARCH_INDEX)
                }
                by_type = {
                    kind: sum(item["gzip"] for item in page_files.values() if item["type"] == kind)
                    for kind in TYPES
                }
                results[path] = {
                    "gzip_bytes": by_type,
                    # Loaded by Material's search worker after the page (the worker and lunr's
                    # language support).
                    "js_search_worker_gzip_bytes": sum(
                        item["gzip"]
                        for url, item in page_files.items()
                        if item["type"] == "js" and ("/workers/" in url or "/lunr/" in url)
                    ),
                    "total_gzip_bytes": sum(by_type.values()),
                    "raw_bytes": sum(item["raw"] for item in page_files.values()),
                    "search_index_loaded": any(url.endswith(SEARCH_INDEX) for url in files),
                    "files": {url.removeprefix(base_url): item for url, item in page_files.items()},
                }
        finally:
            browser.close()
    return results


def search_index_sizes(site_dir: Path, language_roots: dict[str, str]) -> dict[str, dict[str, int]]:
    """Each language's search index: raw and gzip bytes."""
    sizes = {}
    for language, root in language_roots.items():
        content = (site_dir / root / SEARCH_INDEX).read_bytes()
        sizes[language] = {"raw": len(content), "gzip": gzip_size(content)}
    return sizes
