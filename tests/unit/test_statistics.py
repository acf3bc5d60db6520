"""Statistics without a site build: what validation refuses (located, with a fix), the rows and cells
each language shows, where the chart puts its bars, the SVG it writes, its colours' contrast, and
the CSV download."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.etree import ElementTree

import pytest

from plansite.charts.layout import lay_out_bar_chart
from plansite.charts.render import BACKGROUNDS, SERIES_STYLES, TEXT_COLOURS, draw_statistics
from plansite.data.validation import load_series
from plansite.i18n.statistics import localize_statistics
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.outputs.statistics_csv import statistic_csv
from plansite.problems import DataError
from support.building import copy_series
from support.paths import MINIMAL_DIR

SVG = "{http://www.w3.org/2000/svg}"

BY_YEARS = """statistics:
  - id: calls
    title: {da: "Opkald", en: "Calls"}
    summary: {da: "Der kom flere opkald.", en: "There were more calls."}
    unit: {da: "opkald", en: "calls"}
    axis: years
    series:
      - id: hotline
        label: {da: "Hotlinen", en: "The hotline"}
        short: {da: "Hotline", en: "Hotline"}
        values:
          - {year: 2019, value: 316, sources: [k1]}
          - {year: 2021, value: 1200, sources: [k1]}
      - id: other
        label: {da: "En anden optælling", en: "Another count"}
        short: {da: "Anden", en: "Other"}
        values:
          - {year: 2019, value: 0, sources: [k1]}
"""
BY_CATEGORIES = """statistics:
  - id: forms
    title: {da: "Former", en: "Forms"}
    summary: {da: "Flest i den første.", en: "Most in the first."}
    unit: {da: "personer", en: "people"}
    axis: categories
    row_label: {da: "Form", en: "Form"}
    categories:
      - id: first
        label: {da: "Første", en: "First"}
      - id: second
        label: {da: "Anden", en: "Second"}
    series:
      - id: count
        label: {da: "Optællingen", en: "The count"}
        short: {da: "Tal", en: "Count"}
        values:
          - {category: first, value: 38, sources: [k1]}
          - {category: second, value: 4, sources: [k1]}
"""


def data_with(folder: Path, statistics: str) -> Path:
    data_dir = copy_series(MINIMAL_DIR, folder)
    site = data_dir / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("sources:\n  - id: k1", statistics + "sources:\n  - id: k1"), encoding="utf-8")
    return data_dir


def problems_of(folder: Path, statistics: str) -> list[str]:
    data_dir = data_with(folder, statistics)
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    return [str(problem) for problem in caught.value.problems]


def line_of(statistics: str, text: str, base: Path = MINIMAL_DIR) -> int:
    """The line in site.yaml, once `statistics` is inserted, of the line of `statistics` that contains `text`."""
    before = (base / "site.yaml").read_text(encoding="utf-8").split("sources:\n  - id: k1")[0].count("\n")
    return before + next(index for index, line in enumerate(statistics.splitlines()) if text in line) + 1


def localized(folder: Path, statistics: str, language: str = "da"):
    views = localize(load_series(data_with(folder, statistics)), load_strings())
    return views[language], localize_statistics(views[language])


def test_statistics_that_fit_their_axis_validate_and_keep_every_value_with_its_row(tmp_path):
    series = load_series(data_with(tmp_path, BY_YEARS))
    (statistic,) = series.statistics
    assert statistic.rows == ("2019", "2020", "2021")  # every year from the first to the last
    assert [value.row for value in statistic.series[0].values] == ["2019", "2021"]
    assert statistic.series[0].values[0].sources[0].id == "k1"


def test_a_value_without_a_source_is_refused(tmp_path):
    statistics = BY_YEARS.replace("{year: 2021, value: 1200, sources: [k1]}", "{year: 2021, value: 1200, sources: []}")
    problems = problems_of(tmp_path, statistics)
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'site.yaml'}:{line_of(statistics, 'value: 1200')}:")
    assert "statistics[0].series[0].values[1].sources" in problems[0]


def test_a_value_with_an_unknown_source_is_refused_with_the_nearest_id(tmp_path):
    statistics = BY_YEARS.replace("{year: 2021, value: 1200, sources: [k1]}", "{year: 2021, value: 1200, sources: [k2]}")
    (problem,) = problems_of(tmp_path, statistics)
    assert "statistics[0].series[0].values[1].sources[0]: unknown source 'k2' — use the id of an existing source" in problem
    assert problem.startswith(f"{tmp_path / 'site.yaml'}:{line_of(statistics, 'sources: [k2]')}:49: ")


def test_a_category_the_statistic_does_not_have_is_refused_with_the_ones_it_has(tmp_path):
    statistics = BY_CATEGORIES.replace("{category: second, value: 4", "{category: third, value: 4")
    assert problems_of(tmp_path, statistics) == [
        f"{tmp_path / 'site.yaml'}:{line_of(statistics, 'category: third')}:24: statistics[0].series[0].values[1].category: "
        "unknown category 'third' — use the id of one of the statistic's categories: first, second"
    ]


def test_a_year_given_twice_by_one_series_is_refused_as_a_series_of_its_own(tmp_path):
    statistics = BY_YEARS.replace("{year: 2021, value: 1200", "{year: 2019, value: 1200")
    assert problems_of(tmp_path, statistics) == [
        f"{tmp_path / 'site.yaml'}:{line_of(statistics, 'value: 1200')}:20: statistics[0].series[0].values[1].year: "
        f"the series gives year 2019 twice (first at line {line_of(statistics, 'value: 316')}) — keep one value per row: a different count is a series of its own"
    ]


def test_a_value_of_a_statistic_by_categories_that_names_a_year_is_refused(tmp_path):
    statistics = BY_CATEGORIES.replace("{category: second, value: 4", "{year: 2019, value: 4")
    problems = problems_of(tmp_path, statistics)
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "statistics[0].series[0].values[1]: the value does not say which category it is for — add category: to it",
        "statistics[0].series[0].values[1].year: a value of a statistic by categories has no year — write category: instead",
    ]


def test_categories_are_refused_on_a_statistic_by_years_and_required_on_one_by_categories(tmp_path):
    with_categories = BY_YEARS.replace("    axis: years\n", "    axis: years\n    categories:\n      - {id: a, label: {da: A, en: A}}\n")
    assert [problem.split(": ", 1)[1] for problem in problems_of(tmp_path / "a", with_categories)] == [
        "statistics[0].categories: a statistic by years has no categories — remove categories, or write axis: categories"
    ]
    without = BY_CATEGORIES.replace("    axis: categories\n", "    axis: years\n")
    assert any("a value of a statistic by years has no category" in problem for problem in problems_of(tmp_path / "b", without))


def test_two_series_with_one_id_are_refused(tmp_path):
    statistics = BY_YEARS.replace("      - id: other", "      - id: hotline")
    (problem,) = problems_of(tmp_path, statistics)
    assert "statistics[0].series[1].id: the series id 'hotline' is used twice in this statistic" in problem


def test_a_negative_figure_is_refused_by_the_schema(tmp_path):
    (problem,) = problems_of(tmp_path, BY_YEARS.replace("value: 316", "value: -316"))
    assert "statistics[0].series[0].values[0].value" in problem


@pytest.mark.parametrize(("language", "not_stated"), [("da", "ikke oplyst"), ("en", "not stated")])
def test_a_figure_no_source_gives_is_not_stated_never_zero(tmp_path, language, not_stated):
    _, (statistic,) = localized(tmp_path, BY_YEARS, language)
    assert [[cell.text for cell in row.cells] for row in statistic.rows] == [
        ["316", "0"],
        [not_stated, not_stated],
        ["1.200" if language == "da" else "1,200", not_stated],
    ]
    assert statistic.row_heading == ("År" if language == "da" else "Year")


def test_the_plan_periods_the_years_reach_into_are_bands_over_their_rows(tmp_path):
    _, (statistic,) = localized(tmp_path, BY_YEARS)
    assert [(band.label, band.first, band.last) for band in statistic.bands] == [
        ("Handlingsplan 2019–2021", 0, 2)
    ]


def test_the_layout_has_one_bar_per_figure_in_proportion_and_a_sliver_for_zero(tmp_path):
    view, (statistic,) = localized(tmp_path, BY_YEARS)
    layout = lay_out_bar_chart(statistic, "ikke oplyst")
    assert [bar.label for bar in layout.bars] == ["316 Hotline", "0 Anden", "1.200 Hotline"]
    hotline_2019, zero, hotline_2021 = layout.bars
    assert hotline_2019.width / hotline_2021.width == pytest.approx(316 / 1200, rel=1e-3)
    assert zero.width > 0
    assert [row.not_stated for row in layout.rows] == ["", "ikke oplyst", ""]
    assert all(bar.label_x + len(bar.label) * 13 * 0.62 <= layout.width for bar in layout.bars)
    tops = [bar.y for bar in layout.bars]
    assert tops == sorted(tops) and layout.height > tops[-1]


def test_the_svg_is_an_image_named_by_its_title_and_desc_with_a_mark_per_figure(tmp_path):
    view, statistics = localized(tmp_path, BY_CATEGORIES, "en")
    (chart,) = draw_statistics(statistics, view.strings)
    root = ElementTree.fromstring(str(chart.svg))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id and root.find(f"{SVG}title").text == "Forms"
    desc = root.find(f"{SVG}desc")
    assert desc.get("id") == desc_id and "Most in the first." in desc.text
    marks = [group for group in root.iter(f"{SVG}g") if group.get("class") == "plan-chart__mark"]
    assert [mark.find(f"{SVG}text").text for mark in marks] == ["38", "4"]  # one series: its title names it
    assert not any(element.get("style") for element in root.iter())  # the CSP allows no inline style


def test_a_pattern_as_well_as_a_colour_tells_the_series_apart(tmp_path):
    view, statistics = localized(tmp_path, BY_YEARS, "en")
    (chart,) = draw_statistics(statistics, view.strings)
    fills = {mark.find(f"{SVG}rect").get("fill") for mark in ElementTree.fromstring(str(chart.svg)).iter(f"{SVG}g") if mark.get("class") == "plan-chart__mark"}
    assert fills == {SERIES_STYLES[0].colour, f"url(#statistic-calls-pattern-1)"}
    assert len({style.pattern for style in SERIES_STYLES}) >= 5 and len({style.colour for style in SERIES_STYLES}) == len(SERIES_STYLES)


def contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_marks_have_3_to_1_and_texts_4_5_to_1_against_everything_they_stand_on():
    for background in BACKGROUNDS:
        for style in SERIES_STYLES:
            assert contrast(style.colour, background) >= 4.5, (style, background)  # 3:1 asked of a mark
        for text in TEXT_COLOURS:
            assert contrast(text, background) >= 4.5, (text, background)


@pytest.mark.parametrize(("language", "delimiter"), [("da", ";"), ("en", ",")])
def test_the_csv_has_a_row_per_figure_with_its_series_unit_and_sources(tmp_path, language, delimiter):
    view, (statistic,) = localized(tmp_path, BY_YEARS, language)
    rows = list(csv.reader(io.StringIO(statistic_csv(statistic, view.strings, language).decode("utf-8-sig")), delimiter=delimiter))
    label = {"da": ("Hotlinen", "En anden optælling"), "en": ("The hotline", "Another count")}[language]
    assert rows[1:] == [
        [label[0], "2019", "316", statistic.unit, "https://kilde.example.org/site"],
        [label[1], "2019", "0", statistic.unit, "https://kilde.example.org/site"],
        [label[0], "2021", "1200", statistic.unit, "https://kilde.example.org/site"],
    ]
    assert rows[0][1] == statistic.row_heading


def test_a_site_without_statistics_has_no_statistics_page_or_menu_entry(tmp_path):
    from plansite.site.navigation import site_nav
    from plansite.site.pages import generate_series_pages
    from plansite.urls import STATISTICS

    views = localize(load_series(copy_series(MINIMAL_DIR, tmp_path)), load_strings())
    assert STATISTICS not in [page.src_uri for page in generate_series_pages(views["da"])]
    assert STATISTICS not in site_nav(views["da"])
