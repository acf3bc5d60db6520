"""The JSON Schema (what editors' IDEs check) and the build's validator agree on every fixture.

Each file in fixtures/invalid/ has one mistake and says in its header what the
validator reports (`# expect:`) and what plain `jsonschema` says about the
same file read the way an IDE reads it (`# schema:` rejects, accepts or
unloadable): shape mistakes are caught by both; references, dates, time zones,
safe text and YAML traps only by the validator. Valid fixtures pass both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from plansite.problems import DataError
from plansite.data.validation import SCHEMA_PATH, load_plan
from support.paths import FIXTURES, REAL_DATA

VALID = [REAL_DATA, FIXTURES / "minimal.yaml", *sorted((FIXTURES / "valid").glob("*.yaml"))]
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


class _IdeLoader(yaml.SafeLoader):
    """PyYAML as an IDE's YAML 1.2 reads a file: dates stay text (duplicates and aliases are not refused)."""


_IdeLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_as_an_ide_does(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_IdeLoader)


def plain_schema_errors(data: Any) -> list[jsonschema.ValidationError]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return list(validator.iter_errors(data))


def header(path: Path, key: str) -> str:
    prefix = f"# {key}: "
    return next(line.removeprefix(prefix) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(prefix))


def test_there_is_an_invalid_fixture_for_each_verdict():
    assert {header(path, "schema") for path in INVALID} == {"rejects", "accepts", "unloadable"}


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.name)
def test_a_valid_file_is_accepted_by_the_schema_and_by_the_validator(path):
    assert plain_schema_errors(read_as_an_ide_does(path)) == []
    load_plan(path)


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_the_validator_refuses_each_mistake_with_located_messages(path):
    with pytest.raises(DataError) as caught:
        load_plan(path)
    lines = caught.value.report().splitlines()[1:]
    assert all(re.match(rf"^  {re.escape(str(path))}:\d+:\d+: ", line) for line in lines), lines
    assert any(header(path, "expect") in line for line in lines), lines


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_plain_json_schema_rejects_exactly_the_shape_mistakes(path):
    verdict = header(path, "schema")
    if verdict == "unloadable":
        with pytest.raises(yaml.YAMLError):
            read_as_an_ide_does(path)
    else:
        assert bool(plain_schema_errors(read_as_an_ide_does(path))) == (verdict == "rejects")
