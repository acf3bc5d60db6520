"""Each statistic's figures as a CSV download in one language, as its chart and table show them.

One row per figure the sources give (a figure no source gives has no row),
in the table's order: row, then series. The figure is written in digits
without thousands separators, so a spreadsheet reads it as a number; the
sources are their addresses, separated by spaces. The dialect and the
neutralising of formulas are the exports' (`outputs.exports`).
"""

from __future__ import annotations

from plansite.i18n.statistics import LocalizedStatistic
from plansite.i18n.strings import Strings
from plansite.outputs.exports import table_csv


def statistic_csv(statistic: LocalizedStatistic, strings: Strings, language: str) -> bytes:
    """The figures of `statistic`, one per row, with their series, unit and sources."""
    rows = [
        [
            strings["statistic_csv_series"],
            statistic.row_heading,
            strings["statistic_csv_value"],
            strings["statistic_csv_unit"],
            strings["statistic_csv_sources"],
        ]
    ]
    for row in statistic.rows:
        for series, cell in zip(statistic.series, row.cells, strict=True):
            if cell.value is not None:
                rows.append(
                    [
                        series.label,
                        row.label,
                        _digits(cell.value, language),
                        statistic.unit,
                        " ".join(source.url for source in cell.sources),
                    ]
                )
    return table_csv(rows, language)


def _digits(value: float, language: str) -> str:
    """`1233`; a fraction with the language's decimal sign (`12,5` / `12.5`)."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", "," if language == "da" else ".")
