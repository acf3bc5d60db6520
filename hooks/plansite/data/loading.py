"""Read the data file into plain Python values, refusing what PyYAML silently accepts.

PyYAML keeps the last of two duplicate keys, expands aliases without limit and
merges `<<` keys; an editor never means any of that. This loader composes the
YAML node tree (with the C parser where it exists, which keeps line numbers),
refuses those constructs, and returns the data together with the source
position of every value, so later checks can point at `file:line:column`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plansite.problems import DataError, Location, Problem

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # The C parser is about 8x faster; its nodes carry the same marks.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

DataPath = tuple[str | int, ...]

# Deeper data is never meant (the plan is about five levels deep) and would
# exhaust the recursion limit.
MAX_DEPTH = 50
MAX_BRACKET_DEPTH = 1000

_MERGE_TAG = "tag:yaml.org,2002:merge"
_UNUSUAL_LINE_BREAKS = "\x85\u2028\u2029\r"
# Tabs, characters YAML does not allow (C0/C1 controls, surrogates, U+FFFE/U+FFFF)
# and unusual line breaks.
_INVISIBLE_CHARACTER = re.compile(
    "[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|\r(?!\n)"
)
# Characters that look like a space (or like nothing) but are not one to YAML: in the
# indentation, or after a list's `-` or a key's `:`, they silently change the structure
# or give an error that does not name them.
_UNUSUAL_SPACES = "\u00a0\u1680\u180e\u2000-\u200d\u2060\u202f\u205f\u3000\ufeff"
_UNUSUAL_SPACE_IN_INDENTATION = re.compile(f"^ *(?P<space>[{_UNUSUAL_SPACES}])", re.MULTILINE)
_UNUSUAL_SPACE_AFTER_DASH = re.compile(f"(?P<indicator>-)(?P<space>[{_UNUSUAL_SPACES}])")
_UNUSUAL_SPACE_AFTER_KEY = re.compile(
    f"(?P<indicator>[A-Za-z0-9_-]+:)(?P<space>[{_UNUSUAL_SPACES}])"
)
_BRACKET = re.compile(r"[\[\]{}]")
_STRING_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"


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

    def values(self) -> Iterator[tuple[DataPath, Any]]:
        """Every value that is not a mapping or a list, with its data path, in file order."""
        return _leaves(self.data, ())

    def texts(self) -> Iterator[tuple[DataPath, str]]:
        """Every text of the data, with its data path, in file order."""
        return ((path, value) for path, value in self.values() if isinstance(value, str))


def _leaves(value: Any, data_path: DataPath) -> Iterator[tuple[DataPath, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*data_path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*data_path, index))
    else:
        yield data_path, value


def load_data_file(path: str | Path) -> LoadedData:
    """Read and parse `path`; raise `DataError` with located problems when it is not clean YAML."""
    display_path = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise DataError(
            [
                Problem(
                    Location(display_path, 1, 1),
                    (),
                    f"cannot read the file: {error.strerror}",
                    "check that the file exists and is readable",
                )
            ]
        ) from None
    return parse_data(raw, display_path)


def parse_data(raw: bytes, display_path: str) -> LoadedData:
    """Parse the bytes of a data file named `display_path`."""
    text = _decode_utf8(raw, display_path)
    _refuse_invisible_characters(text, display_path)
    _refuse_deep_brackets(text, display_path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = (
            _location_in_text(display_path, text, mark.line + 1, mark.column + 1)
            if mark
            else Location(display_path, 1, 1)
        )
        what = error.problem or error.context or "invalid YAML"
        unusual_space = _unusual_space_near(display_path, text, mark.line) if mark else None
        if unusual_space:  # the cause, which PyYAML's message does not name
            raise DataError([unusual_space]) from None
        raise DataError(
            [
                Problem(
                    location,
                    (),
                    f"the file is not valid YAML: {what}",
                    "check the indentation and quoting around this line",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise DataError(
            [
                Problem(
                    Location(display_path, 1, 1),
                    (),
                    f"the file is not valid YAML: {error}",
                    "check the file's syntax",
                )
            ]
        ) from None
    if root is None:
        raise DataError(
            [
                Problem(
                    Location(display_path, 1, 1),
                    (),
                    "the file is empty",
                    "restore the file's content from version control",
                )
            ]
        )
    if not isinstance(root, yaml.MappingNode):
        raise DataError(
            [
                Problem(
                    _location(display_path, root),
                    (),
                    "the file must be a mapping of sections (plan:, focus_areas:, …)",
                    "start each section with its name followed by a colon at the start of a line",
                )
            ]
        )
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
        raise DataError(
            [
                Problem(
                    Location(display_path, line, column),
                    (),
                    f"the file is not UTF-8 (byte 0x{raw[error.start]:02x})",
                    "save the file with UTF-8 encoding",
                )
            ]
        ) from None


def _refuse_invisible_characters(text: str, display_path: str) -> None:
    """Refuse characters an editor cannot see, at their line and column.

    YAML forbids tabs in indentation and control characters anywhere, and they
    are easy to paste in unseen; unusual line breaks (NEL, U+2028/9, a lone CR)
    would make YAML's line numbers differ from the editor's.
    """
    problems: dict[tuple[int, str], Problem] = {}
    for match in _INVISIBLE_CHARACTER.finditer(text):
        location = _location_of_offset(display_path, text, match.start())
        character = match.group()
        if character == "\t":
            what, fix = "tab character", "replace the tab with spaces (two per indentation level)"
        elif character in _UNUSUAL_LINE_BREAKS:
            what, fix = (
                f"unusual line break (U+{ord(character):04X})",
                "replace it with a normal line break",
            )
        else:
            what, fix = (
                f"invisible control character (U+{ord(character):04X})",
                "delete it; it was probably pasted in by accident",
            )
        problems.setdefault((location.line, what), Problem(location, (), what, fix))
    for match in _UNUSUAL_SPACE_IN_INDENTATION.finditer(text):
        location = _location_of_offset(display_path, text, match.start("space"))
        problems.setdefault(
            (location.line, "indentation"), _unusual_space_problem(location, match, None)
        )
    if problems:
        raise DataError(sorted(problems.values()))


def _unusual_space_problem(
    location: Location, match: re.Match[str], indicator: str | None
) -> Problem:
    space = match.group("space")
    name = f"{unicodedata.name(space, 'space').lower()} (U+{ord(space):04X})"
    if indicator is None:
        return Problem(
            location,
            (),
            f"the indentation contains a {name}, which looks like a space but is not one to YAML",
            "replace it with an ordinary space (indent with spaces only, two per level)",
        )
    return Problem(
        location,
        (),
        f"a {name} follows '{indicator}', where YAML needs an ordinary space",
        "replace it with an ordinary space",
    )


def _unusual_space_near(display_path: str, text: str, line_index: int) -> Problem | None:
    """An unusual space after a `-` or `key:` on the line YAML stopped at, or the line before."""
    lines = text.split("\n")
    for index in (line_index - 1, line_index):
        if 0 <= index < len(lines):
            content = lines[index].lstrip(" ")
            for pattern in (_UNUSUAL_SPACE_AFTER_KEY, _UNUSUAL_SPACE_AFTER_DASH):
                match = pattern.match(content)
                if match:
                    column = len(lines[index]) - len(content) + match.start("space") + 1
                    location = Location(display_path, index + 1, column)
                    return _unusual_space_problem(location, match, match.group("indicator"))
    return None


def _refuse_deep_brackets(text: str, display_path: str) -> None:
    """Refuse thousands of nested [ or { first: they crash the C parser (segfault, no exception)."""
    depth = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_BRACKET_DEPTH:
            location = _location_of_offset(display_path, text, match.start())
            raise DataError(
                [
                    Problem(
                        location,
                        (),
                        f"more than {MAX_BRACKET_DEPTH} brackets are open here",
                        "close the [ and { brackets you opened",
                    )
                ]
            )


def _location_in_text(display_path: str, text: str, line: int, column: int) -> Location:
    """Where YAML points past the end of a file lacking a final line break: its last character."""
    lines = text.split("\n")
    if line > len(lines):
        return Location(display_path, len(lines), len(lines[-1]) + 1)
    return Location(display_path, line, column)


def _location_of_offset(display_path: str, text: str, offset: int) -> Location:
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(display_path, text.count("\n", 0, offset) + 1, offset - line_start + 1)


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
        if len(data_path) > MAX_DEPTH:
            if not any(problem.what.startswith("the data is nested") for problem in self.problems):
                self.problems.append(
                    Problem(
                        location,
                        (),
                        f"the data is nested more than {MAX_DEPTH} levels deep",
                        "check the indentation and brackets around here",
                    )
                )
            return None
        if id(node) in self._seen or getattr(node, "anchor", None):
            self.problems.append(
                Problem(
                    location,
                    data_path,
                    "anchors and aliases (&name, *name) are not allowed",
                    "write the value out in full where it is needed",
                )
            )
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, data_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*data_path, index)) for index, item in enumerate(node.value)]
        # A plain scalar's style is None, or "" from the C parser.
        if isinstance(node, yaml.ScalarNode) and not node.style:
            unusual_space = self._unusual_space_in_plain_text(node, data_path, location)
            if unusual_space:
                self.problems.append(unusual_space)
                return None
        if node.tag == _TIMESTAMP_TAG:
            # Keep dates as the text the editor wrote (as YAML 1.2 and the JSON Schema do);
            # the model parses them.
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problems.append(
                Problem(
                    location,
                    data_path,
                    f"unreadable value: {error.problem}",
                    "check the value's format, or put it in quotes to make it text",
                )
            )
            return None
        except ValueError:
            # PyYAML reads an integer with `int()`, which refuses more digits than
            # `sys.get_int_max_str_digits()` (4300): no field takes a number that large.
            if node.tag != _INT_TAG:
                raise
            self.problems.append(
                Problem(
                    location,
                    data_path,
                    f"the number has {sum(map(str.isdigit, node.value))} digits, too many to read",
                    "write the number the field asks for, or put it in quotes to make it text",
                )
            )
            return None

    @staticmethod
    def _unusual_space_in_plain_text(
        node: yaml.ScalarNode, data_path: DataPath, location: Location
    ) -> Problem | None:
        """`-\u00a0a` (anywhere) or `key:\u00a0value` (as a list entry): YAML reads them as text."""
        patterns = [_UNUSUAL_SPACE_AFTER_DASH]
        if data_path and isinstance(data_path[-1], int):
            patterns.append(_UNUSUAL_SPACE_AFTER_KEY)
        for pattern in patterns:
            match = pattern.match(node.value)
            if match:
                at = Location(location.file, location.line, location.column + match.start("space"))
                return _unusual_space_problem(at, match, match.group("indicator"))
        return None

    def _build_mapping(self, node: yaml.MappingNode, data_path: DataPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_location = _location(self.display_path, key_node)
            if key_node.tag == _MERGE_TAG:
                self.problems.append(
                    Problem(
                        key_location,
                        data_path,
                        "merge keys (<<) are not allowed",
                        "write the keys out in full",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STRING_TAG:
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a collection"
                self.problems.append(
                    Problem(
                        key_location,
                        data_path,
                        f"the key {shown!r} is not text",
                        "use a name made of letters, digits, '_' and '-' as the key",
                    )
                )
                continue
            key = key_node.value
            if key in first_seen:
                earlier = first_seen[key]
                self.problems.append(
                    Problem(
                        key_location,
                        (*data_path, key),
                        f"duplicate key '{key}' (first at line {earlier.line})",
                        "keep one of the two entries; YAML would silently drop the first",
                    )
                )
                continue
            first_seen[key] = key_location
            self.key_locations[(*data_path, key)] = key_location
            result[key] = self.build(value_node, (*data_path, key))
        return result
