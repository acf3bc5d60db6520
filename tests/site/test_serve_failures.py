"""`mkdocs serve` never hangs: after a save that breaks the build, in whatever way, it answers at once with the last good site.

A build replaces the site only when it has passed (hooks/plansite/staging.py),
and serve/errors.py turns every failed rebuild into a report in the log; the
next good save is served. A plan PDF that fails after the build, on the preview's
worker thread, makes the preview fail with the message `mkdocs build` gives
(serve/pdf_preview.py). A data mistake is in test_error_reporting.py; how the
wrapper reports each kind of failure is in tests/unit/test_serve_errors.py.
"""

from __future__ import annotations

import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from plansite.urls import PlanPaths
from support.building import WITHOUT_PDFS, build_environment, copy_project, run_build
from support.minimal_plan import localized_series
from support.paths import MINIMAL_PLAN_ID
from support.serving import free_port, running_mkdocs_serve, wait_for

LAST_GOOD_VERSION = "The preview still shows the last good version of the site."
PLAN_FILE = f"data/plans/{MINIMAL_PLAN_ID}.yaml"  # the plan of the project copy's series (the minimal one)
PLAN = f"{MINIMAL_PLAN_ID}/"  # where its pages are
# `mkdocs` with a bug in the handler that splits the search index while data/BUG exists.
BUG_WHILE_DATA_BUG_EXISTS = """
import runpy, sys
from pathlib import Path
from plansite.outputs import search_index
working = search_index.write_language_indexes
def sometimes_broken(*arguments, **keywords):
    if Path("data/BUG").exists():
        raise RuntimeError("a bug after every page of both languages was written")
    return working(*arguments, **keywords)
search_index.write_language_indexes = sometimes_broken
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__")
"""


def edit(project: Path, path: str, change: Callable[[str], str]) -> None:
    file = project / path
    file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")


def replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda project: edit(project, path, lambda text: text.replace(old, new))


def append(path: str, addition: str) -> Callable[[Path], None]:
    return lambda project: edit(project, path, lambda text: text + addition)


def fix_the_bug(project: Path) -> None:
    (project / "data" / "BUG").unlink()
    replace(PLAN_FILE, "Lang tekst om to.", "Rettet tekst om to.")(project)


@dataclass(frozen=True)
class Breakage:
    """A save that breaks the build, what the log then says, and a save that fixes it."""

    breaks: Callable[[Path], None]
    says: str
    page: str  # the page to ask for
    good: str  # on that page before the break
    fix: Callable[[Path], None]
    fixed: str  # on that page after the fix
    launcher: str | None = None


BREAKAGES = {
    "the CSP placeholder in a Danish text": Breakage(
        replace(PLAN_FILE, "Lang tekst om to.", "Lang tekst plansite-content-security-policy om to."),
        f"{PLAN}indsatser/indsats-to.da.md: found the Content-Security-Policy placeholder 2 times",
        f"{PLAN}indsatser/indsats-to/", "Lang tekst om to.",
        replace(PLAN_FILE, "Lang tekst plansite-content-security-policy om to.", "Rettet tekst om to."),
        "Rettet tekst om to.",
    ),
    "the CSP placeholder in an English text (the nested build)": Breakage(
        replace(PLAN_FILE, "Long text on two.", "Long text plansite-content-security-policy on two."),
        f"{PLAN}indsatser/indsats-to.en.md: found the Content-Security-Policy placeholder 2 times",
        f"en/{PLAN}indsatser/indsats-to/", "Long text on two.",
        replace(PLAN_FILE, "Long text plansite-content-security-policy on two.", "Corrected text on two."),
        "Corrected text on two.",
    ),
    "a broken link, a warning in strict mode": Breakage(
        append("docs/privatliv.da.md", "\nSe [afsnittet](#findes-ikke).\n"),
        "Aborted with 1 warnings in strict mode!",
        "privatliv/", "Privatliv",
        replace("docs/privatliv.da.md", "\nSe [afsnittet](#findes-ikke).\n", "\nEt rettet afsnit.\n"),
        "Et rettet afsnit.",
    ),
    "a bug in a hook": Breakage(
        lambda project: (project / "data" / "BUG").write_text("", encoding="utf-8"),
        "The build stopped on RuntimeError: a bug after every page of both languages was written",
        f"{PLAN}indsatser/indsats-to/", "Lang tekst om to.",
        fix_the_bug,
        "Rettet tekst om to.",
        launcher=BUG_WHILE_DATA_BUG_EXISTS,
    ),
}


def fetch(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def answers_with(url: str, text: str) -> bool:
    try:
        return text in fetch(url)
    except OSError:
        return False


def read(log_file: Path) -> str:
    return log_file.read_text(encoding="utf-8")


def answered_at_once(url: str) -> str:
    """The page at `url`, which must come within a few seconds."""
    started = time.monotonic()
    page = fetch(url, timeout=5)
    assert time.monotonic() - started < 5
    return page


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_after_a_broken_save_serve_answers_with_the_last_good_site_and_then_with_the_fix(breakage: Breakage, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    log_file = tmp_path / "serve.log"
    environment = build_environment(None, {**WITHOUT_PDFS, "PYTHONPATH": str(project / "hooks")})
    launcher = [sys.executable, "-c", breakage.launcher] if breakage.launcher else [sys.executable, "-m", "mkdocs"]
    with running_mkdocs_serve(project, free_port(), environment, log_file, launcher) as url:
        wait_for(lambda: answers_with(url + breakage.page, breakage.good), "the first build to be served")

        breakage.breaks(project)
        wait_for(lambda: LAST_GOOD_VERSION in read(log_file), "the failed rebuild to be reported")
        assert breakage.says in read(log_file)
        assert breakage.good in answered_at_once(url + breakage.page)
        failed_at = len(read(log_file))

        breakage.fix(project)
        wait_for(lambda: answers_with(url + breakage.page, breakage.fixed), "the fixed site to be served")
        wait_for(lambda: "Documentation built" in read(log_file)[failed_at:], "the log to say the site was built")  # not hidden by i18n's filter
        assert "Traceback" not in read(log_file)


def test_a_plan_pdf_that_fails_after_the_build_fails_the_preview_as_it_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    log_file = tmp_path / "serve.log"
    environment = build_environment(None, {"PLAN_PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    environment.pop("PLAN_SKIP_PDF", None)
    pdf_url = PlanPaths.of(MINIMAL_PLAN_ID).pdf(localized_series()["da"].plan(MINIMAL_PLAN_ID).pdf_file_name())
    with running_mkdocs_serve(project, free_port(), environment, log_file) as url:
        served_at = url
        wait_for(lambda: answers_with(url, pdf_url), "the first PDFs to be rendered and linked", timeout=180)

        replace(PLAN_FILE, "Lang tekst om to.", "Lang tekst om to ..... punktum.")(project)
        wait_for(lambda: LAST_GOOD_VERSION in read(log_file), "the preview to fail on the PDF", timeout=180)
        served = read(log_file)
        assert "Lang tekst om to ..... punktum." in answered_at_once(url + f"{PLAN}indsatser/indsats-to/")  # built before the PDF was rendered
        failed_at = len(read(log_file))

        replace(PLAN_FILE, "Lang tekst om to ..... punktum.", "Rettet tekst om to.")(project)
        wait_for(lambda: f"Plan PDF ({MINIMAL_PLAN_ID}, da): rendered and checked" in read(log_file)[failed_at:], "the fixed PDF", timeout=180)
        wait_for(lambda: answers_with(url + f"{PLAN}indsatser/indsats-to/", "Rettet tekst om to."), "the fixed site to be served")
        assert "fails its accessibility checks" not in read(log_file)[failed_at:]
        assert "Traceback" not in read(log_file)

    replace(PLAN_FILE, "Rettet tekst om to.", "Lang tekst om to ..... punktum.")(project)
    # The PDF shows the site's address: build it for the preview's, so that it is the same PDF.
    built = run_build(tmp_path / "site", None, {"PLAN_PDF_CACHE_DIR": str(tmp_path / "build-cache"), "SITE_URL": served_at}, project=project)
    assert built.returncode != 0
    build_message = built.stderr[built.stderr.index("ERROR   -  The plan PDF fails") :].split("\nAborted", 1)[0].strip()
    assert "a run of dots (a leader) in the text" in build_message
    assert build_message in served
