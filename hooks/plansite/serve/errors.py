"""Keep `mkdocs serve` answering while the data has mistakes (`on_serve`).

When a rebuild fails, MkDocs' live-reload server logs the error and then holds
every request until a build succeeds ("The server will appear stuck until build
errors are resolved"). For a mistake in the data that is the wrong trade: the
plan is validated in `on_config`, before MkDocs cleans the site directory, so
the last good site is still there, whole. This wraps the server's builder: a
rebuild stopped by `PlanDataError` leaves the logged problems on screen, the
server keeps serving the last good site, and the next save rebuilds it
(docs-dev/stack-facts.md#mkdocs-serve-errors).
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from plansite.build import PlanDataError

log = logging.getLogger("mkdocs.hooks.plansite")


def keep_serving_on_data_errors(server: LiveReloadServer) -> LiveReloadServer:
    """Make a rebuild that fails on `PlanDataError` leave the last good site served."""
    rebuild = server.builder

    def rebuild_unless_the_data_has_mistakes() -> None:
        try:
            rebuild()
        except Abort as abort:
            # MkDocs logs a BuildError's message, then raises Abort from inside its `except`.
            if not isinstance(abort.__context__, PlanDataError):
                raise
            log.error(
                "The preview still shows the last good version of the site. "
                "Fix the problems above and save the file: the site is rebuilt by itself."
            )

    server.builder = rebuild_unless_the_data_has_mistakes
    return server
