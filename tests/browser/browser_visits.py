"""Visit pages in Chromium and record what the browser tests assert on.

One visit per page and width: load the page, run the pinned axe-core on it,
and keep every request the page made, every Content-Security-Policy violation
it reported, JavaScript errors, cookies and the keys in browser storage.

A page that sends the browser on (the redirect pages at the site's old
addresses, `<meta http-equiv="refresh">`) is checked as itself: the tab
cancels any navigation away from the page it visits, and each visit records
where the tab was when it was checked and which navigations it cancelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from playwright.sync_api import Browser, BrowserContext, Request, Route

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SITEMAP_NAMESPACE = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# Installed before any script of the page runs; the page's CSP cannot block it.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.violatedDirective, blocked: event.blockedURI,
    sample: event.sample, source: event.sourceFile, line: event.lineNumber,
  });
});
"""

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map((violation) => ({
    rule: violation.id, impact: violation.impact, help: violation.help,
    elements: violation.nodes.map((node) => ({target: node.target.join(" "), html: node.html, summary: node.failureSummary})),
  }));
}
"""

REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?""", re.IGNORECASE)

READ_STORAGE = "() => [...Object.keys(localStorage).map((key) => 'localStorage:' + key), ...Object.keys(sessionStorage).map((key) => 'sessionStorage:' + key)]"


@dataclass(frozen=True)
class ServedSite:
    root: Path
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url + path

    def is_same_origin(self, url: str) -> bool:
        own, other = urlsplit(self.base_url), urlsplit(url)
        return other.scheme in ("data", "blob", "about") or (other.scheme, other.netloc) == (own.scheme, own.netloc)


@dataclass
class PageVisit:
    """What one page did at one width."""

    path: str
    width: int
    axe_violations: list[dict] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    csp_violations: list[dict] = field(default_factory=list)
    javascript_errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    storage_keys: list[str] = field(default_factory=list)
    checked_at: str = ""  # the tab's address when axe ran and the rest was read
    cancelled_navigations: list[str] = field(default_factory=list)  # where the page tried to send the tab


def page_paths_from_sitemap(sitemap: Path) -> list[str]:
    """Site-relative paths of every `<loc>` in the built sitemap, e.g. `en/indsatser/x/`."""
    locations = ElementTree.parse(sitemap).getroot().iterfind("sitemap:url/sitemap:loc", SITEMAP_NAMESPACE)
    url_paths = [urlsplit(location.text.strip()).path for location in locations]
    home = min(url_paths, key=len)  # the site_url's own path, `/` or `/<repository>/`
    return sorted(path.removeprefix(home) for path in url_paths)


def redirect_page_paths(root: Path) -> list[str]:
    """Site-relative paths of the built pages that send the browser on (`<meta http-equiv="refresh">`).

    They are the old addresses of moved pages; the sitemap does not list them.
    """
    paths = [path for path in sorted(root.rglob("*.html")) if REFRESH.search(path.read_text(encoding="utf-8"))]
    return [path.relative_to(root).as_posix().removesuffix("index.html") for path in paths]


def detail_page(page_paths: list[str]) -> str:
    """A generated detail page of a plan (fact box, sources): the first initiative's, `<plan id>/indsatser/<id>/`."""
    return next(path for path in page_paths if re.fullmatch(r"\d{4}-\d{4}/indsatser/[^/]+/", path))


def _sends_on(root: Path, path: str) -> bool:
    """The page at `path` sends the browser on at once (`<meta http-equiv="refresh">`)."""
    file = root / path / "index.html" if path == "" or path.endswith("/") else root / path
    return file.is_file() and REFRESH.search(file.read_text(encoding="utf-8")) is not None


def new_recording_context(browser: Browser, width: int, axe_source: str = "") -> BrowserContext:
    """A browser context at `width` that records CSP violations on every page (and has axe-core in it, if given).

    An init script is not subject to the page's CSP; axe-core given here is
    parsed once per page as it loads, instead of sent over for each check
    (about 0.15 s a page).
    """
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    if axe_source:
        context.add_init_script(axe_source)
    return context


def run_axe(tab, axe_source: str) -> list[dict]:
    """Run axe-core on the page as it is now (injected first unless the context has it) and return its violations."""
    if not tab.evaluate("() => typeof axe === 'object'"):
        tab.evaluate(axe_source)
    return tab.evaluate(RUN_AXE, AXE_TAGS)


def format_violations(visit: PageVisit) -> str:
    """Rule, page and element of each axe violation, for an assertion message."""
    lines = []
    for violation in visit.axe_violations:
        for element in violation["elements"]:
            lines.append(f"{violation['rule']} ({violation['impact']}) on /{visit.path} at {visit.width}px: {element['target']}\n"
                         f"    {element['html'][:200]}\n    {element['summary']}".replace("\n  ", "\n      "))
    return "\n".join(lines)


class _RecordingTab:
    """One tab that visits pages one after another and records what each one did."""

    def __init__(self, context: BrowserContext) -> None:
        self.page = context.new_page()
        self.visit: PageVisit | None = None
        self.url = ""
        self.page.on("request", self._record_request)
        self.page.on("pageerror", self._record_error)

    def _stay(self, route: Route) -> None:
        """Let every request through but a navigation of the tab away from the page being visited.

        `aborted` (net::ERR_ABORTED) cancels it the way a stopped navigation is
        cancelled: Chromium keeps the current document and shows no error page.
        """
        request = route.request
        if self.visit is not None and request.is_navigation_request() and request.frame == self.page.main_frame and request.url != self.url:
            self.visit.cancelled_navigations.append(request.url)
            route.abort("aborted")
        else:
            route.continue_()

    def _record_request(self, request: Request) -> None:
        if self.visit is not None:
            self.visit.requests.append(request.url)

    def _record_error(self, error: Exception) -> None:
        if self.visit is not None:
            self.visit.javascript_errors.append(str(error))

    def record(self, visit: PageVisit, url: str, axe_source: str, sends_on: bool = False) -> PageVisit:
        """Load the page, run axe on it, then read what the page recorded.

        A page that `sends_on` (a redirect page) is kept in the tab: only then does
        every request of the visit pass through `_stay`, which costs a round trip
        to Python per request.
        """
        self.visit, self.url = visit, url
        if sends_on:
            self.page.route("**/*", self._stay)
        try:
            self.page.goto(url, wait_until="load")
            visit.axe_violations = run_axe(self.page, axe_source)
            visit.checked_at = self.page.url
            visit.csp_violations = self.page.evaluate("() => window.__cspViolations")
            visit.storage_keys = self.page.evaluate(READ_STORAGE)
            visit.cookies = [f"{cookie['name']} ({cookie['domain']})" for cookie in self.page.context.cookies()]
        finally:
            self.visit = None
            if sends_on:
                self.page.unroute("**/*", self._stay)
        return visit


def visit_pages(browser: Browser, served: ServedSite, paths: list[str], width: int, axe_source: str) -> list[PageVisit]:
    """Visit every path at one width, one after another, in one tab.

    Measured on two CPUs: 0.4 s a page, most of it axe-core (injecting it and
    running it); loading the next page in a second tab meanwhile saved nothing.
    """
    context = new_recording_context(browser, width, axe_source)
    try:
        tab = _RecordingTab(context)
        return [tab.record(PageVisit(path, width), served.url(path), axe_source, _sends_on(served.root, path)) for path in paths]
    finally:
        context.close()
