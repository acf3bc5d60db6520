"""Benchmark only: no generated pages, for the hand-written variant of `bench/handwritten.py`.

That variant's pages are already files in its `docs/`. Listed before
`hooks/main.py` in its `mkdocs.yml`, this hook replaces the page generator the
build calls by one that returns no page; everything else the hook does (reading
the data for feeds, exports, footer and metadata; the search split) is the same
as in the generated variant.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from plansite import build


def _no_pages(*arguments: object) -> list[object]:
    return []


build.generate_pages = _no_pages  # type: ignore[assignment]
