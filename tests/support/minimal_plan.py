"""The small fixture plan (tests/fixtures/minimal/plans/2019-2021.yaml) with some of its lines changed, for tests that edit it."""

from __future__ import annotations

import json
from typing import Any

import yaml

from plansite.data.loading import load_data_file, parse_data
from plansite.data.model import PlanData, SharedActor, build_plan, build_shared_actors
from plansite.data.series import Series, build_series
from plansite.data.validation import check_plan_file
from plansite.i18n.strings import load_strings
from plansite.i18n.view import LocalizedSeries, localize
from plansite.problems import Problem
from support.paths import MINIMAL, MINIMAL_DIR, MINIMAL_PLAN_ID


def minimal_actors() -> dict[str, SharedActor]:
    """The actors of the minimal series (its actors.yaml), by id."""
    return build_shared_actors(load_data_file(MINIMAL_DIR / "actors.yaml").data)


def check_plan_text(text: str | bytes, display_path: str = str(MINIMAL)) -> list[Problem]:
    """Every problem of a plan file's text, checked against the minimal series' actors."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return check_plan_file(parse_data(raw, display_path), list(minimal_actors()))


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
    assert [str(problem) for problem in check_plan_file(loaded, list(minimal_actors()))] == []
    return build_plan(MINIMAL_PLAN_ID, loaded.data, minimal_actors())


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


def series_from(data: dict[str, Any] | None = None) -> Series:
    """The minimal series, its plan's values replaced by `data` (a changed copy; must be valid)."""
    plan_data = load_data_file(MINIMAL).data if data is None else json.loads(json.dumps(data))
    if data is not None:
        plan_from(data)  # checks it
    site = load_data_file(MINIMAL_DIR / "site.yaml").data
    actors = load_data_file(MINIMAL_DIR / "actors.yaml").data
    return build_series(site, actors, {MINIMAL_PLAN_ID: plan_data})


def localized_series(data: dict[str, Any] | None = None) -> dict[str, LocalizedSeries]:
    """`series_from(data)` in every language, with the site's texts."""
    return localize(series_from(data), load_strings())
