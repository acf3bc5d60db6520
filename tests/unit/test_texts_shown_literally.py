"""Every text of the data is shown as the editor wrote it, wherever it is shown.

The small fixture (with an update, related plans, a budget note, a key figure's
context and a contact's email added, so that every template shows something) is
rendered twice: once with every text a plain placeholder (`Q007Q`), once with
every text the same placeholder inside a text that Markdown could read as markup
(a date or `#` at the start of a line, `1)`, `Note:` at the start of a page…).
Both variants pass validation. The pages (as MkDocs renders them: metadata
read from the top, then the site's Markdown), the print HTML of the PDF, the
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
from typing import Any
from xml.etree import ElementTree

import lxml.html
import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from plansite.data.loading import parse_data
from plansite.data.model import build_plan
from plansite.data.safe_text import SITE_MARKDOWN_CONFIGS, SITE_MARKDOWN_EXTENSIONS
from plansite.data.text_checks import long_text_paths
from plansite.data.validation import SCHEMA_PATH, check_data
from plansite.i18n.strings import load_strings
from plansite.i18n.view import LocalizedPlan, localize
from plansite.outputs.exports import CSV_DELIMITERS, actors_csv, initiatives_csv, plan_json
from plansite.outputs.feeds import render_feed
from plansite.outputs.press_kit import build_press_kit
from plansite.pdf.render import render_html
from plansite.pdf.view import build_print_view
from plansite.site.pages import generate_pages
from support.paths import MINIMAL

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

# Text fields that are plain strings, not {da, en}.
PLAIN_TEXT_PATHS = {
    ("plan", "minister", "name"),
    ("contacts", 0, "name"),
    ("actors", 1, "short_name"),
    ("press_releases", 0, "statement", "speaker"),
    ("sources", 0, "publisher"),
}


def fixture_data() -> dict[str, Any]:
    """The small fixture with one of each optional text the templates show."""
    data = parse_data(MINIMAL.read_bytes(), str(MINIMAL)).data
    text = {"da": "x", "en": "x"}
    data["plan"]["budget"]["note"] = dict(text)
    data["plan"]["predecessors"] = [{"period": "2015-2018", "title": dict(text), "note": dict(text), "sources": ["s1"]}]
    data["plan"]["successor"] = {"period": "2022-2025", "title": dict(text), "note": dict(text), "sources": ["s1"]}
    data["key_figures"][0]["context"] = dict(text)
    data["contacts"][0]["email"] = "presse@ministeriet.example.org"
    data["updates"] = [{"id": "nyhed", "date": "2019-01-01", "title": dict(text), "text": dict(text), "initiatives": ["indsats-et"], "sources": ["s1"]}]
    return data


STRINGS = load_strings()
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
DATA = fixture_data()
LONG_TEXTS = set(long_text_paths(SCHEMA, DATA))


def max_length(path: tuple) -> float:
    """The schema's `maxLength` of the plain-text field at `path` (infinite without one)."""
    schema = SCHEMA
    for part in path:
        schema = schema["items"] if isinstance(part, int) else schema.get("properties", {}).get(part, {})
    return schema.get("maxLength", float("inf"))


def with_texts(make: Callable[[str, bool], str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The fixture with text number n replaced by `make(placeholder n, is long)`; and placeholder → text."""
    texts: dict[str, str] = {}

    def walk(value: Any, path: tuple) -> Any:
        if isinstance(value, dict) and set(value) == {"da", "en"} and all(isinstance(item, str) for item in value.values()):
            return {language: new(path, language) for language in value}
        if isinstance(value, dict):
            return {key: walk(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item, (*path, index)) for index, item in enumerate(value)]
        if path in PLAIN_TEXT_PATHS:
            return new(path, None)
        return value

    def new(path: tuple, language: str | None) -> str:
        placeholder = f"Q{len(texts):03d}Q"
        text = make(placeholder, path in LONG_TEXTS)
        # A name with a length limit (a short name) keeps its placeholder where the text is too long.
        texts[placeholder] = text if len(text) <= max_length(path) else placeholder
        return texts[placeholder]

    return walk(DATA, ()), texts


def plan_of(data: dict[str, Any]):
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    loaded = parse_data(text.encode("utf-8"), "data.yaml")
    assert [str(problem) for problem in check_data(loaded)] == []
    return build_plan(loaded.data)


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


def outputs(plan, language: str) -> dict[str, Any]:
    """Everything that shows the plan's texts in one language."""
    localized = localize(plan, STRINGS)[language]
    shown: dict[str, Any] = {f"page {page.src_uri}": html_tree(site_html(page.body)) for page in generate_pages(localized)}
    shown["print HTML"] = html_tree(render_html(build_print_view(localized, SITE_URL), None))
    shown["feed"] = ElementTree.fromstring(render_feed(localized, SITE_URL, SITE_URL))
    shown["initiatives.csv"] = csv_cells(initiatives_csv(localized, SITE_URL), language)
    shown["actors.csv"] = csv_cells(actors_csv(localized, SITE_URL), language)
    shown["initiatives.json"] = json.loads(plan_json(plan))
    shown.update({f"press kit {name}": text for name, text in press_kit_texts(localized).items()})
    return shown


def html_tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html) if html.startswith("<!DOCTYPE") else lxml.html.fragment_fromstring(html, create_parent="div")


def elements(shown: Any) -> list[str]:
    if isinstance(shown, lxml.html.HtmlElement):
        return [element.tag for element in shown.iter() if isinstance(element.tag, str)]
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
PLAIN_PLAN = plan_of(PLAIN_DATA)
PLAIN = {language: outputs(PLAIN_PLAN, language) for language in LANGUAGES}
CASES = [(case, True) for case in IN_EVERY_TEXT] + [(case, False) for case in IN_SHORT_TEXTS]


@pytest.mark.parametrize(("case", "in_long_texts"), CASES, ids=[case for case, _ in CASES])
def test_every_text_is_shown_as_written_everywhere(case, in_long_texts):
    data, texts = with_texts(lambda placeholder, long: case.format(id=placeholder) if in_long_texts or not long else placeholder)
    plan = plan_of(data)
    for language in LANGUAGES:
        shown = outputs(plan, language)
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
