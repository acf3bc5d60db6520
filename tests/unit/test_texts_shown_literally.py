"""Every text of the data is shown as the editor wrote it, wherever it is shown.

The minimal series (its plan with an update, a budget note, a key figure's
context and a contact's email added; its site with an earlier plan's note and
publisher, a later plan without pages, and a contact's name and hours; so that
every template shows something) is rendered twice: once with every text of
its three files (site.yaml, actors.yaml, the plan) a plain placeholder
(`Q007Q`), once with every text the same placeholder inside a text that
Markdown could read as markup (a date or `#` at the start of a line, `1)`,
`Note:` at the start of a page…). Both variants pass validation. The pages (as
MkDocs renders them: metadata read from the top, then the site's Markdown),
the site's name, description and navigation, the print HTML of the PDF, the
Atom feed, the CSV tables, the JSON export and the press kit must then have
exactly the same elements, and the second's text must be the first's with
each placeholder replaced by its text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any
from xml.etree import ElementTree

import lxml.html
import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from plansite.data.loading import parse_data
from plansite.data.safe_text import SITE_MARKDOWN_CONFIGS, SITE_MARKDOWN_EXTENSIONS
from plansite.data.series import Series, build_series
from plansite.data.text_checks import long_text_paths
from plansite.data.validation import ACTORS_FILE, ACTORS_SCHEMA, PLAN_SCHEMA, SITE_FILE, SITE_SCHEMA, LoadedSeries, check_series, schema_of
from plansite.i18n.strings import load_strings
from plansite.i18n.view import LocalizedPlan, localize
from plansite.outputs.exports import CSV_DELIMITERS, actors_csv, initiatives_csv, plan_json
from plansite.outputs.feeds import render_feed
from plansite.outputs.press_kit import build_press_kit
from plansite.pdf.render import render_html
from plansite.pdf.view import build_print_view
from plansite.site.navigation import configure_site
from plansite.site.pages import generate_pages
from support.paths import MINIMAL, MINIMAL_DIR, MINIMAL_PLAN_ID

SITE_URL = "https://plan.example.org/"
PLACEHOLDER = re.compile(r"Q\d{3}Q")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Texts that must stay text in every field, short or long ({id} is the placeholder).
IN_EVERY_TEXT = [
    "24. januar 2019 {id}",
    "1. januar {id}",
    "# {id}",
    "#{id}",
    "### {id} ###",
    "{id} #",
    "1) {id}",
    "> {id}",
    "| {id} | b |",
    "Note: {id}",
    '=HYPERLINK("https://x.example/","Klik her") {id}',
    "+{id}",
    "-{id}",
    "@{id}",
    "~~~ {id}",
    "``` {id}",
    "[TOC] {id}",
    "[r1]: https://ok.example/ {id}",
    "{{: .klasse }} {id}",
    "3 < 4 & 5 > 2 {id}",
    "C:\\sti\\{id}",
    "*{id}",
    "--- {id}",
]
# Texts that must stay text in short texts (in long texts they are the allowed formatting).
IN_SHORT_TEXTS = ["[^1]: se {id}", "- {id}", "+ {id}", "* {id}", "*{id}*", "_{id}_", "**{id}**", "`{id}`", "[{id}](https://ok.example/)"]

# The series' files: where each is, its schema, and its text fields that are plain strings, not {da, en}.
FILES = {
    SITE_FILE: (MINIMAL_DIR / SITE_FILE, SITE_SCHEMA, {("contacts", 0, "name"), ("earlier_plans", 0, "publisher")}),
    ACTORS_FILE: (MINIMAL_DIR / ACTORS_FILE, ACTORS_SCHEMA, {("actors", 1, "short_name")}),
    "plan": (
        MINIMAL,
        PLAN_SCHEMA,
        {("plan", "minister", "name"), ("contacts", 0, "name"), ("press_releases", 0, "statement", "speaker"), ("sources", 0, "publisher")},
    ),
}


def fixture_data() -> dict[str, dict[str, Any]]:
    """The minimal series' files, with one of each optional text the templates show."""
    data = {name: parse_data(path.read_bytes(), str(path)).data for name, (path, _, _) in FILES.items()}
    text = {"da": "x", "en": "x"}
    plan = data["plan"]
    plan["plan"]["budget"]["note"] = dict(text)
    plan["key_figures"][0]["context"] = dict(text)
    plan["contacts"][0]["email"] = "presse@ministeriet.example.org"
    plan["updates"] = [{"id": "nyhed", "date": "2019-01-01", "title": dict(text), "text": dict(text), "initiatives": ["indsats-et"], "sources": ["s1"]}]
    site = data[SITE_FILE]
    site["earlier_plans"][0].update(publisher="x", note=dict(text))
    # The plan after the one with pages, which the site only lists: the plan's successor.
    site["earlier_plans"].append({"id": "2022-2025", "period": {"start": 2022, "end": 2025}, "title": dict(text), "note": dict(text), "sources": ["k1"]})
    site["contacts"][0].update(name="x", hours=dict(text))
    return data


STRINGS = load_strings()
DATA = fixture_data()
SCHEMAS = {name: schema_of(schema) for name, (_, schema, _) in FILES.items()}
LONG_TEXTS = {name: set(long_text_paths(SCHEMAS[name], DATA[name])) for name in FILES}


def max_length(name: str, path: tuple) -> float:
    """The schema's `maxLength` of the plain-text field at `path` of file `name` (infinite without one)."""
    schema = SCHEMAS[name]
    for part in path:
        schema = schema["items"] if isinstance(part, int) else schema.get("properties", {}).get(part, {})
    return schema.get("maxLength", float("inf"))


def with_texts(make: Callable[[str, bool], str]) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The fixture with text number n of any file replaced by `make(placeholder n, is long)`; and placeholder → text."""
    texts: dict[str, str] = {}

    def walk(name: str, value: Any, path: tuple) -> Any:
        if isinstance(value, dict) and set(value) == {"da", "en"} and all(isinstance(item, str) for item in value.values()):
            return {language: new(name, path, language) for language in value}
        if isinstance(value, dict):
            return {key: walk(name, item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(name, item, (*path, index)) for index, item in enumerate(value)]
        if path in FILES[name][2]:
            return new(name, path, None)
        return value

    def new(name: str, path: tuple, language: str | None) -> str:
        placeholder = f"Q{len(texts):03d}Q"
        text = make(placeholder, path in LONG_TEXTS[name])
        # A name with a length limit (a short name) keeps its placeholder where the text is too long.
        texts[placeholder] = text if len(text) <= max_length(name, path) else placeholder
        return texts[placeholder]

    return {name: walk(name, value, ()) for name, value in DATA.items()}, texts


def series_of(data: dict[str, dict[str, Any]]) -> Series:
    """The series of the three files' values, which must pass validation."""

    def loaded(name: str):
        text = yaml.dump(data[name], Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        return parse_data(text.encode("utf-8"), name)

    files = LoadedSeries(loaded(SITE_FILE), loaded(ACTORS_FILE), {MINIMAL_PLAN_ID: loaded("plan")})
    assert [str(problem) for problem in check_series(files)] == []
    return build_series(files.site.data, files.actors.data, {MINIMAL_PLAN_ID: files.plans[MINIMAL_PLAN_ID].data})


CONVERTER = markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS), extension_configs=SITE_MARKDOWN_CONFIGS)


def site_html(body: str) -> str:
    """A generated page's HTML as MkDocs makes it: metadata is read from the top of the source first."""
    source, meta = get_data(body)
    assert meta == {}
    CONVERTER.reset()
    return CONVERTER.convert(source)


def press_kit_texts(localized: LocalizedPlan) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(build_press_kit(localized, SITE_URL, None))) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def csv_cells(table: bytes, language: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(table.decode("utf-8-sig"), newline=""), delimiter=CSV_DELIMITERS[language]))


def outputs(series: Series, language: str) -> dict[str, Any]:
    """Everything that shows the series' texts in one language."""
    localized_series = localize(series, STRINGS)[language]
    localized = localized_series.plan(MINIMAL_PLAN_ID)
    shown: dict[str, Any] = {f"page {page.src_uri}": html_tree(site_html(page.body)) for page in generate_pages(localized_series)}
    config = SimpleNamespace()  # configure_site sets only these four of MkDocs' config
    configure_site(config, localized_series)
    shown["site name, description, copyright and navigation"] = [config.site_name, config.site_description, config.copyright, nav_entries(config.nav)]
    shown["print HTML"] = html_tree(render_html(build_print_view(localized, SITE_URL), None))
    shown["feed"] = ElementTree.fromstring(render_feed(localized_series, SITE_URL, SITE_URL))
    shown["initiatives.csv"] = csv_cells(initiatives_csv(localized, SITE_URL), language)
    shown["actors.csv"] = csv_cells(actors_csv(localized, SITE_URL), language)
    shown["initiatives.json"] = json.loads(plan_json(localized.plan))
    shown.update({f"press kit {name}": html_tree(text) if name.endswith(".html") else text for name, text in press_kit_texts(localized).items()})
    return shown


def nav_entries(nav: Any) -> Any:
    """MkDocs' navigation with each section's title as an entry of its own (`substituted` replaces texts, not keys)."""
    if isinstance(nav, dict):
        return [[title, nav_entries(item)] for title, item in nav.items()]
    if isinstance(nav, list):
        return [nav_entries(item) for item in nav]
    return nav


def html_tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html) if html.startswith("<!DOCTYPE") else lxml.html.fragment_fromstring(html, create_parent="div")


# How many lines an SVG chart's label takes (its tspans) depends on the text's length alone.
WRAPPED_LINE = "tspan"


def elements(shown: Any) -> list[str]:
    if isinstance(shown, lxml.html.HtmlElement):
        return [element.tag for element in shown.iter() if isinstance(element.tag, str) and element.tag != WRAPPED_LINE]
    if isinstance(shown, ElementTree.Element):
        return [element.tag for element in shown.iter()]
    return []


def text_of(shown: Any) -> Any:
    if isinstance(shown, lxml.html.HtmlElement):
        return shown.text_content()
    if isinstance(shown, ElementTree.Element):
        return ["".join(element.itertext()) for element in shown.iter()]
    return shown


def substituted(value: Any, texts: dict[str, str], csv_cell: bool = False) -> Any:
    """`value` with every placeholder replaced by its text (a CSV cell that would be a formula starts with ')."""
    if isinstance(value, str):
        result = PLACEHOLDER.sub(lambda match: texts[match.group()], value)
        return "'" + result if csv_cell and result.lstrip(" \n").startswith(FORMULA_START) else result
    if isinstance(value, list):
        return [substituted(item, texts, csv_cell) for item in value]
    if isinstance(value, dict):
        return {key: substituted(item, texts, csv_cell) for key, item in value.items()}
    return value


LANGUAGES = ("da", "en")
PLAIN_DATA, _ = with_texts(lambda placeholder, long: placeholder)
PLAIN_SERIES = series_of(PLAIN_DATA)
PLAIN = {language: outputs(PLAIN_SERIES, language) for language in LANGUAGES}
CASES = [(case, True) for case in IN_EVERY_TEXT] + [(case, False) for case in IN_SHORT_TEXTS]


@pytest.mark.parametrize(("case", "in_long_texts"), CASES, ids=[case for case, _ in CASES])
def test_every_text_is_shown_as_written_everywhere(case, in_long_texts):
    data, texts = with_texts(lambda placeholder, long: case.format(id=placeholder) if in_long_texts or not long else placeholder)
    series = series_of(data)
    for language in LANGUAGES:
        shown = outputs(series, language)
        assert list(shown) == list(PLAIN[language])
        for name, output in shown.items():
            plain = PLAIN[language][name]
            assert elements(output) == elements(plain), f"{language}: {name}"
            assert text_of(output) == substituted(text_of(plain), texts, csv_cell=name.endswith(".csv")), f"{language}: {name}"


def test_every_placeholder_is_shown_somewhere():
    # Guards the test above: a text the outputs never show would pass it trivially.
    _, texts = with_texts(lambda placeholder, long: placeholder)
    shown_text = json.dumps([text_of(output) for outputs_of_language in PLAIN.values() for output in outputs_of_language.values()], ensure_ascii=False)
    assert [placeholder for placeholder in texts if placeholder not in shown_text] == []
