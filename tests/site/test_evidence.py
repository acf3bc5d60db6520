"""Every initiative page says what came of it: its dated evidence with links to the sources, newest
first, and its status with the as-of day only where the data has one; else that none was found."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from plansite import urls
from plansite.i18n import formatting
from plansite.i18n.strings import load_strings
from plansite.urls import PlanPaths

LANGUAGES = {"da": "", "en": "en/"}
STRINGS = load_strings()


def url_of(src_uri: str, language: str) -> str:
    return LANGUAGES[language] + urls.page_url(src_uri)


def evidence_section(page: BeautifulSoup, language: str) -> list[Tag]:
    """The elements under the heading "Hvad kom der ud af det?" / "What came of it?"."""
    (heading,) = [h2 for h2 in page.find_all("h2") if h2.get_text(strip=True).removesuffix("¶") == STRINGS[language]["evidence_heading"]]
    elements = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        elements.append(element)
    return elements


def expected_day(item, language: str) -> str:
    if item.date.day:
        return formatting.format_day(item.date.first_day, language)
    if item.date.month:
        return formatting.format_month(item.date.year, item.date.month, language)
    return str(item.date.year)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_initiative_shows_its_evidence_or_says_none_was_found(site, series, language):
    strings = STRINGS[language]
    shown = 0
    for plan in series.plans:
        for initiative in plan.initiatives:
            page = site.page(url_of(PlanPaths.of(plan.id).initiative(initiative.id), language))
            where = (plan.id, initiative.id, language)
            elements = evidence_section(page, language)
            paragraphs = [element.get_text(" ", strip=True) for element in elements if element.name == "p"]
            status_lines = [text for text in paragraphs if text.startswith("Status:")]
            if initiative.status:
                label = strings[f"status_{initiative.status.value}"]
                day = formatting.format_day(initiative.status.as_of, language)
                assert status_lines == [strings.format("evidence_status", status=label, day=day)], where
            else:
                assert status_lines == [], where
            items = [li for element in elements if element.name == "ul" for li in element.find_all("li", recursive=False)]
            if not initiative.evidence:
                assert items == [], where
                assert paragraphs == [strings["evidence_none"]], where
                continue
            assert strings["evidence_none"] not in paragraphs, where
            expected = sorted(initiative.evidence, key=lambda item: (item.date.last_day, item.id), reverse=True)
            assert len(items) == len(expected), where
            for li, item in zip(items, expected, strict=True):
                text = li.get_text(" ", strip=True)
                assert li.find("strong").get_text(strip=True) == expected_day(item, language), (*where, item.id)
                assert item.summary.in_language(language) in " ".join(text.split()), (*where, item.id)
                hrefs = [link["href"] for link in li.find_all("a")]
                assert hrefs == [plan.source(source_id).url for source_id in item.sources], (*where, item.id)
                basis = initiative.status is not None and item.id in initiative.status.evidence
                assert (strings["evidence_basis"] in text) == basis, (*where, item.id)
                shown += 1
    assert shown == sum(len(item.evidence) for plan in series.plans for item in plan.initiatives) > 0
