"""Rendering the plan PDFs: reproducible, cached by their inputs, and failing loudly on errors."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pikepdf
import pytest

from plansite.data.model import Text
from plansite.i18n.view import LocalizedPlan, localize
from plansite.pdf import cache
from plansite.pdf import downloads
from plansite.pdf.check import Finding
from plansite.pdf.render import RenderError, creation_date, render_pdf
from plansite.pdf.view import build_print_view
from support.paths import FIXTURES

EPOCH = 1536573600  # 2018-09-10 10:00:00 UTC


def prepare(plan, strings, cache_dir: Path) -> downloads.Downloads:
    return downloads.prepare_downloads(localize(plan, strings), FIXTURES, cache_dir, "https://site.test/")


def test_two_renders_with_source_date_epoch_give_identical_bytes_dated_by_it(minimal_plan, strings):
    view = build_print_view(LocalizedPlan(minimal_plan, "da", strings["da"]), "https://site.test/")
    created = creation_date(EPOCH)
    first, second = render_pdf(view, view["link_descriptions"], created), render_pdf(view, view["link_descriptions"], created)
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20180910100000")
        assert pdf.open_metadata()["xmp:CreateDate"] == "2018-09-10T10:00:00Z"


def test_internal_links_are_described_by_their_target_title(minimal_plan, strings):
    view = build_print_view(LocalizedPlan(minimal_plan, "en", strings["en"]), "")
    with pikepdf.open(io.BytesIO(render_pdf(view, view["link_descriptions"]))) as pdf:
        contents = {str(annotation.Contents) for page in pdf.pages for annotation in page.obj.get("/Annots", []) if "/Dest" in annotation}
    assert "Action area 1: Area A" in contents and "Sub-area A" in contents
    assert not any(content.startswith(("area-", "sub-area-")) for content in contents)


def test_a_weasyprint_error_fails_the_render(minimal_plan, strings):
    view = {**build_print_view(LocalizedPlan(minimal_plan, "da", strings["da"]), ""), "language": ""}  # <html lang="">: WeasyPrint logs an ERROR, writes the PDF anyway
    with pytest.raises(RenderError, match='Missing required "lang" attribute'):
        render_pdf(view)


def test_a_pdf_that_fails_a_check_fails_the_build_and_is_not_cached(minimal_plan, strings, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "check_pdf", lambda *arguments, **options: [Finding("plan PDF (da)", "page 1", "/Tabs is not /S")])
    with pytest.raises(downloads.PdfFailed, match=r"(?s)fails its accessibility checks:.*plan PDF \(da\): page 1: /Tabs is not /S"):
        prepare(minimal_plan, strings, tmp_path)
    assert list(tmp_path.glob("*.pdf")) == []


def test_unchanged_inputs_are_not_rendered_again_and_a_changed_plan_is(minimal_plan, strings, tmp_path):
    first = prepare(minimal_plan, strings, tmp_path)
    assert first.rendered == {"da": True, "en": True}
    cached = {language: item.source.read_bytes() for language, item in first.plan_pdfs.items()}

    second = prepare(minimal_plan, strings, tmp_path)
    assert second.rendered == {"da": False, "en": False}
    assert {language: item.source.read_bytes() for language, item in second.plan_pdfs.items()} == cached

    renamed = dataclasses.replace(minimal_plan, plan=dataclasses.replace(minimal_plan.plan, title=Text("Omdøbt plan", "Renamed plan")))
    third = prepare(renamed, strings, tmp_path)
    assert third.rendered == {"da": True, "en": True}
    assert sorted(path.name for path in tmp_path.glob("*.pdf")) == sorted(item.source.name for item in third.plan_pdfs.values())  # the old files are gone


def test_the_cache_key_changes_with_every_input_file(minimal_plan, strings, tmp_path):
    view = build_print_view(LocalizedPlan(minimal_plan, "da", strings["da"]), "")
    template = tmp_path / "plan.css"
    template.write_text("h1 { color: black; }", encoding="utf-8")
    before = cache.cache_key(view, [template], {})
    assert cache.cache_key(view, [template], {}) == before
    template.write_text("h1 { color: navy; }", encoding="utf-8")
    assert cache.cache_key(view, [template], {}) != before


def test_the_cache_covers_the_template_the_css_the_fonts_and_the_code():
    names = {path.name for path in cache.input_files(downloads.STYLESHEET.parent, downloads.FONTS_DIR)}
    assert {"plan.html", "initiative.html", "plan.css", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "render.py", "view.py", "check.py"} <= names


def test_the_cache_key_changes_with_source_date_epoch(minimal_plan, strings, tmp_path):
    localized = LocalizedPlan(minimal_plan, "da", strings["da"])
    without = downloads.plan_pdf_job(localized, tmp_path, "", None).key
    assert downloads.plan_pdf_job(localized, tmp_path, "", None).key == without
    assert downloads.plan_pdf_job(localized, tmp_path, "", EPOCH).key != without
