"""`mkdocs serve` polls the folders watched after `on_serve` (data/, hooks/) every 0.1 s (plansite/serve/polling.py)."""

from __future__ import annotations

from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from plansite.serve import polling


def test_folders_watched_afterwards_are_polled_every_tenth_of_a_second(tmp_path: Path):
    observer = PollingObserver(timeout=0.5)  # what MkDocs' live-reload server makes
    before = observer.schedule(FileSystemEventHandler(), str(tmp_path / "docs"), recursive=True)
    polling.poll_sooner(observer)
    after = observer.schedule(FileSystemEventHandler(), str(tmp_path / "data"), recursive=True)
    emitters = {emitter.watch: emitter for emitter in observer.emitters}
    assert emitters[before].timeout == 0.5
    assert emitters[after].timeout == polling.POLL_SECONDS == 0.1
