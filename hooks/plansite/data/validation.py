"""Check the plan data: first its shape against the JSON Schema, then what a schema cannot say.

Every problem is collected with its location, the data path, what is wrong and
how to fix it; `load_plan` raises one `DataError` with all of them. Shape
problems stop the semantic checks, which assume the shape is right.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Generator, Iterable, Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, cast

import jsonschema

from plansite.data import font_coverage, text_checks, value_checks
from plansite.data.documents import check_document_files
from plansite.data.loading import LoadedData, load_data_file
from plansite.data.model import PlanData, build_plan
from plansite.problems import DataError, DataPath, Problem

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "data" / "initiatives.schema.json"

_NUMBER_TYPES = ("integer", "number")

_LIST_NAMES = {
    "focus_areas": "focus area",
    "initiatives": "initiative",
    "actors": "actor",
    "contacts": "contact",
    "key_figures": "key figure",
    "press_releases": "press release",
    "updates": "update",
    "sources": "source",
}


def load_plan(path: str | Path) -> PlanData:
    """Load, validate and build the plan; raise `DataError` listing every problem."""
    loaded = load_data_file(path)
    problems = check_data(loaded)
    if problems:
        raise DataError(problems)
    return build_plan(loaded.data)


def check_data(loaded: LoadedData) -> list[Problem]:
    """Return every problem in the loaded data (empty when it is fine)."""
    problems = list(check_shape(loaded))
    if problems:
        return problems
    return list(check_meaning(loaded))


@cache
def _schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def _schema() -> dict[str, Any]:
    """The JSON Schema of the data file, as `_schema_validator()` holds it."""
    # The validator's `schema` may be a bool in general; this one is the object read from the file.
    return cast(dict[str, Any], _schema_validator().schema)


def check_shape(loaded: LoadedData) -> Iterator[Problem]:
    """Check the data against the JSON Schema, with messages written for editors."""
    for error in _schema_validator().iter_errors(loaded.data):
        yield from _explain_schema_error(loaded, error)


def _explain_schema_error(
    loaded: LoadedData, error: jsonschema.ValidationError
) -> Iterator[Problem]:
    data_path: DataPath = tuple(error.absolute_path)
    # `iter_errors` sets both; the stubs also allow the `Unset` of an error made by hand.
    instance: Any = error.instance
    validator_value: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = _resolved(schema).get("description", "")
    kind = error.validator
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        for key in sorted(set(instance) - set(known)):
            yield Problem(
                loaded.locate_key((*data_path, key)),
                (*data_path, key),
                f"unknown {'key' if data_path else 'section'} '{key}'",
                _suggest(key, known, "remove it or use one of: " + ", ".join(known)),
            )
    elif kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        key = missing[0] if missing else "?"
        yield Problem(
            loaded.locate_key(data_path),
            data_path,
            f"missing required key '{key}'",
            f"add '{key}:' here",
        )
    elif kind == "type":
        expected = _describe_type(validator_value)
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"expected {expected}, found {_describe_value(instance)}",
            # A number field's description gives its range, which the range message quotes.
            hint if hint and validator_value not in _NUMBER_TYPES else f"write {expected} here",
        )
    elif kind == "enum":
        allowed = [str(item) for item in validator_value]
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"'{_shown(instance)}' is not allowed",
            _suggest(str(instance), allowed, "use one of: " + ", ".join(allowed)),
        )
    elif kind == "minItems":
        yield Problem(
            loaded.locate(data_path), data_path, "must not be empty", "add at least one entry"
        )
    elif kind == "minLength" or (kind == "pattern" and validator_value == "\\S"):
        yield Problem(
            loaded.locate(data_path),
            data_path,
            "must not be empty",
            "write the text, or remove the key if it is optional",
        )
    elif kind == "maxLength":
        excess = len(instance) - validator_value
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"the text is {len(instance)} characters long, more than the {validator_value} allowed",
            f"shorten it by at least {excess} character{'s' if excess != 1 else ''}"
            + (f" ({hint.rstrip('.')})" if hint else ""),
        )
    elif kind == "maxItems":
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"lists {len(instance)} entries, more than the {validator_value} allowed",
            f"keep at most {validator_value} of them",
        )
    elif kind == "uniqueItems":
        yield Problem(
            loaded.locate(data_path),
            data_path,
            "lists the same entry twice",
            "remove the repeated entry",
        )
    elif kind == "format" and validator_value == "date":
        # Otherwise the pattern's message says it.
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(instance)):
            yield Problem(
                loaded.locate(data_path),
                data_path,
                f"'{instance}' is not a real date",
                "write an existing date as YYYY-MM-DD",
            )
    elif kind in {"pattern", "format"}:
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"'{_shown(instance)}' is not in the expected format",
            hint,
        )
    elif kind in {"minimum", "maximum"} and isinstance(instance, float) and math.isinf(instance):
        # YAML's .inf: as value_checks names it (NaN passes both limits and reaches it).
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"'{instance}' is not a usable number",
            "write the number in digits, e.g. 63000000",
        )
    elif kind in {"minimum", "maximum"}:
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"{_shown(instance)} is out of range ({kind} {validator_value})",
            hint or "check the number",
        )
    else:
        yield Problem(loaded.locate(data_path), data_path, error.message, hint)


def _resolved(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a `$ref` into `$defs` so descriptions of shared definitions are found."""
    reference = schema.get("$ref", "")
    if reference.startswith("#/$defs/"):
        return {**_schema()["$defs"][reference.removeprefix("#/$defs/")], **schema}
    return schema


def _describe_type(expected: str | list[str]) -> str:
    names = {
        "object": "a mapping (keys with values)",
        "array": "a list",
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "yes or no",
    }
    if isinstance(expected, list):
        return " or ".join(names.get(item, item) for item in expected)
    return names.get(expected, expected)


def _describe_value(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()} (put text in quotes)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {_shown(value)}"
    return f"the text '{_shown(value)}'"


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: on one line, cut short when long."""
    text = str(value).replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _suggest(wrong: str, candidates: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else otherwise


def check_meaning(loaded: LoadedData) -> Iterator[Problem]:
    """Check what the schema cannot: unique ids, references, dates, safe text, printable text."""
    data = loaded.data
    yield from check_document_files(loaded)
    ids = {name: _ids_of(data.get(name, [])) for name in _LIST_NAMES}
    for name, label in _LIST_NAMES.items():
        yield from _check_unique_ids(loaded, name, label)
    yield from _check_unique_within_entries(loaded)
    yield from _check_references(loaded, ids)
    yield from _check_dates(loaded)
    yield from text_checks.check_texts(loaded, _schema())
    yield from font_coverage.check_characters(loaded)
    yield from value_checks.check_values(loaded, _schema())


def _ids_of(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def _check_unique_ids(loaded: LoadedData, list_name: str, label: str) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, item in enumerate(loaded.data.get(list_name, [])):
        item_id = item["id"]
        if item_id in first:
            earlier = loaded.locate((list_name, first[item_id], "id"))
            yield Problem(
                loaded.locate((list_name, index, "id")),
                (list_name, index, "id"),
                f"the {label} id '{item_id}' is used twice (first at line {earlier.line})",
                "give each entry its own id",
            )
        else:
            first[item_id] = index


def _check_unique_within_entries(loaded: LoadedData) -> Iterator[Problem]:
    """What names something inside the entries: sub-areas, objectives, focus area numbers, groups.

    Sub-area ids are unique in the whole plan, as objectives name them by id alone
    (a sub-area twice in one focus area would list its initiatives twice).
    """
    data = loaded.data
    sub_areas = [
        (("focus_areas", area_index, "sub_areas", index, "id"), sub_area["id"])
        for area_index, area in enumerate(data["focus_areas"])
        for index, sub_area in enumerate(area["sub_areas"])
    ]
    for path, value, line in _repeated(loaded, sub_areas):
        yield Problem(
            loaded.locate(path),
            path,
            f"the sub-area id '{value}' is used twice (first at line {line})",
            "give each sub-area its own id",
        )
    objectives = [
        (("plan", "objectives", index, "id"), objective["id"])
        for index, objective in enumerate(data["plan"]["objectives"])
    ]
    for path, value, line in _repeated(loaded, objectives):
        yield Problem(
            loaded.locate(path),
            path,
            f"the objective id '{value}' is used twice (first at line {line})",
            "give each objective its own id",
        )
    numbers = [
        (("focus_areas", index, "number"), area["number"])
        for index, area in enumerate(data["focus_areas"])
    ]
    for path, value, line in _repeated(loaded, numbers):
        yield Problem(
            loaded.locate(path),
            path,
            f"the focus area number {value} is used twice (first at line {line})",
            "give each focus area its own number",
        )
    for index, initiative in enumerate(data["initiatives"]):
        yield from _check_target_groups(loaded, index, initiative.get("target_groups", []))


def _check_target_groups(
    loaded: LoadedData, index: int, groups: list[dict[str, str]]
) -> Iterator[Problem]:
    """A target group listed twice (in either language) is shown twice."""
    seen: dict[str, dict[str, int]] = {"da": {}, "en": {}}
    for group_index, group in enumerate(groups):
        for language in ("da", "en"):
            words = _same_words(group[language])
            if words in seen[language]:
                path: DataPath = ("initiatives", index, "target_groups", group_index, language)
                first = ("initiatives", index, "target_groups", seen[language][words], language)
                yield Problem(
                    loaded.locate(path),
                    path,
                    f"the target group '{_shown(group[language])}' is listed twice "
                    f"(first at line {loaded.locate(first).line})",
                    "remove the repeated entry",
                )
                break
        for language in ("da", "en"):
            seen[language].setdefault(_same_words(group[language]), group_index)


def _same_words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _repeated(
    loaded: LoadedData, entries: Iterable[tuple[DataPath, Any]]
) -> Iterator[tuple[DataPath, Any, int]]:
    """(path, value, line of the first) of every entry whose value an earlier entry has."""
    first: dict[Any, DataPath] = {}
    for path, value in entries:
        if value in first:
            yield path, value, loaded.locate(first[value]).line
        else:
            first[value] = path


def _reference(
    loaded: LoadedData, data_path: DataPath, value: str, known: list[str], label: str
) -> Iterator[Problem]:
    if value not in known:
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"unknown {label} '{value}'",
            _suggest(value, known, f"use the id of an existing {label}"),
        )


def _references_in_list(
    loaded: LoadedData, data_path: DataPath, values: list[str], known: list[str], label: str
) -> Iterator[Problem]:
    for index, value in enumerate(values):
        yield from _reference(loaded, (*data_path, index), value, known, label)


def _check_references(loaded: LoadedData, ids: dict[str, list[str]]) -> Iterator[Problem]:
    data = loaded.data
    plan = data["plan"]
    sub_areas = {
        area["id"]: [sub["id"] for sub in area["sub_areas"]] for area in data["focus_areas"]
    }
    all_sub_areas = [sub for subs in sub_areas.values() for sub in subs]
    yield from _reference(loaded, ("plan", "publisher"), plan["publisher"], ids["actors"], "actor")
    for index, objective in enumerate(plan["objectives"]):
        if "sub_area" in objective:
            yield from _reference(
                loaded,
                ("plan", "objectives", index, "sub_area"),
                objective["sub_area"],
                all_sub_areas,
                "sub-area",
            )
    for index, initiative in enumerate(data["initiatives"]):
        path: DataPath = ("initiatives", index)
        yield from _reference(
            loaded,
            (*path, "focus_area"),
            initiative["focus_area"],
            ids["focus_areas"],
            "focus area",
        )
        if "sub_area" in initiative and initiative["focus_area"] in sub_areas:
            yield from _reference(
                loaded,
                (*path, "sub_area"),
                initiative["sub_area"],
                sub_areas[initiative["focus_area"]],
                f"sub-area of '{initiative['focus_area']}'",
            )
        yield from _references_in_list(
            loaded, (*path, "lead"), initiative["lead"], ids["actors"], "actor"
        )
        yield from _references_in_list(
            loaded, (*path, "partners"), initiative.get("partners", []), ids["actors"], "actor"
        )
        for partner_index, partner in enumerate(initiative.get("partners", [])):
            if partner in initiative["lead"]:
                yield Problem(
                    loaded.locate((*path, "partners", partner_index)),
                    (*path, "partners", partner_index),
                    f"'{partner}' is listed both as lead and as partner",
                    "keep it in one of the two lists",
                )
    for index, actor in enumerate(data["actors"]):
        if "parent" in actor:
            yield from _reference(
                loaded, ("actors", index, "parent"), actor["parent"], ids["actors"], "actor"
            )
    for index, contact in enumerate(data["contacts"]):
        yield from _reference(
            loaded,
            ("contacts", index, "organisation"),
            contact["organisation"],
            ids["actors"],
            "actor",
        )
    for index, release in enumerate(data["press_releases"]):
        path = ("press_releases", index)
        yield from _reference(
            loaded, (*path, "contact"), release["contact"], ids["contacts"], "contact"
        )
        yield from _references_in_list(
            loaded,
            (*path, "key_figures"),
            release.get("key_figures", []),
            ids["key_figures"],
            "key figure",
        )
        yield from _references_in_list(
            loaded,
            (*path, "initiatives"),
            release.get("initiatives", []),
            ids["initiatives"],
            "initiative",
        )
    for index, update in enumerate(data.get("updates", [])):
        yield from _references_in_list(
            loaded,
            ("updates", index, "initiatives"),
            update.get("initiatives", []),
            ids["initiatives"],
            "initiative",
        )
    for data_path, sources in _source_lists(data, ()):
        yield from _references_in_list(loaded, data_path, sources, ids["sources"], "source")


def _source_lists(value: Any, data_path: DataPath) -> Iterator[tuple[DataPath, list[str]]]:
    """Find every `sources:` list of ids anywhere in the data (not the top-level registry)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and data_path and isinstance(item, list):
                yield (*data_path, key), item
            else:
                yield from _source_lists(item, (*data_path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _source_lists(item, (*data_path, index))


def _parse_date(
    loaded: LoadedData, data_path: DataPath, text: str
) -> tuple[date | None, list[Problem]]:
    try:
        return date.fromisoformat(text), []
    except ValueError:
        return None, [
            Problem(
                loaded.locate(data_path),
                data_path,
                f"'{text}' is not a real date",
                "write an existing date as YYYY-MM-DD",
            )
        ]


def _check_dates(loaded: LoadedData) -> Iterator[Problem]:
    data = loaded.data
    plan_period = yield from _check_period(loaded, ("plan", "period"), data["plan"]["period"])
    for key in ("announced", "in_force"):
        yield from _parse_date(loaded, ("plan", key), data["plan"][key])[1]
    for index, initiative in enumerate(data["initiatives"]):
        if "period" not in initiative:
            continue
        path: DataPath = ("initiatives", index, "period")
        period = yield from _check_period(loaded, path, initiative["period"])
        if period and plan_period and (period[1] < plan_period[0] or period[0] > plan_period[1]):
            yield Problem(
                loaded.locate(path),
                path,
                "the period lies outside the plan period",
                f"use dates between {plan_period[0]} and {plan_period[1]}",
            )
    for index, source in enumerate(data["sources"]):
        if "date" in source:
            yield from _parse_date(loaded, ("sources", index, "date"), source["date"])[1]
    for index, release in enumerate(data["press_releases"]):
        for key in ("published", "publish_at"):
            if key in release:
                yield from _parse_moment(loaded, ("press_releases", index, key), release[key])
    for index, update in enumerate(data.get("updates", [])):
        yield from _parse_date(loaded, ("updates", index, "date"), update["date"])[1]
        if "publish_at" in update:
            yield from _parse_moment(loaded, ("updates", index, "publish_at"), update["publish_at"])
    for index, document in enumerate(data.get("documents", [])):
        if "publish_at" in document:
            yield from _parse_moment(
                loaded, ("documents", index, "publish_at"), document["publish_at"]
            )


def _parse_moment(loaded: LoadedData, data_path: DataPath, text: str) -> Iterator[Problem]:
    """The schema checks a date-time's shape; this checks that it exists (no 31 June, no 25:00)."""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"'{text}' is not a real date and time",
            "write an existing moment as YYYY-MM-DDTHH:MM:SS+02:00 (with its UTC offset)",
        )


def _check_period(
    loaded: LoadedData, data_path: DataPath, period: dict[str, str]
) -> Generator[Problem, None, tuple[date, date] | None]:
    start, start_problems = _parse_date(loaded, (*data_path, "start"), period["start"])
    end, end_problems = _parse_date(loaded, (*data_path, "end"), period["end"])
    yield from start_problems + end_problems
    if start and end and start > end:
        yield Problem(
            loaded.locate((*data_path, "end")),
            (*data_path, "end"),
            f"the end {end} is before the start {start}",
            "swap the dates or correct one of them",
        )
        return None
    return (start, end) if start and end else None
