"""Plan PDFs under a real `mkdocs serve` of the minimal series: an edit is served before its PDF is rendered.

How the preview worker decides what to render is in tests/unit/test_pdf_preview.py.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from plansite.urls import PlanPaths
from support.building import copy_project
from support.minimal_plan import localized_series
from support.paths import MINIMAL_PLAN_ID
from support.serving import free_port, get_or_none, running_mkdocs_serve, wait_for


def _pdf_text(content: bytes, folder: Path) -> str:
    path = folder / "served.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_serve_shows_an_edit_before_its_pdf_is_rendered_then_links_the_new_pdf(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    port, log_file = free_port(), tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/"
    names = {language: series.plan(MINIMAL_PLAN_ID).pdf_file_name() for language, series in localized_series().items()}
    paths = PlanPaths.of(MINIMAL_PLAN_ID)
    pdf_url = url + paths.pdf(names["da"])  # 2019-2021/pdf/…
    english_pdf_url = url + "en/" + paths.pdf(names["en"])
    environment = {key: value for key, value in os.environ.items() if key not in {"PLAN_DATA_DIR", "PLAN_SKIP_PDF", "PLAN_PDF_CACHE_DIR"}} | {"NO_MKDOCS_2_WARNING": "1"}
    with running_mkdocs_serve(project, port, environment, log_file):
        # First start, empty cache: the pages come first, the PDF after them.
        wait_for(lambda: get_or_none(pdf_url) and get_or_none(english_pdf_url), "the first PDFs to be rendered and linked", timeout=180)
        first_pdf = get_or_none(pdf_url)
        assert "Testplan 2019-2021" in _pdf_text(first_pdf, tmp_path)
        assert paths.pdf(names["da"]).encode() in get_or_none(url)
        # The root plan's PDF also answers at its address from before the series.
        assert get_or_none(url + PlanPaths.at_root().pdf(names["da"])) == first_pdf
        wait_for(lambda: time.time() - log_file.stat().st_mtime > 2, "the server to settle", timeout=180)

        before_edit = len(log_file.read_text(encoding="utf-8"))
        data_file = project / "data" / "plans" / f"{MINIMAL_PLAN_ID}.yaml"
        data_file.write_text(data_file.read_text(encoding="utf-8").replace("Testplan 2019-2021", "Omdøbt plan 2019-2021"), encoding="utf-8")
        wait_for(lambda: "Omdøbt plan 2019-2021" in (get_or_none(url) or b"").decode(), "the edited home page", timeout=180)
        wait_for(lambda: "Omdøbt plan 2019-2021" in _pdf_text(get_or_none(pdf_url) or first_pdf, tmp_path), "the PDF with the new title", timeout=180)
        log_text = log_file.read_text(encoding="utf-8")
        assert "Traceback" not in log_text and "ERROR" not in log_text
        after_edit = log_text[before_edit:]
        label = f"Plan PDF ({MINIMAL_PLAN_ID}, da)"
        queued = after_edit.index(f"{label}: its inputs changed; it is rendered after this build")
        in_place = after_edit.index("The new site is in place", queued)
        rendered = after_edit.index(f"{label}: rendered and checked in", queued)
        # The edited site was in place, so served, before its PDF was rendered. (MkDocs' own
        # "Documentation built" line comes after the last event, so the worker may beat it.)
        assert queued < in_place < rendered
