"""Check the external links in the data folder: every `url` and `website` (`make check-links`).

The data folder's files are all checked: `site.yaml`, `actors.yaml` and every
plan file under `plans/`. Run weekly by `.github/workflows/links.yml`; never by
the build, and never against the network in the test suite. Each address is
asked for once with HEAD, then with GET when HEAD fails (some servers refuse
HEAD), however many files name it. A link is broken when the last answer is an
HTTP error or there is no answer at all; a permanent redirect (301, 308) is
reported too, so the editor can update it. Every line of the report names the
link's file and place in it, the way validation problems do.

Exit status: 0 when every link answers, 1 when some are broken, 2 when the
data itself has problems (as `make validate` reports them).
"""

from __future__ import annotations

import argparse
import http.client
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from plansite.data.loading import LoadedData
from plansite.data.validation import LoadedSeries, check_series, read_series
from plansite.i18n.languages import LANGUAGES
from plansite.problems import DataError, DataPath, Location, format_data_path
from plansite.settings import PROJECT_DIR, Settings
from plansite.urls import addresses_of_the_site

LINK_KEYS = frozenset({"url", "website"})
USER_AGENT = "Mozilla/5.0 (compatible; plansite-link-check/1.0)"
_PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True, order=True)
class Link:
    """An external address in the data, and where it is written."""

    location: Location
    data_path: DataPath
    url: str


@dataclass(frozen=True)
class Answer:
    """What asking for one address gave: the last HTTP status, or why there was none."""

    status: int | None
    final_url: str
    moved_permanently: bool = False
    error: str | None = None

    @property
    def broken(self) -> bool:
        return self.status is None or self.status >= 400


@dataclass(frozen=True)
class LinkResult:
    link: Link
    answer: Answer


def collect_links(loaded: LoadedData) -> list[Link]:
    """Return every `url` and `website` in one file's data, in file order."""
    return sorted(_walk(loaded, loaded.data, ()))


def collect_series_links(loaded: LoadedSeries) -> list[Link]:
    """Return every `url` and `website` of every file of the data folder, by file and position."""
    files = [loaded.site, loaded.actors, *loaded.plans.values()]
    return sorted(link for data in files for link in collect_links(data))


def _walk(loaded: LoadedData, value: Any, data_path: DataPath) -> Iterator[Link]:
    if isinstance(value, dict):
        for key, item in value.items():
            path = (*data_path, key)
            if key in LINK_KEYS and isinstance(item, str):
                yield Link(loaded.locate(path), path, item)
            else:
                yield from _walk(loaded, item, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(loaded, item, (*data_path, index))


class _RedirectRecorder(urllib.request.HTTPRedirectHandler):
    """Follow redirects as urllib does, remembering whether one was permanent."""

    moved_permanently = False

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if code in _PERMANENT_REDIRECTS:
            self.moved_permanently = True
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def ask(url: str, method: str, timeout: float) -> Answer:
    """Request `url` once with `method`, following redirects."""
    recorder = _RedirectRecorder()
    opener = urllib.request.build_opener(recorder)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            return Answer(response.status, response.geturl(), recorder.moved_permanently)
    except urllib.error.HTTPError as error:
        return Answer(
            error.code,
            error.geturl() or url,
            recorder.moved_permanently,
            f"HTTP {error.code} {error.reason}",
        )
    except urllib.error.URLError as error:
        return Answer(None, url, recorder.moved_permanently, f"no answer: {error.reason}")
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Answer(None, url, recorder.moved_permanently, f"no answer: {error}")


def check_url(url: str, timeout: float) -> Answer:
    """Ask with HEAD; when that fails, ask again with GET and keep that answer."""
    answer = ask(url, "HEAD", timeout)
    return ask(url, "GET", timeout) if answer.broken else answer


def check_links(links: Sequence[Link], timeout: float = 20.0, workers: int = 8) -> list[LinkResult]:
    """Check each distinct address once; return a result per link, in file order."""
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(urls, pool.map(lambda url: check_url(url, timeout), urls), strict=True))
    return [LinkResult(link, answers[link.url]) for link in sorted(links)]


def describe(result: LinkResult) -> str | None:
    """One located report line for a broken or moved link, else None."""
    link, answer = result.link, result.answer
    where = f"{link.location}: {format_data_path(link.data_path)}: {link.url}"
    if answer.broken:
        return f"{where} — {answer.error} — check the address, or replace it with a working source"
    if answer.moved_permanently and answer.final_url != link.url:
        return f"{where} — moved permanently to {answer.final_url} — update the address"
    return None


def summarize(results: Sequence[LinkResult]) -> str:
    """The count line of the report."""
    broken = sum(result.answer.broken for result in results)
    addresses = len({result.link.url for result in results})
    return f"{len(results)} links ({addresses} addresses) checked: {broken} broken"


def write_markdown_report(path: Path, lines: Sequence[str], summary: str) -> None:
    """Write the report as Markdown for the workflow run's summary page."""
    items = [f"- {line}" for line in lines] or ["- every link answered"]
    path.write_text(
        "\n".join(["## External links in the plan data", "", summary, "", *items, ""]),
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data_dir",
        nargs="?",
        default="data",
        help="the data folder (site.yaml, actors.yaml, plans/)",
    )
    parser.add_argument(
        "--report", type=Path, help="also write the report as Markdown to this file"
    )
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds to wait for each answer (default 20)"
    )
    arguments = parser.parse_args(argv)
    try:
        taken = addresses_of_the_site(LANGUAGES, Settings.from_environment(PROJECT_DIR).docs_dir)
        loaded = read_series(Path(arguments.data_dir), taken=taken)
        problems = check_series(loaded)
        if problems:
            raise DataError(problems)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 2
    results = check_links(collect_series_links(loaded), timeout=arguments.timeout)
    lines = [line for line in map(describe, results) if line is not None]
    summary = summarize(results)
    print("\n".join([*lines, summary]))
    if arguments.report:
        write_markdown_report(arguments.report, lines, summary)
    return 1 if any(result.answer.broken for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
