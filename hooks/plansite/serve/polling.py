"""Under `mkdocs serve`: notice a saved data file within a tenth of a second, not half a second.

MkDocs' live-reload server polls the folders it watches every 0.5 s (watchdog's
`PollingObserver`), so a save waited a quarter of a second on average before the
rebuild began: a quarter of the one-second target for an editor's preview
(measured with `make bench`; docs-dev/stack-facts.md#mkdocs-serve-polling).
`poll_sooner` shortens the interval of every folder watched
from then on; called from `on_serve`, that is the `watch:` folders of mkdocs.yml
(`data/`, `hooks/`), which MkDocs schedules after `on_serve`, and the PDF cache.
Polling those few files ten times a second costs milliseconds of CPU per second.

Couples to watchdog 7.1.0 (pinned): an observer gives each new folder's emitter
its `timeout`, which it keeps in `_timeout`; a test checks that.
"""

from __future__ import annotations

from typing import Any

POLL_SECONDS = 0.1


def poll_sooner(observer: Any) -> None:
    """Make folders scheduled on `observer` from now on be polled every `POLL_SECONDS`."""
    if isinstance(getattr(observer, "_timeout", None), (int, float)):
        observer._timeout = min(observer._timeout, POLL_SECONDS)
