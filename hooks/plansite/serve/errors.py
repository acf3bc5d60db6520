"""Keep `mkdocs serve` answering whatever stopped a rebuild (`on_serve`).

When a rebuild fails, MkDocs' live-reload server logs the error and then holds
every request until a build succeeds ("The server will appear stuck until build
errors are resolved"). A build replaces the site only when it has passed
(`plansite.staging`), so after any failure the last good site is still there,
whole. This wraps the server's builder: a failed rebuild is reported (MkDocs
has logged the located messages of a data mistake or a failed check; the wrapper
adds the strict mode's count of warnings, or the type, message and place of any
other exception, with its traceback at `--verbose`), then one line says the
preview still shows the last good version. The server serves it, and the next
save rebuilds (docs-dev/stack-facts.md#mkdocs-serve-errors).

It also puts back what mkdocs-static-i18n leaves behind when the English build,
which runs inside the Danish one, fails: its no-op `clean_directory` and its
filter on MkDocs' build log, which would hide "Documentation built" from then on
(docs-dev/stack-facts.md#i18n-failed-nested-build).
"""

from __future__ import annotations

import logging
import os
import traceback

from mkdocs import utils
from mkdocs.exceptions import Abort, BuildError
from mkdocs.livereload import LiveReloadServer
from mkdocs_static_i18n.utils import I18nLoggingFilter

log = logging.getLogger("mkdocs.hooks.plansite")

LAST_GOOD_VERSION = (
    "The preview still shows the last good version of the site. "
    "Fix the problems above and save the file: the site is rebuilt by itself."
)
# Taken when the hook is loaded, before any build could replace it.
_CLEAN_DIRECTORY = utils.clean_directory


def keep_serving_on_failures(server: LiveReloadServer) -> LiveReloadServer:
    """Make every failed rebuild leave the last good site served, and say why it failed."""
    rebuild = server.builder

    def rebuild_or_keep_the_last_good_site() -> None:
        try:
            rebuild()
        except Exception as error:  # any failure: the last good site is whole (plansite.staging)
            report_failed_rebuild(error)
            undo_what_i18n_left()

    server.builder = rebuild_or_keep_the_last_good_site
    return server


def report_failed_rebuild(error: Exception) -> None:
    """Log why a rebuild failed, once, and that the preview shows the last good version."""
    if isinstance(error, Abort):
        # MkDocs has logged a BuildError's message, then raised Abort from inside its `except`.
        if not isinstance(error.__context__, BuildError):
            log.error(str(error))  # "Aborted with 2 warnings in strict mode!"
    else:
        log.error("The build stopped on %s: %s (%s)", type(error).__name__, error, _place(error))
        log.debug("Where the build stopped:", exc_info=error)
    log.error(LAST_GOOD_VERSION)


def undo_what_i18n_left() -> None:
    """Put back what mkdocs-static-i18n replaces while it builds the other languages."""
    utils.clean_directory = _CLEAN_DIRECTORY
    build_log = logging.getLogger("mkdocs.commands.build")
    for log_filter in list(build_log.filters):
        if isinstance(log_filter, I18nLoggingFilter):
            build_log.removeFilter(log_filter)


def _place(error: Exception) -> str:
    """The file and line where `error` was raised, relative to the project when inside it."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "no traceback"
    frame = frames[-1]
    path = os.path.relpath(frame.filename)
    return f"{frame.filename if path.startswith(os.pardir) else path}:{frame.lineno}"
