"""The tests' one way of reporting problems found across many pages (tests/support/problems.py)."""

from __future__ import annotations

import pytest

from support.problems import assert_no_problems


def test_no_problem_passes():
    assert_no_problems([], "broken links")


def test_every_problem_is_listed_on_its_own_line_under_the_count():
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_no_problems(iter(["index.html: x", "en/index.html: y"]), "broken links")
    assert str(failure.value) == "2 broken links:\nindex.html: x\nen/index.html: y"
