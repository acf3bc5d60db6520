"""Atomic output: a build replaces `site_dir` only when it passed; a failed one leaves it as it was.

MkDocs empties `site_dir` and writes into it as it goes, so a build that fails
half-way leaves half a site; and `mkdocs build --strict` counts its warnings
only after the last event (`on_post_build`), when everything is written. So the
outer build (`plansite.build.is_outer_build`) writes into a staging folder
beside `site_dir` (same file system), and the nested language builds of
mkdocs-static-i18n, which run on the same config, write there too. At the very
end of the outer build's `on_post_build`, the staging folder replaces
`site_dir`, unless the build logged a warning in strict mode (MkDocs then
aborts). Any failure (`on_build_error`) removes the staging folder.

The replacement is two renames and a deletion: `site_dir` to `.<name>.old-<pid>`,
the staging folder `.<name>.staging-<pid>` to `site_dir`, the old one deleted.
For the microseconds between the renames there is no `site_dir`; `mkdocs serve`
holds every request while a build runs, so its preview never sees that moment.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.plansite")


class WarningCounter(logging.Handler):
    """Counts the records of WARNING and above, as MkDocs' strict mode does."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class StagedSite:
    """One outer build's staging folder, and the warnings logged while it is built."""

    config: MkDocsConfig
    site_dir: Path
    """The folder the build was asked to write (`config.site_dir` points at the staging folder)."""
    folder: Path
    warnings: WarningCounter = field(default_factory=WarningCounter)

    @classmethod
    def start(cls, config: MkDocsConfig) -> StagedSite:
        """Make the staging folder, point `config.site_dir` at it and start counting warnings."""
        site_dir = Path(config.site_dir)
        folder = sibling(site_dir, "staging")
        shutil.rmtree(folder, ignore_errors=True)  # left by a killed build with our process id
        folder.mkdir(parents=True)
        staged = cls(config, site_dir, folder)
        logging.getLogger("mkdocs").addHandler(staged.warnings)
        config.site_dir = str(folder)
        log.debug("Building into %s; it replaces %s when the build has passed", folder, site_dir)
        return staged

    def finish(self) -> bool:
        """Put the staging folder in the place of `site_dir`, unless strict mode fails the build.

        True when `site_dir` was replaced.
        """
        self._stop()
        if self.config.strict and self.warnings.count:
            self.discard()  # MkDocs aborts right after the last event
            return False
        replace_folder(self.site_dir, self.folder)
        log.info("The new site is in place in %s", self.site_dir)
        return True

    def discard(self) -> None:
        """Remove the staging folder; `site_dir` keeps the last good site."""
        self._stop()
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
            log.info("The build did not pass: %s is left as it was", self.site_dir)

    def _stop(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.config.site_dir = str(self.site_dir)


def sibling(site_dir: Path, purpose: str) -> Path:
    """A folder beside `site_dir` (so on its file system) that is this process's own."""
    return site_dir.with_name(f".{site_dir.name}.{purpose}-{os.getpid()}")


def replace_folder(target: Path, replacement: Path) -> None:
    """Move `replacement` to `target` and delete what was there; on failure, `target` stays."""
    old = sibling(target, "old")
    shutil.rmtree(old, ignore_errors=True)
    try:
        target.rename(old)
    except FileNotFoundError:  # the first build
        replacement.rename(target)
        return
    try:
        replacement.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old)
