"""Rendering the plan PDFs: reproducible, cached by their inputs, and failing loudly on errors."""

from __future__ import annotations

import dataclasses
import io
import logging
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
from support.paths import MINIMAL_DIR

EPOCH = 1536573600  # 2018-09-10 10:00:00 UTC
SLOTS = {("2019-2021", "da"), ("2019-2021", "en")}


def prepare(series, strings, cache_dir: Path) -> downloads.Downloads:
    return downloads.prepare_downloads(localize(series, strings), MINIMAL_DIR, cache_dir, "https://site.test/")


def with_plan(series, plan):
    """`series` with `plan` in place of its plan of that id."""
    return dataclasses.replace(series, plans=tuple(plan if item.id == plan.id else item for item in series.plans))


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


def test_a_pdf_that_fails_a_check_fails_the_build_and_is_not_cached(minimal_series, strings, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "check_pdf", lambda *arguments, **options: [Finding("plan PDF (da)", "page 1", "/Tabs is not /S")])
    with pytest.raises(downloads.PdfFailed, match=r"(?s)fails its accessibility checks:.*plan PDF \(da\): page 1: /Tabs is not /S"):
        prepare(minimal_series, strings, tmp_path)
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_failing_pdf_names_the_plan_and_the_language_it_is_of(minimal_series, strings, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "check_pdf", lambda content, language, required_texts, name: [Finding(name, "page 1", "/Tabs is not /S")] if language == "en" else [])
    with pytest.raises(downloads.PdfFailed) as raised:
        prepare(minimal_series, strings, tmp_path)
    assert "2019-2021" in str(raised.value) and "en" in str(raised.value).splitlines()[-1]  # a series has a PDF per plan and language


def test_unchanged_inputs_are_not_rendered_again_and_a_changed_plan_is(minimal_series, minimal_plan, strings, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.plansite.pdf"):
        first = prepare(minimal_series, strings, tmp_path)
    assert first.rendered == dict.fromkeys(SLOTS, True)
    assert sorted(record.getMessage().split(" in ")[0] for record in caplog.records) == ["Plan PDF (2019-2021, da): rendered and checked", "Plan PDF (2019-2021, en): rendered and checked"]
    cached = {slot: item.source.read_bytes() for slot, item in first.plan_pdfs.items()}

    second = prepare(minimal_series, strings, tmp_path)
    assert second.rendered == dict.fromkeys(SLOTS, False)
    assert {slot: item.source.read_bytes() for slot, item in second.plan_pdfs.items()} == cached

    renamed = dataclasses.replace(minimal_plan, plan=dataclasses.replace(minimal_plan.plan, title=Text("Omdøbt plan", "Renamed plan")))
    third = prepare(with_plan(minimal_series, renamed), strings, tmp_path)
    assert third.rendered == dict.fromkeys(SLOTS, True)
    assert sorted(path.name for path in tmp_path.glob("*.pdf")) == sorted(item.source.name for item in third.plan_pdfs.values())  # the old files are gone


@pytest.fixture(scope="module")
def prepared(minimal_series, strings, tmp_path_factory) -> downloads.Downloads:
    """The minimal series' downloads, its PDFs rendered into a cache of the module's."""
    return prepare(minimal_series, strings, tmp_path_factory.mktemp("pdf-cache"))


def test_each_plans_pdf_is_offered_under_its_id_and_the_root_plans_also_at_its_old_address(prepared, tmp_path):
    assert {slot: item.site_path for slot, item in prepared.plan_pdfs.items()} == {
        ("2019-2021", "da"): "2019-2021/pdf/testplan-2019-2021.pdf",
        ("2019-2021", "en"): "2019-2021/pdf/test-plan-2019-2021.pdf",
    }
    assert {language: (old, item.site_path) for language, (old, item) in prepared.legacy_pdfs.items()} == {
        "da": ("pdf/testplan-2019-2021.pdf", "2019-2021/pdf/testplan-2019-2021.pdf"),
        "en": ("pdf/test-plan-2019-2021.pdf", "2019-2021/pdf/test-plan-2019-2021.pdf"),
    }
    site = tmp_path / "site"
    for language in ("da", "en"):
        downloads.publish_downloads(prepared, language, site)
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*.pdf")) == [
        "2019-2021/pdf/testplan-2019-2021.pdf", "en/2019-2021/pdf/test-plan-2019-2021.pdf", "en/pdf/test-plan-2019-2021.pdf", "pdf/testplan-2019-2021.pdf",
    ]
    assert (site / "pdf/testplan-2019-2021.pdf").read_bytes() == (site / "2019-2021/pdf/testplan-2019-2021.pdf").read_bytes()


def test_a_page_links_the_pdf_of_its_own_plan_in_its_language(prepared, strings):
    danish = downloads.page_downloads(prepared, "da", "2019-2021/indsatser/indsats-et/", strings["da"], "2019-2021")
    assert danish["plan_pdf"]["href"] == "../../pdf/testplan-2019-2021.pdf" and danish["plan_pdf"]["language"] == "da"
    english = downloads.page_downloads(prepared, "en", "en/2019-2021/", strings["en"], "2019-2021")
    assert english["plan_pdf"]["href"] == "pdf/test-plan-2019-2021.pdf" and english["plan_pdf"]["language"] == "en"
    assert downloads.page_downloads(prepared, "da", "2022-2025/", strings["da"], "2022-2025")["plan_pdf"] is None  # a plan without a PDF here


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
