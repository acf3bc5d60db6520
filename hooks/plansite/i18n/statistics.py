"""The series' statistics in one language: the rows, cells and sources of a chart, table and CSV.

Every renderer of a statistic (the SVG chart, the table beside it, the CSV
download, the PDF chapter) reads the same `LocalizedStatistic`, so the figures
they show cannot differ. A cell the sources do not give says so ("ikke
oplyst" / "not stated"); it is never zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.data.model import Period, Source
from plansite.data.statistics import Statistic
from plansite.i18n import formatting
from plansite.i18n.view import LocalizedSeries


@dataclass(frozen=True)
class StatisticCell:
    """One series' figure in one row: the number (None where no source gives it) and its text."""

    value: float | None
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class StatisticRow:
    key: str
    """The year, or the category's id."""
    label: str
    cells: tuple[StatisticCell, ...]
    """One per series, in the series' order."""


@dataclass(frozen=True)
class PeriodBand:
    """A plan period over consecutive rows of a statistic by years: rows `first`..`last`."""

    label: str
    first: int
    last: int


@dataclass(frozen=True)
class SeriesSources:
    """The sources of one series, each with the rows it gives (`2019, 2020`)."""

    label: str
    sources: tuple[tuple[dict[str, str | None], str], ...]


@dataclass(frozen=True)
class LocalizedSeriesOfStatistic:
    id: str
    label: str
    short: str


@dataclass(frozen=True)
class LocalizedStatistic:
    id: str
    title: str
    summary: str
    unit: str
    note: str
    row_heading: str
    """The head of the table's first column: `År` / `Year`, or the statistic's kind of row."""
    series: tuple[LocalizedSeriesOfStatistic, ...]
    rows: tuple[StatisticRow, ...]
    bands: tuple[PeriodBand, ...]
    sources: tuple[SeriesSources, ...]
    value_count: int

    @property
    def largest_value(self) -> float:
        return max(
            (cell.value for row in self.rows for cell in row.cells if cell.value is not None),
            default=0,
        )


def localize_statistics(series: LocalizedSeries) -> tuple[LocalizedStatistic, ...]:
    """Every statistic of the series in the view's language, in file order."""
    return tuple(_localized(series, statistic) for statistic in series.series.statistics)


def _localized(view: LocalizedSeries, statistic: Statistic) -> LocalizedStatistic:
    strings, language = view.strings, view.language
    labels = {category.id: view.text(category.label) for category in statistic.categories}
    rows = []
    for row in statistic.rows:
        cells = []
        for series in statistic.series:
            value = series.value_in(row)
            cells.append(
                StatisticCell(
                    value.value, formatting.format_number(value.value, language), value.sources
                )
                if value
                else StatisticCell(None, strings["statistic_not_stated"], ())
            )
        rows.append(StatisticRow(row, labels.get(row, row), tuple(cells)))
    return LocalizedStatistic(
        id=statistic.id,
        title=view.text(statistic.title),
        summary=view.text(statistic.summary),
        unit=view.text(statistic.unit),
        note=view.text(statistic.note),
        row_heading=view.text(statistic.row_label)
        or strings["statistic_year" if statistic.axis == "years" else "statistic_category"],
        series=tuple(
            LocalizedSeriesOfStatistic(series.id, view.text(series.label), view.text(series.short))
            for series in statistic.series
        ),
        rows=tuple(rows),
        bands=_period_bands(view, statistic) if statistic.axis == "years" else (),
        sources=tuple(
            _series_sources(view, statistic, index) for index in range(len(statistic.series))
        ),
        value_count=statistic.value_count,
    )


def _period_bands(view: LocalizedSeries, statistic: Statistic) -> tuple[PeriodBand, ...]:
    """The plan periods of the series that the statistic's years reach into, oldest first."""
    years = [int(row) for row in statistic.rows]
    periods: list[Period] = [entry.period for entry in view.series.earlier_plans]
    periods += [plan.plan.period for plan in view.series.plans]
    bands = []
    for period in sorted(periods, key=lambda period: period.start):
        first, last = max(period.start.year, years[0]), min(period.end.year, years[-1])
        if first <= last:
            bands.append(
                PeriodBand(
                    view.strings.format(
                        "statistic_plan_period", years=f"{period.start.year}–{period.end.year}"
                    ),
                    years.index(first),
                    years.index(last),
                )
            )
    return tuple(bands)


def _series_sources(view: LocalizedSeries, statistic: Statistic, index: int) -> SeriesSources:
    series = statistic.series[index]
    labels = {category.id: view.text(category.label) for category in statistic.categories}
    rows_of: dict[str, list[str]] = {}
    by_id: dict[str, Source] = {}
    for value in series.values:
        for source in value.sources:
            by_id.setdefault(source.id, source)
            rows_of.setdefault(source.id, []).append(labels.get(value.row, value.row))
    reference = view.plans[0].source_reference
    return SeriesSources(
        view.text(series.label),
        tuple(
            (reference(by_id[source_id]), ", ".join(rows)) for source_id, rows in rows_of.items()
        ),
    )
