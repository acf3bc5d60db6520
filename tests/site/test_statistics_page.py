"""The series' statistics on the built site and in the PDFs: each chart an accessible SVG whose marks
are the data, the table beside it the same figures, the CSV download the same again; each plan's
PDF has every chart as a tagged Figure with its alternative text."""

from __future__ import annotations

import csv
import io
import re

import pikepdf
import pytest

from plansite import urls
from plansite.charts.render import draw_statistics
from plansite.i18n.statistics import localize_statistics
from plansite.i18n.view import localize
from plansite.urls import PlanPaths

LANGUAGES = {"da": "", "en": "en/"}
SVG = "{http://www.w3.org/2000/svg}"
MARK_LABEL = re.compile(r"^([\d.,]+)(?: (.+))?$")

# Victims identified per year, as the two fact sheets give them (plan-facts.md section 6;
# plan-2022-2025-facts.md section 6): CMM's official count, the US TIP reports' count (the
# year the figures are for), and the 2015-2017 figures a 2018 newspaper article gave.
FACT_SHEET_VICTIMS_PER_YEAR = {
    "cmm": {"2019": 64, "2020": 77, "2021": 80, "2022": 73, "2023": 112},
    "us-tip": {"2018": 97, "2019": 64, "2020": 64, "2021": 68, "2022": 72},
    "jyllands-posten": {"2015": 93, "2016": 121, "2017": 98},
}


@pytest.fixture(scope="module")
def localized_statistics(series, strings):
    views = localize(series, strings)
    return {language: localize_statistics(views[language]) for language in LANGUAGES}


def statistics_page(site, language):
    return site.page(LANGUAGES[language] + urls.page_url(urls.STATISTICS))


def number(text: str, language: str) -> float:
    separator = "." if language == "da" else ","
    return float(text.replace(separator, "").replace(",", "."))


def test_the_victims_per_year_are_those_of_the_fact_sheets_in_separate_series(series):
    (statistic,) = [statistic for statistic in series.statistics if statistic.id == "victims-per-year"]
    given = {item.id: {value.row: value.value for value in item.values} for item in statistic.series}
    assert given == FACT_SHEET_VICTIMS_PER_YEAR
    assert statistic.rows == tuple(str(year) for year in range(2015, 2024))
    assert all(value.sources for item in statistic.series for value in item.values)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_statistic_has_a_section_with_its_summary_chart_table_sources_and_csv(site, localized_statistics, language):
    page = statistics_page(site, language)
    assert page.find("html")["lang"] == language
    for statistic in localized_statistics[language]:
        heading = page.find("h2", id=f"statistic-{statistic.id}")
        assert heading is not None and heading.get_text(strip=True).removesuffix("¶") == statistic.title
        block = page.find(id=f"statistic-{statistic.id}-chart")
        assert block is not None, statistic.id
        assert block.find_previous("p").get_text(" ", strip=True) == " ".join(statistic.summary.split())
        link = block.find_next("a", href=re.compile(r"\.csv$"))
        assert link["href"].endswith(urls.statistic_csv_path(statistic.id)), statistic.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_chart_is_an_svg_image_with_title_desc_and_one_mark_per_figure(site, localized_statistics, language):
    page = statistics_page(site, language)
    for statistic in localized_statistics[language]:
        block = page.find(id=f"statistic-{statistic.id}-chart")
        svg = block.find("svg", class_="plan-chart__svg")
        if statistic.value_count == 1:
            assert svg is None, statistic.id  # one figure: its sentence and table say it
            continue
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text() == statistic.title
        assert statistic.summary in svg.find("desc", id=desc_id).get_text()
        marks = svg.find_all("g", class_="plan-chart__mark")
        expected = [
            (cell.value, item.short if len(statistic.series) > 1 else None)
            for row in statistic.rows
            for cell, item in zip(row.cells, statistic.series, strict=True)
            if cell.value is not None
        ]
        found = []
        for mark in marks:
            figure, short = MARK_LABEL.match(mark.find("text").get_text()).groups()
            found.append((number(figure, language), short))
        assert found == expected, statistic.id
        widths = [float(mark.find("rect")["width"]) for mark in marks]
        largest = max(value for value, _ in expected)
        for (value, _), width in zip(expected, widths, strict=True):  # bar lengths in proportion
            assert width == pytest.approx(max(widths) * value / largest, abs=2.01), statistic.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_table_beside_each_chart_has_the_same_figures(site, localized_statistics, language):
    page = statistics_page(site, language)
    for statistic in localized_statistics[language]:
        table = page.find(id=f"statistic-{statistic.id}-chart").find("table")
        heads = [th.get_text(strip=True) for th in table.find("thead").find_all("th")]
        assert heads == [statistic.row_heading, *(item.short for item in statistic.series)]
        body = table.find("tbody").find_all("tr")
        assert len(body) == len(statistic.rows)
        for tr, row in zip(body, statistic.rows, strict=True):
            assert tr.find("th", scope="row").get_text(strip=True) == row.label
            cells = [td.get_text(strip=True) for td in tr.find_all("td")]
            assert cells == [cell.text for cell in row.cells], (statistic.id, row.key)
            for text, cell in zip(cells, row.cells, strict=True):
                if cell.value is None:
                    assert text == (
                        "ikke oplyst" if language == "da" else "not stated"
                    )  # never 0: unknown is a value
                else:
                    assert number(text, language) == cell.value


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_csv_download_parses_to_the_figures_of_the_chart(site, localized_statistics, language):
    delimiter = ";" if language == "da" else ","
    for statistic in localized_statistics[language]:
        path = site.root / LANGUAGES[language] / urls.statistic_csv_path(statistic.id)
        text = path.read_bytes().decode("utf-8-sig")
        header, *rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert header[1] == statistic.row_heading
        expected = [
            [item.label, row.label, cell.value, statistic.unit, " ".join(source.url for source in cell.sources)]
            for row in statistic.rows
            for cell, item in zip(row.cells, statistic.series, strict=True)
            if cell.value is not None
        ]
        parsed = [[label, row, float(value.replace(",", ".")), unit, sources] for label, row, value, unit, sources in rows]
        assert parsed == expected, statistic.id


def test_the_statistics_page_is_in_the_navigation_of_both_languages(site):
    for language, root in LANGUAGES.items():
        links = site.page(root).select("nav.md-nav--primary a[href]")
        assert any(link["href"].rstrip("/").endswith("statistik") for link in links), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_pdf_has_every_chart_as_a_figure_with_alternative_text(site, series, strings, localized_statistics, language):
    charts = [chart for chart in draw_statistics(localized_statistics[language], strings[language]) if chart.has_chart]
    assert len(charts) >= 4
    views = localize(series, strings)[language]
    for plan in views.plans:
        path = site.root / LANGUAGES[language] / PlanPaths.of(plan.plan.id).pdf(plan.pdf_file_name())
        with pikepdf.open(path) as pdf:
            alts = [str(element.get("/Alt")) for element in _structure_elements(pdf.Root.StructTreeRoot) if element.get("/S") == "/Figure"]
        for chart in charts:
            assert sum(alt.startswith(chart.statistic.title + ".") and chart.statistic.summary in alt for alt in alts) == 1, (plan.plan.id, chart.statistic.id)


def _structure_elements(node):
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _structure_elements(kid)
