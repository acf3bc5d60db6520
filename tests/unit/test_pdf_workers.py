"""The plan PDFs a build misses are rendered side by side, in worker processes; the cached are reused."""

from __future__ import annotations

import os
import threading
from functools import partial
from pathlib import Path

import pytest

from plansite.pdf import downloads
from plansite.pdf.downloads import PdfFailed, PlanPdfJob, run_jobs


def _pid_of_renderer(label: str) -> bytes:
    return f"{label} {os.getpid()}".encode()


def _failing(label: str) -> bytes:
    raise PdfFailed(f"The plan PDF fails its accessibility checks: {label}")


def _job(tmp_path: Path, plan_id: str, language: str, render=_pid_of_renderer) -> PlanPdfJob:
    return PlanPdfJob(
        plan_id, language, tmp_path, f"{plan_id}{language}" * 8, partial(render, plan_id)
    )


@pytest.fixture
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(downloads.os, "cpu_count", lambda: 2)


@pytest.fixture
def no_other_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in `mkdocs build`: a test run may have left a thread of another test's running."""
    monkeypatch.setattr(downloads.threading, "active_count", lambda: 1)


def test_missing_pdfs_are_rendered_in_worker_processes_and_stored(tmp_path, two_cpus, no_other_thread):
    jobs = [_job(tmp_path, "a", "da"), _job(tmp_path, "b", "en")]
    results = run_jobs(jobs)
    assert set(results) == {("a", "da"), ("b", "en")}
    for (plan_id, _), (path, rendered, _) in results.items():
        assert rendered and path is not None
        label, pid = path.read_text().split()
        assert label == plan_id
        assert int(pid) != os.getpid()


def test_a_cached_pdf_is_taken_from_the_cache_and_not_rendered(tmp_path, two_cpus):
    cached = _job(tmp_path, "a", "da")
    cached.store(b"kept")
    results = run_jobs([cached, _job(tmp_path, "b", "da")])
    assert results[("a", "da")][:2] == (cached.path, False)
    assert cached.path.read_bytes() == b"kept"
    assert results[("b", "da")][1] is True


def test_one_missing_pdf_is_rendered_in_this_process(tmp_path, two_cpus):
    (path, rendered, _) = run_jobs([_job(tmp_path, "a", "da")])[("a", "da")]
    assert rendered and path is not None
    assert int(path.read_text().split()[1]) == os.getpid()


def test_with_another_thread_running_every_pdf_is_rendered_in_this_process(tmp_path, two_cpus):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = run_jobs([_job(tmp_path, "a", "da"), _job(tmp_path, "b", "da")])
    finally:
        stop.set()
        thread.join()
    for path, _, _ in results.values():
        assert path is not None and int(path.read_text().split()[1]) == os.getpid()


def test_a_failure_in_a_worker_reaches_the_build_as_pdf_failed(tmp_path, two_cpus, no_other_thread):
    jobs = [_job(tmp_path, "a", "da"), _job(tmp_path, "b", "da", render=_failing)]
    with pytest.raises(PdfFailed, match="accessibility checks: b"):
        run_jobs(jobs)
    assert not jobs[1].path.exists()
