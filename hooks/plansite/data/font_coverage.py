"""Refuse characters the plan PDF's fonts cannot show.

The plan PDF is set in the fonts shipped in `settings.FONTS_DIR` (Noto Sans, four
faces). For a character none of them has, WeasyPrint silently takes a glyph from
whatever fonts the build machine happens to have, so the PDF would differ from
machine to machine; and such texts (Hebrew, Arabic, emoji) no longer read back
from the PDF as written, which fails its checks. So every text of the data may
hold only the characters that every shipped face has, and line breaks. A
developer who adds a font for another script adds it in every face (regular,
bold, italic, bold italic), or the characters stay refused.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from plansite.data.loading import LoadedData
from plansite.problems import Problem
from plansite.settings import FONTS_DIR

FONT_SUFFIXES = (".ttf", ".otf")
# The shipped fonts have no glyph for a line break, and need none.
ALWAYS_SHOWABLE = frozenset("\n")
# Unicode general categories shown by code, never quoted: other (C…) and separators (Z…).
_INVISIBLE_CATEGORIES = frozenset("CZ")
# A message names this many characters of one text, then says how many more there are.
NAMED_CHARACTERS = 5

FIX_ONE = "leave it out, transliterate it, or ask a developer to add a font that has it"
FIX_MANY = "leave them out, transliterate them, or ask a developer to add a font that has them"


@cache
def showable_characters(fonts_dir: Path = FONTS_DIR) -> frozenset[str]:
    """Every character each font file in `fonts_dir` has a glyph for (read once per process)."""
    faces = sorted(path for path in fonts_dir.iterdir() if path.suffix.lower() in FONT_SUFFIXES)
    if not faces:
        raise FileNotFoundError(f"no font files in {fonts_dir}")
    code_points = [set(_code_points(path)) for path in faces]
    return frozenset(map(chr, set.intersection(*code_points))) | ALWAYS_SHOWABLE


def _code_points(path: Path) -> Iterator[int]:
    font = TTFont(path, lazy=True)
    try:
        yield from font.getBestCmap()
    finally:
        font.close()


def unshowable_characters(text: str, fonts_dir: Path = FONTS_DIR) -> list[str]:
    """The characters of `text` the fonts cannot show, each once, in the order they occur."""
    showable = showable_characters(fonts_dir)
    return list(dict.fromkeys(character for character in text if character not in showable))


def describe_character(character: str) -> str:
    """`'ש' (U+05E9 HEBREW LETTER SHIN)`; an invisible character by its code (and name) only."""
    code = f"U+{ord(character):04X}"
    category = unicodedata.category(character)
    name = unicodedata.name(character, "")
    if category == "Cc":
        return f"the control character {code}"
    if category[0] in _INVISIBLE_CATEGORIES:
        # Format, private-use and unassigned code points, separators: quoted, they would not
        # show, or would break the message's line.
        return f"{code} {name}" if name else f"the unnamed character {code}"
    return f"'{character}' ({code} {name})" if name else f"'{character}' ({code})"


def check_characters(loaded: LoadedData) -> Iterator[Problem]:
    """Refuse every text that holds a character the plan PDF's fonts cannot show."""
    for data_path, text in loaded.texts():
        missing = unshowable_characters(text)
        if missing:
            fix = FIX_ONE if len(missing) == 1 else FIX_MANY
            yield Problem(loaded.locate(data_path), data_path, _what(missing), fix)


def _what(missing: list[str]) -> str:
    named = [describe_character(character) for character in missing[:NAMED_CHARACTERS]]
    more = len(missing) - len(named)
    if more:
        listed = ", ".join(named) + f" and {more} more character{'s' if more != 1 else ''}"
    elif len(named) > 1:
        listed = ", ".join(named[:-1]) + " and " + named[-1]
    else:
        listed = named[0]
    return f"the plan PDF's font cannot show {listed}"
