"""One way to report what a test found wrong across many pages: every problem at once, one per line."""

from __future__ import annotations

from collections.abc import Iterable

import pytest


def assert_no_problems(problems: Iterable[object], what: str = "problems") -> None:
    """Fail the test once, listing each problem on its own line under "<count> <what>:", if there is any."""
    listed = [str(problem) for problem in problems]
    if listed:
        pytest.fail(f"{len(listed)} {what}:\n" + "\n".join(listed), pytrace=False)
