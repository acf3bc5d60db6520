"""The JSON Schemas (what editors' IDEs check) and the build's validator agree on every fixture.

Each file in fixtures/invalid/ is a plan file with one mistake and says in its
header what the validator reports (`# expect:`) and what plain `jsonschema`
says about the same file read the way an IDE reads it (`# schema:` rejects,
accepts or unloadable): shape mistakes are caught by both; references, dates,
time zones, safe text and YAML traps only by the validator. The validator
checks it as the plan of the minimal series (its site and actors). Valid files
pass both: the real data folder's and the minimal series' files (site.yaml,
actors.yaml and every plan, each against its own schema) and fixtures/valid/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from plansite.data.validation import ACTORS_FILE, ACTORS_SCHEMA, PLAN_SCHEMA, PLANS_DIR, SITE_FILE, SITE_SCHEMA, load_series, plan_files
from plansite.problems import DataError
from support.building import series_with_plan
from support.paths import FIXTURES, MINIMAL_DIR, MINIMAL_PLAN_ID, PROJECT_DIR, REAL_DATA


def series_files(data_dir: Path) -> list[tuple[Path, Path]]:
    """Each file of a data folder with the schema it is checked against."""
    return [(data_dir / SITE_FILE, SITE_SCHEMA), (data_dir / ACTORS_FILE, ACTORS_SCHEMA), *((path, PLAN_SCHEMA) for path in plan_files(data_dir))]


REAL_FILES = series_files(REAL_DATA)
VALID = [*REAL_FILES, *series_files(MINIMAL_DIR), *((path, PLAN_SCHEMA) for path in sorted((FIXTURES / "valid").glob("*.yaml")))]
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def name_of(path: Path) -> str:
    return path.relative_to(PROJECT_DIR).as_posix()


class _IdeLoader(yaml.SafeLoader):
    """PyYAML as an IDE's YAML 1.2 reads a file: dates stay text (duplicates and aliases are not refused)."""


_IdeLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_as_an_ide_does(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_IdeLoader)


def plain_schema_errors(data: Any, schema_path: Path = PLAN_SCHEMA) -> list[jsonschema.ValidationError]:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return list(validator.iter_errors(data))


def header(path: Path, key: str) -> str:
    prefix = f"# {key}: "
    return next(line.removeprefix(prefix) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(prefix))


def test_there_is_an_invalid_fixture_for_each_verdict():
    assert {header(path, "schema") for path in INVALID} == {"rejects", "accepts", "unloadable"}


def test_the_real_data_folder_has_every_kind_of_file():
    assert [schema for _, schema in REAL_FILES][:3] == [SITE_SCHEMA, ACTORS_SCHEMA, PLAN_SCHEMA]


@pytest.mark.parametrize(("path", "schema"), VALID, ids=[name_of(path) for path, _ in VALID])
def test_a_valid_file_is_accepted_by_the_schema_and_by_the_validator(path, schema, tmp_path):
    assert plain_schema_errors(read_as_an_ide_does(path), schema) == []
    if path.parent == FIXTURES / "valid":
        # A plan file of its own: the plan of the minimal series.
        load_series(series_with_plan(tmp_path, path.read_text(encoding="utf-8")))
    else:
        load_series(path.parent.parent if path.parent.name == PLANS_DIR else path.parent)


@pytest.mark.parametrize(("path", "schema"), REAL_FILES, ids=[name_of(path) for path, _ in REAL_FILES])
def test_each_real_file_names_for_the_ide_the_schema_the_validator_checks_it_with(path, schema):
    named = header(path, "yaml-language-server").removeprefix("$schema=")
    assert (path.parent / named).resolve() == schema.resolve()


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_the_validator_refuses_each_mistake_with_located_messages(path, tmp_path):
    # The fixture is the plan of a copy of the minimal series: every message is located in that plan file, at the fixture's lines.
    data_dir = series_with_plan(tmp_path, path.read_text(encoding="utf-8"))
    plan_file = data_dir / PLANS_DIR / f"{MINIMAL_PLAN_ID}.yaml"
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    lines = caught.value.report().splitlines()[1:]
    located = [re.match(rf"^  {re.escape(str(plan_file))}:(\d+):\d+: ", line) for line in lines]
    assert lines and all(located), lines
    assert all(1 <= int(match.group(1)) <= len(path.read_text(encoding="utf-8").splitlines()) + 1 for match in located), lines
    assert any(header(path, "expect") in line for line in lines), lines


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_plain_json_schema_rejects_exactly_the_shape_mistakes(path):
    verdict = header(path, "schema")
    if verdict == "unloadable":
        with pytest.raises(yaml.YAMLError):
            read_as_an_ide_does(path)
    else:
        assert bool(plain_schema_errors(read_as_an_ide_does(path))) == (verdict == "rejects")
