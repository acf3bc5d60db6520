"""The small fixture plan (tests/fixtures/minimal.yaml) with some of its lines changed, for tests that edit it."""

from __future__ import annotations

import json
from typing import Any

import yaml

from plansite.data.loading import load_data_file, parse_data
from plansite.data.model import PlanData, build_plan
from plansite.data.validation import check_data
from support.paths import MINIMAL


def minimal_with(*replacements: tuple[str, str]) -> str:
    """The fixture's text with each `old` (which must occur exactly once) replaced by `new`."""
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def yaml_string(text: str) -> str:
    """A YAML scalar holding `text` exactly (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def plan_from(data: dict[str, Any]) -> PlanData:
    """The model of `data` (a changed copy of the fixture's values), which must be valid."""
    unshared = json.loads(json.dumps(data))  # YAML would write values used twice as aliases
    loaded = parse_data(yaml.safe_dump(unshared, allow_unicode=True, sort_keys=False).encode("utf-8"), str(MINIMAL))
    assert [str(problem) for problem in check_data(loaded)] == []
    return build_plan(loaded.data)


def with_initiatives(count: int, title: str = "Indsats nummer {number}", lead: tuple[str, ...] = ("organisation",), partners: tuple[str, ...] = ("ministeriet",)) -> dict[str, Any]:
    """The fixture's values with `count` initiatives like its first one, titled `title` (with `{number}`)."""
    data = load_data_file(MINIMAL).data
    template = data["initiatives"][0]
    data["initiatives"] = [
        {**template, "id": f"indsats-{number}", "title": {"da": title.format(number=number), "en": title.format(number=number)}, "lead": list(lead), "partners": list(partners)}
        for number in range(count)
    ]
    data["press_releases"][0].pop("initiatives")
    return data
