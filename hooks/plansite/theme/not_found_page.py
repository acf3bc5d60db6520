"""Keep the Danish 404 page at the site root.

GitHub Pages serves the root `404.html` for every missing address, `/en/…`
included, but mkdocs-static-i18n writes the root 404 page once per language,
so the last language built would win. The page itself is bilingual (see
`overrides/404.html`); this module keeps the default language's build of it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

_kept: dict[str, bytes] = {}


def _is_default_language_build(config: MkDocsConfig) -> bool:
    """The outer build is the default language's; i18n runs the others nested inside it."""
    return not config.plugins["i18n"].building


def remember_default_language_404(config: MkDocsConfig) -> None:
    """In the default language's build, keep the bytes of the root 404 page."""
    page = Path(config.site_dir) / "404.html"
    if _is_default_language_build(config) and page.is_file():
        _kept[config.site_dir] = page.read_bytes()


def restore_default_language_404(config: MkDocsConfig) -> None:
    """After every language is built, put the default language's 404 page back."""
    kept = _kept.pop(config.site_dir, None) if _is_default_language_build(config) else None
    if kept is not None:
        (Path(config.site_dir) / "404.html").write_bytes(kept)
