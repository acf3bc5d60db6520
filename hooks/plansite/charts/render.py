"""A statistic as an accessible SVG bar chart, and as the HTML block the pages show it in.

Why our own template and not a charting library: the chart must be one
`<svg role="img">` with `<title>` and `<desc>`, labelled directly, with a
pattern as well as a colour per series, drawn without JavaScript and without
style attributes (the site's CSP forbids inline style), readable at 375 px and
in a PDF. pygal writes style elements and scripts, matplotlib draws its own
text outside our fonts and needs numpy, and Vega's converters ship binaries;
each would need its output rewritten. A bar chart is a few rectangles, so
`layout` computes them and a template writes them (docs-dev/architecture.md).

Colours: each series' colour has at least 4.5:1 contrast on white (WCAG 1.4.11
asks 3:1 of a mark), and every text is near-black on white or on the bands' light
grey. The tests check both figures from these values.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from plansite import templating
from plansite.charts.layout import LINE_HEIGHT, ChartLayout, lay_out_bar_chart
from plansite.i18n.statistics import LocalizedStatistic
from plansite.i18n.strings import Strings

TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    pattern: str
    """`solid`, `hatch`, `dots`, `stripes` or `grid`."""


SERIES_STYLES = (
    SeriesStyle("#1f4e79", "solid"),
    SeriesStyle("#8a4600", "hatch"),
    SeriesStyle("#2d6a2e", "dots"),
    SeriesStyle("#6a1b9a", "stripes"),
    SeriesStyle("#00585c", "grid"),
    SeriesStyle("#5d4037", "hatch"),
)
"""One per series, in order (the schema allows at most six series)."""
BACKGROUNDS = ("#ffffff", "#f2f4f7")
"""What the chart's texts and marks stand on: the chart, and a shaded plan period."""
TEXT_COLOURS = ("#1a1a1a", "#4a4a4a")


@dataclass(frozen=True)
class StatisticChart:
    """A statistic with its chart: the SVG, its layout, and the styles of its series."""

    statistic: LocalizedStatistic
    layout: ChartLayout
    svg: Markup
    styles: tuple[SeriesStyle, ...]
    description: str

    @property
    def element_id(self) -> str:
        return f"statistic-{self.statistic.id}"

    def data_uri(self) -> str:
        """The SVG as a `data:` address, for an `<img>` in the PDF (which tags it as a Figure)."""
        encoded = base64.b64encode(str(self.svg).encode("utf-8")).decode("ascii")
        return f"data:image/svg+xml;base64,{encoded}"

    @property
    def has_chart(self) -> bool:
        """A single figure is told in a sentence and its table; a chart of one bar shows nothing."""
        return self.statistic.value_count > 1


def draw_statistics(
    statistics: tuple[LocalizedStatistic, ...], strings: Strings
) -> tuple[StatisticChart, ...]:
    """Every statistic with its chart, in order."""
    environment = templating.template_environment(TEMPLATES_DIR, autoescape=True)
    template = environment.get_template("bar-chart.svg")
    charts = []
    for statistic in statistics:
        layout = lay_out_bar_chart(statistic, strings["statistic_not_stated"])
        styles = SERIES_STYLES[: len(statistic.series)]
        element_id = f"statistic-{statistic.id}"
        description = strings.format("statistic_description", summary=statistic.summary)
        svg = template.render(
            id=element_id,
            layout=layout,
            styles=styles,
            title=statistic.title,
            description=description,
            line_height=LINE_HEIGHT,
        )
        charts.append(StatisticChart(statistic, layout, Markup(svg.strip()), styles, description))
    return tuple(charts)


def statistic_block(chart: StatisticChart, strings: Strings) -> Markup:
    """The chart, the key to its series and the table of its figures, as one block of HTML."""
    environment = templating.template_environment(TEMPLATES_DIR, autoescape=True)
    statistic = chart.statistic
    caption = strings.format("statistic_table_caption", title=statistic.title, unit=statistic.unit)
    html = environment.get_template("statistic.html").render(
        chart=chart, statistic=statistic, caption=caption
    )
    return Markup(html.strip())
