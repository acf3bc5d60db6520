"""Plan PDFs under `mkdocs serve`: rendered after the build on a worker thread, the previous one linked meanwhile.

The unit tests use jobs whose "render" writes known bytes, so they show what is
rendered when without WeasyPrint; the last test runs `mkdocs serve` on the
minimal plan with real PDFs.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from serve_support import free_port, get_or_none, running_mkdocs_serve, wait_for

from plansite.serve.pdf_preview import PreviewPdfs
from plansite.pdf.downloads import PdfFailed, PlanPdfJob

PROJECT_DIR = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "assets")


class Renders:
    """Jobs whose render returns `%PDF-<key>` and is counted."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.rendered: list[str] = []

    def job(self, key: str, language: str = "da", render: Callable[[], bytes] | None = None) -> PlanPdfJob:
        def counted() -> bytes:
            self.rendered.append(key)
            return render() if render else f"%PDF-{key}".encode()

        return PlanPdfJob(language, self.cache_dir, key, counted)


@pytest.fixture
def renders(tmp_path: Path) -> Renders:
    return Renders(tmp_path / "cache")


@pytest.fixture
def preview() -> Iterator[PreviewPdfs]:
    pdfs = PreviewPdfs()
    yield pdfs
    assert pdfs.wait(30)
    pdfs.close()


def test_a_pdf_whose_inputs_changed_is_rendered_after_the_build_not_during_it(renders: Renders, preview: PreviewPdfs):
    job = renders.job("k1")
    assert preview.offer(job) is None  # nothing to link yet on a first start
    assert renders.rendered == []
    preview.start()
    assert preview.wait(30)
    assert renders.rendered == ["k1"]
    assert job.path.read_bytes() == b"%PDF-k1"


def test_meanwhile_the_pages_link_a_private_copy_of_the_previous_pdf(renders: Renders, preview: PreviewPdfs):
    renders.job("k1").run()
    offered = preview.offer(renders.job("k2"))
    assert offered is not None and offered.read_bytes() == b"%PDF-k1"
    assert renders.cache_dir not in offered.parents  # the worker may delete the cached file while a build reads it
    preview.start()
    assert preview.wait(30)
    assert renders.rendered == ["k1", "k2"]
    assert sorted(path.name for path in renders.cache_dir.glob("*.pdf")) == [renders.job("k2").path.name]  # the stale one is gone
    assert offered.read_bytes() == b"%PDF-k1"
    assert preview.offer(renders.job("k2")).read_bytes() == b"%PDF-k2"


def test_unchanged_inputs_queue_nothing(renders: Renders, preview: PreviewPdfs):
    renders.job("k1").run()
    assert preview.offer(renders.job("k1")).read_bytes() == b"%PDF-k1"
    preview.start()
    assert preview.wait(30)
    assert renders.rendered == ["k1"]


def test_only_the_newest_inputs_of_a_language_are_rendered(renders: Renders, preview: PreviewPdfs):
    preview.offer(renders.job("k1"))
    preview.offer(renders.job("k2"))
    preview.offer(renders.job("k3", language="en"))
    preview.start()
    assert preview.wait(30)
    assert sorted(renders.rendered) == ["k2", "k3"]


def test_a_failing_pdf_is_logged_and_the_previous_one_stays(renders: Renders, preview: PreviewPdfs, caplog: pytest.LogCaptureFixture):
    renders.job("k1").run()

    def failing() -> bytes:
        raise PdfFailed("The plan PDF fails its accessibility checks: /Tabs is not /S")

    preview.offer(renders.job("k2", render=failing))
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.plansite.pdf"):
        preview.start()
        assert preview.wait(30)
    assert [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR] == ["Plan PDF (da) for the preview: The plan PDF fails its accessibility checks: /Tabs is not /S"]
    assert preview.offer(renders.job("k1")).read_bytes() == b"%PDF-k1"


def _pdf_text(content: bytes, folder: Path) -> str:
    path = folder / "served.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_serve_shows_an_edit_before_its_pdf_is_rendered_then_links_the_new_pdf(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = PROJECT_DIR / part
        (shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__")) if source.is_dir() else shutil.copy2(source, project / part))
    shutil.copyfile(MINIMAL, project / "data" / "initiatives.yaml")
    port, log_file = free_port(), tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/"
    pdf_url = url + "pdf/handlingsplan-mod-menneskehandel-2019-2021.pdf"
    english_pdf_url = url + "en/pdf/action-plan-against-human-trafficking-2019-2021.pdf"
    environment = {key: value for key, value in os.environ.items() if key not in {"PLAN_DATA_FILE", "PLAN_SKIP_PDF", "PLAN_PDF_CACHE_DIR"}} | {"NO_MKDOCS_2_WARNING": "1"}
    with running_mkdocs_serve(project, port, environment, log_file):
        # First start, empty cache: the pages come first, the PDF after them.
        wait_for(lambda: get_or_none(pdf_url) and get_or_none(english_pdf_url), "the first PDFs to be rendered and linked", timeout=180)
        first_pdf = get_or_none(pdf_url)
        assert "Testplan 2019-2021" in _pdf_text(first_pdf, tmp_path)
        assert b"handlingsplan-mod-menneskehandel-2019-2021.pdf" in get_or_none(url)
        wait_for(lambda: time.time() - log_file.stat().st_mtime > 2, "the server to settle", timeout=180)

        before_edit = len(log_file.read_text(encoding="utf-8"))
        data_file = project / "data" / "initiatives.yaml"
        data_file.write_text(data_file.read_text(encoding="utf-8").replace("Testplan 2019-2021", "Omdøbt plan 2019-2021"), encoding="utf-8")
        wait_for(lambda: "Omdøbt plan 2019-2021" in (get_or_none(url) or b"").decode(), "the edited home page", timeout=180)
        wait_for(lambda: "Omdøbt plan 2019-2021" in _pdf_text(get_or_none(pdf_url) or first_pdf, tmp_path), "the PDF with the new title", timeout=180)
        log_text = log_file.read_text(encoding="utf-8")
        assert "Traceback" not in log_text and "ERROR" not in log_text
        after_edit = log_text[before_edit:]
        queued = after_edit.index("Plan PDF (da): its inputs changed; it is rendered after this build")
        built = after_edit.index("Documentation built", queued)
        rendered = after_edit.index("Plan PDF (da): rendered and checked in")
        assert queued < built < rendered  # the edited site was built, and served, before its PDF was rendered
