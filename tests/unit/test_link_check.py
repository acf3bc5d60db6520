"""The weekly external-link check, against a local HTTP server (never the network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from plansite.commands import check_links
from plansite.data.loading import parse_data
from plansite.data.validation import read_series
from plansite.problems import Location
from support.building import copy_series
from support.paths import MINIMAL, MINIMAL_DIR

SITE = MINIMAL_DIR / "site.yaml"
ACTORS = MINIMAL_DIR / "actors.yaml"
# Every address of the minimal series, by file: its actors' websites, its plan's sources, the site's licence and sources.
FIXTURE_ADDRESSES = ("https://ministeriet.example.org/", "https://kilde.example.org/1", "https://creativecommons.org/licenses/by/4.0/", "https://kilde.example.org/site")


class _Handler(BaseHTTPRequestHandler):
    """A small site: /ok, /missing (404), /moved (301 to /ok), /found (302 to /ok), /no-head (405 for HEAD)."""

    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self._answer(405)
        else:
            self.do_GET()

    def do_GET(self) -> None:
        if self.path in ("/ok", "/no-head"):
            self._answer(200)
        elif self.path == "/moved":
            self._answer(301, location="/ok")
        elif self.path == "/found":
            self._answer(302, location="/ok")
        else:
            self._answer(404)

    def _answer(self, status: int, location: str | None = None) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a local server on a free port, stopped after the tests."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)  # shutdown() waits one poll
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy configured on the machine must not see requests to 127.0.0.1."""
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@pytest.fixture
def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    httpd.server_close()
    return f"http://127.0.0.1:{port}/"


def test_every_url_and_website_is_collected_with_its_location() -> None:
    loaded = parse_data(
        b"actors:\n  - id: a\n    website: https://a.example/\n"
        b"sources:\n  - id: s1\n    url: https://s.example/1\n    title: {da: x, en: y}\n",
        "data.yaml",
    )
    assert check_links.collect_links(loaded) == [
        check_links.Link(Location("data.yaml", 3, 14), ("actors", 0, "website"), "https://a.example/"),
        check_links.Link(Location("data.yaml", 6, 10), ("sources", 0, "url"), "https://s.example/1"),
    ]


def test_a_page_that_answers_is_not_broken(server: str) -> None:
    answer = check_links.check_url(f"{server}/ok", timeout=5)
    assert (answer.status, answer.broken, answer.moved_permanently) == (200, False, False)


def test_a_missing_page_is_broken_with_its_http_status(server: str) -> None:
    answer = check_links.check_url(f"{server}/missing", timeout=5)
    assert (answer.status, answer.broken, answer.error) == (404, True, "HTTP 404 Not Found")


def test_a_server_that_refuses_head_is_asked_with_get(server: str) -> None:
    assert check_links.ask(f"{server}/no-head", "HEAD", timeout=5).status == 405
    assert check_links.check_url(f"{server}/no-head", timeout=5).status == 200


def test_a_permanent_redirect_is_followed_and_remembered(server: str) -> None:
    answer = check_links.check_url(f"{server}/moved", timeout=5)
    assert (answer.status, answer.final_url, answer.moved_permanently) == (200, f"{server}/ok", True)


def test_a_temporary_redirect_is_not_reported(server: str) -> None:
    link = check_links.Link(Location("data.yaml", 1, 1), ("sources", 0, "url"), f"{server}/found")
    [result] = check_links.check_links([link], timeout=5)
    assert result.answer.status == 200
    assert check_links.describe(result) is None


def test_no_answer_is_broken(closed_port_url: str) -> None:
    answer = check_links.check_url(closed_port_url, timeout=5)
    assert answer.broken and answer.status is None
    assert answer.error.startswith("no answer: ")


def test_the_report_locates_broken_and_moved_links_and_counts_addresses(server: str) -> None:
    links = [
        check_links.Link(Location("data.yaml", 9, 10), ("sources", 1, "url"), f"{server}/missing"),
        check_links.Link(Location("data.yaml", 3, 14), ("actors", 0, "website"), f"{server}/moved"),
        check_links.Link(Location("data.yaml", 5, 10), ("sources", 0, "url"), f"{server}/ok"),
        check_links.Link(Location("data.yaml", 12, 10), ("sources", 2, "url"), f"{server}/ok"),
    ]
    results = check_links.check_links(links, timeout=5)
    assert [check_links.describe(result) for result in results] == [
        f"data.yaml:3:14: actors[0].website: {server}/moved — moved permanently to {server}/ok — update the address",
        None,
        f"data.yaml:9:10: sources[1].url: {server}/missing — HTTP 404 Not Found — check the address, or replace it with a working source",
        None,
    ]
    assert check_links.summarize(results) == "4 links (3 addresses) checked: 1 broken"


def line_of(text: str, path: Path = MINIMAL) -> int:
    """The 1-based line of a file of the minimal series on which `text` is written."""
    [number] = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.strip() == text]
    return number


def test_every_url_and_website_of_every_file_of_the_data_folder_is_collected_with_its_location() -> None:
    assert check_links.collect_series_links(read_series(MINIMAL_DIR)) == [
        check_links.Link(Location(str(ACTORS), line_of("website: https://ministeriet.example.org/", ACTORS), 14), ("actors", 0, "website"), FIXTURE_ADDRESSES[0]),
        check_links.Link(Location(str(MINIMAL), line_of("url: https://kilde.example.org/1"), 10), ("sources", 0, "url"), FIXTURE_ADDRESSES[1]),
        check_links.Link(Location(str(SITE), line_of("url: https://creativecommons.org/licenses/by/4.0/", SITE), 10), ("site", "data_licence", "url"), FIXTURE_ADDRESSES[2]),
        check_links.Link(Location(str(SITE), line_of("url: https://kilde.example.org/site", SITE), 10), ("sources", 0, "url"), FIXTURE_ADDRESSES[3]),
    ]


def serve_fixture_links(monkeypatch: pytest.MonkeyPatch, addresses: dict[str, str]) -> None:
    """Answer the fixture's https addresses (the schema allows no other) from the local server."""
    check_url = check_links.check_url
    monkeypatch.setattr(check_links, "check_url", lambda url, timeout: check_url(addresses[url], timeout))


def test_the_command_reports_broken_and_moved_links_of_every_file_and_exits_1(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    serve_fixture_links(monkeypatch, dict(zip(FIXTURE_ADDRESSES, [f"{server}/ok", f"{server}/missing", f"{server}/no-head", f"{server}/moved"], strict=True)))
    report = tmp_path / "report.md"

    status = check_links.main([str(MINIMAL_DIR), "--report", str(report), "--timeout", "5"])

    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out == [
        f"{MINIMAL}:{line_of('url: https://kilde.example.org/1')}:10: sources[0].url: https://kilde.example.org/1 — HTTP 404 Not Found — check the address, or replace it with a working source",
        f"{SITE}:{line_of('url: https://kilde.example.org/site', SITE)}:10: sources[0].url: https://kilde.example.org/site — moved permanently to {server}/ok — update the address",
        "4 links (4 addresses) checked: 1 broken",
    ]
    markdown = report.read_text(encoding="utf-8").splitlines()
    assert markdown == ["## External links in the plan data", "", out[2], "", f"- {out[0]}", f"- {out[1]}"]


def test_the_command_exits_0_when_every_link_answers(server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    serve_fixture_links(monkeypatch, {address: f"{server}/no-head" if "kilde" in address else f"{server}/ok" for address in FIXTURE_ADDRESSES})

    assert check_links.main([str(MINIMAL_DIR), "--timeout", "5"]) == 0
    assert capsys.readouterr().out.splitlines() == ["4 links (4 addresses) checked: 0 broken"]


def test_an_address_named_in_several_files_is_asked_for_once(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = copy_series(MINIMAL_DIR, tmp_path / "data")
    site = data_dir / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("url: https://kilde.example.org/site", "url: https://kilde.example.org/1"), encoding="utf-8")
    asked: list[str] = []
    check_url = check_links.check_url

    def ask_the_server(url: str, timeout: float) -> check_links.Answer:
        asked.append(url)
        return check_url(f"{server}/missing" if url == "https://kilde.example.org/1" else f"{server}/ok", timeout)

    monkeypatch.setattr(check_links, "check_url", ask_the_server)

    assert check_links.main([str(data_dir), "--timeout", "5"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert sorted(asked) == sorted(set(asked)) and "https://kilde.example.org/1" in asked
    assert [line.split(":")[0] for line in out[:-1]] == [str(data_dir / "plans" / "2019-2021.yaml"), str(site)]
    assert out[-1] == "4 links (3 addresses) checked: 2 broken"


def test_the_command_checks_the_data_folder_by_default(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    copy_series(MINIMAL_DIR, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    serve_fixture_links(monkeypatch, {address: f"{server}/ok" for address in FIXTURE_ADDRESSES})

    assert check_links.main(["--timeout", "5"]) == 0
    assert capsys.readouterr().out.splitlines() == ["4 links (4 addresses) checked: 0 broken"]


def test_the_command_refuses_invalid_data_with_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = copy_series(MINIMAL_DIR, tmp_path / "data")
    plan_file = data_dir / "plans" / "2019-2021.yaml"
    plan_file.write_text("plan: [\n", encoding="utf-8")

    assert check_links.main([str(data_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{plan_file}:" in captured.err and "not valid YAML" in captured.err and "Traceback" not in captured.err


def test_the_command_refuses_a_series_whose_files_do_not_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = copy_series(MINIMAL_DIR, tmp_path / "data")
    site = data_dir / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace('current_plan: "2019-2021"', 'current_plan: "2019-2022"'), encoding="utf-8")

    assert check_links.main([str(data_dir)]) == 2
    captured = capsys.readouterr()
    line = line_of('current_plan: "2019-2021"', SITE)
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "1 problem to fix before the site can be built:",
        f"  {site}:{line}:17: site.current_plan: there is no plan file plans/2019-2022.yaml — did you mean '2019-2021'?",
    ]
