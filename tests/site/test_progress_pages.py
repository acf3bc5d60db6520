"""Each plan's progress page and the series' overview, in both languages: the counts of initiatives
by status (and by focus area, and by plan) as charts whose marks and tables equal the data, the CSV
of each, "progress up to" the newest evidence, and every evidence item, newest first, linked."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from plansite import urls
from plansite.data.model import PartialDate
from plansite.urls import PlanPaths

LANGUAGES = {"da": "", "en": "en/"}
DATETIME = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SCALE = ("complete", "substantial", "limited", "not_started")


def bucket(initiative) -> str:
    """Counted here from the model's fields, independently of plansite.i18n.progress."""
    if initiative.status is not None:
        return initiative.status.value
    return "evidence_only" if len(initiative.evidence) > 0 else "no_evidence"


def figures_of(block) -> list[list[str]]:
    return [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in block.find("table").find("tbody").find_all("tr")]


def row_labels(block) -> list[str]:
    return [th.get_text(strip=True) for th in block.find("table").find("tbody").find_all("th")]


def last_day(value: str) -> date:
    year, month, day = DATETIME.match(value).groups()
    return PartialDate(int(year), int(month) if month else None, int(day) if day else None).last_day


def evidence_items(page):
    heading = page.find("h2", id="progress-evidence")
    return heading.find_next("ul").find_all("li", recursive=False)


def progress_page(site, plan_id, language):
    return site.page(LANGUAGES[language] + urls.page_url(PlanPaths.of(plan_id).progress))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_counts_its_initiatives_by_status_once_each(site, series, strings, language):
    for plan in series.plans:
        page = progress_page(site, plan.id, language)
        assert page.find("html")["lang"] == language
        block = page.find(id="statistic-progress-by-status-chart")
        buckets = [bucket(initiative) for initiative in plan.initiatives]
        expected = [buckets.count(name) for name in (*SCALE, "evidence_only", "no_evidence")]
        assert [int(row[0]) for row in figures_of(block)] == expected, plan.id
        assert sum(expected) == len(plan.initiatives)
        marks = block.find("svg").find_all("g", class_="plan-chart__mark")
        assert [int(mark.find("text").get_text()) for mark in marks] == expected, plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_counts_its_initiatives_by_focus_area_in_the_buckets_it_has(site, series, strings, language):
    for plan in series.plans:
        block = progress_page(site, plan.id, language).find(id="statistic-progress-by-focus-area-chart")
        names = [name for name in (*SCALE, "evidence_only", "no_evidence") if name in {bucket(item) for item in plan.initiatives}]
        assert len(row_labels(block)) == len(plan.focus_areas)
        for row, area in zip(figures_of(block), plan.focus_areas, strict=True):
            in_area = [bucket(item) for item in plan.initiatives if item.focus_area == area.id]
            assert [int(cell) for cell in row] == [in_area.count(name) for name in names], (plan.id, area.id)
        heads = [th.get_text(strip=True) for th in block.find("thead").find_all("th")][1:]
        assert heads == [strings[language][f"progress_short_{name}"] for name in names]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_lists_every_evidence_item_newest_first_linked_to_its_initiative(site, series, language):
    for plan in series.plans:
        page = progress_page(site, plan.id, language)
        items = evidence_items(page)
        assert len(items) == sum(len(initiative.evidence) for initiative in plan.initiatives) > 0, plan.id
        days = [last_day(item.find("time")["datetime"]) for item in items]
        assert days == sorted(days, reverse=True), plan.id
        newest = items[0].find("time").get_text(strip=True)
        assert newest in page.find("div", class_="md-content").find("strong").get_text(), plan.id  # progress up to
        folder = site.root / LANGUAGES[language] / urls.page_url(PlanPaths.of(plan.id).progress)
        for item in items:
            link = item.find("a")
            page_href, anchor = link["href"].split("#")
            target = (folder / page_href / "index.html").resolve()
            assert target.is_file(), link["href"]
            assert anchor.startswith("evidence-") and site.page(str(target.relative_to(site.root).parent) + "/").find(id=anchor) is not None, link["href"]
            assert link.get_text(strip=True) in {initiative.title.in_language(language) for initiative in plan.initiatives}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_series_overview_counts_each_plan_and_lists_all_evidence(site, series, language):
    page = site.page(LANGUAGES[language] + urls.page_url(urls.PROGRESS))
    block = page.find(id="statistic-progress-by-plan-chart")
    plans = list(reversed(series.plans))
    assert len(row_labels(block)) == len(plans)
    names = [name for name in (*SCALE, "evidence_only", "no_evidence") if name in {bucket(item) for plan in plans for item in plan.initiatives}]
    for row, plan in zip(figures_of(block), plans, strict=True):
        buckets = [bucket(item) for item in plan.initiatives]
        assert [int(cell) for cell in row] == [buckets.count(name) for name in names], plan.id
    items = evidence_items(page)
    assert len(items) == sum(len(item.evidence) for plan in plans for item in plan.initiatives)
    days = [last_day(item.find("time")["datetime"]) for item in items]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_progress_chart_has_a_csv_with_the_same_figures(site, series, language):
    delimiter = ";" if language == "da" else ","
    pages = [(urls.PROGRESS, "")] + [(PlanPaths.of(plan.id).progress, PlanPaths.of(plan.id).prefix) for plan in series.plans]
    for source, prefix in pages:
        page = site.page(LANGUAGES[language] + urls.page_url(source))
        for block in page.find_all("div", class_="plan-chart"):
            chart_id = block["id"].removeprefix("statistic-").removesuffix("-chart")
            path = site.root / LANGUAGES[language] / (prefix + urls.progress_csv_path(chart_id))
            _, *rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=delimiter))
            expected = [cell for row in figures_of(block) for cell in row]
            assert [row[2] for row in rows] == expected, path


def test_each_plan_home_links_its_progress_page(site, series):
    for language, root in LANGUAGES.items():
        for plan in series.plans:
            home = site.page(root + urls.page_url(PlanPaths.of(plan.id).home))
            assert any(link["href"].rstrip("/").endswith("fremdrift") for link in home.select(".md-content a[href]")), (language, plan.id)
