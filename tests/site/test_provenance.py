"""Honest provenance on the built site (issue 13), for every plan of the series in both languages.

The official plan comes first, as an external document of its publisher, before the summary the
site makes; our PDF is called a summary wherever it is linked; a press release page is our
summary of the original, which it names and links; plan events are a timeline, not
publications; a press contact is dated as the one of its release. Read from the session's
real build (parsed HTML and XML).
"""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from plansite.urls import CONTACT, FEED, PlanPaths, page_url

LANGUAGES = {"da": "", "en": "en/"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SUMMARY_WORDS = {"da": "Sammenfatning af handlingsplanen", "en": "Summary of the action plan"}


def plan_page(plan_id: str, src_uri_of, language: str) -> str:
    return LANGUAGES[language] + page_url(src_uri_of(PlanPaths.of(plan_id)))


def plan_documents(page) -> list:
    """The list items of the section 'the plan and our summary', in order."""
    [section] = page.select('section[aria-labelledby="plan-documents-heading"]')
    return section.select("li")


def official_urls_in_order(plan, language: str) -> list[str]:
    """The official editions' addresses as a page in `language` lists them: its language first."""
    editions = sorted(plan.official_documents(), key=lambda document: document.language != language)
    return [document.url for document in editions]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_of", ["home", "about", "press"])
def test_the_official_plan_is_the_first_document_and_our_summary_follows(site, series, language, page_of):
    for plan in series.plans:
        assert plan.official_documents(), f"{plan.id} names no official plan"
        items = plan_documents(site.page(plan_page(plan.id, lambda paths: getattr(paths, page_of), language)))
        official = official_urls_in_order(plan, language)
        assert [item.a["href"] for item in items[: len(official)]] == official, (plan.id, page_of)
        assert all("plan-documents__official" in item["class"] for item in items[: len(official)])
        summary = items[len(official)]
        assert "plan-documents__summary" in summary["class"], (plan.id, page_of)
        assert summary.a.get_text(" ", strip=True).startswith(SUMMARY_WORDS[language]), (plan.id, page_of)


def test_an_official_edition_in_another_language_is_marked_with_its_language(site, series):
    plan = series.plan("2022-2025")
    [item, _summary] = plan_documents(site.page(plan_page(plan.id, lambda paths: paths.home, "en")))
    assert item.a["hreflang"] == "da" and item.a.find("span", lang="da").get_text() == plan.official_documents()[0].title.da
    assert "no official edition of the plan in English" in site.page(plan_page(plan.id, lambda paths: paths.home, "en")).select_one(".plan-documents__note").get_text()


def test_every_link_to_our_pdf_calls_it_a_summary(site):
    checked = 0
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        language = "en" if relative.startswith("en/") else "da"
        page = site.page(relative)
        for link in page.select('article a[type="application/pdf"]'):
            if "/pdf/" in "/" + link["href"]:
                assert link.get_text(" ", strip=True).startswith(SUMMARY_WORDS[language]), relative
                checked += 1
    assert checked > 100  # every plan page links its summary


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_press_release_page_is_labelled_our_summary_and_links_its_original(site, series, language):
    for plan in series.plans:
        for release in plan.press_releases:
            page = site.page(plan_page(plan.id, lambda paths: paths.press_release(release.id), language))
            lead = page.select_one("article .plan-lead").get_text(" ", strip=True)
            assert lead.startswith({"da": "Dette er vores sammenfatning", "en": "This is our English translation of our summary"}[language]), (plan.id, release.id)
            original = plan.source(release.original_source)
            facts = {dt.get_text(strip=True): dd for dt, dd in zip(page.select(".plan-facts dt"), page.select(".plan-facts dd"), strict=True)}
            [link] = facts[{"da": "Originalen", "en": "The original"}[language]].select("a")
            assert link["href"] == original.url, (plan.id, release.id)
            assert facts[{"da": "Originalen er udsendt af", "en": "Original issued by"}[language]].get_text(strip=True) == original.publisher
            assert not page.select(".plan-figures"), f"{plan.id}/{release.id}: key figures the release did not give"
            assert "udtalte" not in page.select_one("article").get_text()  # reported speech, not a promised quote


def test_the_launch_press_contact_is_dated_as_the_contact_of_its_release(site, plan):
    release = next(release for release in plan.press_releases if release.contact)
    for language, heading in {"da": "Pressekontakt ved udsendelsen, 10. september 2018", "en": "Press contact when the release was issued, 10 September 2018"}.items():
        page = site.page(plan_page(plan.id, lambda paths: paths.press_release(release.id), language))
        headings = [h2.get_text(" ", strip=True).removesuffix(" ¶") for h2 in page.select("article h2")]
        assert heading in headings, headings
        assert not [text for text in headings if text in ("Pressekontakt", "Press contact")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_room_lists_plan_events_as_a_timeline_never_as_published(site, series, language):
    for plan in series.plans:
        page = site.page(plan_page(plan.id, lambda paths: paths.press, language))
        text = page.select_one("article").get_text(" ", strip=True)
        assert {"da": "Tidslinje", "en": "Timeline"}[language] in [h2.get_text(" ", strip=True).removesuffix(" ¶") for h2 in page.select("article h2")]
        assert "Offentliggjort" not in text and "Published:" not in text, plan.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_marks_plan_events_as_events(site, series, language):
    entries = ElementTree.parse(site.root / LANGUAGES[language] / FEED).getroot().findall("atom:entry", ATOM)
    events = [entry for entry in entries if entry.find("atom:category", ATOM).get("term") == "event"]
    assert len(events) == sum(len(plan.updates) for plan in series.plans)
    for entry in events:
        assert entry.find("atom:published", ATOM) is None
        assert entry.findtext("atom:summary", namespaces=ATOM).startswith({"da": "Begivenhed i planens forløb", "en": "Event in the plan's timeline"}[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_page_dates_every_contact_and_says_whom_to_ask_where_none_is_known(site, series, language):
    page = site.page(LANGUAGES[language] + page_url(CONTACT))
    text = page.select_one("article").get_text(" ", strip=True)
    as_of = {"da": "Oplysningerne er fra en kilde af", "en": "These details are from a source dated"}[language]
    assert text.count(as_of) >= len(series.contacts)
    assert not series.contacts_for("press")  # the sources give no current press contact …
    assert {"da": "Kilderne oplyser ingen aktuel kontakt", "en": "The sources give no current contact"}[language] in text
    [general] = series.contacts_for("general")  # … so the page names whom to ask instead
    tel_links = [link["href"] for link in page.select('article a[href^="tel:"]')]
    assert tel_links.count("tel:" + general.phone.replace(" ", "")) >= 2
