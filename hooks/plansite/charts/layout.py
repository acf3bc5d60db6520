"""Where every mark and label of a statistic's bar chart goes: pure geometry, no markup.

The chart is a horizontal bar chart read top to bottom: a row per year or
category, its label on lines of its own (so a long category name never
squeezes the bars), then a bar per series that gives a figure, each labelled
directly with its figure and, when there are several series, the series'
short name. A plan period is a band over its years, named on a line of its
own. Nothing depends on colour alone: each series has its own fill pattern
too, and its name is on every bar.

The width suits a phone: 360 units, drawn at about the width of a 375 px
screen's text column, so the 13-unit labels stay at 12-13 px there.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n.statistics import LocalizedStatistic

WIDTH = 360
MARGIN = 8
BAND_INDENT = 10
"""Rows within a plan period start right of the band's rule."""
ROW_LABEL_HEIGHT = 22
LINE_HEIGHT = 17
"""Of a row label's further lines."""
BAND_LABEL_HEIGHT = 24
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 10
MINIMUM_BAR = 2
"""A figure of 0 is still a mark: a sliver, labelled `0`."""
LABEL_FONT = 13
CHARACTER_WIDTH = 0.62
"""An upper estimate of a label character's width, in ems, to leave room for the bar labels."""


@dataclass(frozen=True)
class Bar:
    series_index: int
    x: float
    y: float
    width: float
    height: float
    label: str
    """The figure and the series' short name: `64 CMM`."""
    label_x: float
    label_y: float


@dataclass(frozen=True)
class RowLabel:
    lines: tuple[str, ...]
    """The label, broken at spaces into lines that fit the chart's width."""
    x: float
    y: float
    """The baseline of the first line; each further line is `LINE_HEIGHT` below."""
    not_stated: str
    """`ikke oplyst` where no series gives this row a figure, else ``."""


@dataclass(frozen=True)
class Band:
    """A plan period's band: its background, its rule on the left and its name."""

    label: str
    x: float
    y: float
    height: float
    label_y: float
    shaded: bool


@dataclass(frozen=True)
class ChartLayout:
    width: int
    height: float
    bands: tuple[Band, ...]
    rows: tuple[RowLabel, ...]
    bars: tuple[Bar, ...]


def lay_out_bar_chart(statistic: LocalizedStatistic, not_stated: str) -> ChartLayout:
    """Place the bands, row labels and bars of `statistic`; `not_stated` labels an empty row."""
    longest_label = max(
        (
            len(_bar_label(cell.text, series.short, statistic))
            for row in statistic.rows
            for cell, series in zip(row.cells, statistic.series, strict=True)
            if cell.value is not None
        ),
        default=0,
    )
    label_room = longest_label * LABEL_FONT * CHARACTER_WIDTH + 6
    band_of_row = {
        index: band for band in statistic.bands for index in range(band.first, band.last + 1)
    }
    left = MARGIN + (BAND_INDENT if statistic.bands else 0)
    longest_bar = max(WIDTH - MARGIN - left - label_room, 40)
    largest = statistic.largest_value or 1
    bands: list[Band] = []
    rows: list[RowLabel] = []
    bars: list[Bar] = []
    y = float(MARGIN)
    band_start = 0.0
    for index, row in enumerate(statistic.rows):
        band = band_of_row.get(index)
        if band and index == band.first:
            band_start = y
            y += BAND_LABEL_HEIGHT
        given = [
            (position, cell.value, cell.text)
            for position, cell in enumerate(row.cells)
            if cell.value is not None
        ]
        lines = _wrapped(row.label, WIDTH - MARGIN - left)
        rows.append(RowLabel(lines, left, y + LABEL_FONT + 3, "" if given else not_stated))
        y += ROW_LABEL_HEIGHT + LINE_HEIGHT * (len(lines) - 1)
        for position, value, text in given:
            width = max(value / largest * longest_bar, MINIMUM_BAR)
            bars.append(
                Bar(
                    series_index=position,
                    x=left,
                    y=y,
                    width=round(width, 2),
                    height=BAR_HEIGHT,
                    label=_bar_label(text, statistic.series[position].short, statistic),
                    label_x=round(left + width + 5, 2),
                    label_y=y + BAR_HEIGHT - 3.5,
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
        if band and index == band.last:
            bands.append(
                Band(
                    band.label,
                    MARGIN,
                    band_start,
                    y - band_start - ROW_GAP / 2,
                    band_start + BAND_LABEL_HEIGHT - 8,
                    shaded=len(bands) % 2 == 0,
                )
            )
    return ChartLayout(WIDTH, y + MARGIN - ROW_GAP, tuple(bands), tuple(rows), tuple(bars))


def _wrapped(text: str, width: float) -> tuple[str, ...]:
    """`text` in lines of at most `width` units (a longer word: a line of its own)."""
    most = max(int(width / (LABEL_FONT * CHARACTER_WIDTH)), 1)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def _bar_label(figure: str, short: str, statistic: LocalizedStatistic) -> str:
    """`64 CMM`; the figure alone when the statistic has one series (its title names it)."""
    return f"{figure} {short}" if len(statistic.series) > 1 else figure
