"""Plan PDFs under `mkdocs serve`: rendered after the pages, on a worker thread, never in the way.

An initiative's title is in the plan PDF, so after most edits the PDF's inputs
changed and it must be rendered again: 2–3 s per language, against a preview
that should show the edited page within a second. So `mkdocs serve` never
renders a PDF inside a build. `offer` (the `defer` of `prepare_downloads`)
queues the job when the cache lacks the PDF of the current inputs, and gives
the pages the newest PDF there is meanwhile (or none, on a first start with
an empty cache). `start`, at the very end of the build, lets one worker thread
render the queued PDFs (the newest job per language; renders already running
finish first). The rendered PDFs land in the cache folder together, which
`mkdocs serve` watches (`hooks/main.py`, `on_serve`), so the next build links
them; that build finds them in the cache and queues nothing.

A build never reads a file in the cache folder itself: the worker removes stale
PDFs there while a build may be running. `offer` copies the PDF it offers into
this process's own preview folder first.

A PDF that fails to render or to pass its checks must stop the preview as it
stops `mkdocs build`, which renders synchronously. So the worker remembers the
failure with the inputs it was rendered from and writes `FAILURE_MARKER` into
the watched cache folder, which starts a rebuild; `offer` then raises
`PdfFailed` with the message `mkdocs build` gives, for as long as the inputs are
the same (no render again, so no loop). That rebuild fails, the editor sees the
located error, and the server keeps serving the last good site
(`serve/errors.py`). The worker itself logs only at INFO: a warning or error
from this thread would count against a strict rebuild running at that moment.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

from plansite.pdf import cache
from plansite.pdf.downloads import PdfFailed, PlanPdfJob
from plansite.pdf.render import RenderError

log = logging.getLogger("mkdocs.hooks.plansite.pdf")

# Written into the cache folder when a render failed: `mkdocs serve` watches it and rebuilds.
FAILURE_MARKER = "preview-failed.txt"


class PreviewPdfs:
    """The plan PDFs of one `mkdocs serve` process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queued: dict[str, PlanPdfJob] = {}
        self._worker: threading.Thread | None = None
        self._folder: Path | None = None
        self._failed: dict[str, tuple[str, str]] = {}  # language: (inputs key, message)
        self._markers: set[Path] = set()

    def offer(self, job: PlanPdfJob) -> Path | None:
        """Queue `job` unless its PDF is cached; return a private copy of a PDF to link now.

        None when there is none yet. Raise `PdfFailed` when the PDF of these very
        inputs failed to render or to pass its checks.
        """
        with self._lock:
            failed = self._failed.get(job.slot)
        if failed is not None and failed[0] == job.key:
            raise PdfFailed(failed[1])
        if not job.path.is_file():
            with self._lock:
                self._queued[job.slot] = job
            log.info(
                "Plan PDF (%s): its inputs changed; it is rendered after this build; "
                "until then the preview links the previous one, if any",
                job.label,
            )
        return self._private_copy(job)

    def start(self) -> None:
        """Start rendering the queued PDFs on the worker thread (call when a build has finished)."""
        with self._lock:
            if self._queued and self._worker is None:
                self._worker = threading.Thread(
                    target=self._render_queued, name="plan PDF preview", daemon=True
                )
                self._worker.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until everything queued is rendered; False if still busy after `timeout` s."""
        worker = self._worker
        if worker is not None:
            worker.join(timeout)
        return self._worker is None or not self._worker.is_alive()

    def close(self) -> None:
        """Remove this process's preview folder and markers (the worker thread ends with us)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        with self._lock:
            markers, self._markers = self._markers, set()
        for marker in markers:
            marker.unlink(missing_ok=True)

    def _render_queued(self) -> None:
        while True:
            with self._lock:
                if not self._queued:
                    self._worker = None
                    return
                jobs, self._queued = list(self._queued.values()), {}
            # Every language first, then into the cache together: one rebuild links them all.
            rendered, failed = [], []
            for job in jobs:
                if job.path.is_file():
                    continue  # rendered meanwhile for an identical edit
                started = time.perf_counter()
                try:
                    rendered.append((job, job.render_and_check(), time.perf_counter() - started))
                except Exception as error:  # reported by the next build, as `mkdocs build` would
                    failed.append((job, failure_message(error)))
            for job, content, seconds in rendered:
                job.store(content)
                with self._lock:
                    self._failed.pop(job.slot, None)
                log.info(
                    "Plan PDF (%s): rendered and checked in %.2f s after the build; "
                    "the preview is rebuilt to link it",
                    job.label,
                    seconds,
                )
            if failed:
                self._report(failed)

    def _report(self, failed: list[tuple[PlanPdfJob, str]]) -> None:
        """Remember the failures, then make `mkdocs serve` rebuild, which reports them."""
        with self._lock:
            for job, message in failed:
                self._failed[job.slot] = (job.key, message)
        for job, _ in failed:
            log.info(
                "Plan PDF (%s): it failed after the build; the preview is rebuilt to show why",
                job.label,
            )
        marker = failed[0][0].cache_dir / FAILURE_MARKER
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("\n\n".join(message for _, message in failed) + "\n", encoding="utf-8")
        with self._lock:
            self._markers.add(marker)

    def _private_copy(self, job: PlanPdfJob) -> Path | None:
        """Copy the job's PDF if cached, else the newest of its language, to the preview folder."""
        # A file can vanish between finding and reading it when a newer render replaces it.
        for _ in range(3):
            source = (
                job.path if job.path.is_file() else cache.latest_cached(job.cache_dir, job.slot)
            )
            if source is None:
                return None
            try:
                content = source.read_bytes()
            except FileNotFoundError:
                continue
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="plansite-pdf-preview-"))
            target = self._folder / f"plan-{job.slot}.pdf"
            if not target.is_file() or target.read_bytes() != content:
                target.write_bytes(content)
            return target
        return None


def failure_message(error: Exception) -> str:
    """What `mkdocs build` says of a failed render: a PDF's own message, else type and message."""
    if isinstance(error, (PdfFailed, RenderError)):
        return str(error)
    return f"{type(error).__name__}: {error}"
