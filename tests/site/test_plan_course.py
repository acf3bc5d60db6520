"""Each plan's course on its home page and in its PDF, in both languages: an ordered list of
dated steps, oldest first, that reads well without styling; evidence links its initiative."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from mkdocs.utils import get_relative_url

from plansite import urls
from plansite.i18n.timeline import plan_timeline
from plansite.i18n.view import LocalizedPlan
from plansite.pdf.text import normalize
from plansite.urls import PlanPaths

LANGUAGES = {"da": "", "en": "en/"}
DATETIME = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def localized(plan, strings, language: str) -> LocalizedPlan:
    return LocalizedPlan(plan, language, strings[language])


def home_url(plan, language: str) -> str:
    return LANGUAGES[language] + urls.page_url(PlanPaths.of(plan.id).home)


def course_items(page, language):
    section = page.find("section", id="plan-course")
    assert section is not None
    (ordered,) = section.find_all("ol")
    return section, ordered.find_all("li", recursive=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_home_shows_its_course_oldest_first(site, series, strings, language):
    for plan in series.plans:
        page = site.page(home_url(plan, language))
        section, items = course_items(page, language)
        assert section.find("h2").get_text(strip=True).removesuffix("¶") == strings[language]["course_heading"]
        expected = plan_timeline(localized(plan, strings, language))
        assert len(items) == len(expected) >= 4, plan.id
        previous: date | None = None
        for li, entry in zip(items, expected, strict=True):
            time = li.find("time")
            value = time["datetime"]
            year, month, day = DATETIME.match(value).groups()
            first = date(int(year), int(month or 1), int(day or 1))
            assert value == entry.datetime and time.get_text(strip=True) == entry.when_text, (plan.id, value)
            assert " ".join(li.get_text(" ", strip=True).split()).endswith(" ".join(entry.text.split())), (plan.id, value)
            if entry.initiative_id:
                assert li.find("a").get_text(strip=True) == entry.initiative_title, (plan.id, value)
            if previous is not None:
                assert entry.when.last_day >= previous, (plan.id, value)  # never before the step above it
            previous = first
            link = li.find("a")
            if entry.initiative_id:
                target = get_relative_url(urls.page_url(PlanPaths.of(plan.id).initiative(entry.initiative_id)), urls.page_url(PlanPaths.of(plan.id).home))
                assert link["href"] == f"{target}#{urls.evidence_anchor(entry.evidence_id)}", (plan.id, value)
                page_href, anchor = link["href"].split("#")
                initiative_page = (site.root / LANGUAGES[language] / urls.page_url(PlanPaths.of(plan.id).home) / page_href / "index.html").resolve()
                assert initiative_page.is_file() and site.page(str(initiative_page.parent.relative_to(site.root)) + "/").find(id=anchor) is not None
            else:
                assert link is None, (plan.id, value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_course_names_the_announcement_and_the_end_and_every_evidence_item(site, series, strings, language):
    for plan in series.plans:
        _, items = course_items(site.page(home_url(plan, language)), language)
        texts = [" ".join(li.get_text(" ", strip=True).split()) for li in items]
        assert any(text.endswith(strings[language]["course_announced"]) for text in texts), plan.id
        assert any(text.endswith(strings[language]["course_period_ends"]) for text in texts), plan.id
        for initiative in plan.initiatives:
            for item in initiative.evidence:
                summary = " ".join(item.summary.in_language(language).split())
                assert sum(summary in text for text in texts) == 1, (plan.id, item.id)


def test_the_series_home_has_no_course_of_its_own(site):
    for language in LANGUAGES:
        assert site.page(LANGUAGES[language]).find(id="plan-course") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plan_pdf_has_the_course_in_its_contents_and_text(site, series, strings, language):
    for plan in series.plans:
        view = localized(plan, strings, language)
        path = site.root / LANGUAGES[language] / PlanPaths.of(plan.id).pdf(view.pdf_file_name())
        text = normalize(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout)
        flat = " ".join(text.split())
        assert flat.count(normalize(strings[language]["course_heading"])) >= 2, plan.id  # contents and chapter
        for entry in plan_timeline(view):
            prefix = f"{entry.initiative_title}: " if entry.initiative_id else ""
            assert " ".join(normalize(f"{entry.when_text}: {prefix}{entry.text}").split())[:60] in flat, (plan.id, entry.datetime)
