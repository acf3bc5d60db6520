"""Check values a JSON Schema lets through but the site would show wrongly.

- Numbers must be finite: YAML's `.inf` and `.nan` are numbers, and both pass
  `minimum: 0` (an amount would be shown as "∞ mio. kr.").
- Times (`YYYY-MM-DDTHH:MM…`) must carry Copenhagen's UTC offset for that
  day (or be UTC): the site shows them in Copenhagen time, so a
  winter offset on a summer date silently moves the time by an hour.
- Ids that name pages must not be `index`, the address of their section's
  overview page (the two pages would silently overwrite each other).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, cast

from plansite.data.loading import LoadedData
from plansite.data.problems import DataPath, Problem
from plansite.i18n.languages import COPENHAGEN

# Lists whose entries get a page at `<section>/<id>/`, beside their overview at `<section>/`.
PAGE_LISTS = {
    "focus_areas": "focus area",
    "initiatives": "initiative",
    "actors": "actor",
    "press_releases": "press release",
}
OVERVIEW_ID = "index"

_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def check_values(loaded: LoadedData) -> Iterator[Problem]:
    """Refuse infinite numbers, unreal or non-Copenhagen times, ids clashing with overview pages."""
    for data_path, value in _values(loaded.data, ()):
        if isinstance(value, float) and not math.isfinite(value):
            yield Problem(
                loaded.locate(data_path),
                data_path,
                f"'{value}' is not a usable number",
                "write the number in digits, e.g. 63000000",
            )
        elif isinstance(value, str) and _MOMENT.match(value):
            yield from _check_moment(loaded, data_path, value)
    for list_name, label in PAGE_LISTS.items():
        for index, item in enumerate(loaded.data.get(list_name, [])):
            if item.get("id") == OVERVIEW_ID:
                path = (list_name, index, "id")
                yield Problem(
                    loaded.locate(path),
                    path,
                    f"the id '{OVERVIEW_ID}' would give this {label} "
                    "the address of the overview page",
                    "choose another id",
                )


def _values(value: Any, data_path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _values(item, (*data_path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, (*data_path, index))
    else:
        yield data_path, value


def _check_moment(loaded: LoadedData, data_path: DataPath, text: str) -> Iterator[Problem]:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return  # validation._check_dates reports times that do not exist (31 June, 25:00)
    offset = moment.utcoffset()
    wall_clock = moment.replace(tzinfo=None)
    # A ZoneInfo gives every wall-clock time an offset; `utcoffset` is typed for any tzinfo.
    copenhagen_offset = cast(timedelta, wall_clock.replace(tzinfo=COPENHAGEN).utcoffset())
    if offset is None:
        suggestion = wall_clock.replace(tzinfo=COPENHAGEN).isoformat()
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"the time '{text}' has no UTC offset",
            f"if it is Copenhagen time, write '{suggestion}'",
        )
    elif offset not in (timedelta(0), copenhagen_offset):
        suggestion = wall_clock.replace(tzinfo=COPENHAGEN).isoformat()
        yield Problem(
            loaded.locate(data_path),
            data_path,
            f"the UTC offset {_format_offset(offset)} is not Copenhagen's on {wall_clock.date()} "
            f"({_format_offset(copenhagen_offset)})",
            f"did you mean '{suggestion}'? (or give the time in UTC, ending in Z)",
        )


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
