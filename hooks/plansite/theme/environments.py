"""Cheaper Jinja environments for the theme: compiled templates shared, Material's icons not listed.

MkDocs makes the theme's environment anew for every build (`Theme.get_env`),
mkdocs-static-i18n runs a build per language, `mkdocs serve` one per save, and
Material's search plugin makes three more per build to translate its labels.
Two costs of each were a third of a rebuild of the real plan under `mkdocs
serve`, measured with `make bench` (docs-dev/stack-facts.md#theme-environments):

- compiling Material's templates again: each environment now uses the process's
  bytecode cache (`plansite.templating`), which recompiles a template whose source changed;
- listing every file of the theme to find its static files
  (`Files.add_files_from_theme`), including the 14 348 icons under Material's
  `templates/.icons/`, each then matched against a dozen patterns. MkDocs drops
  every file inside a folder whose name starts with a dot, so the loader's
  listing does not enter such folders: the same files are found (a test compares
  both). Templates are still loaded from those folders as before.

`share_theme_environments` wraps `get_env` of one `Theme` object; it couples to
MkDocs 1.6.1 (pinned), whose `get_env` builds on a `jinja2.FileSystemLoader`.
"""

from __future__ import annotations

import os

import jinja2
from mkdocs.theme import Theme

from plansite import templating as template_cache

_WRAPPED = "_plansite_shared_environments"


class ThemeLoader(jinja2.FileSystemLoader):
    """A `FileSystemLoader` whose `list_templates` skips folders whose name starts with a dot."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                for filename in filenames:
                    found.add(
                        os.path.join(dirpath, filename)[len(searchpath) :]
                        .strip(os.path.sep)
                        .replace(os.path.sep, "/")
                    )
        return sorted(found)


def share_theme_environments(theme: Theme) -> None:
    """Make every `theme.get_env()` environment use the shared bytecode cache and `ThemeLoader`."""
    if getattr(theme, _WRAPPED, False):
        return
    make_environment = theme.get_env

    def get_env() -> jinja2.Environment:
        environment = make_environment()
        loader = environment.loader
        if type(loader) is jinja2.FileSystemLoader:
            environment.loader = ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return template_cache.share_compiled_templates(environment)

    theme.get_env = get_env  # type: ignore[method-assign]
    setattr(theme, _WRAPPED, True)
