"""Carry `lang` of HTML passages into the PDF's structure tree, which WeasyPrint 70 does not do.

WeasyPrint sets the document's `/Lang` from `<html lang>` but drops `lang` on
elements, so a passage in the other language would be read aloud with the
wrong voice (WCAG 3.1.2). While `lang_attributes_tagged()` is active, every
structure element built from an HTML element whose `lang` differs from the
document's gets that `/Lang`.

This wraps `weasyprint.pdf.tags._build_box_tree`, a private function, so it
is tied to the pinned WeasyPrint version; the PDF checks
(`plansite.pdf.check`) and tests prove the result on the real output
(docs-dev/stack-facts.md#weasyprint-lang).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pydyf
from weasyprint.pdf import tags

_lock = threading.Lock()


@contextmanager
def lang_attributes_tagged(document_language: str) -> Iterator[None]:
    """Within this block, WeasyPrint tags elements in another language with `/Lang`."""
    original: Callable[..., Iterator[pydyf.Dictionary]] = tags._build_box_tree

    def build_box_tree(box: Any, parent: Any, *arguments: Any) -> Iterator[pydyf.Dictionary]:
        for element in original(box, parent, *arguments):
            language = _element_language(box)
            if language and language != document_language and "Lang" not in element:
                element["Lang"] = pydyf.String(language)
            yield element

    with _lock:
        tags._build_box_tree = build_box_tree  # the original recurses through this module global
        try:
            yield
        finally:
            tags._build_box_tree = original


def _element_language(box: Any) -> str | None:
    """The `lang` of the box's own HTML element (not of `<html>`, which is the document's)."""
    element = getattr(getattr(box, "_box", box), "element", None)
    if element is None or getattr(box, "element_tag", None) in ("html", "body"):
        return None
    return element.get("lang") or None
