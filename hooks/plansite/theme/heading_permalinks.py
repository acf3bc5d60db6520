"""Keep the "¶" of heading permalinks out of the headings' accessible names.

Python-Markdown's `toc` extension (`permalink: true` in mkdocs.yml) appends
`<a class="headerlink" href="#id" title="Permanent link">¶</a>` inside every
heading, so a screen reader announces each heading as "… ¶" (or "… pilcrow")
and lists it so in its headings menu; the title is English on Danish pages.
The link only repeats an entry of the page's table of contents, which reaches
the same address by keyboard and screen reader. So this Markdown extension,
run after `toc`, hides the link from assistive technology (`aria-hidden`),
takes it out of the tab order (an aria-hidden element must not take focus),
and gives its tooltip the page's language. Mouse users keep it as before.
`on_config` of each language build puts a fresh instance, with that language's
tooltip, into `config.markdown_extensions` (see docs-dev/stack-facts.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any, cast

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

PERMALINK_CLASS = "headerlink"  # Python-Markdown toc's default permalink_class
AFTER_TOC = 4  # toc's tree processor has priority 5; lower runs later
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _HidePermalinks(Treeprocessor):
    def __init__(self, md: Markdown, title: str) -> None:
        super().__init__(md)
        self.title = title

    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            if heading.tag not in HEADINGS:
                continue
            for link in heading.iter("a"):
                if PERMALINK_CLASS in link.get("class", "").split():
                    link.set("aria-hidden", "true")
                    link.set("tabindex", "-1")
                    link.set("title", self.title)


class HeadingPermalinks(Extension):
    """Hide toc's heading permalinks from assistive technology; `title` is their tooltip."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            _HidePermalinks(md, self.title), "plansite_heading_permalinks", AFTER_TOC
        )


def use_heading_permalinks(config: MkDocsConfig, title: str) -> None:
    """Make this language build's pages hide their permalinks, with `title` as the tooltip."""
    # MkDocs types the list as names; Python-Markdown takes Extension instances as well.
    extensions = cast("list[Any]", config.markdown_extensions)
    kept = [extension for extension in extensions if not isinstance(extension, HeadingPermalinks)]
    config.markdown_extensions = cast("list[str]", [*kept, HeadingPermalinks(title)])
