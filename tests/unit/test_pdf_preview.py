"""Plan PDFs under `mkdocs serve`: rendered after the build on a worker thread, the previous one linked meanwhile.

These tests use jobs whose "render" writes known bytes, so they show what is
rendered when without WeasyPrint; tests/site/test_pdf_preview_serve.py runs
`mkdocs serve` on the minimal plan with real PDFs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from plansite.serve.pdf_preview import PreviewPdfs
from plansite.pdf.downloads import PdfFailed, PlanPdfJob


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
