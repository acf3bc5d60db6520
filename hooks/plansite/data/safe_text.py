"""Editors' texts on the site: escaped for Markdown when pages are rendered, and inspected before.

Long texts may use a small Markdown subset: paragraphs, **bold**, *italic*,
bullet lists, `code` and [links](https://…). Python-Markdown sanitises nothing:
a `javascript:` link, an image from another site or an `{: onclick=… }`
attribute list goes straight into the HTML. And the site renders all the texts
of a page as one Markdown document, so a reference or footnote definition, a
`[TOC]` marker or a code fence in one text would act on the others. So:

- `SITE_MARKDOWN_EXTENSIONS` and `SITE_MARKDOWN_CONFIGS` are the extensions
  MkDocs renders every page with (its own toc, tables and fenced_code, and
  mkdocs.yml's), for validation and the PDF too; tests/unit/test_safe_text.py
  compares them with the configuration MkDocs resolves from mkdocs.yml;
- `escape_inline` / `escape_block` / `escape_url` neutralise, at render time,
  what must never become markup (HTML, attribute lists, headings, a Danish
  date such as "1. september" at the start of a line turning into a list) and
  everything that would reach beyond the text (definitions, `[TOC]`, fences);
- `render_block` is the HTML the site (and the PDF) makes of a long text;
- `find_unsafe_markup` inspects that HTML, and what the escaping had to
  defuse, so validation can refuse, with a located message, whatever falls
  outside the subset.
"""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser
from typing import Any

import markdown
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from pymdownx.slugs import slugify

# MkDocs' own extensions (toc, tables, fenced_code), then mkdocs.yml's markdown_extensions.
SITE_MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list")
# The options mkdocs.yml gives them.
SITE_MARKDOWN_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": True, "slugify": slugify(case="lower")},
}
TOC_MARKER = "[TOC]"  # the toc extension's default: mkdocs.yml sets no other

ALLOWED_ELEMENTS = frozenset({"p", "strong", "em", "ul", "li", "a", "br", "code"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"})}
LINK_SCHEME = "https://"
SUBSET = "texts may only use **bold**, *italic*, - lists and [links](https://…)"

# The start of a line and of each list item on it, where Markdown looks for a block's syntax.
_LINE_START = r"^(?P<start>[ \t]*(?:[-*+][ \t]+)*)"
_HEADING_AT_LINE_START = re.compile(_LINE_START + "#", re.MULTILINE)
# "1. september" at the start of a line (or of a bullet) would become a numbered
# list and lose its "1.".
_NUMBER_AT_LINE_START = re.compile(_LINE_START + r"(?P<number>\d+)\.(?=\s|$)", re.MULTILINE)
# A code fence pairs with the next fence of the page, in this text or another.
_FENCE_AT_LINE_START = re.compile(_LINE_START + r"(?P<fence>`{3}|~{3})", re.MULTILINE)
# `[id]: target` defines `id` for the whole page.
_DEFINITION_AT_LINE_START = re.compile(_LINE_START + r"\[(?=[^\[\]]*\]:)", re.MULTILINE)
_FOOTNOTE_AT_LINE_START = re.compile(_LINE_START + r"\[(?P<label>\^[^\[\]\n]*)\]:", re.MULTILINE)
_TOC_MARKER = re.compile(r"(?<!\\)" + re.escape(TOC_MARKER))
_LINE_BREAKS = re.compile(r"[ \t]*(?:\n[ \t]*)+")
_NUMBER_AT_START = re.compile(r"^(\d+)\.(?=\s|$)")
# What a text needs to make anything beyond paragraphs, emphasis, bullet lists and
# code: links and images ([ ]), character references (&), a code block (four
# spaces or a fence), a table (|), a rule or a Setext heading (a line of - * _ =).
# Texts without any of it (most of them) are not rendered, which keeps `make validate` fast.
_MAY_LEAVE_THE_SUBSET = re.compile(
    r"[\[\]!&<>{}`~|=]|^ {4}|^ *[-*_] *[-*_] *[-*_][-*_ ]*$|^ *-+ *$", re.MULTILINE
)
# Characters that could end a Markdown link target or start other syntax; all are percent-encoded.
_URL_UNSAFE = re.compile(r"[\s()\[\]<>{}\"'`\\|^]")
_VOID_ELEMENTS = frozenset({"br", "hr", "img", "input", "wbr"})


def escape_inline(text: str) -> str:
    """Make plain text safe anywhere in a line of Markdown: shown as written, on one line."""
    # A line break could end the heading or list item the text is in; in HTML it is a space.
    text = _LINE_BREAKS.sub(" ", text).strip(" \t")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character in "\\`*_[]{}#|":
        text = text.replace(character, "\\" + character)
    # What Markdown reads at a line's start: a list item, a rule, a heading's underline, a fence.
    if text[:1] in ("-", "+"):
        text = "\\" + text
    elif text[:1] == "~":
        text = "&#126;" + text[1:]
    elif text[:1] == "=":
        text = "&#61;" + text[1:]
    # "]:" right after a "[" at a line's start reads as a link definition, even inside a link label.
    text = text.replace("\\]:", "\\]&#58;")
    return _NUMBER_AT_START.sub(r"\1\\.", text)


def escape_block(text: str) -> str:
    """Keep the editor's Markdown subset; let nothing else in, and nothing reach another text."""
    return _defuse_page_wide_markup(_escape_markup(text))


def _escape_markup(text: str) -> str:
    """No HTML, attribute list, heading or numbered list."""
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("{", "\\{").replace("}", "\\}")
    text = _NUMBER_AT_LINE_START.sub(r"\g<start>\g<number>\\.", text)
    text = _HEADING_AT_LINE_START.sub(r"\g<start>\\#", text)
    return "\n".join(text.splitlines())


def _defuse_page_wide_markup(text: str) -> str:
    """No reference or footnote definition, `[TOC]` or code fence: each would act on the page."""
    text = _DEFINITION_AT_LINE_START.sub(r"\g<start>\\[", text)
    text = _FENCE_AT_LINE_START.sub(_defused_fence, text)
    return _TOC_MARKER.sub(lambda match: "\\" + TOC_MARKER, text)


def _defused_fence(match: re.Match[str]) -> str:
    # `~` has no Markdown backslash escape; its character reference shows the same character.
    first = "\\`" if match.group("fence")[0] == "`" else "&#126;"
    return match.group("start") + first + match.group("fence")[1:]


def escape_url(url: str) -> str:
    """Percent-encode what could end a Markdown link target early (in a valid URL: only `()`)."""
    return _URL_UNSAFE.sub(
        lambda match: "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8")), url
    )


def site_markdown() -> markdown.Markdown:
    """A new Markdown converter with the site's extensions."""
    return markdown.Markdown(
        extensions=list(SITE_MARKDOWN_EXTENSIONS), extension_configs=SITE_MARKDOWN_CONFIGS
    )


_converters = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's converter, reset (not shared: PDF previews render on a worker thread)."""
    converter: markdown.Markdown | None = getattr(_converters, "converter", None)
    if converter is None:
        converter = _converters.converter = site_markdown()
    converter.reset()
    return converter


def render_block(text: str) -> str:
    """The HTML the site makes of a long text (the printed plan shows the same)."""
    return _converter().convert(escape_block(text))


def find_unsafe_markup(text: str) -> list[tuple[str, str]]:
    """What in a long text leaves the subset, as (what is wrong, how to fix it)."""
    if not _MAY_LEAVE_THE_SUBSET.search(text):
        return []
    marked = _escape_markup(text)
    escaped = _defuse_page_wide_markup(marked)
    problems = _inspect(_converter().convert(escaped))
    if escaped != marked:
        problems += _find_page_wide_markup(text, marked)
    return list(dict.fromkeys(problems))


def _find_page_wide_markup(text: str, marked: str) -> list[tuple[str, str]]:
    """What the escaping defused: the text meant a definition, a `[TOC]` or a code block."""
    converter = _converter()
    inspector = _MarkupInspector()
    inspector.feed(converter.convert(marked))
    inspector.close()
    # A footnote is refused in any form: the site makes none, whatever follows the colon.
    footnotes = [match.group("label") for match in _FOOTNOTE_AT_LINE_START.finditer(marked)]
    definitions = [
        _label_as_written(text, label)
        for label in converter.references
        if not label.startswith("^")
    ]
    problems = [_explain_definition(label) for label in [*footnotes, *definitions]]
    if FencedBlockPreprocessor.FENCED_BLOCK_RE.search(marked):
        problems.append(
            (
                "lines of ``` or ~~~ around text make a code block, which texts may not have",
                "remove the ``` or ~~~ lines",
            )
        )
    if inspector.makes_a_table_of_contents:
        problems.append(_TABLE_OF_CONTENTS)
    return problems


def _label_as_written(text: str, label: str) -> str:
    """Python-Markdown keeps a definition's label in lowercase: the editor's spelling of it."""
    match = re.search(r"\[(" + re.escape(label) + r")\]:", text, re.IGNORECASE)
    return " ".join((match.group(1) if match else label).split())


def _explain_definition(label: str) -> tuple[str, str]:
    if label.startswith("^"):
        return (
            f"'[{label}]: …' is a footnote, which texts may not have",
            "write the note into the text itself (and name its source in the entry's sources)",
        )
    return (
        f"'[{label}]: …' defines a link target for the whole page (a reference-style link), "
        "which texts may not have",
        f"write the address into the link itself, [text](https://…), and delete '[{label}]: …'",
    )


_TABLE_OF_CONTENTS = (
    f"'{TOC_MARKER}' would show the page's table of contents in the text",
    f"remove '{TOC_MARKER}'; the page shows its own table of contents",
)


def _inspect(html: str) -> list[tuple[str, str]]:
    inspector = _MarkupInspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


class _MarkupInspector(HTMLParser):
    """Collect elements, attributes and link targets that the editors' subset does not allow.

    Inside an element that is not allowed nothing more is reported: a table is
    one mistake, not one per cell.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[str, str]] = []
        self.makes_a_table_of_contents = False
        self._refused: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._refused is not None:
            self._depth += tag == self._refused
            return
        attributes = dict(attrs)
        if tag == "div" and "toc" in (attributes.get("class") or "").split():
            self.makes_a_table_of_contents = True
        if tag not in ALLOWED_ELEMENTS:
            self.problems.append(_explain_element(tag, attributes))
            if tag not in _VOID_ELEMENTS:
                self._refused, self._depth = tag, 1
            return
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                self.problems.append(
                    (f"the attribute '{name}' is not allowed in texts", f"remove it; {SUBSET}")
                )
            elif name == "href" and not (value or "").startswith(LINK_SCHEME):
                self.problems.append(
                    (
                        f"the link target '{value}' is not an https:// address",
                        "link only to full https:// addresses",
                    )
                )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID_ELEMENTS:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._refused:
            self._depth -= 1
            if self._depth == 0:
                self._refused = None


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
    if tag == "table":
        return (
            "a table (lines with '|' between cells and a line of '---' under the first) "
            "is not allowed in texts",
            "write the content as a bullet list or as sentences",
        )
    if tag == "div" and "toc" in (attrs.get("class") or "").split():
        return _TABLE_OF_CONTENTS
    return (
        f"this Markdown makes a '{tag}' element, which texts may not have",
        "use only paragraphs, **bold**, *italic*, - lists and [links](https://…)",
    )
