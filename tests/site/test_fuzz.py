"""Mutate the real data file thousands of times: every run is accepted or fails with located messages.

Mutations: truncating the file, inserting garbage bytes (invalid UTF-8, control
characters, YAML syntax), deleting, duplicating and re-indenting lines
(duplicate keys, broken structure), breaking references, and, on the parsed
data, deleting keys, changing the type of values and moving values around.

- At the validation level (fast): a run either builds the plan and renders
  every page (in one language, drawn), or raises `DataError` whose every line starts
  with `<file>:<line>:<column>: ` inside the file. Any other exception fails.
  `PLAN_FUZZ_EXAMPLES` sets the number of runs (default 200).
- Through a real `mkdocs build` into a copy of a good site: exit code 0, or a
  non-zero exit with located messages, no traceback and the site untouched.
  `PLAN_FUZZ_BUILDS` sets the number of builds (default 3).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from plansite.i18n.view import LocalizedPlan
from plansite.data.loading import load_data_file, parse_data
from plansite.data.model import build_plan
from plansite.site.pages import generate_pages
from plansite.problems import DataError
from plansite.i18n.languages import LANGUAGES
from plansite.i18n.strings import load_strings
from plansite.data.validation import check_data
from support.building import WITHOUT_PDFS, file_hashes, run_build
from support.paths import REAL_DATA

FUZZ_EXAMPLES = int(os.environ.get("PLAN_FUZZ_EXAMPLES", "200"))
FUZZ_BUILDS = int(os.environ.get("PLAN_FUZZ_BUILDS", "3"))

ORIGINAL = REAL_DATA.read_bytes()
LINES = ORIGINAL.split(b"\n")
LOADED = load_data_file(REAL_DATA)
VALUE_PATHS = sorted(LOADED.locations, key=lambda path: LOADED.locations[path])[1:]  # every value but the root
IDS = sorted({item["id"] for name in ("focus_areas", "initiatives", "actors", "contacts", "key_figures", "sources") for item in LOADED.data[name]}, key=len, reverse=True)
ID_OCCURRENCES = [match.span() for match in re.finditer(rb"\b(" + b"|".join(re.escape(item.encode()) for item in IDS) + rb")\b", ORIGINAL)]

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
REPLACEMENT_VALUES = st.sampled_from([None, 0, -1, 1.5, float("inf"), float("nan"), True, "", " ", "x", "Index", "index", "2019-13-01", [], {}, ["x"], {"x": 1}, {"da": "x"}, {"da": "x", "en": " "}])


def dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8")


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


@dataclass(frozen=True)
class Mutation:
    """A mutated data file; its repr names the mutation, not the 100 kB of bytes."""

    description: str
    raw: bytes = field(repr=False)


@st.composite
def mutated_files(draw: st.DrawFn) -> Mutation:
    """The real data file with one random mutation."""
    kind = draw(st.sampled_from(["truncate", "garbage", "delete line", "duplicate line", "indent line", "break reference", "delete key", "change type", "move value"]))
    return Mutation(kind, _mutate(draw, kind))


def _mutate(draw: st.DrawFn, kind: str) -> bytes:
    """The bytes of one mutation of `kind`; every choice is drawn, so Hypothesis reports it."""
    if kind == "truncate":
        return ORIGINAL[: draw(st.integers(0, len(ORIGINAL) - 1))]
    if kind == "garbage":
        position = draw(st.integers(0, len(ORIGINAL)))
        return ORIGINAL[:position] + draw(GARBAGE) + ORIGINAL[position:]
    if kind in {"delete line", "duplicate line", "indent line"}:
        index = draw(st.integers(0, len(LINES) - 1))
        lines = list(LINES)
        if kind == "delete line":
            del lines[index]
        elif kind == "duplicate line":
            lines.insert(index, lines[index])
        else:
            shift = draw(st.integers(-4, 4))
            lines[index] = lines[index][-shift:] if shift < 0 else b" " * shift + lines[index]
        return b"\n".join(lines)
    if kind == "break reference":
        start, end = draw(st.sampled_from(ID_OCCURRENCES))
        replacement = draw(st.sampled_from([ORIGINAL[start:end] + b"x", ORIGINAL[start : end - 1], ORIGINAL[start:end].upper(), b"index", b""]))
        return ORIGINAL[:start] + replacement + ORIGINAL[end:]
    path = draw(st.sampled_from(VALUE_PATHS))
    if kind == "delete key":
        return dump(with_value(LOADED.data, path, None, delete=True))
    if kind == "change type":
        return dump(with_value(LOADED.data, path, draw(REPLACEMENT_VALUES)))
    other = draw(st.sampled_from(VALUE_PATHS))
    return dump(with_value(LOADED.data, path, value_at(LOADED.data, other)))


def assert_located(error: DataError, display_path: str, raw: bytes) -> None:
    """Every problem line names the file, a line inside it and a column."""
    line_count = raw.count(b"\n") + 1
    lines = error.report().splitlines()[1:]
    assert lines, error.report()
    for line in lines:
        match = re.match(rf"^  {re.escape(display_path)}:(\d+):(\d+): \S", line)
        assert match, f"not located: {line!r}"
        assert 1 <= int(match.group(1)) <= line_count and int(match.group(2)) >= 1, line


STRINGS = load_strings()


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutation=mutated_files(), language=st.sampled_from(LANGUAGES))
def test_a_mutated_data_file_is_accepted_or_refused_with_located_messages(mutation, language):
    raw = mutation.raw
    display_path = str(REAL_DATA)  # documents are found next to it, as in the build
    try:
        loaded = parse_data(raw, display_path)
        problems = check_data(loaded)
        if problems:
            raise DataError(problems)
        plan = build_plan(loaded.data)
    except DataError as error:
        event(f"{mutation.description}: refused")
        assert_located(error, display_path, raw)
        return
    event(f"{mutation.description}: accepted")
    assert generate_pages(LocalizedPlan(plan, language, STRINGS[language]))


@settings(max_examples=FUZZ_BUILDS, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutation=mutated_files())
def test_a_mutated_data_file_builds_or_fails_without_traceback_and_without_touching_the_site(mutation, site, tmp_path_factory):
    raw = mutation.raw
    folder = tmp_path_factory.mktemp("fuzz-build")
    shutil.copytree(REAL_DATA.parent, folder / "data")  # with any documents the data attaches
    data_file = folder / "data" / "initiatives.yaml"
    data_file.write_bytes(raw)
    site_dir = folder / "site"
    shutil.copytree(site.root, site_dir)
    before = file_hashes(site_dir)
    result = run_build(site_dir, data_file, WITHOUT_PDFS)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    event(f"{mutation.description}: {'built' if result.returncode == 0 else 'refused'}")
    if result.returncode != 0:
        assert re.search(rf"^  \S*{re.escape(data_file.name)}:\d+:\d+: ", output, re.MULTILINE), output
        assert file_hashes(site_dir) == before
    shutil.rmtree(folder)
