"""Check the series' data: each file's shape against its JSON Schema, then what a schema cannot say.

The data folder holds `site.yaml` (the site), `actors.yaml` (who the actors
are) and one file per plan under `plans/` (its name is the plan's id). Every
problem in any of them is collected with its location, the data path, what is
wrong and how to fix it; `load_series` raises one `DataError` with all of them.
Shape problems stop the semantic checks, which assume the shape is right.
References resolve within one file, except actors (a plan names actors of
`actors.yaml`) and the site's plans (`current_plan`, `root_plan`).
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Collection, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, cast

import jsonschema

from plansite.data import font_coverage, text_checks, value_checks
from plansite.data.documents import check_document_files
from plansite.data.loading import LoadedData, load_data_file
from plansite.data.model import as_partial_date
from plansite.data.series import Series, build_series
from plansite.data.statistic_checks import check_statistics
from plansite.problems import DataError, DataPath, Location, Problem

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "data" / "schema"
PLAN_SCHEMA = SCHEMA_DIR / "plan.schema.json"
SITE_SCHEMA = SCHEMA_DIR / "site.schema.json"
ACTORS_SCHEMA = SCHEMA_DIR / "actors.schema.json"
SITE_FILE = "site.yaml"
ACTORS_FILE = "actors.yaml"
PLANS_DIR = "plans"
PLAN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

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
_SITE_LIST_NAMES = {
    "contacts": "contact",
    "earlier_plans": "earlier plan",
    "statistics": "statistic",
    "sources": "source",
}


@dataclass(frozen=True)
class LoadedSeries:
    """The files of the data folder as read, before they are checked."""

    site: LoadedData
    actors: LoadedData
    plans: dict[str, LoadedData]


def plan_files(data_dir: Path) -> list[Path]:
    """The plan files of a data folder, by name."""
    return sorted((data_dir / PLANS_DIR).glob("*.yaml"))


def load_series(
    data_dir: str | Path,
    plans: Sequence[Path] | None = None,
    taken: Collection[str] = (),
) -> Series:
    """Load, validate and build the series; raise `DataError` listing every problem.

    `plans` replaces the data folder's plan files (tests check one plan file
    against a folder's site and actors); `taken` are the site's own first address
    parts, which no plan id may be (`plansite.urls.addresses_of_the_site`).
    """
    loaded = read_series(Path(data_dir), plans, taken)
    problems = check_series(loaded)
    if problems:
        raise DataError(problems)
    return build_series(
        loaded.site.data,
        loaded.actors.data,
        {plan_id: plan.data for plan_id, plan in loaded.plans.items()},
    )


def read_series(
    data_dir: Path, plans: Sequence[Path] | None = None, taken: Collection[str] = ()
) -> LoadedSeries:
    """Read every file of the data folder; raise `DataError` with the problems of every file."""
    problems: list[Problem] = []

    def read(path: Path) -> LoadedData | None:
        try:
            return load_data_file(path)
        except DataError as error:
            problems.extend(error.problems)
            return None

    site, actors = read(data_dir / SITE_FILE), read(data_dir / ACTORS_FILE)
    paths = list(plans) if plans is not None else plan_files(data_dir)
    if not paths:
        problems.append(
            Problem(
                Location(str(data_dir / PLANS_DIR), 1, 1),
                (),
                "there is no plan file",
                "add one (see the editors' guide, 'Add a new plan')",
            )
        )
    loaded_plans = {}
    for path in paths:
        if not PLAN_ID.match(path.stem):
            problems.append(
                Problem(
                    Location(str(path), 1, 1),
                    (),
                    f"the file name '{path.name}' cannot be a plan's address",
                    "name the file with small letters a-z, digits and hyphens, e.g. 2026-2029.yaml",
                )
            )
        elif path.stem in taken:
            problems.append(
                Problem(
                    Location(str(path), 1, 1),
                    (),
                    f"the plan's address /{path.stem}/ is one of the site's own",
                    "name the file after the plan's years instead, e.g. 2026-2029.yaml",
                )
            )
        plan = read(path)
        if plan is not None:
            loaded_plans[path.stem] = plan
    if problems or site is None or actors is None:
        raise DataError(problems)
    return LoadedSeries(site, actors, loaded_plans)


def check_series(loaded: LoadedSeries) -> list[Problem]:
    """Return every problem in the series' files (empty when they are fine)."""
    files = [
        (loaded.site, SITE_SCHEMA),
        (loaded.actors, ACTORS_SCHEMA),
        *((plan, PLAN_SCHEMA) for plan in loaded.plans.values()),
    ]
    problems = [problem for data, schema in files for problem in check_shape(data, schema)]
    if problems:
        return problems
    actor_ids = _ids_of(loaded.actors.data["actors"])
    problems += _check_actors_file(loaded.actors)
    for plan in loaded.plans.values():
        problems += check_meaning(plan, actor_ids)
    problems += _check_site_file(loaded.site, list(loaded.plans), actor_ids)
    return problems


def check_plan_file(loaded: LoadedData, actor_ids: list[str]) -> list[Problem]:
    """Every problem of one plan file, given the ids of `actors.yaml` (empty when it is fine)."""
    problems = list(check_shape(loaded, PLAN_SCHEMA))
    if problems:
        return problems
    return list(check_meaning(loaded, actor_ids))


@cache
def _schema_validator(schema_path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def schema_of(schema_path: Path) -> dict[str, Any]:
    """The JSON Schema of one kind of data file, as `_schema_validator` holds it."""
    # The validator's `schema` may be a bool in general; these are the objects read from the files.
    return cast(dict[str, Any], _schema_validator(schema_path).schema)


def check_shape(loaded: LoadedData, schema_path: Path = PLAN_SCHEMA) -> Iterator[Problem]:
    """Check the data against its JSON Schema, with messages written for editors."""
    schema = schema_of(schema_path)
    for error in _schema_validator(schema_path).iter_errors(loaded.data):
        yield from _explain_schema_error(loaded, error, schema)


def _explain_schema_error(
    loaded: LoadedData, error: jsonschema.ValidationError, root_schema: dict[str, Any]
) -> Iterator[Problem]:
    data_path: DataPath = tuple(error.absolute_path)
    # `iter_errors` sets both; the stubs also allow the `Unset` of an error made by hand.
    instance: Any = error.instance
    validator_value: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = _resolved(schema, root_schema).get("description", "")
    kind = error.validator
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        # What the entry is for, when the schema says: e.g. that who an actor is goes elsewhere.
        why = (
            f" ({schema['description'].rstrip('.')})"
            if data_path and "description" in schema
            else ""
        )
        for key in sorted(set(instance) - set(known)):
            yield Problem(
                loaded.locate_key((*data_path, key)),
                (*data_path, key),
                f"unknown {'key' if data_path else 'section'} '{key}'",
                _suggest(key, known, "remove it or use one of: " + ", ".join(known) + why),
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
    elif kind == "dependentRequired":
        # jsonschema reports each missing key once for every given key that needs it: the
        # first given key (in the schema's order) that needs it speaks for all.
        named = re.findall(r"'([^']+)' is a dependency of '([^']+)'", error.message)
        for key, given in named:
            needing = [name for name, needed in validator_value.items() if key in needed]
            if next(name for name in needing if name in instance) != given:
                continue
            yield Problem(
                loaded.locate_key(data_path),
                data_path,
                f"missing key '{key}', which an entry with '{given}' needs",
                f"add '{key}:' here"
                + (f" ({hint.rstrip('.')})" if (hint := _key_hint(schema, key)) else ""),
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


def _key_hint(schema: dict[str, Any], key: str) -> str:
    """What the schema says a key of an entry is for ('' when it does not say)."""
    described = schema.get("properties", {}).get(key, {})
    return str(described.get("description", "")) if isinstance(described, dict) else ""


def _resolved(schema: dict[str, Any], root_schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a `$ref` into `$defs` so descriptions of shared definitions are found."""
    reference = schema.get("$ref", "")
    if reference.startswith("#/$defs/"):
        return {**root_schema["$defs"][reference.removeprefix("#/$defs/")], **schema}
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


def check_meaning(loaded: LoadedData, actor_ids: list[str]) -> Iterator[Problem]:
    """Check in one plan file what the schema cannot: ids, references, dates, safe, printable text.

    `actor_ids` are the actors of `actors.yaml`; the plan's `actors:` section
    gives the role of each actor the plan names.
    """
    data = loaded.data
    yield from check_document_files(loaded)
    ids = {name: _ids_of(data.get(name, [])) for name in _LIST_NAMES}
    for name, label in _LIST_NAMES.items():
        yield from _check_unique_ids(loaded, name, label)
    for index, actor in enumerate(data["actors"]):
        yield from _reference(
            loaded,
            ("actors", index, "id"),
            actor["id"],
            actor_ids,
            "actor",
            what=f"'{actor['id']}' is not in actors.yaml",
            fix="add it to data/actors.yaml (id, type, name), or correct the id",
        )
    yield from _check_unique_within_entries(loaded)
    yield from _check_references(loaded, ids, actor_ids)
    yield from _check_dates(loaded)
    for index, initiative in enumerate(data["initiatives"]):
        yield from _check_evidence(loaded, ("initiatives", index), initiative)
    yield from _checks_of_every_value(loaded, PLAN_SCHEMA)


def _check_evidence(
    loaded: LoadedData, path: DataPath, initiative: dict[str, Any]
) -> Iterator[Problem]:
    """Evidence dates exist; a status rests on the initiative's own evidence, none newer than it."""
    evidence = initiative.get("evidence", [])
    days: dict[str, date] = {}
    for index, item in enumerate(evidence):
        item_path = (*path, "evidence", index)
        for earlier in evidence[:index]:
            if earlier["id"] == item["id"]:
                yield Problem(
                    loaded.locate((*item_path, "id")),
                    (*item_path, "id"),
                    f"the evidence id '{item['id']}' is used twice in this initiative",
                    "give each evidence item its own id",
                )
                break
        try:
            days.setdefault(item["id"], as_partial_date(item["date"]).first_day)
        except ValueError:
            yield Problem(
                loaded.locate((*item_path, "date")),
                (*item_path, "date"),
                f"'{item['date']}' is not a real date",
                "write an existing date as YYYY-MM-DD, YYYY-MM or YYYY",
            )
    status = initiative.get("status")
    if status is None:
        return
    as_of, problems = _parse_date(loaded, (*path, "status", "as_of"), status["as_of"])
    yield from problems
    for index, evidence_id in enumerate(status["evidence"]):
        reference = (*path, "status", "evidence", index)
        yield from _reference(
            loaded,
            reference,
            evidence_id,
            [item["id"] for item in evidence],
            "evidence item",
            fix="use the id of one of this initiative's evidence: items",
        )
        if as_of and evidence_id in days and as_of < days[evidence_id]:
            yield Problem(
                loaded.locate((*path, "status", "as_of")),
                (*path, "status", "as_of"),
                f"the status is as of {as_of}, before the evidence '{evidence_id}' it rests on",
                f"set as_of to {days[evidence_id]} or later",
            )


def _checks_of_every_value(loaded: LoadedData, schema_path: Path) -> Iterator[Problem]:
    schema = schema_of(schema_path)
    yield from text_checks.check_texts(loaded, schema)
    yield from font_coverage.check_characters(loaded)
    yield from value_checks.check_values(loaded, schema)


def _check_actors_file(loaded: LoadedData) -> Iterator[Problem]:
    """Unique ids; a parent is another actor of the file."""
    actors = loaded.data["actors"]
    yield from _check_unique_ids(loaded, "actors", "actor")
    ids = _ids_of(actors)
    for index, actor in enumerate(actors):
        if "parent" in actor:
            yield from _reference(
                loaded, ("actors", index, "parent"), actor["parent"], ids, "actor"
            )
    yield from _checks_of_every_value(loaded, ACTORS_SCHEMA)


def _check_site_file(
    loaded: LoadedData, plan_ids: list[str], actor_ids: list[str]
) -> Iterator[Problem]:
    """Unique ids; the plans it names have files; contacts name actors; sources resolve; dates."""
    data = loaded.data
    for name, label in _SITE_LIST_NAMES.items():
        yield from _check_unique_ids(loaded, name, label)
    for key in ("current_plan", "root_plan"):
        if key in data["site"]:
            yield from _reference(
                loaded,
                ("site", key),
                data["site"][key],
                plan_ids,
                "plan",
                what=f"there is no plan file plans/{data['site'][key]}.yaml",
                fix="write the name of a file under plans/, without .yaml",
            )
    for index, entry in enumerate(data.get("earlier_plans", [])):
        if entry["id"] in plan_ids:
            path: DataPath = ("earlier_plans", index, "id")
            yield Problem(
                loaded.locate(path),
                path,
                f"the plan '{entry['id']}' has its own file under plans/",
                "remove it from earlier_plans: its file says what the site shows of it",
            )
        yield from _check_period(loaded, ("earlier_plans", index, "period"), entry["period"])
    for index, contact in enumerate(data["contacts"]):
        yield from _reference(
            loaded, ("contacts", index, "organisation"), contact["organisation"], actor_ids, "actor"
        )
        yield from _parse_date(loaded, ("contacts", index, "as_of"), contact["as_of"])[1]
    source_ids = _ids_of(data["sources"])
    for data_path, sources in _source_lists(data, ()):
        yield from _references_in_list(loaded, data_path, sources, source_ids, "source")
    for index, source in enumerate(data["sources"]):
        if "date" in source:
            yield from _parse_date(loaded, ("sources", index, "date"), source["date"])[1]
    yield from check_statistics(loaded)
    yield from _checks_of_every_value(loaded, SITE_SCHEMA)


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
        for index, sub_area in enumerate(area.get("sub_areas", []))
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
        for index, objective in enumerate(data["plan"].get("objectives", []))
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
    loaded: LoadedData,
    data_path: DataPath,
    value: str,
    known: list[str],
    label: str,
    *,
    what: str = "",
    fix: str = "",
) -> Iterator[Problem]:
    """`value` is one of `known`; else `what` is wrong (`unknown <label> '<value>'`): `fix` it."""
    if value not in known:
        yield Problem(
            loaded.locate(data_path),
            data_path,
            what or f"unknown {label} '{value}'",
            _suggest(value, known, fix or f"use the id of an existing {label}"),
        )


def _references_in_list(
    loaded: LoadedData,
    data_path: DataPath,
    values: list[str],
    known: list[str],
    label: str,
    key: str | None = None,
) -> Iterator[Problem]:
    """Each value is a known id; `key` when the values are that key of the list's entries."""
    for index, value in enumerate(values):
        path = (*data_path, index, key) if key else (*data_path, index)
        yield from _reference(loaded, path, value, known, label)


def _check_references(
    loaded: LoadedData, ids: dict[str, list[str]], actor_ids: list[str]
) -> Iterator[Problem]:
    """Every id a plan file names is in the file (`ids`); an actor, in its `actors:` section."""

    def actors(data_path: DataPath, values: list[str]) -> Iterator[Problem]:
        for index, value in enumerate(values):
            yield from _plan_actor(loaded, (*data_path, index), value, ids["actors"], actor_ids)

    data = loaded.data
    plan = data["plan"]
    sub_areas = {
        area["id"]: [sub["id"] for sub in area.get("sub_areas", [])] for area in data["focus_areas"]
    }
    all_sub_areas = [sub for subs in sub_areas.values() for sub in subs]
    yield from _plan_actor(
        loaded, ("plan", "publisher"), plan["publisher"], ids["actors"], actor_ids
    )
    for index, objective in enumerate(plan.get("objectives", [])):
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
                "sub-area",
                what=f"unknown sub-area '{initiative['sub_area']}' "
                f"of the focus area '{initiative['focus_area']}'",
                fix="use the id of one of that focus area's sub-areas",
            )
        yield from actors((*path, "lead"), initiative["lead"])
        yield from actors((*path, "partners"), initiative.get("partners", []))
        for partner_index, partner in enumerate(initiative.get("partners", [])):
            if partner in initiative["lead"]:
                yield Problem(
                    loaded.locate((*path, "partners", partner_index)),
                    (*path, "partners", partner_index),
                    f"'{partner}' is listed both as lead and as partner",
                    "keep it in one of the two lists",
                )
    for index, contact in enumerate(data["contacts"]):
        yield from _plan_actor(
            loaded,
            ("contacts", index, "organisation"),
            contact["organisation"],
            ids["actors"],
            actor_ids,
        )
    for index, release in enumerate(data["press_releases"]):
        path = ("press_releases", index)
        if "contact" in release:
            yield from _reference(
                loaded, (*path, "contact"), release["contact"], ids["contacts"], "contact"
            )
        if "original_source" in release:
            yield from _reference(
                loaded,
                (*path, "original_source"),
                release["original_source"],
                ids["sources"],
                "source",
                fix="use the id of the source under sources: that is the original press release",
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
    for index, document in enumerate(data.get("documents", [])):
        if "publisher" in document:
            yield from _plan_actor(
                loaded,
                ("documents", index, "publisher"),
                document["publisher"],
                ids["actors"],
                actor_ids,
            )
    for data_path, sources in _source_lists(data, ()):
        yield from _references_in_list(loaded, data_path, sources, ids["sources"], "source")


def _plan_actor(
    loaded: LoadedData,
    data_path: DataPath,
    value: str,
    plan_actors: list[str],
    actor_ids: list[str],
) -> Iterator[Problem]:
    """An actor a plan names has a role in it; one of `actors.yaml` without a role is told so."""
    if value in actor_ids and value not in plan_actors:
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"the actor '{value}' has no role in this plan",
            "add it under actors: with its description and sources",
        )
    else:
        yield from _reference(loaded, data_path, value, plan_actors, "actor")


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


def _parse_day(
    loaded: LoadedData, data_path: DataPath, value: str | int, *, first: bool
) -> tuple[date | None, list[Problem]]:
    """A date, or a year as its first (`first`) or last day."""
    if isinstance(value, int):
        return (date(value, 1, 1) if first else date(value, 12, 31)), []
    return _parse_date(loaded, data_path, value)


def _check_dates(loaded: LoadedData) -> Iterator[Problem]:
    data = loaded.data
    plan_period = yield from _check_period(loaded, ("plan", "period"), data["plan"]["period"])
    for key in ("announced", "sent_to_parliament", "in_force"):
        if key in data["plan"]:
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
            if key == "published" and "T" not in release[key]:  # a day alone
                yield from _parse_date(loaded, ("press_releases", index, key), release[key])[1]
            elif key in release:
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
    loaded: LoadedData, data_path: DataPath, period: dict[str, str | int]
) -> Generator[Problem, None, tuple[date, date] | None]:
    """First and last day of a period of days or years; the end is not before the start."""
    start, start_problems = _parse_day(loaded, (*data_path, "start"), period["start"], first=True)
    end, end_problems = _parse_day(loaded, (*data_path, "end"), period["end"], first=False)
    yield from start_problems + end_problems
    if start and end and start > end:
        yield Problem(
            loaded.locate((*data_path, "end")),
            (*data_path, "end"),
            f"the end {period['end']} is before the start {period['start']}",
            "swap the dates or correct one of them",
        )
        return None
    return (start, end) if start and end else None
