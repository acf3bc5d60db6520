"""Check values a JSON Schema lets through but the site would show wrongly.

- Numbers must be finite: YAML's `.inf` and `.nan` are numbers, and both pass
  `minimum: 0` (an amount would be shown as "∞ mio. kr.").
- Times (`YYYY-MM-DDTHH:MM…`) must carry Copenhagen's UTC offset for that
  day (or be UTC): the site shows them in Copenhagen time, so a
  winter offset on a summer date silently moves the time by an hour.
- Ids that name pages must not be `index`, the address of their section's
  overview page (the two pages would silently overwrite each other).
- Addresses (`url`, `website`: every value the schema calls `https`) must name
  a real host: the schema's pattern lets `https://-/`, `https://a..b/` or
  `https://localhost/` through, and a link checker cannot reach them either.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

from plansite.data.loading import LoadedData
from plansite.data.model import COPENHAGEN
from plansite.data.text_checks import paths_of_definition
from plansite.problems import DataPath, Problem

# Lists whose entries get a page at `<section>/<id>/`, beside their overview at `<section>/`.
PAGE_LISTS = {
    "focus_areas": "focus area",
    "initiatives": "initiative",
    "actors": "actor",
    "press_releases": "press release",
}
OVERVIEW_ID = "index"

ADDRESS_REFERENCE = "#/$defs/https"
ADDRESS_FIX = "write the address as the browser shows it, e.g. https://www.um.dk/…"
_NOT_IN_A_HOST_NAME = re.compile(r"[^a-z0-9-]")
_TOP_LEVEL_DOMAIN = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")

_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")


def check_values(loaded: LoadedData, schema: dict[str, Any]) -> Iterator[Problem]:
    """Refuse infinite numbers, non-Copenhagen times, overview ids, addresses without a host."""
    for data_path, value in loaded.values():
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
    for data_path in paths_of_definition(schema, ADDRESS_REFERENCE, loaded.data):
        url = loaded.data
        for part in data_path:
            url = url[part]
        problem = _address_problem(url)
        if problem:
            yield Problem(loaded.locate(data_path), data_path, *problem)


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


def _address_problem(url: str) -> tuple[str, str] | None:
    """What keeps an https:// address from naming a real host, as (what, how to fix it)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError as error:  # an unclosed [ of an IPv6 address
        return f"the address cannot be read ({error})", ADDRESS_FIX
    if "@" in parts.netloc:
        return (
            "the address has a user name or password before '@'",
            "remove everything between 'https://' and '@'",
        )
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535
        port = 0
    if port == 0:
        return (
            f"the port ':{parts.netloc.rpartition(':')[2]}' is not a number from 1 to 65535",
            "remove the ':' and the port after the host name, or correct the port",
        )
    reason = _host_name_problem(host)
    return (f"the address has no real host name: {reason}", ADDRESS_FIX) if reason else None


def _host_name_problem(host: str) -> str | None:
    """Why `host` (lowercase, as `urlsplit` gives it) is not a host name on the internet."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return f"'{host}' is an IP address"
    if "." not in host:
        return f"'{host}' has no dot, so it is not an address on the internet"
    labels = host.split(".")
    if not labels[0] or not labels[-1]:
        return f"'{host}' starts or ends with a dot"
    if "" in labels:
        return f"'{host}' has two dots in a row"
    ascii_labels = []
    for label in labels:
        try:
            ascii_label = label if label.isascii() else label.encode("idna").decode("ascii")
        except UnicodeError:
            return f"its part '{label}' is not a valid international name"
        if len(ascii_label) > 63:
            return f"its part '{label}' is longer than 63 characters"
        character = _NOT_IN_A_HOST_NAME.search(ascii_label)
        if character:
            return f"'{host}' contains '{character.group()}', which a host name cannot contain"
        if ascii_label.startswith("-") or ascii_label.endswith("-"):
            return f"its part '{label}' starts or ends with '-'"
        ascii_labels.append(ascii_label)
    if len(".".join(ascii_labels)) > 253:
        return f"'{host}' is longer than 253 characters"
    if not _TOP_LEVEL_DOMAIN.fullmatch(ascii_labels[-1]):
        return f"'{host}' does not end in a top-level domain such as .dk or .org"
    return None
