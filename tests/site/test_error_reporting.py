"""Where editors see their mistakes: `make validate`, `mkdocs build` and `mkdocs serve`.

Each shows the same located messages and never a traceback; a failing build
leaves the last good site exactly as it was; `mkdocs serve` keeps answering
with the last good site and serves the fixed one as soon as the file is fixed.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.building import WITHOUT_PDFS, build_environment, build_site, copy_series, file_hashes, run_build, series_with_plan
from support.paths import MINIMAL, MINIMAL_DIR, MINIMAL_PLAN_ID, PROJECT_DIR, REAL_DATA
from support.serving import free_port, running_mkdocs_serve, wait_for

LOCATED = re.compile(r"^\s*\S+:\d+:\d+: ", re.MULTILINE)
# Everything a build needs; not the virtualenv, caches, built sites or tests.
NOT_COPIED_AT_THE_TOP = {".git", ".venv", "node_modules", "site", ".cache", ".pytest_cache", ".hypothesis", "bench", "tests"}


def broken_minimal(folder: Path) -> Path:
    """The minimal series, its plan with two mistakes: an unknown actor and an unknown focus area."""
    text = MINIMAL.read_text(encoding="utf-8").replace("    lead: [organisation]", "    lead: [organisatoin]").replace("    focus_area: omraade-b", "    focus_area: omraade-c")
    return series_with_plan(folder / "broken", text)


def run_validate(data_dir: Path) -> subprocess.CompletedProcess[str]:
    """The command `make validate` runs, on a data folder."""
    env = {**os.environ, "PYTHONPATH": "hooks"}
    return subprocess.run([sys.executable, "-m", "plansite.commands.validate", str(data_dir)], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60)


def test_validate_prints_every_located_problem_and_exits_non_zero(tmp_path):
    data_dir = broken_minimal(tmp_path)
    result = run_validate(data_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "2 problems to fix before the site can be built:"
    plan_file = data_dir / "plans" / f"{MINIMAL_PLAN_ID}.yaml"
    assert "initiatives[0].lead[0]: unknown actor 'organisatoin' — did you mean 'organisation'?" in lines[1]
    assert "initiatives[1].focus_area: unknown focus area 'omraade-c' — did you mean 'omraade-b'?" in lines[2]
    assert all(LOCATED.match(line) for line in lines[1:])
    assert all(line.strip().startswith(f"{plan_file}:") for line in lines[1:]), lines  # the plan file of the series, located


def test_validate_takes_under_a_second_on_the_real_data():
    # CPU time of the command (start-up, imports and checks), which a busy machine does not inflate as it does wall time.
    timings = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = run_validate(REAL_DATA)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        timings.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        assert result.returncode == 0, result.stderr
    assert min(timings) < 1.0, timings


@pytest.fixture(scope="module")
def good_minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("good") / "site", MINIMAL_DIR, WITHOUT_PDFS).root


def test_a_failing_build_shows_the_same_messages_without_traceback(good_minimal_site, tmp_path):
    data_dir = broken_minimal(tmp_path)
    result = run_build(good_minimal_site, data_dir, WITHOUT_PDFS)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    validate_lines = run_validate(data_dir).stderr.splitlines()[1:]
    build_lines = [line for line in result.stderr.splitlines() if LOCATED.match(line)]
    assert [line.split(": ", 1)[1] for line in build_lines] == [line.split(": ", 1)[1] for line in validate_lines]


def test_a_failing_build_leaves_the_last_good_site_untouched(good_minimal_site, tmp_path):
    before = file_hashes(good_minimal_site)
    assert len(before) > 50
    result = run_build(good_minimal_site, broken_minimal(tmp_path), WITHOUT_PDFS)
    assert result.returncode != 0
    assert file_hashes(good_minimal_site) == before


def not_copied(directory: str, names: list[str]) -> set[str]:
    at_the_top = Path(directory) == PROJECT_DIR
    return {name for name in names if name == "__pycache__" or (at_the_top and name in NOT_COPIED_AT_THE_TOP)}


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project whose docs and data a test may change; its data is the minimal series."""
    copy = tmp_path / "project"
    shutil.copytree(PROJECT_DIR, copy, ignore=not_copied)
    copy_series(MINIMAL_DIR, copy / "data")
    return copy


def build_copy(project: Path) -> subprocess.CompletedProcess[str]:
    """A build of the project copy with its own data folder, into its own site/."""
    return run_build(None, None, WITHOUT_PDFS, project=project)


def test_a_hand_written_page_at_a_generated_address_is_refused_before_anything_is_written(project_copy):
    assert build_copy(project_copy).returncode == 0
    before = file_hashes(project_copy / "site")
    # The plan's about page, and its old address (a generated redirect page).
    for page in (f"{MINIMAL_PLAN_ID}/om-planen", "om-planen"):
        for language in ("da", "en"):
            (project_copy / "docs" / f"{page}.{language}.md").parent.mkdir(parents=True, exist_ok=True)
            (project_copy / "docs" / f"{page}.{language}.md").write_text("# Om planen\n", encoding="utf-8")
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for page in (f"{MINIMAL_PLAN_ID}/om-planen", "om-planen"):
        for language in ("da", "en"):
            assert f"docs/{page}.{language}.md:1:1: this hand-written page has the same address as the generated page '{page}.md'" in result.stderr
    assert file_hashes(project_copy / "site") == before


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.fixture()
def served_copy(project_copy: Path) -> Iterator[tuple[Path, str, Path]]:
    """`mkdocs serve` on the project copy: (project, base URL, log file); the server is always stopped."""
    log_file = project_copy.parent / "serve.log"
    with running_mkdocs_serve(project_copy, free_port(), build_environment(None, WITHOUT_PDFS), log_file) as url:
        yield project_copy, url, log_file


def answers_with(url: str, text: str) -> bool:
    try:
        return text in fetch(url)
    except OSError:
        return False


def test_serve_shows_the_problems_keeps_serving_and_picks_up_the_fix(served_copy):
    project, url, log_file = served_copy
    data_file = project / "data" / "plans" / f"{MINIMAL_PLAN_ID}.yaml"
    good = data_file.read_text(encoding="utf-8")
    wait_for(lambda: answers_with(url, "Testplan 2019-2021"), "the first build to be served")

    data_file.write_text(good.replace("    lead: [organisation]", "    lead: [organisatoin]"), encoding="utf-8")
    line = good.splitlines().index("    lead: [organisation]") + 1
    message = f"data/plans/{MINIMAL_PLAN_ID}.yaml:{line}:12: initiatives[0].lead[0]: unknown actor 'organisatoin' — did you mean 'organisation'?"
    wait_for(lambda: message in log_file.read_text(encoding="utf-8"), "the located message in the log")
    assert "Traceback" not in log_file.read_text(encoding="utf-8")
    assert "Testplan 2019-2021" in fetch(url)  # the last good site, answered at once

    data_file.write_text(good.replace("Testplan 2019-2021", "Rettet testplan 2019-2021"), encoding="utf-8")
    wait_for(lambda: answers_with(url, "Rettet testplan 2019-2021"), "the fixed site to be served")
    assert "Traceback" not in log_file.read_text(encoding="utf-8")
