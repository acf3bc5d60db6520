"""Re-render a plan PDF only when something that shapes it changed.

The key is a SHA-256 over everything the PDF is made from: the language's
print view (the plan data and texts it shows), the print template and CSS,
the font files, the source of this package and of `data/safe_text.py` (which
renders the long texts), the WeasyPrint, pikepdf and Markdown versions, and
the creation date written into the file when it is fixed (`SOURCE_DATE_EPOCH`;
the caller passes it in `extra`).
A rendered PDF is kept as `.cache/pdf/plan-<language>-<key>.pdf`; older
files of that language are removed when a new one is written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
import pikepdf
import weasyprint

from plansite.data import safe_text

PACKAGE_DIR = Path(__file__).resolve().parent
# The long texts are rendered by the site's function (`markdown` filter of `render`).
TEXT_RENDERING = Path(safe_text.__file__).resolve()


def input_files(template_dir: Path, fonts_dir: Path) -> list[Path]:
    """The files whose content shapes every plan PDF, in a stable order."""
    sources = [*PACKAGE_DIR.glob("*.py"), TEXT_RENDERING]
    return sorted([*template_dir.glob("*"), *fonts_dir.glob("*.ttf"), *sources])


def cache_key(view: dict[str, Any], files: list[Path], extra: dict[str, str]) -> str:
    """The hex SHA-256 of the view, the input files and the tool versions."""
    digest = hashlib.sha256()
    digest.update(json.dumps(view, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    versions = {
        "weasyprint": weasyprint.__version__,
        "pikepdf": pikepdf.__version__,
        "markdown": markdown.__version__,
        **extra,
    }
    digest.update(json.dumps(versions, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def cache_path(cache_dir: Path, language: str, key: str) -> Path:
    """Where the PDF of `language` made from the inputs hashed as `key` is kept."""
    return cache_dir / f"plan-{language}-{key[:32]}.pdf"


def latest_cached(cache_dir: Path, language: str) -> Path | None:
    """The most recently rendered PDF of `language` in the cache, whatever its inputs were."""
    latest, latest_time = None, -1
    for path in cache_dir.glob(f"plan-{language}-*.pdf"):
        try:
            modified = path.stat().st_mtime_ns
        except FileNotFoundError:  # replaced by a newer render meanwhile
            continue
        if modified > latest_time:
            latest, latest_time = path, modified
    return latest


def cached_render(
    cache_dir: Path, language: str, key: str, render: Callable[[], bytes]
) -> tuple[Path, bool]:
    """Return the cached PDF for `key` and whether it was rendered (and stored) just now."""
    path = cache_path(cache_dir, language, key)
    if path.is_file():
        return path, False
    return store(cache_dir, language, key, render()), True


def store(cache_dir: Path, language: str, key: str, content: bytes) -> Path:
    """Keep `content` as the PDF of `language` for `key` (written whole or not at all).

    Older PDFs of that language are removed.
    """
    path = cache_path(cache_dir, language, key)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".pdf.partial")
    partial.write_bytes(content)
    os.replace(partial, path)
    for stale in cache_dir.glob(f"plan-{language}-*.pdf"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path
