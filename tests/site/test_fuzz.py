"""Mutate the real series thousands of times: every run is accepted or fails with located messages.

The series is the data folder the session's site is built from (`data/`, or
`PLAN_DATA_DIR`): `site.yaml`, `actors.yaml` and every plan file under `plans/`
(globbed, so a plan added to the folder is mutated too).

Mutations of one file (any of them, drawn): truncating it, inserting garbage
bytes (invalid UTF-8, control characters, YAML syntax), deleting, duplicating
and re-indenting lines (duplicate keys, broken structure), breaking a reference
(within the file or across files: a plan's actors, the site's `current_plan`
and `root_plan`, a contact's organisation, an earlier plan's sources), and, on
the parsed data, deleting keys, changing the type of values and moving values
around (from the same file or another one).
Mutations of the series: removing a whole plan file; adding a copy of a plan
file under another name (a new plan, an existing plan's, an address the site
uses itself, a name that cannot be an address), now and then made the current or
the root plan; renaming an id everywhere it occurs (an actor, a source, a plan
with its file); giving a period in years (or half in years, or reversed).

- At the validation level (fast): the mutated folder is loaded as the build
  loads it (`load_series`). A run either builds the series and, in one
  language (drawn), renders every page, the redirect pages, the navigation, the
  feed and each plan's exports and press kit, every page at an address of its
  own; or raises `DataError` whose every line starts with
  `<file>:<line>:<column>: ` inside one of the folder's files. Any other
  exception fails. `PLAN_FUZZ_EXAMPLES` sets the number of runs (default 200).
- Through a real `mkdocs build` into a copy of a good site: exit code 0 with
  every page of the series in both languages (and none of a removed plan), or a
  non-zero exit whose every problem is located in a file of the series, no
  traceback and the site untouched. `PLAN_FUZZ_BUILDS` sets the number of builds
  (default 3).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from support.building import WITHOUT_PDFS, copy_series, file_hashes, run_build
from support.paths import DATA_DIR, PROJECT_DIR

from plansite.data.loading import LoadedData, load_data_file
from plansite.data.schedule import series_published_as_of
from plansite.data.series import Series
from plansite.data.validation import ACTORS_FILE, PLANS_DIR, SITE_FILE, load_series, plan_files
from plansite.i18n.languages import LANGUAGES, language_root
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.outputs.language_outputs import LanguageOutputs
from plansite.problems import DataError
from plansite.site.navigation import site_nav
from plansite.site.pages import GeneratedPage, generate_pages
from plansite.site.redirects import redirect_pages
from plansite.urls import addresses_of_the_site, page_url

# What `make validate` and the build refuse as plan ids: the site's own addresses.
SITE_ADDRESSES = addresses_of_the_site(LANGUAGES, PROJECT_DIR / "docs")

FUZZ_EXAMPLES = int(os.environ.get("PLAN_FUZZ_EXAMPLES", "200"))
FUZZ_BUILDS = int(os.environ.get("PLAN_FUZZ_BUILDS", "3"))

NOW = datetime.now(UTC)  # the build publishes the series as of now, too
SITE_URL = "https://menneskehandel.example.org/"


@dataclass(frozen=True)
class SeriesFile:
    """One file of the series as it is: its bytes, lines and parsed values."""

    name: str  # within the data folder: site.yaml, actors.yaml, plans/<plan id>.yaml
    raw: bytes = field(repr=False)
    loaded: LoadedData = field(repr=False)

    @property
    def lines(self) -> list[bytes]:
        return self.raw.split(b"\n")

    @property
    def value_paths(self) -> list[tuple]:
        """Every value but the root, in file order."""
        return sorted(self.loaded.locations, key=lambda path: self.loaded.locations[path])[1:]


def _read(name: str) -> SeriesFile:
    raw = (DATA_DIR / name).read_bytes()
    return SeriesFile(name, raw, load_data_file(DATA_DIR / name))


FILES = {item.name: item for item in map(_read, [SITE_FILE, ACTORS_FILE, *(f"{PLANS_DIR}/{path.name}" for path in plan_files(DATA_DIR))])}
FILE_NAMES = list(FILES)
PLAN_NAMES = [name for name in FILE_NAMES if name.startswith(f"{PLANS_DIR}/")]
PLAN_IDS = [Path(name).stem for name in PLAN_NAMES]
SITE = FILES[SITE_FILE].loaded.data
EARLIER_PLAN_IDS = [entry["id"] for entry in SITE.get("earlier_plans", [])]


def _ids_defined(data: dict[str, Any]) -> set[str]:
    lists = ("focus_areas", "initiatives", "actors", "contacts", "key_figures", "press_releases", "sources", "earlier_plans")
    ids = {item["id"] for name in lists for item in data.get(name, [])}
    ids |= {sub_area["id"] for area in data.get("focus_areas", []) for sub_area in area.get("sub_areas", [])}
    return ids | {objective["id"] for objective in data.get("plan", {}).get("objectives", [])}


# Every id of the series (a plan's is its file name), longest first: the alternation takes the longest that matches.
IDS = sorted(set(PLAN_IDS).union(*(_ids_defined(item.loaded.data) for item in FILES.values())), key=lambda item: (-len(item), item))
ID_PATTERN = re.compile(rb"\b(" + b"|".join(re.escape(item.encode()) for item in IDS) + rb")\b")
# Where an id occurs in each file: where it is defined and where it is referred to, in this file or another.
ID_OCCURRENCES = [(name, match.span()) for name, item in FILES.items() for match in ID_PATTERN.finditer(item.raw)]


def value_at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def with_value(data: Any, path: tuple, value: Any, delete: bool = False) -> Any:
    """A copy of `data` with the value at `path` replaced (or deleted)."""
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    if rest:
        copy[head] = with_value(copy[head], tuple(rest), value, delete)
    elif delete:
        del copy[head]
    else:
        copy[head] = value
    return copy


def dump(data: Any) -> bytes:
    unshared = json.loads(json.dumps(data))  # a value moved to a second place would be written as an alias
    return yaml.dump(unshared, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8")


PERIOD_PATHS = [(name, path) for name, item in FILES.items() for path in item.value_paths if path[-1] == "period" and isinstance(value_at(item.loaded.data, path), dict)]

GARBAGE = st.one_of(
    st.binary(min_size=1, max_size=8),
    st.sampled_from([
        b"\t", b"\x00", b"\x07", b"\xff", b"\xc3", b"\xe2\x80\xa8", b"\r", b"\xef\xbb\xbf",
        b": ", b"- ", b"? ", b"#", b"'", b'"', b"{", b"}", b"[", b"]", b"|", b">", b"&anchor ", b"*alias", b"<<: ",
        b"!!python/object/apply:os.system ", b"!!binary ", b"!!set ", b".inf", b".nan", b"~", b"yes", b"0x1F", b"2019-02-30",
        b"<script>alert(1)</script>", b"[x](javascript:alert(1))", b"{: onclick=alert(1)}", b"&#106;", b"\n  - ", b"\n\n",
        # Unicode spaces where YAML needs a space; Markdown the site's extensions read; values without meaning.
        b"\xc2\xa0", b"\xe2\x80\x83", b"\xe2\x80\x8b", b"\n\xc2\xa0\xc2\xa0", b"\n| a | b |\n|---|---|\n", b"\n```\n", b"\n~~~\n",
        b"[TOC]", b"\n[r1]: javascript:alert(1)\n", b"\n[^1]: fodnote\n", b"[x][r1]", b"\n24. ", b"\n# ", b"Note: ",
        b'=HYPERLINK("https://evil.example/","x")', b"https://-/", b"https://a..b/", b"https://localhost/", b"https://u@h.dk/",
    ]),
)
REPLACEMENT_VALUES = st.sampled_from([None, 0, -1, 1.5, float("inf"), float("nan"), True, "", " ", "x", "Index", "index", "2019-13-01", 2022, "2022", [], {}, ["x"], {"x": 1}, {"da": "x"}, {"da": "x", "en": " "}])
# Names for a copy of a plan file: a new plan; an existing plan's or an earlier plan's; a folder the site
# uses itself (a language's, the series' pages, the hand-written pages, the root plan's old addresses);
# names that cannot be an address.
COPY_NAMES = [
    "2026-2029", "ny-plan", *PLAN_IDS, *EARLIER_PLAN_IDS, *(language_root(language).strip("/") for language in LANGUAGES if language_root(language)),
    "aktoerer", "kontakt", "data", "tilgaengelighed", "privatliv", "indsatser", "indsatsomraader", "presse", "om-planen", "pdf", "dokumenter",
    "assets", "search", "feed", "index", "404",
    "Plan 2026", "2026_2029", "2026-", "-", "æøå", "x.y", "",
]
FILE_KINDS = ["truncate", "garbage", "delete line", "duplicate line", "indent line", "break reference", "delete key", "change type", "move value"]
SERIES_KINDS = ["remove plan", "copy plan", "rename id", "period in years"]


class Mutation:
    """A mutated series: each file's bytes by its name in the data folder; the repr names the mutation, not the bytes."""

    def __init__(self, kind: str, detail: str, files: dict[str, bytes]) -> None:
        self.kind, self.detail, self.files = kind, detail, files

    def __repr__(self) -> str:
        return f"Mutation({self.kind!r}, {self.detail!r})"


@st.composite
def mutated_series(draw: st.DrawFn) -> Mutation:
    """The real series with one random mutation, of one file or of the series."""
    kind = draw(st.sampled_from(FILE_KINDS + SERIES_KINDS))
    files = {name: item.raw for name, item in FILES.items()}
    detail = _mutate(draw, kind, files)
    return Mutation(kind, detail, files)


def _mutate(draw: st.DrawFn, kind: str, files: dict[str, bytes]) -> str:
    """Apply one mutation of `kind` to `files`; every choice is drawn, and the returned detail names them."""
    if kind == "break reference":
        name, (start, end) = draw(st.sampled_from(ID_OCCURRENCES))
        original = files[name]
        found = original[start:end]
        replacement = draw(st.one_of(st.sampled_from([found + b"x", found[:-1], found.upper(), b"index", b""]), st.sampled_from(IDS).map(str.encode)))
        files[name] = original[:start] + replacement + original[end:]
        line = original[:start].count(b"\n") + 1
        return f"{name}:{line}: {found.decode()} -> {replacement.decode(errors='replace')}"
    if kind in FILE_KINDS:
        name = draw(st.sampled_from(FILE_NAMES))
        return f"{name}: {_mutate_file(draw, kind, name, files)}"
    if kind == "remove plan":
        name = draw(st.sampled_from(PLAN_NAMES))
        del files[name]
        return f"without {name}" + _point_site_at(draw, files, [Path(other).stem for other in PLAN_NAMES if other != name], removed=True)
    if kind == "copy plan":
        source, new_id = draw(st.sampled_from(PLAN_NAMES)), draw(st.sampled_from(COPY_NAMES))
        item = FILES[source]
        raw, period = item.raw, draw(st.sampled_from(["same period", "period in years", "period in days"]))
        if period != "same period":
            shift = draw(st.integers(0, 8))
            start, end = (_year(value_at(item.loaded.data, ("plan", "period", bound))) + shift for bound in ("start", "end"))
            years = {"start": start, "end": end} if period == "period in years" else {"start": f"{start}-01-01", "end": f"{end}-12-31"}
            raw = dump(with_value(item.loaded.data, ("plan", "period"), years))
            period += f" {start}-{end}"
        files[f"{PLANS_DIR}/{new_id}.yaml"] = raw
        return f"{source} copied to {PLANS_DIR}/{new_id}.yaml, {period}" + _point_site_at(draw, files, [new_id])
    if kind == "rename id":
        old = draw(st.sampled_from(IDS))
        new = draw(st.one_of(st.sampled_from([old + "x", "index", old.upper(), ""]), st.sampled_from(IDS)))
        pattern = re.compile(rb"\b" + re.escape(old.encode()) + rb"\b")
        renamed = {}
        for name in list(files):
            raw = files.pop(name)
            target = f"{PLANS_DIR}/{new}.yaml" if name == f"{PLANS_DIR}/{old}.yaml" else name  # a plan's id is its file's name
            renamed[target] = pattern.sub(lambda _: new.encode(), raw)
        files.update(renamed)
        return f"{old} -> {new!r} everywhere"
    name, path = draw(st.sampled_from(PERIOD_PATHS))
    item = FILES[name]
    period = value_at(item.loaded.data, path)
    start, end = _year(period["start"]), _year(period["end"])
    # The simplest (first) choice: the period's years, as whole numbers.
    years = {
        "start": draw(st.sampled_from([start, start + 1, end, str(start), f"{start}-01-01", period["start"], 1899, 2101, start * 10])),
        "end": draw(st.sampled_from([end, end - 1, start - 1, str(end), f"{end}-12-31", period["end"], 2101, 0])),
    }
    files[name] = dump(with_value(item.loaded.data, path, years))
    return f"{name}: {path} = {years}"


def _mutate_file(draw: st.DrawFn, kind: str, name: str, files: dict[str, bytes]) -> str:
    item = FILES[name]
    original = item.raw
    if kind == "truncate":
        size = draw(st.integers(0, len(original) - 1))
        files[name] = original[:size]
        return f"first {size} bytes"
    if kind == "garbage":
        position, garbage = draw(st.integers(0, len(original))), draw(GARBAGE)
        files[name] = original[:position] + garbage + original[position:]
        return f"{garbage!r} at byte {position}"
    if kind in {"delete line", "duplicate line", "indent line"}:
        lines = item.lines
        index = draw(st.integers(0, len(lines) - 1))
        if kind == "delete line":
            del lines[index]
        elif kind == "duplicate line":
            lines.insert(index, lines[index])
        else:
            shift = draw(st.integers(-4, 4))
            lines[index] = lines[index][-shift:] if shift < 0 else b" " * shift + lines[index]
        files[name] = b"\n".join(lines)
        return f"line {index + 1}"
    path = draw(st.sampled_from(item.value_paths))
    if kind == "delete key":
        files[name] = dump(with_value(item.loaded.data, path, None, delete=True))
        return f"without {path}"
    if kind == "change type":
        value = draw(REPLACEMENT_VALUES)
        files[name] = dump(with_value(item.loaded.data, path, value))
        return f"{path} = {value!r}"
    source = draw(st.sampled_from([name, *FILE_NAMES]))  # from the same file, or from any file of the series
    other = draw(st.sampled_from(FILES[source].value_paths))
    files[name] = dump(with_value(item.loaded.data, path, value_at(FILES[source].loaded.data, other)))
    return f"{path} = the value of {source} at {other}"


def _point_site_at(draw: st.DrawFn, files: dict[str, bytes], plan_ids: list[str], removed: bool = False) -> str:
    """Now and then make one of `plan_ids` the current or the root plan (or, after a removal, have no root plan)."""
    choices = ["", "current_plan", "root_plan", "current_plan and root_plan"] + (["no root_plan"] if removed else [])
    choice = draw(st.sampled_from(choices))
    if not choice or not plan_ids:
        return ""
    raw = files[SITE_FILE]
    if choice == "no root_plan":
        files[SITE_FILE] = re.sub(rb"(?m)^ *root_plan:.*\n", b"", raw)
        return ", no root_plan"
    plan_id = draw(st.sampled_from(plan_ids))
    for key in choice.split(" and "):
        raw = re.sub(rb"(?m)^( *" + key.encode() + rb":).*$", lambda match: match.group(1) + b" " + json.dumps(plan_id).encode(), raw)
    files[SITE_FILE] = raw
    return f", {choice} {plan_id}"


def _year(value: int | str) -> int:
    return value if isinstance(value, int) else int(value[:4])


def write_series(mutation: Mutation, folder: Path) -> Path:
    """The mutated series as a data folder at `folder` (with any documents the plans attach)."""
    copy_series(DATA_DIR, folder)
    for path in plan_files(folder):
        path.unlink()
    for name, raw in mutation.files.items():
        (folder / name).write_bytes(raw)
    return folder


def assert_located(report: str, folder: Path) -> None:
    """Every problem line names a file of the series (or its plans/ folder), a line inside it and a column."""
    line_counts = {(folder / PLANS_DIR).resolve(): 1}  # "there is no plan file"
    line_counts |= {path.resolve(): path.read_bytes().count(b"\n") + 1 for path in [folder / SITE_FILE, folder / ACTORS_FILE, *plan_files(folder)]}
    lines = report.splitlines()[1:]
    assert lines, report
    for line in lines:
        match = re.match(r"^  (.+?):(\d+):(\d+): \S", line)
        assert match, f"not located: {line!r}"
        path = (PROJECT_DIR / match.group(1)).resolve()  # the build names files relative to the project
        assert path in line_counts, f"not in a file of the series: {line!r}"
        assert 1 <= int(match.group(2)) <= line_counts[path], line
        assert int(match.group(3)) >= 1, line


STRINGS = load_strings()


class SiteConfig:
    """The site's MkDocs configuration, as the build loads it; shown by name in Hypothesis' reports."""

    def __init__(self, site_dir: Path) -> None:
        self.config = load_config(str(PROJECT_DIR / "mkdocs.yml"), site_dir=str(site_dir), site_url=SITE_URL)

    def __repr__(self) -> str:
        return "SiteConfig(mkdocs.yml)"


@pytest.fixture(scope="module")
def mkdocs_config(tmp_path_factory):
    return SiteConfig(tmp_path_factory.mktemp("site"))


def hand_written_addresses(config) -> list[str]:
    """The addresses of the hand-written pages (`docs/x.da.md` and `docs/x.en.md` are `x/` of each language)."""
    docs = Path(config.docs_dir)
    pages = {re.sub(r"\.[a-z]{2}\.md$", ".md", path.relative_to(docs).as_posix()) for path in docs.rglob("*.md")}
    return sorted(page_url(page) for page in pages)


def assert_own_addresses(pages: list[GeneratedPage], language: str, config) -> None:
    """Each page at an address of its own, inside its language's folder: else one page silently replaces another."""
    root = language_root(language)
    addresses = [root + page_url(page.src_uri) for page in pages] + [root + address for address in hand_written_addresses(config)]
    repeated = sorted(address for address, count in Counter(addresses).items() if count > 1)
    assert not repeated, f"two pages at one address: {repeated}"
    for other in LANGUAGES:
        other_root = language_root(other)
        if other != language and len(other_root) > len(root) and other_root.startswith(root):
            inside = sorted(address for address in addresses if address.startswith(other_root))
            assert not inside, f"pages of '{language}' inside the folder of '{other}': {inside}"


def render_series(series: Series, language: str, config) -> None:
    """What the build makes of the series in `language`, but the Markdown and the PDFs: pages, redirects, navigation, feed, exports, press kits."""
    view = localize(series_published_as_of(series, NOW), STRINGS)[language]
    pages = generate_pages(view) + redirect_pages(view, SITE_URL)
    assert pages
    assert site_nav(view)
    assert_own_addresses(pages, language, config)
    LanguageOutputs(view, config, None).add_files(Files([]), {})


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutation=mutated_series(), language=st.sampled_from(LANGUAGES))
def test_a_mutated_series_is_accepted_or_refused_with_located_messages(mutation, language, mkdocs_config):
    with tempfile.TemporaryDirectory() as temporary:
        folder = write_series(mutation, Path(temporary) / "data")
        try:
            series = load_series(folder, taken=SITE_ADDRESSES)
        except DataError as error:
            event(f"{mutation.kind}: refused")
            assert_located(error.report(), folder)
            return
        event(f"{mutation.kind}: accepted")
        render_series(series, language, mkdocs_config.config)


REPORT = re.compile(r"^\S.*?(\d+ problems? to fix before the site can be built:\n(?:  .*\n?)+)", re.MULTILINE)


@settings(max_examples=FUZZ_BUILDS, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutation=mutated_series())
def test_a_mutated_series_builds_or_fails_without_traceback_and_without_touching_the_site(mutation, site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-build")
    data_dir = write_series(mutation, folder / "data")
    site_dir = folder / "site"
    shutil.copytree(site.root, site_dir)
    before = file_hashes(site_dir)
    result = run_build(site_dir, data_dir, WITHOUT_PDFS)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    event(f"{mutation.kind}: {'built' if result.returncode == 0 else 'refused'}")
    if result.returncode != 0:
        report = REPORT.search(output)
        assert report, output
        assert_located(report.group(1), data_dir)
        assert file_hashes(site_dir) == before
    else:
        # The whole series, as validation accepted it: each page of each language, and nothing of a removed plan.
        series = load_series(data_dir, taken=SITE_ADDRESSES)
        for language, view in localize(series_published_as_of(series, NOW), STRINGS).items():
            missing = [page.src_uri for page in generate_pages(view) if not (site_dir / language_root(language) / page_url(page.src_uri) / "index.html").is_file()]
            assert not missing, f"pages of '{language}' the build did not write: {missing}"
        for plan_id in set(PLAN_IDS) - {plan.id for plan in series.plans}:
            assert not (site_dir / plan_id).exists(), f"the removed plan '{plan_id}' is still on the site"
    shutil.rmtree(folder)
