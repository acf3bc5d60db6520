"""The small fixture plan (tests/fixtures/minimal.yaml) with some of its lines changed, for tests that edit it."""

from __future__ import annotations

import json

from support.paths import MINIMAL


def minimal_with(*replacements: tuple[str, str]) -> str:
    """The fixture's text with each `old` (which must occur exactly once) replaced by `new`."""
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def yaml_string(text: str) -> str:
    """A YAML scalar holding `text` exactly (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)
