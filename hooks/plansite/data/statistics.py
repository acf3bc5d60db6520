"""Statistics across the series (`data/site.yaml`, `statistics`): counts, each value sourced.

A statistic has rows (a year each, or a category each) and one or more series:
each series is one count from one kind of source, so two counts that disagree
(CMM's and the US TIP report's) stay apart. A value the sources do not give is
absent, never estimated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plansite.data.model import Source, Text, as_optional_text, as_text

AXES = ("years", "categories")
"""What a statistic's rows are: years (the plan periods are marked) or named categories."""


@dataclass(frozen=True)
class StatisticValue:
    """One figure: the row it belongs to (a year, or a category's id), the number, its sources."""

    row: str
    value: float
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class StatisticSeries:
    id: str
    label: Text
    short: Text
    values: tuple[StatisticValue, ...]

    def value_in(self, row: str) -> StatisticValue | None:
        """This series' figure for `row`, or None where its sources give none."""
        return next((value for value in self.values if value.row == row), None)


@dataclass(frozen=True)
class Category:
    id: str
    label: Text


@dataclass(frozen=True)
class Statistic:
    """A chart's worth of figures, with what it shows in one sentence and how it was counted."""

    id: str
    title: Text
    summary: Text
    unit: Text
    axis: str
    categories: tuple[Category, ...]
    row_label: Text | None
    """What the categories are (`Udnyttelsesform`), for the head of the table's first column."""
    note: Text | None
    series: tuple[StatisticSeries, ...]

    @property
    def rows(self) -> tuple[str, ...]:
        """The rows in order: the categories, or each year from the first to the last one given."""
        if self.axis == "categories":
            return tuple(category.id for category in self.categories)
        years = [int(value.row) for series in self.series for value in series.values]
        return tuple(str(year) for year in range(min(years), max(years) + 1))

    @property
    def value_count(self) -> int:
        return sum(len(series.values) for series in self.series)


def build_statistics(
    values: list[dict[str, Any]], sources: dict[str, Source]
) -> tuple[Statistic, ...]:
    """The validated `statistics` section as typed statistics, in file order."""
    return tuple(_statistic(value, sources) for value in values)


def _statistic(value: dict[str, Any], sources: dict[str, Source]) -> Statistic:
    return Statistic(
        id=value["id"],
        title=as_text(value["title"]),
        summary=as_text(value["summary"]),
        unit=as_text(value["unit"]),
        axis=value["axis"],
        categories=tuple(
            Category(item["id"], as_text(item["label"])) for item in value.get("categories", ())
        ),
        row_label=as_optional_text(value.get("row_label")),
        note=as_optional_text(value.get("note")),
        series=tuple(_series(item, sources) for item in value["series"]),
    )


def _series(value: dict[str, Any], sources: dict[str, Source]) -> StatisticSeries:
    return StatisticSeries(
        id=value["id"],
        label=as_text(value["label"]),
        short=as_text(value["short"]),
        values=tuple(
            StatisticValue(
                row=str(item["year"]) if "year" in item else item["category"],
                value=item["value"],
                sources=tuple(sources[source_id] for source_id in item["sources"]),
            )
            for item in value["values"]
        ),
    )
