"""Check the hand-written pages against the generated ones before MkDocs writes anything.

`mkdocs build` runs `on_config` and `on_pre_build`, then empties `site_dir`,
and only then collects the files and calls `on_files`. A problem found in
`on_files` stops a build whose old site is already gone. So `on_config` runs
these checks on the files MkDocs is about to collect, and a failing build
leaves the last good site as it was.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files

from plansite.site import translations
from plansite.site import virtual_files
from plansite.site.pages import GeneratedPage
from plansite.data.problems import Problem
from plansite.i18n.strings import LANGUAGES


def find_page_problems(config: MkDocsConfig, pages: list[GeneratedPage]) -> list[Problem]:
    """Hand-written pages without a twin in every language, or at the address of a generated page."""
    files = get_files(config)
    docs_dir = os.path.relpath(config.docs_dir)
    return translations.find_untranslated_pages(files, LANGUAGES, docs_dir) + virtual_files.find_collisions(files, pages, LANGUAGES, docs_dir)
