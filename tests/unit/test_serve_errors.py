"""`mkdocs serve` keeps serving the last good site after any failed rebuild, and says why it failed (plansite/serve/errors.py).

These tests give the wrapper a server whose builder fails as MkDocs' build does;
tests/site/test_serve_failures.py breaks a real `mkdocs serve` in each way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from mkdocs import utils
from mkdocs.exceptions import Abort
from mkdocs_static_i18n.utils import I18nLoggingFilter

from plansite.build import PlanDataError
from plansite.serve import errors


def rebuild_with(builder: Callable[[], None], caplog: pytest.LogCaptureFixture) -> list[str]:
    """Run the wrapped builder once; the messages it logged at ERROR."""
    server = errors.keep_serving_on_failures(SimpleNamespace(builder=builder))  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.plansite"):
        server.builder()  # never raises: the server goes on serving
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def aborted_on(error: Exception) -> None:
    """What MkDocs' build does with a BuildError: it logs the message, then raises Abort from its `except`."""
    try:
        raise error
    except Exception:
        raise Abort("Aborted with a BuildError!") from None


def test_a_data_mistake_adds_only_that_the_preview_shows_the_last_good_version(caplog):
    def failing() -> None:
        aborted_on(PlanDataError("data/plans/2019-2021.yaml:3:7: plan.title: …"))

    assert rebuild_with(failing, caplog) == [errors.LAST_GOOD_VERSION]  # MkDocs has logged the located message


def test_warnings_in_strict_mode_are_counted_then_the_last_good_version_is_named(caplog):
    def failing() -> None:
        raise Abort("Aborted with 2 warnings in strict mode!")

    assert rebuild_with(failing, caplog) == ["Aborted with 2 warnings in strict mode!", errors.LAST_GOOD_VERSION]


def test_a_bug_is_reported_by_type_message_and_place_without_a_traceback(caplog):
    def failing() -> None:
        raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")

    messages = rebuild_with(failing, caplog)
    assert len(messages) == 2 and messages[1] == errors.LAST_GOOD_VERSION
    assert messages[0].startswith("The build stopped on TypeError: unsupported operand type(s) for +: 'int' and 'str' (tests/unit/test_serve_errors.py:")
    assert all(record.exc_info is None for record in caplog.records if record.levelno >= logging.INFO)


def test_a_passing_rebuild_logs_nothing(caplog):
    assert rebuild_with(lambda: None, caplog) == []


def test_what_i18n_leaves_behind_after_a_failed_english_build_is_put_back(caplog, monkeypatch):
    original = utils.clean_directory
    monkeypatch.setattr(utils, "clean_directory", lambda directory: directory)  # as mkdocs-static-i18n does
    build_log = logging.getLogger("mkdocs.commands.build")
    left_behind = I18nLoggingFilter()
    monkeypatch.setattr(build_log, "filters", [*build_log.filters, left_behind])

    def failing() -> None:
        raise Abort("Aborted with 1 warnings in strict mode!")

    rebuild_with(failing, caplog)
    assert utils.clean_directory is original
    assert left_behind not in build_log.filters
