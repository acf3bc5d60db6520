"""What the schema cannot say of the `statistics` of `data/site.yaml`: rows fit the axis, once each.

A value of a statistic by years names its `year`, one by categories names one of
the statistic's `category` ids; a series gives each row at most once, and the
series of a statistic have different ids. (That every source id exists is
checked with every other `sources:` list of the file.)
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

from plansite.data.loading import DataPath, LoadedData
from plansite.problems import Problem


def check_statistics(loaded: LoadedData) -> Iterator[Problem]:
    """Every problem of the file's statistics that the schema lets through."""
    for index, statistic in enumerate(loaded.data.get("statistics", [])):
        yield from _check_statistic(loaded, ("statistics", index), statistic)


def _check_statistic(
    loaded: LoadedData, path: DataPath, statistic: dict[str, Any]
) -> Iterator[Problem]:
    by_years = statistic["axis"] == "years"
    categories = [category["id"] for category in statistic.get("categories", [])]
    if by_years and categories:
        yield Problem(
            loaded.locate_key((*path, "categories")),
            (*path, "categories"),
            "a statistic by years has no categories",
            "remove categories, or write axis: categories",
        )
    if not by_years and not categories:
        yield Problem(
            loaded.locate_key((*path, "axis")),
            (*path, "axis"),
            "a statistic by categories needs its categories",
            "add categories: a list with an id and a label in both languages for each row",
        )
    yield from _once_each(loaded, path, "categories", categories, "category")
    series_ids = [series["id"] for series in statistic["series"]]
    yield from _once_each(loaded, path, "series", series_ids, "series")
    for series_index, series in enumerate(statistic["series"]):
        series_path = (*path, "series", series_index)
        rows = []
        for value_index, value in enumerate(series["values"]):
            value_path = (*series_path, "values", value_index)
            row = yield from _row_of(loaded, value_path, value, by_years, categories)
            rows.append(row)
        yield from _rows_once(loaded, series_path, rows, "year" if by_years else "category")


def _row_of(
    loaded: LoadedData,
    path: DataPath,
    value: dict[str, Any],
    by_years: bool,
    categories: list[str],
) -> Generator[Problem, None, Any]:
    """Check that the value names its row as the axis asks; return the row, or None."""
    wanted, other = ("year", "category") if by_years else ("category", "year")
    if other in value:
        yield Problem(
            loaded.locate_key((*path, other)),
            (*path, other),
            f"a value of a statistic by {'years' if by_years else 'categories'} has no {other}",
            f"write {wanted}: instead",
        )
    if wanted not in value:
        yield Problem(
            loaded.locate(path),
            path,
            f"the value does not say which {wanted} it is for",
            f"add {wanted}: to it",
        )
        return None
    row = value[wanted]
    if not by_years and row not in categories:
        yield Problem(
            loaded.locate((*path, "category")),
            (*path, "category"),
            f"unknown category '{row}'",
            "use the id of one of the statistic's categories: " + ", ".join(categories),
        )
    return row


def _rows_once(
    loaded: LoadedData, series_path: DataPath, rows: list[Any], key: str
) -> Iterator[Problem]:
    first: dict[Any, int] = {}
    for index, row in enumerate(rows):
        if row is None:
            continue
        if row in first:
            earlier = loaded.locate((*series_path, "values", first[row]))
            path = (*series_path, "values", index, key)
            yield Problem(
                loaded.locate(path),
                path,
                f"the series gives {key} {row} twice (first at line {earlier.line})",
                "keep one value per row: a different count is a series of its own",
            )
        else:
            first[row] = index


def _once_each(
    loaded: LoadedData, path: DataPath, list_name: str, ids: list[str], label: str
) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first:
            item_path = (*path, list_name, index, "id")
            earlier = loaded.locate((*path, list_name, first[item_id], "id"))
            yield Problem(
                loaded.locate(item_path),
                item_path,
                f"the {label} id '{item_id}' is used twice in this statistic "
                f"(first at line {earlier.line})",
                f"give each {label} its own id",
            )
        else:
            first[item_id] = index
