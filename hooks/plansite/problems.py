"""Located problems in editors' data, and how they are shown.

Every check reports `Problem`s; nothing raises on the first mistake. A
`DataError` carries all of them at once, so an editor fixes a file in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

DataPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in a file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake: where it is, which value, what is wrong and how to fix it."""

    location: Location
    data_path: DataPath
    what: str
    fix: str = ""

    def __str__(self) -> str:
        where = (
            f"{self.location}: {format_data_path(self.data_path)}: "
            if self.data_path
            else f"{self.location}: "
        )
        text = f"{where}{self.what}" + (f" — {self.fix}" if self.fix else "")
        # One line per problem, even when it quotes the editor's text.
        return text.replace("\n", "\\n")


class DataError(Exception):
    """The data file has problems; `str()` lists every one of them, sorted by position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """Return the problems, one per line, with a count first."""
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} to fix before the site can be built:"
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


def format_data_path(data_path: DataPath) -> str:
    """Show a data path the way an editor reads it: `initiatives[3].lead`."""
    text = ""
    for part in data_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
