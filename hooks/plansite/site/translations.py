"""Every hand-written page must exist in every language.

With `fallback_to_default: false`, mkdocs-static-i18n would quietly leave a
page out of the language that lacks it; with fallback on, it would publish
Danish text under `/en/`. Neither is acceptable, so a missing translation of a
hand-written page stops the build with the file that has no twin.
"""

from __future__ import annotations

import posixpath

from mkdocs.structure.files import Files

from plansite.data.problems import Location, Problem


def find_untranslated_pages(files: Files, languages: tuple[str, ...], docs_dir: str) -> list[Problem]:
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
        problems.append(Problem(Location(posixpath.join(docs_dir, present), 1, 1), (), f"this page has no version in {', '.join(missing)}", f"add {expected} (every page must exist in every language)"))
    return problems
