"""Check every text of the plan data for markup that must not reach the site.

Raw HTML and HTML character references are refused everywhere (editors write
Markdown and plain UTF-8). Long texts (`longText` in the JSON Schema) are
rendered the way the site renders them and refused when the result falls
outside the editors' Markdown subset (see `safe_text`). Short texts are shown
as plain text, so only links written in them are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from plansite.data.loading import LoadedData
from plansite.data.safe_text import LINK_SCHEME, find_unsafe_markup
from plansite.problems import DataPath, Problem

LONG_TEXT_REFERENCE = "#/$defs/longText"

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MARKDOWN_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")


def check_texts(loaded: LoadedData, schema: dict[str, Any]) -> Iterator[Problem]:
    """Refuse HTML, character references and unsafe Markdown in every text of the data."""
    long_texts = set(long_text_paths(schema, loaded.data))
    for data_path, text in loaded.texts():
        location = loaded.locate(data_path)
        if _HTML_TAG.search(text):
            yield Problem(
                location,
                data_path,
                "HTML is not allowed in texts",
                "use Markdown: **bold**, *italic*, - lists, [text](https://…)",
            )
        for reference in dict.fromkeys(_CHARACTER_REFERENCE.findall(text)):
            yield Problem(
                location,
                data_path,
                f"the HTML character reference '{reference}' is not allowed in texts",
                "write the character itself (the file is UTF-8: æ, ø, å, », & all work)",
            )
        if data_path[:-1] in long_texts:
            for what, fix in find_unsafe_markup(text):
                yield Problem(location, data_path, what, fix)
        else:
            for target in _MARKDOWN_LINK_TARGET.findall(text):
                if not target.startswith(LINK_SCHEME):
                    yield Problem(
                        location,
                        data_path,
                        f"the link target '{target}' is not an https:// address",
                        "link only to full https:// addresses",
                    )


def long_text_paths(schema: dict[str, Any], data: Any) -> Iterator[DataPath]:
    """The path of every `longText` value (a {da, en} mapping) in the data."""
    return paths_of_definition(schema, LONG_TEXT_REFERENCE, data)


def paths_of_definition(schema: dict[str, Any], reference: str, data: Any) -> Iterator[DataPath]:
    """The path of every value in the data that the schema describes by `reference`."""
    return _paths_of_definition(schema, schema, reference, data, ())


def _paths_of_definition(
    schema: dict[str, Any], root: dict[str, Any], reference: str, value: Any, data_path: DataPath
) -> Iterator[DataPath]:
    """Walk the data along the schema and yield the path of every value described by `reference`."""
    own_reference = schema.get("$ref", "")
    if own_reference == reference:
        yield data_path
        return
    if own_reference.startswith("#/$defs/"):
        schema = root["$defs"][own_reference.removeprefix("#/$defs/")]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                yield from _paths_of_definition(
                    properties[key], root, reference, item, (*data_path, key)
                )
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _paths_of_definition(
                schema["items"], root, reference, item, (*data_path, index)
            )
