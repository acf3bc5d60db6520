"""Check the hand-written pages against the generated ones before MkDocs writes anything.

Two mistakes would otherwise pass silently:

- a hand-written page without its other-language version: with
  `fallback_to_default: false`, mkdocs-static-i18n would quietly leave it out
  of the language that lacks it (with fallback on, it would publish Danish
  text under `/en/`);
- a hand-written page at the address of a generated page: it would silently win;
- two generated pages at one address (the last one would silently win): the
  validation refuses the ids that could do it, and this check makes sure.

`mkdocs build` runs `on_config` and `on_pre_build`, then empties `site_dir`,
and only then collects the files and calls `on_files`. A problem found in
`on_files` stops a build whose old site is already gone. So `on_config` runs
these checks on the files MkDocs is about to collect, and a failing build
leaves the last good site as it was.
"""

from __future__ import annotations

import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files

from plansite.i18n.languages import LANGUAGES
from plansite.problems import Location, Problem
from plansite.site.pages import GeneratedPage
from plansite.site.virtual_files import localized_src_uri
from plansite.urls import page_url


def find_page_problems(config: MkDocsConfig, pages: list[GeneratedPage]) -> list[Problem]:
    """Hand-written pages without a twin in every language, or at a generated page's address."""
    files = get_files(config)
    docs_dir = os.path.relpath(config.docs_dir)
    return (
        find_untranslated_pages(files, LANGUAGES, docs_dir)
        + find_collisions(files, pages, LANGUAGES, docs_dir)
        + find_shared_addresses(pages)
    )


def find_shared_addresses(pages: list[GeneratedPage]) -> list[Problem]:
    """A problem for each address that two generated pages would have."""
    first: dict[str, str] = {}
    problems = []
    for page in pages:
        address = page_url(page.src_uri)
        if address in first:
            problems.append(
                Problem(
                    Location("data/plans", 1, 1),
                    (),
                    f"the pages '{first[address]}' and '{page.src_uri}' would both be at "
                    f"/{address}",
                    "give the plan file another name; if the names are fine, report this as a "
                    "fault of the site's code",
                )
            )
        else:
            first[address] = page.src_uri
    return problems


def find_untranslated_pages(
    files: Files, languages: tuple[str, ...], docs_dir: str
) -> list[Problem]:
    """Return a problem for each hand-written page that lacks a language version."""
    found: dict[str, dict[str, str]] = {}
    for file in files.documentation_pages():
        stem, extension = posixpath.splitext(file.src_uri)
        base, _, language = stem.rpartition(".")
        if language not in languages or not base:
            base, language = stem, ""
        found.setdefault(base + extension, {})[language] = file.src_uri
    problems = []
    for page, versions in sorted(found.items()):
        missing = [language for language in languages if language not in versions]
        if not missing:
            continue
        present = sorted(versions.values())[0]
        stem, extension = posixpath.splitext(page)
        expected = ", ".join(f"{stem}.{language}{extension}" for language in missing)
        problems.append(
            Problem(
                Location(posixpath.join(docs_dir, present), 1, 1),
                (),
                f"this page has no version in {', '.join(missing)}",
                f"add {expected} (every page must exist in every language)",
            )
        )
    return problems


def find_collisions(
    files: Files, pages: list[GeneratedPage], languages: tuple[str, ...], docs_dir: str
) -> list[Problem]:
    """A hand-written page at a generated page's path would silently win: refuse it."""
    problems = []
    for page in pages:
        for candidate in (
            page.src_uri,
            *(localized_src_uri(page.src_uri, language) for language in languages),
        ):
            if files.get_file_from_path(candidate) is not None:
                location = Location(posixpath.join(docs_dir, candidate), 1, 1)
                problems.append(
                    Problem(
                        location,
                        (),
                        "this hand-written page has the same address as the generated page "
                        f"'{page.src_uri}'",
                        "rename or remove the hand-written page; "
                        "generated pages come from data/site.yaml, data/actors.yaml, data/plans/",
                    )
                )
    return problems
