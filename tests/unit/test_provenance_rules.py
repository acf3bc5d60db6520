"""Provenance in the data layer (issue 13): the official plan as an external document, press releases
that name their original, plan events apart from publications, site contacts with a purpose and a date.

Plan files are the minimal fixture with a section appended or a line changed, checked as `make
validate` checks them; views are built from the minimal series.
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree

from plansite.data.loading import load_data_file
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.outputs.feeds import render_feed
from support.minimal_plan import check_plan_text, minimal_with, plan_from, series_from
from support.paths import MINIMAL

PLAN = "data/plans/2019-2021.yaml"
OFFICIAL = """
documents:
  - id: officiel-plan
    official: true
    title: {da: "Testplanen", en: "Testplanen"}
    language: da
    publisher: ministeriet
    url: https://ft.example.org/bilag/1
    location: {da: "Folketinget: Bilag 1", en: "Danish Parliament: Annex 1"}
"""
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def problems_with(documents: str) -> list[str]:
    text = MINIMAL.read_text(encoding="utf-8") + documents
    return [str(problem) for problem in sorted(check_plan_text(text, PLAN))]


def line_in(documents: str, fragment: str) -> int:
    text = MINIMAL.read_text(encoding="utf-8") + documents
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_an_official_plan_as_an_external_document_is_valid():
    assert problems_with(OFFICIAL) == []


def test_an_external_document_without_a_publisher_is_refused_where_it_is():
    documents = OFFICIAL.replace("    publisher: ministeriet\n", "")
    line = line_in(documents, "  - id: officiel-plan")
    assert problems_with(documents) == [
        f"{PLAN}:{line}:5: documents[0]: missing key 'publisher', which an entry with 'url' needs"
        " — add 'publisher:' here (The actor id (actors.yaml) of who published the document)",
    ]


def test_a_document_without_a_url_or_a_file_is_refused_where_it_is():
    documents = OFFICIAL.replace("    url: https://ft.example.org/bilag/1\n", "")
    line = line_in(documents, "  - id: officiel-plan")
    assert problems_with(documents) == [
        f"{PLAN}:{line}:5: documents[0]: the document has neither a file nor a url"
        " — add file: (a PDF beside the data file) or url: with publisher: (a document published elsewhere, e.g. the official plan)"
    ]


def test_a_document_with_both_a_file_and_a_url_is_refused():
    documents = OFFICIAL.replace(
        "    url: https://ft.example.org/bilag/1\n",
        "    url: https://ft.example.org/bilag/1\n    file: documents/plan.pdf\n    accessible_format_contact: a@example.org\n",
    )
    problems = problems_with(documents)
    assert f"{PLAN}:{line_in(documents, 'url: https://ft')}:5: documents[0].url: a document has either a file or a url, not both" in problems[0]


def test_an_attached_file_still_needs_whom_to_ask_for_another_format():
    documents = OFFICIAL.replace("    url: https://ft.example.org/bilag/1\n", "    file: documents/plan.pdf\n")
    assert any(
        "documents[0]: missing key 'accessible_format_contact', which an entry with 'file' needs" in problem
        for problem in problems_with(documents)
    )


def test_an_external_documents_publisher_must_have_a_role_in_the_plan():
    documents = OFFICIAL.replace("publisher: ministeriet", "publisher: ministeriett")
    (problem,) = problems_with(documents)
    assert f"{PLAN}:{line_in(documents, 'publisher: ministeriett')}:16: documents[0].publisher: unknown actor 'ministeriett' — did you mean 'ministeriet'?" == problem


def test_a_press_releases_original_must_be_one_of_the_plans_sources():
    text = minimal_with(('    contact: presse\n', '    contact: presse\n    original_source: s2\n    original_language: da\n'))
    problems = [str(problem) for problem in check_plan_text(text, PLAN)]
    assert len(problems) == 1 and "press_releases[0].original_source: unknown source 's2'" in problems[0]


def test_the_model_keeps_the_official_plan_apart_from_other_documents():
    data = load_data_file(MINIMAL).data
    data["documents"] = [
        {"id": "evaluering", "title": {"da": "Evaluering", "en": "Evaluation"}, "language": "da", "publisher": "organisation", "url": "https://eval.example.org/"},
        {"id": "officiel-plan", "official": True, "title": {"da": "Testplanen", "en": "Testplanen"}, "language": "da", "publisher": "ministeriet", "url": "https://ft.example.org/bilag/1"},
    ]
    plan = plan_from(data)
    assert [document.id for document in plan.official_documents()] == ["officiel-plan"]
    assert [document.id for document in plan.other_documents()] == ["evaluering"]
    official = plan.official_documents()[0]
    assert official.is_external and official.file is None and official.pages is None  # no page count a source did not give


def test_a_press_release_page_says_it_is_our_summary_and_our_translation_where_the_original_is_in_another_language():
    data = load_data_file(MINIMAL).data
    data["press_releases"][0] |= {"original_source": "s1", "original_language": "da"}
    localized = localize(series_from(data), load_strings())
    release = localized["da"].plans[0].plan.press_releases[0]
    danish, english = localized["da"].plans[0], localized["en"].plans[0]
    assert danish.press_summary_label(release).startswith("Dette er vores sammenfatning af pressemeddelelsen")
    assert english.press_summary_label(release).startswith("This is our English translation of our summary")
    assert "which is in Danish" in english.press_summary_label(release)
    assert danish.press_origin(release) == "Udsendt af Ministeriet 10. september 2018 kl. 12.47. Her sammenfattet med vores ord."
    facts = dict(danish.press_origin_facts(release))
    assert facts["press_original"] == {"text": "Kilde ét", "external": "https://kilde.example.org/1"}
    assert facts["press_original_moment"] == {"text": "10. september 2018 kl. 12.47"}


def test_a_contact_purpose_without_a_contact_says_whom_to_ask_instead_and_invents_no_one():
    localized = localize(series_from(), load_strings())["da"]
    groups = {group["purpose"]: group for group in localized.contact_groups()}
    assert [contact.id for contact in groups["help"]["contacts"]] == ["hotline"]
    assert groups["press"]["contacts"] == [] and groups["press"]["none_known"]
    assert groups["press"]["ask_instead"] == []  # the minimal site has no general contact: nobody is offered


def test_a_plan_event_in_the_feed_is_marked_as_an_event_not_as_a_publication():
    data = load_data_file(MINIMAL).data
    data["updates"] = [
        {"id": "i-kraft", "date": "2019-01-01", "title": {"da": "Planen er trådt i kraft", "en": "The plan has entered into force"}, "text": {"da": "Den trådte i kraft.", "en": "It entered into force."}, "sources": ["s1"]}
    ]
    for language, words in {"da": "Begivenhed i planens forløb, 1. januar 2019", "en": "Event in the plan's timeline, 1 January 2019"}.items():
        feed = ElementTree.fromstring(render_feed(localize(series_from(data), load_strings())[language], "https://site.test/", "https://site.test/"))
        entries = {entry.findtext("atom:title", namespaces=ATOM): entry for entry in feed.findall("atom:entry", ATOM)}
        event = next(entry for title, entry in entries.items() if "2019" not in title and title in ("Planen er trådt i kraft", "The plan has entered into force"))
        assert event.find("atom:category", ATOM).get("term") == "event"
        assert event.find("atom:published", ATOM) is None  # an event is not published; it happens
        assert event.findtext("atom:summary", namespaces=ATOM).startswith(words)
        release = next(entry for entry in feed.findall("atom:entry", ATOM) if entry.find("atom:category", ATOM).get("term") == "press-release")
        assert datetime.fromisoformat(release.findtext("atom:published", namespaces=ATOM)).year == 2018
