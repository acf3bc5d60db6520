"""Editors' texts on the site: escaped for Markdown when pages are rendered, and inspected before.

Long texts may use a small Markdown subset: paragraphs, **bold**, *italic*,
bullet lists and [links](https://…). Python-Markdown sanitises nothing: a
`javascript:` link (inline or reference-style), an image from another site or
an `{: onclick=… }` attribute list goes straight into the HTML. So:

- `escape_inline` / `escape_block` / `escape_url` neutralise, at render time,
  what must never become markup (HTML, attribute lists, headings, a Danish
  date such as "1. september" at the start of a line turning into a list);
- `find_unsafe_markup` renders a long text exactly as the site does and
  inspects the resulting HTML, so validation can refuse, with a located
  message, whatever falls outside the subset.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import markdown

# mkdocs.yml's markdown_extensions that change what a text can produce (toc only adds heading ids).
SITE_MARKDOWN_EXTENSIONS = ("attr_list",)

ALLOWED_ELEMENTS = frozenset({"p", "strong", "em", "ul", "li", "a", "br", "code"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"})}
LINK_SCHEME = "https://"

_HEADING_LINE = re.compile(r"^(\s*)#")
# "1. september" at the start of a line (or of a bullet) would become a numbered
# list and lose its "1.".
_NUMBER_AT_LINE_START = re.compile(r"^(\s*(?:[-*+]\s+)?\d+)\.(?=\s|$)", re.MULTILINE)
# What a text needs to make anything beyond paragraphs, emphasis, bullet lists and
# code: links and images ([ ]), character references (&), a code block (four
# spaces), a rule or a Setext heading (a line of - * _ =).
# Texts without any of it (most of them) are not rendered, which keeps `make validate` fast.
_MAY_LEAVE_THE_SUBSET = re.compile(
    r"[\[\]!&<>{}`=]|^ {4}|^ *[-*_] *[-*_] *[-*_][-*_ ]*$|^ *-+ *$", re.MULTILINE
)
# Characters that could end a Markdown link target or start other syntax; all are percent-encoded.
_URL_UNSAFE = re.compile(r"[\s()\[\]<>{}\"'`\\|^]")


def escape_inline(text: str) -> str:
    """Make plain text safe to place in Markdown: no markup, no HTML, no attribute lists."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character in "\\`*_[]{}":
        text = text.replace(character, "\\" + character)
    return text


def escape_block(text: str) -> str:
    """Keep the editor's Markdown subset; let no HTML, attribute list, heading, numbered list in."""
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("{", "\\{").replace("}", "\\}")
    text = _NUMBER_AT_LINE_START.sub(r"\1\\.", text)
    return "\n".join(_HEADING_LINE.sub(r"\1\\#", line, count=1) for line in text.splitlines())


def escape_url(url: str) -> str:
    """Percent-encode what could end a Markdown link target early (in a valid URL: only `()`)."""
    return _URL_UNSAFE.sub(
        lambda match: "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8")), url
    )


def render_block(text: str) -> str:
    """The HTML the site makes of a long text."""
    converter = _converter()
    converter.reset()
    return converter.convert(escape_block(text))


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS))


def find_unsafe_markup(text: str) -> list[tuple[str, str]]:
    """What in a long text's rendered HTML leaves the subset, as (what is wrong, how to fix it)."""
    if not _MAY_LEAVE_THE_SUBSET.search(text):
        return []
    inspector = _MarkupInspector()
    inspector.feed(render_block(text))
    inspector.close()
    return list(dict.fromkeys(inspector.problems))


class _MarkupInspector(HTMLParser):
    """Collect elements, attributes and link targets that the editors' subset does not allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_ELEMENTS:
            self.problems.append(_explain_element(tag, dict(attrs)))
            return
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                self.problems.append(
                    (
                        f"the attribute '{name}' is not allowed in texts",
                        "remove it; texts may only use **bold**, *italic*, - lists and [links](https://…)",
                    )
                )
            elif name == "href" and not (value or "").startswith(LINK_SCHEME):
                self.problems.append(
                    (
                        f"the link target '{value}' is not an https:// address",
                        "link only to full https:// addresses",
                    )
                )

    handle_startendtag = handle_starttag


def _explain_element(tag: str, attrs: dict[str, str | None]) -> tuple[str, str]:
    if tag == "img":
        return (
            f"images are not allowed in texts (![…]({attrs.get('src') or ''}))",
            "remove the image; write a [link](https://…) to it instead",
        )
    if re.fullmatch(r"h[1-6]", tag):
        return (
            "a line of '=' or '-' under a line of text makes a heading, which texts may not have",
            "remove the line of '=' or '-', or leave an empty line above it",
        )
    if tag == "pre":
        return (
            "a line indented by four or more spaces becomes a code block",
            "remove the extra indentation (indent list continuations by two spaces)",
        )
    if tag == "hr":
        return (
            "a line of only '-', '*' or '_' becomes a horizontal rule, which texts may not have",
            "remove that line",
        )
    return (
        f"this Markdown makes a '{tag}' element, which texts may not have",
        "use only paragraphs, **bold**, *italic*, - lists and [links](https://…)",
    )
