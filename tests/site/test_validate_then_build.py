"""Validate OK ⇒ build OK: whatever `make validate` accepts, the build turns into pages, files and PDFs.

Hypothesis writes texts of every kind an editor could type or paste into many
text fields of the small series at once (its `site.yaml`, `actors.yaml` and
plan file: right-to-left scripts, combining marks, joiners, emoji, soft
hyphens, zero-width spaces, long unbreakable words, leading "24. ", "#" and
"1)", Markdown punctuation, texts exactly as long as the schema allows) and
numbers of every size (negative, zero, huge, floats, infinite) into every
number field (amounts, key figures, the years of a period: now and then the
plan's period is given in years). The series folder is validated as the build
validates it (`load_series`); if validation accepts it, everything the build
does with the data runs in-process: the site's name, description and
navigation, the series' and the plan's pages and the redirect pages of both
languages, their Markdown rendered by MkDocs with the site's extensions (a
warning fails, as under `--strict`), the feeds, each plan's CSV and JSON
exports and press kits. Refusals must be located `DataError`s (in one of the
series' files); any other exception fails.

The plan PDF takes about a second per language, so a second test renders and
checks the PDF of one drawn language in fewer examples.

`PLAN_PROPERTY_EXAMPLES` (default 300) and `PLAN_PROPERTY_PDF_EXAMPLES`
(default 120) set the number of examples. Derandomized: CI draws the same
examples every run.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from support.building import copy_series
from support.paths import MINIMAL_DIR, MINIMAL_PLAN_ID, PROJECT_DIR

from plansite.data.documents import read_document_facts
from plansite.data.font_coverage import showable_characters
from plansite.data.loading import load_data_file
from plansite.data.schedule import series_published_as_of
from plansite.data.series import Series
from plansite.data.validation import (
    ACTORS_FILE,
    ACTORS_SCHEMA,
    PLAN_SCHEMA,
    PLANS_DIR,
    SITE_FILE,
    SITE_SCHEMA,
    load_series,
)
from plansite.i18n.languages import LANGUAGES
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.outputs.language_outputs import LanguageOutputs
from plansite.pdf.downloads import Download, plan_pdf_job
from plansite.problems import DataError
from plansite.site.navigation import configure_site
from plansite.site.pages import generate_pages
from plansite.site.redirects import redirect_pages
from plansite.urls import PlanPaths, addresses_of_the_site

# What `make validate` and the build refuse as plan ids: the site's own addresses.
SITE_ADDRESSES = addresses_of_the_site(LANGUAGES, PROJECT_DIR / "docs")

EXAMPLES = int(os.environ.get("PLAN_PROPERTY_EXAMPLES", "300"))
PDF_EXAMPLES = int(os.environ.get("PLAN_PROPERTY_PDF_EXAMPLES", "120"))

NOW = datetime(2020, 6, 1, tzinfo=UTC)
SOURCE_DATE_EPOCH = 1_600_000_000
SITE_URL = "https://menneskehandel.example.org/"
STRINGS = load_strings()
PLAN_FILE = f"{PLANS_DIR}/{MINIMAL_PLAN_ID}.yaml"
# The files of the small series, by their name in its data folder, with their schemas.
SCHEMAS = {SITE_FILE: SITE_SCHEMA, ACTORS_FILE: ACTORS_SCHEMA, PLAN_FILE: PLAN_SCHEMA}
FIXTURE = {name: load_data_file(MINIMAL_DIR / name).data for name in SCHEMAS}
# The plan's period in years (`start: 2019, end: 2021`), as a plan gives it when the sources give no day.
PERIOD = FIXTURE[PLAN_FILE]["plan"]["period"]
PERIOD_IN_YEARS = {bound: int(PERIOD[bound][:4]) for bound in ("start", "end")}


# The fields of the fixture ------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A value of the fixture Hypothesis may replace: its file, its path, its kind and the schema's limits."""

    file: str
    path: tuple[str | int, ...]
    kind: str  # "short" (plain text), "long" (Markdown subset), "integer" or "number"
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], str]:
    reference = schema.get("$ref", "")
    if not reference:
        return schema, ""
    name = reference.removeprefix("#/$defs/")
    return {**root["$defs"][name], **{key: value for key, value in schema.items() if key != "$ref"}}, name


def _fields(file: str, root: dict[str, Any], schema: dict[str, Any], value: Any, path: tuple[str | int, ...], long: bool = False) -> Iterator[Field]:
    schema, name = _resolve(schema, root)
    long = long or name == "longText"
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _fields(file, root, schema["properties"][key], item, (*path, key), long)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _fields(file, root, schema["items"], item, (*path, index), long)
    elif isinstance(value, bool):
        return
    elif isinstance(value, (int, float)):
        # A year of a period may also be a date: its type is a list.
        kind = schema["type"] if isinstance(schema["type"], str) else "integer"
        yield Field(file, path, kind, minimum=schema.get("minimum"), maximum=schema.get("maximum"))
    elif isinstance(value, str) and "enum" not in schema and "format" not in schema and schema.get("pattern", "\\S") == "\\S":
        # Free text (not an id, date, address or code).
        yield Field(file, path, "long" if long else "short", schema.get("maxLength"))


def fields_of(file: str, data: Any) -> list[Field]:
    schema = json.loads(SCHEMAS[file].read_text(encoding="utf-8"))
    return list(_fields(file, schema, schema, data, ()))


FIELDS = [item for file, data in FIXTURE.items() for item in fields_of(file, data)]
TEXT_FIELDS = [item for item in FIELDS if item.kind in ("short", "long")]
NUMBER_FIELDS = [item for item in FIELDS if item.kind in ("integer", "number")]
# The years of the plan's period, when an example gives it in years.
YEAR_FIELDS = [item for item in fields_of(PLAN_FILE, {"plan": {"period": PERIOD_IN_YEARS}}) if item.kind == "integer"]
assert {field.file for field in TEXT_FIELDS} == set(SCHEMAS), "every file of the series has texts"
assert YEAR_FIELDS, "a period in years has numbers"


# Texts and numbers ----------------------------------------------------------------------------------

SHOWABLE = sorted(showable_characters() - {"\n"})
LETTERS = [character for character in SHOWABLE if character.isalpha()]
# What editors type or paste: format characters, marks, spaces, punctuation, numbers at the start of a line.
PLAIN_PIECES = [
    "\u200b", "\u00ad", "\u200d", "\u200c", "\u2060", "\ufeff", "\u200e", "\u200f", "\u2066", "\u2069", "\u034f", "\u0301",
    "e\u0301", "a\u0308\u0323", "\u00a0", "\u202f", "\u2009", " ", "  ", "\n", "\n\n", "\n\n\n", "\n  ",
    "24. ", "24. december 2019", "1) ", "1. ", "# ", "## ", "#", "#hashtag", "- ", "* ", "+ ", "\n- ", "\n  - ", "\n1. ", "\n24. ",
    ":", "::", "'", '"', "/", "-", "–", "—", "…", "«", "»", "„", "“", "”", "‘", "’", "%", "$", "€", "@", "!", "?", "^", "=",
    "æøå", "ÆØÅ", "ß", "ǅ", "Ω", "Ж", "ﬁ", "⸻", "‱", "Ԫ", "\u2010", "\u2011",
]
# Markdown and what looks like markup: refused or escaped, depending on the field.
MARKUP_PIECES = [
    "**", "*", "_", "__", "`", "``", "```", "~~~", "~~", "\\", "\\*", "[", "]", "(", ")", "](", "[]", "[x]",
    "[tekst](https://example.org/sti?a=1&b=2)", "<https://example.org/>", "https://example.org/a_b_c",
    "<", ">", "> ", "&", "&amp;", "{", "}", "{: .x}", "|", "| a | b |\n|---|---|", "---", "***", "===",
    "    kode", "\n    kode", "[^1]", "[TOC]", "!!", "<!-- -->", "\\n", "$$", "\\(", "![x](https://example.org/x.png)",
]
# What the shipped font cannot show.
EXOTIC = ["שלום", "مرحبا", "👩\u200d👩\u200d👧", "😀", "👍🏽", "\U0001f1e9\U0001f1f0", "\ufe0f", "中文", "한국어", "→", "−", "\u0378", "\ue000", "\U0010fffd", "ℹ️"]

words = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=12)
long_words = st.builds(lambda letter, count, joiner: joiner.join([letter * 25] * count), st.sampled_from(LETTERS), st.integers(2, 40), st.sampled_from(["", "/", "-", "\u00ad", "\u200b"]))


def pieces(exotic: bool) -> st.SearchStrategy[str]:
    """Pieces of text: mostly words and what editors paste between them, now and then markup."""
    choices = [words, words, words, st.sampled_from(PLAIN_PIECES), st.sampled_from(PLAIN_PIECES), st.text(alphabet=st.sampled_from(SHOWABLE), max_size=6), long_words, st.sampled_from(MARKUP_PIECES)]
    if exotic:  # characters the font cannot show: validation must refuse them
        choices += [st.sampled_from(EXOTIC), st.characters(exclude_categories=["Cs"])]
    return st.one_of(choices)


@st.composite
def texts(draw: st.DrawFn, field: Field, exotic: bool, wild: bool) -> str:
    """A text for `field`: mostly within its length limit, sometimes exactly at it (or, if `wild`, past it)."""
    text = "".join(draw(st.lists(pieces(exotic), min_size=1, max_size=30 if field.kind == "long" else 8)))
    if field.max_length:
        # Hypothesis starts with the simplest choices (0): a text that fits.
        fit = draw(st.integers(0, 9))
        if fit == 8:  # the longest text validation lets through, in wide letters
            length = field.max_length + (draw(st.sampled_from([0, 0, 0, 1])) if wild else 0)
            unit = draw(st.sampled_from(["W", "WWW WWW ", "Ш", "menneskehandel ", "⸻", text]))
            text = (unit * (length // len(unit) + 1))[:length]
        elif fit < 8 or not wild:
            text = text[: field.max_length]
    return text


class HugeInteger(str):
    """An integer with more digits than Python turns into text by default; written as its digits."""


class _Dumper(yaml.SafeDumper):
    """Writes a `HugeInteger` as a plain integer scalar."""


_Dumper.add_representer(HugeInteger, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:int", str(value)))

any_numbers = st.one_of(
    st.builds(lambda digits, value: value * 10**digits, st.sampled_from(range(401)), st.integers(1, 9)),
    st.builds(lambda digits, value: value * 10.0**digits, st.sampled_from(range(-300, 308)), st.floats(1, 9.99)),
    st.sampled_from([0, 1, -1, 10**7, 10**7 + 1, 10**12, 10**12 + 1, 2**63, 1900, 2100, 2101, 0.5, 1e-300, 5e-324, 1e300, 1e16 + 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=-1),
    st.builds(lambda digits: HugeInteger("9" * digits), st.sampled_from([4300, 4301, 20_000])),
)


@st.composite
def numbers(draw: st.DrawFn, field: Field, wild: bool) -> Any:
    """Mostly a number within the field's limits (at them, too); if `wild`, now and then any number."""
    if wild and draw(st.integers(0, 4)) == 4:
        return draw(any_numbers)
    low = field.minimum if field.minimum is not None else -(10**15)
    high = field.maximum if field.maximum is not None else 10**15
    within = [st.integers(low, high), *([st.sampled_from([low, high])] if wild else [])]
    if field.kind == "number":
        within.append(st.floats(low, high))
    return draw(st.one_of(within))


class Example:
    """The fixture with some values replaced; its repr lists the replacements, not the whole files."""

    def __init__(self, replacements: dict[tuple[str, tuple[str | int, ...]], Any], files: dict[str, bytes], in_years: bool) -> None:
        self.replacements = replacements
        self.files = files  # each file's bytes, by its name in the data folder
        self.in_years = in_years

    def __repr__(self) -> str:
        return f"Example({self.replacements!r}{', plan period in years' if self.in_years else ''})"


def _with(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@st.composite
def examples(draw: st.DrawFn, wild: bool = True) -> Example:
    """The fixture with many texts and some numbers replaced.

    `wild`: also characters the font lacks, texts past their limit, numbers of any size;
    without, most examples are valid (for the slow PDF test).
    """
    exotic = wild and draw(st.integers(0, 3)) == 3  # most examples stay within the font, so most get built
    in_years = draw(st.integers(0, 3)) == 3  # now and then the plan's period in years
    chosen_texts = draw(st.lists(st.sampled_from(TEXT_FIELDS), min_size=1, max_size=15, unique=True))
    chosen_numbers = [item for item in NUMBER_FIELDS + (YEAR_FIELDS if in_years else []) if draw(st.integers(0, 3)) == 0]
    replacements: dict[tuple[str, tuple[str | int, ...]], Any] = {}
    for item in chosen_texts:
        replacements[item.file, item.path] = draw(texts(item, exotic, wild))
    for item in chosen_numbers:
        replacements[item.file, item.path] = draw(numbers(item, wild))
    data = copy.deepcopy(FIXTURE)
    if in_years:
        data[PLAN_FILE]["plan"]["period"] = dict(PERIOD_IN_YEARS)
    for (file, path), value in replacements.items():
        _with(data[file], path, value)
    files = {file: yaml.dump(values, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000).encode("utf-8") for file, values in data.items()}
    return Example(replacements, files, in_years)


# What the build does with accepted data ---------------------------------------------------------------


class SiteConfig:
    """The site's MkDocs configuration, as the build loads it; shown by name in Hypothesis' reports."""

    def __init__(self, site_dir: Path) -> None:
        self.config = load_config(str(PROJECT_DIR / "mkdocs.yml"), site_dir=str(site_dir), site_url=SITE_URL)

    def __repr__(self) -> str:
        return "SiteConfig(mkdocs.yml)"


@pytest.fixture(scope="module")
def mkdocs_config(tmp_path_factory):
    return SiteConfig(tmp_path_factory.mktemp("site"))


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def assert_located(error: DataError, folder: Path, example: Example) -> None:
    """Every problem names a file of the series, a line inside it and a column."""
    line_counts = {str(folder / file): raw.count(b"\n") + 1 for file, raw in example.files.items()}
    lines = error.report().split("\n")[1:]
    assert lines, error.report()
    for line in lines:
        match = re.match(r"^  (.+?):(\d+):(\d+): \S", line)
        assert match, f"not located: {line!r}"
        assert match.group(1) in line_counts, f"not in a file of the series: {line!r}"
        assert 1 <= int(match.group(2)) <= line_counts[match.group(1)], line


def validated(example: Example) -> Series | None:
    """The published series, or None when validation refused its folder with located problems."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = copy_series(MINIMAL_DIR, Path(temporary) / "data")  # with any documents the plan attaches
        for file, raw in example.files.items():
            (folder / file).write_bytes(raw)
        try:
            series = load_series(folder, taken=SITE_ADDRESSES)
        except DataError as error:
            assert_located(error, folder, example)
            event("refused: " + re.sub(r"'[^']*'|-?\d[\w.+-]*", "…", error.problems[0].what)[:50])
            return None
    event("accepted")
    return series_published_as_of(series, NOW)


def _page_file(config, src_uri: str, content: str) -> File:
    file = File(src_uri, None, config.site_dir, config.use_directory_urls)
    file.content_string = content
    return file


def _hand_written_pages(config, language: str) -> list[File]:
    """The hand-written pages of `language`, at the paths i18n gives them (so links to them resolve)."""
    docs = Path(config.docs_dir)
    return [_page_file(config, path.relative_to(docs).as_posix().replace(f".{language}.md", ".md"), path.read_text(encoding="utf-8")) for path in sorted(docs.rglob(f"*.{language}.md"))]


def render_pages_and_outputs(localized, site_config: SiteConfig, plan_pdfs: dict[str, dict[str, Download]]) -> None:
    """The site's name and navigation, every page's Markdown through MkDocs, then each language's feed, exports and press kits.

    `plan_pdfs`: by language, each language's plan PDFs by plan id.
    """
    config = site_config.config
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        for language, view in localized.items():
            configure_site(config, view)
            assert config.site_name
            assert config.nav
            pages = generate_pages(view) + redirect_pages(view, SITE_URL)
            files = Files([_page_file(config, page.src_uri, page.body) for page in pages])
            files = Files([*files, *_hand_written_pages(config, language)])
            LanguageOutputs(view, config, SOURCE_DATE_EPOCH).add_files(files, plan_pdfs.get(language, {}))
            for page in pages:
                rendered = Page(page.meta.get("title"), files.get_file_from_path(page.src_uri), config)
                rendered.markdown, rendered.meta = page.body, dict(page.meta)
                rendered.render(config, files)
                assert rendered.content
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    assert not warnings.messages, warnings.messages


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(example=examples())
def test_data_that_validates_builds_its_pages_feeds_exports_and_press_kits(example, mkdocs_config):
    series = validated(example)
    if series is not None:
        render_pages_and_outputs(localize(series, STRINGS), mkdocs_config, {})


@settings(max_examples=PDF_EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(example=examples(wild=False), language=st.sampled_from(LANGUAGES))
def test_data_that_validates_renders_a_plan_pdf_that_passes_its_checks(example, language, tmp_path_factory, mkdocs_config):
    series = validated(example)
    if series is None:
        return
    localized = localize(series, STRINGS)
    plan = localized[language].plan(MINIMAL_PLAN_ID)
    job = plan_pdf_job(plan, tmp_path_factory.mktemp("pdf-cache"), SITE_URL, SOURCE_DATE_EPOCH)
    path = job.store(job.render_and_check())  # raises PdfFailed with every finding
    pdf = Download(language, "plan", path, PlanPaths.of(MINIMAL_PLAN_ID).pdf(plan.pdf_file_name()), read_document_facts(path))
    render_pages_and_outputs(localized, mkdocs_config, {language: {MINIMAL_PLAN_ID: pdf}})
