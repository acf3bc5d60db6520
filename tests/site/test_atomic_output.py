"""A build that fails, at whatever stage, leaves the last good site byte for byte; a passing build replaces it.

The build writes into a staging folder beside the site folder and puts it in
the site folder's place only when everything passed (hooks/plansite/staging.py).
Each failure below is provoked at another stage of a real `mkdocs build --strict`
of the minimal series: the data in `on_config`, a plan PDF's checks in
`on_pre_build`, a page's CSP in `on_post_page` of the Danish and of the English
build, a bug in the last handler of `on_post_build`, and a warning that strict
mode counts only after `on_post_build`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.building import WITHOUT_PDFS, build_site, copy_project, file_hashes, run_build, series_with_plan
from support.minimal_plan import minimal_with
from support.paths import MINIMAL_DIR, MINIMAL_PLAN_ID

# `mkdocs` with a bug in the handler that splits the search index, given MkDocs' arguments.
BUG_IN_THE_LAST_HANDLER = """
import runpy, sys
from plansite.outputs import search_index
def broken(*arguments, **keywords):
    raise RuntimeError("a bug after every page of both languages was written")
search_index.write_language_indexes = broken
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__")
"""


@dataclass
class Failure:
    """How to make a build of the project copy fail, and what it then says."""

    says: str
    data: Callable[[str], str] = lambda text: text  # the minimal series' plan file
    pages: dict[str, str] = field(default_factory=dict)  # docs/<name>: text appended
    environment: dict[str, str] = field(default_factory=lambda: dict(WITHOUT_PDFS))
    launcher: str | None = None


FAILURES = {
    "a data mistake (on_config)": Failure(
        "unknown actor 'organisatoin'",
        data=lambda text: text.replace("    lead: [organisation]", "    lead: [organisatoin]"),
    ),
    "a plan PDF that fails its checks (on_pre_build)": Failure(
        "a run of dots (a leader) in the text",
        data=lambda text: text.replace("Lang tekst om to.", "Lang tekst om to ..... punktum."),
        environment={},
    ),
    "the CSP placeholder in a Danish text (on_post_page)": Failure(
        "found the Content-Security-Policy placeholder 2 times",
        data=lambda text: text.replace("Lang tekst om to.", "Lang tekst plansite-content-security-policy om to."),
    ),
    "the CSP placeholder in an English text (the nested build)": Failure(
        "found the Content-Security-Policy placeholder 2 times",
        data=lambda text: text.replace("Long text on two.", "Long text plansite-content-security-policy on two."),
    ),
    "a bug in the last handler (on_post_build, after the English build)": Failure(
        "RuntimeError: a bug after every page of both languages was written",
        launcher=BUG_IN_THE_LAST_HANDLER,
    ),
    "a warning that strict mode counts after on_post_build": Failure(
        "Aborted with 1 warnings in strict mode!",
        pages={"privatliv.da.md": "\nSe [afsnittet](#findes-ikke).\n"},
    ),
}


@pytest.fixture(scope="module")
def last_good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal series, built into a folder of its own."""
    return build_site(tmp_path_factory.mktemp("out") / "site", MINIMAL_DIR, WITHOUT_PDFS).root


def failing_build(failure: Failure, site_dir: Path, folder: Path):
    project = copy_project(folder / "project")
    data_file = project / "data" / "plans" / f"{MINIMAL_PLAN_ID}.yaml"
    data_file.write_text(failure.data(data_file.read_text(encoding="utf-8")), encoding="utf-8")
    for name, text in failure.pages.items():
        page = project / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")
    environment = {**failure.environment, "PLAN_PDF_CACHE_DIR": str(folder / "pdf-cache"), "PYTHONPATH": str(project / "hooks")}
    launcher = [sys.executable, "-c", failure.launcher] if failure.launcher else [sys.executable, "-m", "mkdocs"]
    return run_build(site_dir, None, environment, project=project, launcher=launcher)


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_failed_build_leaves_the_last_good_site_byte_for_byte(failure: Failure, last_good_site: Path, tmp_path: Path):
    before = file_hashes(last_good_site)
    result = failing_build(failure, last_good_site, tmp_path)
    assert result.returncode != 0
    assert failure.says in result.stderr + result.stdout
    assert file_hashes(last_good_site) == before
    assert [path.name for path in last_good_site.parent.iterdir()] == ["site"]  # no staging folder left


def test_a_passing_build_replaces_the_whole_site(tmp_path: Path):
    site = build_site(tmp_path / "out" / "site", MINIMAL_DIR, WITHOUT_PDFS).root
    (site / "left-over.html").write_text("from an older build", encoding="utf-8")
    before = file_hashes(site)
    renamed = series_with_plan(tmp_path / "renamed", minimal_with(('title: {da: "Indsats ét"', 'title: {da: "Omdøbt indsats"')))
    built = build_site(site, renamed, WITHOUT_PDFS)
    assert built.page(f"{MINIMAL_PLAN_ID}/indsatser/indsats-et/").h1.get_text(strip=True) == "Omdøbt indsats"
    assert not (site / "left-over.html").exists()
    assert file_hashes(site).keys() == before.keys() - {"left-over.html"}
    assert [path.name for path in site.parent.iterdir()] == ["site"]
