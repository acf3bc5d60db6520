"""Documents editors attach to a plan: checked in its file, described from the file, published and offered on its about page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from weasyprint import HTML

from plansite.data.documents import DocumentFacts
from plansite.i18n.formatting import describe_document
from plansite.i18n.strings import load_strings
from support.building import build_site, series_with_plan
from support.minimal_plan import check_plan_text
from support.paths import MINIMAL, MINIMAL_PLAN_ID

SITE = "https://site.test/"
DOCUMENTS = """
documents:
  - id: testdokument
    title: {da: "Testdokument", en: "Test document"}
    language: en
    file: documents/testdokument.pdf
    description: {da: "Et dokument til test.", en: "A document for testing."}
    accessible_format_contact: dokumenter@example.org
"""


def write_document(folder: Path, pages: int = 2) -> Path:
    """A small PDF made for the tests (the real data attaches no document), beside a plan file in `folder`."""
    path = folder / "documents" / "testdokument.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = '<p style="break-after: page">Side</p>' * (pages - 1) + "<p>Side</p>"
    HTML(string=f'<html lang="en"><title>Test document</title><body>{body}</body></html>').write_pdf(path)
    return path


def plan_file(folder: Path) -> Path:
    """Where the plan file checked by `problems_in` is (its documents are relative to its folder)."""
    return folder / f"{MINIMAL_PLAN_ID}.yaml"


def problems_in(folder: Path, documents: str = DOCUMENTS) -> list[str]:
    text = MINIMAL.read_text(encoding="utf-8") + documents
    return [str(problem) for problem in sorted(check_plan_text(text, str(plan_file(folder))))]


def line_of(documents: str, fragment: str) -> int:
    text = MINIMAL.read_text(encoding="utf-8") + documents
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_an_attached_document_with_a_readable_pdf_is_valid(tmp_path):
    write_document(tmp_path)
    assert problems_in(tmp_path) == []


def test_a_missing_file_is_a_located_problem(tmp_path):
    line = line_of(DOCUMENTS, "file: documents/")
    assert problems_in(tmp_path) == [
        f"{plan_file(tmp_path)}:{line}:11: documents[0].file: 'documents/testdokument.pdf': the file does not exist"
        f" — put the PDF at {tmp_path / 'documents' / 'testdokument.pdf'} (paths are relative to the data file's folder), or correct the path"
    ]


def test_a_file_that_is_not_a_pdf_is_a_located_problem(tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "testdokument.pdf").write_text("not a PDF", encoding="utf-8")
    (problem,) = problems_in(tmp_path)
    assert f"{plan_file(tmp_path)}:{line_of(DOCUMENTS, 'file: documents/')}:11: documents[0].file: 'documents/testdokument.pdf': the file is not a readable PDF" in problem


def test_a_file_outside_the_data_folder_is_refused(tmp_path):
    (problem,) = problems_in(tmp_path, DOCUMENTS.replace("file: documents/testdokument.pdf", "file: ../testdokument.pdf"))
    assert "documents[0].file: '../testdokument.pdf' is not in the expected format" in problem


def test_a_document_id_used_twice_is_refused(tmp_path):
    write_document(tmp_path)
    twice = DOCUMENTS + DOCUMENTS.removeprefix("\ndocuments:\n")
    (problem,) = problems_in(tmp_path, twice)
    assert problem.endswith("documents[1].id: the document id 'testdokument' is used twice (first at line %d) — give each document its own id" % line_of(DOCUMENTS, "- id: testdokument"))


@pytest.mark.parametrize(
    ("facts", "document_language", "language", "expected"),
    [
        (DocumentFacts(214_300, 18), "da", "da", "PDF, 214 kB, 18 sider, på dansk"),
        (DocumentFacts(1_234_567, 1), "en", "da", "PDF, 1,2 MB, 1 side, på engelsk"),
        (DocumentFacts(1_234_567, 1), "da", "en", "PDF, 1.2 MB, 1 page, in Danish"),
        (DocumentFacts(400, 2), "en", "en", "PDF, 1 KB, 2 pages, in English"),
    ],
)
def test_a_document_is_described_by_format_size_pages_and_language(facts, document_language, language, expected):
    assert describe_document(facts, document_language, language, load_strings()[language]) == expected


@pytest.fixture(scope="module")
def site_with_document(tmp_path_factory):
    """The minimal series, its plan with one attached document, built once for this module."""
    folder = tmp_path_factory.mktemp("data")
    data_dir = series_with_plan(folder / "data", MINIMAL.read_text(encoding="utf-8") + DOCUMENTS)
    source = write_document(data_dir / "plans")
    return build_site(tmp_path_factory.mktemp("site"), data_dir, {"PLAN_PDF_CACHE_DIR": str(folder / "cache")}), source


@pytest.mark.parametrize(("relative", "title", "details", "description", "intro"), [
    (f"{MINIMAL_PLAN_ID}/om-planen/index.html", "Testdokument", "(PDF, {kb} kB, 2 sider, på engelsk)", "Et dokument til test.", "Dette dokument er ikke lavet af os"),
    (f"en/{MINIMAL_PLAN_ID}/om-planen/index.html", "Test document", "(PDF, {kb} KB, 2 pages, in English)", "A document for testing.", "We did not make this document"),
])
def test_the_about_page_offers_the_document_with_its_facts_and_a_way_to_ask_for_another_format(site_with_document, relative, title, details, description, intro):
    built, source = site_with_document
    (item,) = built.page(relative).select('section[aria-labelledby="other-documents-heading"] li')
    link = item.select_one("a[type='application/pdf']")
    assert link.get_text(" ", strip=True).startswith(title)
    assert link["hreflang"] == "en"
    assert link.select_one(".plan-download__details").get_text() == details.format(kb=round(source.stat().st_size / 1000))
    target = built.root / urljoin(SITE + relative, link["href"]).removeprefix(SITE)
    assert target.read_bytes() == source.read_bytes()
    assert item.select_one("a[href='mailto:dokumenter@example.org']") is not None
    assert description in item.get_text(" ", strip=True)
    assert intro in item.get_text(" ", strip=True)


def test_the_document_is_published_under_its_plan_in_both_language_trees(site_with_document):
    built, source = site_with_document
    assert (built.root / MINIMAL_PLAN_ID / "dokumenter" / "testdokument.pdf").read_bytes() == source.read_bytes()
    assert (built.root / "en" / MINIMAL_PLAN_ID / "dokumenter" / "testdokument.pdf").read_bytes() == source.read_bytes()


def test_other_pages_offer_the_plan_but_not_the_documents(site_with_document):
    built, _ = site_with_document
    for relative in ("index.html", f"{MINIMAL_PLAN_ID}/index.html", f"en/{MINIMAL_PLAN_ID}/indsatser/indsats-et/index.html", "en/kontakt/index.html"):
        soup = built.page(relative)
        assert soup.select('section[aria-labelledby="other-documents-heading"]') == []
        assert len(soup.select(".plan-download a")) == 1
