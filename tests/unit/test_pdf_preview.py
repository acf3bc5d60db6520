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

from plansite.serve.pdf_preview import FAILURE_MARKER, PreviewPdfs
from plansite.pdf.downloads import PdfFailed, PlanPdfJob


class Renders:
    """Jobs whose render returns `%PDF-<key>` and is counted."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.rendered: list[str] = []

    def job(self, key: str, language: str = "da", render: Callable[[], bytes] | None = None, plan_id: str = "2019-2021") -> PlanPdfJob:
        def counted() -> bytes:
            self.rendered.append(key)
            return render() if render else f"%PDF-{key}".encode()

        return PlanPdfJob(plan_id, language, self.cache_dir, key, counted)


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


def test_only_the_newest_inputs_of_a_plan_in_a_language_are_rendered(renders: Renders, preview: PreviewPdfs):
    preview.offer(renders.job("k1"))
    preview.offer(renders.job("k2"))
    preview.offer(renders.job("k3", language="en"))
    preview.offer(renders.job("later-1", plan_id="2022-2025"))
    preview.offer(renders.job("later-2", plan_id="2022-2025"))
    preview.start()
    assert preview.wait(30)
    assert sorted(renders.rendered) == ["k2", "k3", "later-2"]


def test_each_plan_in_each_language_keeps_its_own_pdf(renders: Renders, preview: PreviewPdfs):
    for job in (renders.job("k1"), renders.job("k1", language="en"), renders.job("k1", plan_id="2022-2025")):
        assert preview.offer(job) is None
    preview.start()
    assert preview.wait(30)
    assert sorted(path.name for path in renders.cache_dir.glob("*.pdf")) == sorted(
        job.path.name for job in (renders.job("k1"), renders.job("k1", language="en"), renders.job("k1", plan_id="2022-2025"))
    )
    assert len(renders.rendered) == 3
    offered = {(plan_id, language): preview.offer(renders.job("k2", language=language, plan_id=plan_id)) for plan_id, language in (("2019-2021", "da"), ("2019-2021", "en"), ("2022-2025", "da"))}
    assert all(path.read_bytes() == b"%PDF-k1" for path in offered.values())
    assert len(set(offered.values())) == 3  # a private copy of each one's previous PDF, not of another's


def failing_checks() -> bytes:
    raise PdfFailed("The plan PDF fails its accessibility checks:\n  plan PDF (da): page 6: a run of dots (a leader) in the text")


def test_a_failing_pdf_fails_the_next_build_with_the_message_of_mkdocs_build(renders: Renders, preview: PreviewPdfs):
    renders.job("k1").run()
    preview.offer(renders.job("k2", render=failing_checks))
    preview.start()
    assert preview.wait(30)
    with pytest.raises(PdfFailed) as raised:
        preview.offer(renders.job("k2", render=failing_checks))
    assert str(raised.value) == "The plan PDF fails its accessibility checks:\n  plan PDF (da): page 6: a run of dots (a leader) in the text"
    assert renders.rendered == ["k1", "k2"]  # not rendered again for the same inputs: no rebuild loop
    assert preview.offer(renders.job("k1")).read_bytes() == b"%PDF-k1"  # the previous PDF stays
    assert preview.offer(renders.job("k2", plan_id="2022-2025")) is None  # the same inputs' key in another plan: not refused


def test_a_failing_pdf_makes_serve_rebuild_through_a_marker_in_the_watched_cache(renders: Renders, preview: PreviewPdfs):
    preview.offer(renders.job("k1", render=failing_checks))
    preview.start()
    assert preview.wait(30)
    marker = renders.cache_dir / FAILURE_MARKER
    assert "a run of dots (a leader)" in marker.read_text(encoding="utf-8")
    preview.close()
    assert not marker.exists()


def test_new_inputs_after_a_failure_are_rendered_and_end_the_failure(renders: Renders, preview: PreviewPdfs):
    preview.offer(renders.job("k1", render=failing_checks))
    preview.start()
    assert preview.wait(30)
    assert preview.offer(renders.job("k2")) is None  # queued, not refused
    preview.start()
    assert preview.wait(30)
    assert preview.offer(renders.job("k2")).read_bytes() == b"%PDF-k2"
    assert preview.offer(renders.job("en-1", language="en")) is None  # another language is not concerned


def test_an_unexpected_exception_in_a_render_is_reported_by_type_and_message(renders: Renders, preview: PreviewPdfs):
    def broken() -> bytes:
        raise ValueError("the print view has no 'title'")

    preview.offer(renders.job("k1", render=broken))
    preview.start()
    assert preview.wait(30)
    with pytest.raises(PdfFailed, match=r"^ValueError: the print view has no 'title'$"):
        preview.offer(renders.job("k1", render=broken))


def test_the_worker_logs_no_warning_that_a_strict_rebuild_would_count(renders: Renders, preview: PreviewPdfs, caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.plansite.pdf"):
        preview.offer(renders.job("k1", render=failing_checks))
        preview.start()
        assert preview.wait(30)
    assert [record.levelno for record in caplog.records] == [logging.INFO, logging.INFO]
    assert [record.getMessage() for record in caplog.records] == [
        "Plan PDF (2019-2021, da): its inputs changed; it is rendered after this build; until then the preview links the previous one, if any",
        "Plan PDF (2019-2021, da): it failed after the build; the preview is rebuilt to show why",
    ]
