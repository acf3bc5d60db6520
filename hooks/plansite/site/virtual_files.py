"""Hand generated pages to MkDocs as if they were localized source files.

mkdocs-static-i18n rebuilds every File object and drops in-memory content, and
a plain `File.generated()` page crashes it or is overwritten by the other
language (docs-dev/stack-facts.md#static-i18n-generated-pages).
So each page is added *before* i18n runs as
`<path>.<language>.md` inside `docs_dir`, like a hand-written translation, and
its content is put back on the File objects *after* i18n has rebuilt them.
The content is the Markdown body without front matter; `page_meta` gives the
page its metadata directly, so MkDocs need not parse YAML for each page.
Couples to mkdocs-static-i18n 1.3.1 internals: the version is pinned and the
built-site tests cover the switcher, `lang` and sitemap.
"""

from __future__ import annotations

import posixpath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from plansite.site.pages import GeneratedPage

GENERATED_BY = "plansite"


def localized_src_uri(src_uri: str, language: str) -> str:
    """`indsatser/x.md` → `indsatser/x.da.md`."""
    stem, extension = posixpath.splitext(src_uri)
    return f"{stem}.{language}{extension}"


def add_generated_pages(
    files: Files,
    pages: list[GeneratedPage],
    language: str,
    languages: tuple[str, ...],
    config: MkDocsConfig,
) -> dict[str, GeneratedPage]:
    """Add every page in every language; return the current language's pages by localized src_uri.

    Only the current language's pages are rendered in this build; the other
    languages' files are there so that i18n pairs each page with its alternates.
    """
    contents = {}
    for page in pages:
        for page_language in languages:
            src_uri = localized_src_uri(page.src_uri, page_language)
            file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            if not page.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
            if page_language == language:
                contents[src_uri] = page
    return contents


def restore_contents(files: Files, contents: dict[str, GeneratedPage]) -> None:
    """Put the Markdown back on the File objects that i18n rebuilt from our virtual files."""
    for file in files:
        page = contents.get(file.src_uri)
        if page is not None:
            file.content_string = page.body
            file.generated_by = GENERATED_BY


def page_meta(page: Page, contents: dict[str, GeneratedPage]) -> dict[str, Any] | None:
    """The metadata of a generated page (a new dict: plugins may add keys), else None."""
    generated = contents.get(page.file.src_uri)
    if generated is None or page.file.generated_by != GENERATED_BY:
        return None
    return dict(generated.meta)
