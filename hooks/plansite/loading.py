"""Read the data file into plain Python values, refusing what PyYAML silently accepts.

PyYAML keeps the last of two duplicate keys, expands aliases without limit and
merges `<<` keys; an editor never means any of that. This loader composes the
YAML node tree (with the C parser where it exists, which keeps line numbers),
refuses those constructs, and returns the data together with the source
position of every value, so later checks can point at `file:line:column`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plansite.problems import DataError, Location, Problem

try:  # The C parser is about 8x faster; its nodes carry the same marks.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

DataPath = tuple[str | int, ...]

_MERGE_TAG = "tag:yaml.org,2002:merge"
_STRING_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True)
class LoadedData:
    """The data of one file and where each value came from."""

    path: str
    data: Any
    locations: dict[DataPath, Location] = field(repr=False)
    key_locations: dict[DataPath, Location] = field(repr=False, default_factory=dict)

    def locate(self, data_path: DataPath) -> Location:
        """Return the location of the value at `data_path`, or of its nearest parent."""
        path = tuple(data_path)
        while path not in self.locations and path:
            path = path[:-1]
        return self.locations.get(path, Location(self.path, 1, 1))

    def locate_key(self, data_path: DataPath) -> Location:
        """Return the location of the key that names `data_path`, else of its value."""
        return self.key_locations.get(tuple(data_path)) or self.locate(data_path)


def load_data_file(path: str | Path) -> LoadedData:
    """Read and parse `path`; raise `DataError` with located problems when it is not clean YAML."""
    display_path = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise DataError([Problem(Location(display_path, 1, 1), (), f"cannot read the file: {error.strerror}", "check that the file exists and is readable")]) from None
    return parse_data(raw, display_path)


def parse_data(raw: bytes, display_path: str) -> LoadedData:
    """Parse the bytes of a data file named `display_path`."""
    text = _decode_utf8(raw, display_path)
    _refuse_tabs(text, display_path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = Location(display_path, mark.line + 1, mark.column + 1) if mark else Location(display_path, 1, 1)
        what = error.problem or error.context or "invalid YAML"
        raise DataError([Problem(location, (), f"the file is not valid YAML: {what}", "check the indentation and quoting around this line")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(Location(display_path, 1, 1), (), f"the file is not valid YAML: {error}", "check the file's syntax")]) from None
    if root is None:
        raise DataError([Problem(Location(display_path, 1, 1), (), "the file is empty", "restore the file's content from version control")])
    if not isinstance(root, yaml.MappingNode):
        raise DataError([Problem(_location(display_path, root), (), "the file must be a mapping of sections (plan:, focus_areas:, …)", "start each section with its name followed by a colon at the start of a line")])
    builder = _ValueBuilder(display_path)
    data = builder.build(root, ())
    if builder.problems:
        raise DataError(builder.problems)
    return LoadedData(display_path, data, builder.locations, builder.key_locations)


def _decode_utf8(raw: bytes, display_path: str) -> str:
    """Decode strictly as UTF-8 (a BOM is allowed), locating the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataError([Problem(Location(display_path, line, column), (), f"the file is not UTF-8 (byte 0x{raw[error.start]:02x})", "save the file with UTF-8 encoding")]) from None


def _refuse_tabs(text: str, display_path: str) -> None:
    """YAML forbids tabs in indentation, and they are easy to paste in unseen: refuse them all."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("\t")
        if column >= 0:
            problems.append(Problem(Location(display_path, number, column + 1), (), "tab character", "replace the tab with spaces (two per indentation level)"))
    if problems:
        raise DataError(problems)


def _location(display_path: str, node: yaml.Node) -> Location:
    return Location(display_path, node.start_mark.line + 1, node.start_mark.column + 1)


class _ValueBuilder:
    """Turn a composed node tree into Python values, recording locations and problems."""

    def __init__(self, display_path: str) -> None:
        self.display_path = display_path
        self.locations: dict[DataPath, Location] = {}
        self.key_locations: dict[DataPath, Location] = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, data_path: DataPath) -> Any:
        location = _location(self.display_path, node)
        self.locations[data_path] = location
        if id(node) in self._seen or getattr(node, "anchor", None):
            self.problems.append(Problem(location, data_path, "anchors and aliases (&name, *name) are not allowed", "write the value out in full where it is needed"))
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, data_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*data_path, index)) for index, item in enumerate(node.value)]
        if node.tag == _TIMESTAMP_TAG:
            # Keep dates as the text the editor wrote (as YAML 1.2 and the JSON Schema do); the model parses them.
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problems.append(Problem(location, data_path, f"unreadable value: {error.problem}", "check the value's format, or put it in quotes to make it text"))
            return None

    def _build_mapping(self, node: yaml.MappingNode, data_path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_location = _location(self.display_path, key_node)
            if key_node.tag == _MERGE_TAG:
                self.problems.append(Problem(key_location, data_path, "merge keys (<<) are not allowed", "write the keys out in full"))
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STRING_TAG:
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a collection"
                self.problems.append(Problem(key_location, data_path, f"the key {shown!r} is not text", "use a name made of letters, digits, '_' and '-' as the key"))
                continue
            key = key_node.value
            if key in first_seen:
                earlier = first_seen[key]
                self.problems.append(Problem(key_location, (*data_path, key), f"duplicate key '{key}' (first at line {earlier.line})", "keep one of the two entries; YAML would silently drop the first"))
                continue
            first_seen[key] = key_location
            self.key_locations[(*data_path, key)] = key_location
            result[key] = self.build(value_node, (*data_path, key))
        return result
