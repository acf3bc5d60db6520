"""Keep the default language's 404 page at the site root.

GitHub Pages serves the root `404.html` for every missing address, `/en/…`
included, but mkdocs-static-i18n writes the root 404 page once per language,
so the last language built would win. The page itself is bilingual (see
`overrides/404.html`); the build keeps the default language's version of it
(`read_root_404` after that build, `restore_root_404` after the last one;
docs-dev/stack-facts.md#static-i18n-404).
"""

from __future__ import annotations

from pathlib import Path

ROOT_404 = "404.html"


def read_root_404(site_dir: Path) -> bytes | None:
    """The bytes of the root 404 page as the build has just written it, if any."""
    page = site_dir / ROOT_404
    return page.read_bytes() if page.is_file() else None


def keep_language_404(site_dir: Path, language_folder: str) -> None:
    """Copy the root 404 page the last language build wrote into that language's folder."""
    page = site_dir / ROOT_404
    if language_folder and page.is_file():
        (site_dir / language_folder / ROOT_404).write_bytes(page.read_bytes())


def restore_root_404(site_dir: Path, content: bytes | None) -> None:
    """Write back the root 404 page kept by `read_root_404`."""
    if content is not None:
        (site_dir / ROOT_404).write_bytes(content)
