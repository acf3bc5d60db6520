"""Rendering the plan PDFs: reproducible, cached by their inputs, and failing loudly on errors."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pikepdf
import pytest

from plansite.data.model import Text
from plansite.pdf import cache
from plansite.pdf import downloads as publish
from plansite.pdf.check import Finding
from plansite.pdf.render import RenderError, render_pdf
from plansite.pdf.view import build_print_view
from plansite.i18n.strings import load_strings
from plansite.data.validation import load_plan

FIXTURES = Path(__file__).parent / "fixtures"
EPOCH = "1536573600"  # 2018-09-10 10:00:00 UTC


@pytest.fixture(scope="module")
def small_plan():
    return load_plan(FIXTURES / "minimal.yaml")


@pytest.fixture(scope="module")
def strings():
    return load_strings()


def prepare(plan, strings, cache_dir: Path) -> publish.Downloads:
    return publish.prepare_downloads(plan, strings, FIXTURES, cache_dir, "https://site.test/")


def test_two_renders_with_source_date_epoch_give_identical_bytes_dated_by_it(small_plan, strings, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    view = build_print_view(small_plan, "da", strings["da"], "https://site.test/")
    first, second = render_pdf(view, view["link_descriptions"]), render_pdf(view, view["link_descriptions"])
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20180910100000")
        assert pdf.open_metadata()["xmp:CreateDate"] == "2018-09-10T10:00:00Z"


def test_internal_links_are_described_by_their_target_title(small_plan, strings):
    view = build_print_view(small_plan, "en", strings["en"], "")
    with pikepdf.open(io.BytesIO(render_pdf(view, view["link_descriptions"]))) as pdf:
        contents = {str(annotation.Contents) for page in pdf.pages for annotation in page.obj.get("/Annots", []) if "/Dest" in annotation}
    assert "Action area 1: Area A" in contents and "Sub-area A" in contents
    assert not any(content.startswith(("area-", "sub-area-")) for content in contents)


def test_a_weasyprint_error_fails_the_render(small_plan, strings):
    view = {**build_print_view(small_plan, "da", strings["da"], ""), "language": ""}  # <html lang="">: WeasyPrint logs an ERROR, writes the PDF anyway
    with pytest.raises(RenderError, match='Missing required "lang" attribute'):
        render_pdf(view)


def test_a_pdf_that_fails_a_check_fails_the_build_and_is_not_cached(small_plan, strings, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "check_pdf", lambda *arguments, **options: [Finding("plan PDF (da)", "page 1", "/Tabs is not /S")])
    with pytest.raises(publish.PdfFailed, match=r"(?s)fails its accessibility checks:.*plan PDF \(da\): page 1: /Tabs is not /S"):
        prepare(small_plan, strings, tmp_path)
    assert list(tmp_path.glob("*.pdf")) == []


def test_unchanged_inputs_are_not_rendered_again_and_a_changed_plan_is(small_plan, strings, tmp_path):
    first = prepare(small_plan, strings, tmp_path)
    assert first.rendered == {"da": True, "en": True}
    cached = {language: item.source.read_bytes() for language, item in first.plan_pdfs.items()}

    second = prepare(small_plan, strings, tmp_path)
    assert second.rendered == {"da": False, "en": False}
    assert {language: item.source.read_bytes() for language, item in second.plan_pdfs.items()} == cached

    renamed = dataclasses.replace(small_plan, plan=dataclasses.replace(small_plan.plan, title=Text("Omdøbt plan", "Renamed plan")))
    third = prepare(renamed, strings, tmp_path)
    assert third.rendered == {"da": True, "en": True}
    assert sorted(path.name for path in tmp_path.glob("*.pdf")) == sorted(item.source.name for item in third.plan_pdfs.values())  # the old files are gone


def test_the_cache_key_changes_with_every_input_file(small_plan, strings, tmp_path):
    view = build_print_view(small_plan, "da", strings["da"], "")
    template = tmp_path / "plan.css"
    template.write_text("h1 { color: black; }", encoding="utf-8")
    before = cache.cache_key(view, [template], {})
    assert cache.cache_key(view, [template], {}) == before
    template.write_text("h1 { color: navy; }", encoding="utf-8")
    assert cache.cache_key(view, [template], {}) != before


def test_the_cache_covers_the_template_the_css_the_fonts_and_the_code():
    names = {path.name for path in cache.input_files(publish.STYLESHEET.parent, publish.FONTS_DIR)}
    assert {"plan.html", "initiative.html", "plan.css", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "render.py", "view.py", "check.py"} <= names


def test_the_cache_key_changes_with_source_date_epoch(small_plan, strings, monkeypatch):
    view = build_print_view(small_plan, "da", strings["da"], "")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    without = cache.cache_key(view, [], {})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert cache.cache_key(view, [], {}) != without
