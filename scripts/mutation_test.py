"""Mutation testing of the safety modules with mutmut: how many deliberate bugs do the tests catch?

    make mutation            (about 25 minutes on this machine; not part of make test)

mutmut changes one thing at a time in a module (a `<` into `<=`, a string into
another, a removed call, …), runs the tests that reach that code, and counts
the change as killed when a test fails. A surviving mutant is a change no test
notices. The modules mutated are the ones that keep bad data and unsafe text
off the public site: loading, validation, text and value checks, safe text,
the Content-Security-Policy and the CSV/JSON exports.

mutmut only finds code under `src/` (or the project root), so the run works in
a temporary copy of the project in which `src` points at `hooks/`. The tests
are `tests/unit`, the fast layer, plus the unit tests of the CSP, which live
beside its site tests. Prints a score per module and writes every surviving
mutant, with its diff, to `mutation-survivors.txt` (or `--report FILE`).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
MUTATED = (
    "plansite/data/loading.py",
    "plansite/data/validation.py",
    "plansite/data/text_checks.py",
    "plansite/data/value_checks.py",
    "plansite/data/safe_text.py",
    "plansite/theme/csp.py",
    "plansite/outputs/exports.py",
)
# What the tests read besides the code: copied into mutmut's working folder.
ALSO_COPY = (
    "hooks/",
    "data/",
    "assets/",
    "docs/",
    "overrides/",
    "bench/",
    "mkdocs.yml",
    "Makefile",
    ".github/",
    "README.md",
    "EDITING.da.md",
    "EDITING.en.md",
    "PUBLISHING.da.md",
    "PUBLISHING.en.md",
)
TESTS = ("tests/unit",)
# Tests of the unit layer that need the whole checkout (lock files, node_modules, make).
IGNORED_TESTS = ("tests/unit/test_workflows.py",)
_RESULT = re.compile(r"^\s*plansite\.(\w+\.\w+)\.\S+: (.+)$")


def mutmut_settings() -> str:
    """The `[tool.mutmut]` table of the temporary copy's pyproject.toml."""

    def toml_list(items: tuple[str, ...]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    ignored = (f"--ignore={path}" for path in IGNORED_TESTS)
    pytest_arguments = ("-p", "no:cacheprovider", "-q", "-x", *ignored)
    return "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["src/"]',
            f"only_mutate = {toml_list(tuple(f'src/{path}' for path in MUTATED))}",
            f"also_copy = {toml_list(ALSO_COPY)}",
            f"pytest_add_cli_args_test_selection = {toml_list(TESTS)}",
            f"pytest_add_cli_args = {toml_list(pytest_arguments)}",
            "",
        ]
    )


def copy_project(destination: Path) -> None:
    """Copy the files git knows (as they are in the working tree) and lay out `src/` for mutmut."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        source = PROJECT_DIR / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (destination / "src").symlink_to("hooks", target_is_directory=True)
    (destination / "node_modules").symlink_to(PROJECT_DIR / "node_modules")
    pyproject = destination / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace(
        'pythonpath = ["hooks"]', 'pythonpath = ["src"]'
    )
    pyproject.write_text(text + mutmut_settings(), encoding="utf-8")


def summarize(results: str) -> tuple[list[str], list[str]]:
    """Score lines per module and the names of the surviving mutants."""
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    survivors = []
    for line in results.splitlines():
        match = _RESULT.match(line)
        if match:
            counts[match.groups()] += 1
            if match.group(2) == "survived":
                survivors.append(line.strip().rsplit(":", 1)[0])
    lines = []
    modules = sorted({module for module, _ in counts})
    all_killed = all_total = 0
    for module in modules:
        total = sum(count for (name, _), count in counts.items() if name == module)
        killed = counts[(module, "killed")]
        all_killed, all_total = all_killed + killed, all_total + total
        lines.append(
            f"{module:22} {total:5} mutants  {killed:5} killed  "
            f"{counts[(module, 'survived')]:4} survived  {counts[(module, 'no tests')]:4} untested"
            f"  score {100 * killed / total:5.1f} %"
        )
    if all_total:
        lines.append(
            f"{'all':22} {all_total:5} mutants  {all_killed:5} killed  "
            f"score {100 * all_killed / all_total:5.1f} %"
        )
    return lines, survivors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutmut", default=str(Path(sys.executable).parent / "mutmut"))
    parser.add_argument("--report", type=Path, default=PROJECT_DIR / "mutation-survivors.txt")
    arguments = parser.parse_args(argv)
    mutmut = str(Path(arguments.mutmut).resolve())  # it runs in the copy's folder
    with tempfile.TemporaryDirectory(prefix="plansite-mutation-") as temporary:
        copy = Path(temporary)
        copy_project(copy)
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        run = subprocess.run([mutmut, "run"], cwd=copy, env=environment, check=False)
        if run.returncode != 0:
            return run.returncode
        results = subprocess.run(
            [mutmut, "results", "--all", "true"],
            cwd=copy,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines, survivors = summarize(results)
        with arguments.report.open("w", encoding="utf-8") as report:
            report.write("\n".join(lines) + "\n\nSurviving mutants:\n")
            for name in survivors:
                diff = subprocess.run(
                    [mutmut, "show", name],
                    cwd=copy,
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout
                report.write(f"\n== {name}\n{diff}")
    print("\n".join(lines))
    print(f"Surviving mutants with their diffs: {arguments.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
