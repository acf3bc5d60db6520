"""Read the text of a tagged PDF the way assistive technology meets it: per marked-content item.

A small reader for the PDFs WeasyPrint writes (Type0 fonts with a
`/ToUnicode` map): for each page, the text-showing operations in content
order, each with the MCID of the marked-content sequence it belongs to. The
checks use it to find leader dots, to compare headings with bookmarks and to
look for expected texts, without depending on poppler at build time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pikepdf

# `<>` is an empty target: WeasyPrint maps a glyph that stands for no text (the dotted circle
# HarfBuzz puts under a combining mark that has no base) to it.
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
# What WeasyPrint shows at the end of a line it broke at a soft hyphen.
_LINE_BREAK_HYPHEN = "\u2010"
# Default_Ignorable_Code_Point (Unicode 15.1, DerivedCoreProperties.txt) outside category Cf:
# the combining grapheme joiner, Hangul fillers, Mongolian and other variation selectors,
# and unassigned code points reserved as ignorable.
_DEFAULT_IGNORABLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
)


@dataclass(frozen=True)
class TextItem:
    """One text-showing operation: page (0-based), MCID (None outside tagged content) and text."""

    page: int
    mcid: int | None
    text: str


class _Font:
    """Decode the byte strings shown with one font into Unicode text."""

    def __init__(self, font: pikepdf.Object) -> None:
        self.code_length = 1
        self.map: dict[int, str] = {}
        to_unicode = font.get("/ToUnicode")
        if to_unicode is not None:
            self._read_cmap(to_unicode.read_bytes())
        elif font.get("/Subtype") == "/Type0":
            self.code_length = 2

    def _read_cmap(self, cmap: bytes) -> None:
        for block in re.findall(rb"begincodespacerange(.*?)endcodespacerange", cmap, re.S):
            codes = _HEX.findall(block)
            if codes:
                self.code_length = len(codes[0]) // 2
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
            values = _HEX.findall(block)
            for source, target in zip(values[::2], values[1::2], strict=False):
                self.map[int(source, 16)] = _utf16(target)
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
            for line in block.strip().splitlines():
                values = _HEX.findall(line)
                if len(values) < 3:
                    continue
                low, high = int(values[0], 16), int(values[1], 16)
                if b"[" in line:  # <lo> <hi> [<dst> <dst> …]
                    for offset, target in enumerate(values[2:]):
                        self.map[low + offset] = _utf16(target)
                else:  # <lo> <hi> <dst>: consecutive code points
                    start = _utf16(values[2])
                    for offset in range(high - low + 1):
                        self.map[low + offset] = (
                            start[:-1] + chr(ord(start[-1]) + offset) if start else ""
                        )

    def decode(self, data: bytes) -> str:
        step = self.code_length
        codes = (
            int.from_bytes(data[index : index + step], "big") for index in range(0, len(data), step)
        )
        return "".join(self.map.get(code, chr(code) if step == 1 else "\ufffd") for code in codes)


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="replace")


def page_text_items(pdf: pikepdf.Pdf) -> list[TextItem]:
    """Every text-showing operation of every page, in content-stream order."""
    items = []
    for page_index, page in enumerate(pdf.pages):
        fonts: dict[str, _Font] = {}
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        font_resources = resources.get("/Font", pikepdf.Dictionary())
        font: _Font | None = None
        marked: list[int | None] = []
        for instruction in pikepdf.parse_content_stream(page):
            operands, operator = instruction.operands, instruction.operator
            name = str(operator)
            if name in ("BDC", "BMC"):
                properties = operands[1] if len(operands) > 1 else None
                mcid = (
                    properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
                )
                marked.append(int(mcid) if mcid is not None else (marked[-1] if marked else None))
            elif name == "EMC" and marked:
                marked.pop()
            elif name == "Tf":
                key = str(operands[0])
                if key not in fonts and key in font_resources:
                    fonts[key] = _Font(font_resources[key])
                font = fonts.get(key)
            elif name in _TEXT_OPERATORS and font is not None:
                shown = operands[-1]
                strings = (
                    [part for part in shown if isinstance(part, pikepdf.String)]
                    if isinstance(shown, pikepdf.Array)
                    else [shown]
                )
                text = "".join(font.decode(bytes(part)) for part in strings)
                items.append(TextItem(page_index, marked[-1] if marked else None, text))
    return items


def texts_by_mcid(items: list[TextItem]) -> dict[tuple[int, int], str]:
    """The text of each marked-content item, keyed by (page, MCID)."""
    texts: dict[tuple[int, int], str] = {}
    for item in items:
        if item.mcid is not None:
            key = (item.page, item.mcid)
            texts[key] = texts.get(key, "") + item.text
    return texts


def normalize(text: str) -> str:
    """Collapse white space, as a reader does across line breaks."""
    return " ".join(text.split())


def spoken(text: str) -> str:
    """A text as a screen reader says it, for comparing texts: not for showing.

    A PDF's text differs from what was written in what no reader hears:
    WeasyPrint drops format characters (soft hyphens, zero-width spaces,
    joiners) from the glyph run, a line break reads back as a space (or as
    nothing after a `/` or `-`), a line broken at a soft hyphen reads back
    with a hyphen (U+2010) there, and a character may come back composed or
    decomposed. So both sides are compared in compatibility normal form
    (NFKC), without default-ignorable characters, U+2010 and white space.
    """
    kept = "".join(character for character in text if not _is_ignorable(character))
    normal = unicodedata.normalize("NFKC", kept).replace(_LINE_BREAK_HYPHEN, "")
    return "".join(normal.split())


def _is_ignorable(character: str) -> bool:
    """A format character (category Cf) or another default-ignorable code point."""
    code = ord(character)
    return unicodedata.category(character) == "Cf" or any(
        low <= code <= high for low, high in _DEFAULT_IGNORABLE
    )
