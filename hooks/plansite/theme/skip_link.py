"""Point Material's skip link at the main content.

Material 9.8.1 renders its skip link first in `<body>`, before the
announcement banner, from `base.html` outside any block, with the address of
the first entry of `page.toc`. On generated pages that is the first Markdown
heading, below the title and fact box, and a page without headings gets no
skip link. So, in `on_page_context` (after the search plugin has read the
table of contents), the table of contents is wrapped in one level-1 entry for
the article (`id="main-content"` in overrides/main.html). Material's templates
show the children of a level-1 first entry, so the visible table of contents
is unchanged. The 404 page has no `page`; main.html gives it its own skip link.
See docs-dev/stack-facts.md#material-skip-link.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

MAIN_CONTENT_ID = "main-content"


def point_skip_link_at_main_content(page: Page) -> None:
    """Make the first table-of-contents entry of `page` the article."""
    entries = list(page.toc)
    if len(entries) == 1 and entries[0].level == 1:
        entries = entries[0].children  # the Markdown's own h1: Material shows only its children
    main_content = AnchorLink(page.title or "", MAIN_CONTENT_ID, 1)
    main_content.children = entries
    page.toc = TableOfContents([main_content])
