"""The press room's and open data's part of one language build: files, page context, search.

`hooks/main.py` creates one `PressRoom` per language build (in `on_config`)
and calls it from three events:

- `on_files` (after i18n rebuilt the file list): register this language's
  Atom feed, CSV tables and press kit, and the language-neutral JSON export and
  schema, as files MkDocs writes and can check links to (`output_files`);
- `on_page_context` / `on_template_context`: the head metadata, banner,
  "cite this page" block and the search base of each page (`page_metadata`);
- `on_post_build` of the whole site (`split_search_index`): one search index
  per language.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from plansite.outputs import exports
from plansite.outputs import feeds
from plansite.site import lifecycle
from plansite.outputs import files as output_files
from plansite.outputs import search_index
from plansite.i18n.formatting import COPENHAGEN
from plansite.site.page_dates import PageDates
from plansite.data.model import PlanData
from plansite.site.page_metadata import SiteFacts, page_metadata
from plansite.site.pages import ABOUT, FEED, page_url, press_kit_path
from plansite.outputs.press_kit import build_press_kit
from plansite.i18n.strings import Strings
from plansite.site.virtual_files import GENERATED_BY


class PressRoom:
    """This language build's feed, exports, press kit and per-page metadata."""

    def __init__(self, plan: PlanData, language: str, strings: Strings, config: MkDocsConfig, now: datetime, data_file: Path) -> None:
        self.plan = plan
        self.language = language
        self.strings = strings
        self.config = config
        self.root = output_files.language_root(config, language)
        self.language_url = output_files.absolute_url(config, self.root)
        project_dir = Path(config.config_file_path).parent
        self.page_dates = PageDates(project_dir, data_file, Path(config.docs_dir))
        slugify = config.mdx_configs.get("toc", {}).get("slugify")
        successor_anchor = slugify(strings["successor"], "-") if slugify else ""
        banner = lifecycle.plan_banner(plan, now.astimezone(COPENHAGEN).date(), language, strings, (page_url(ABOUT), successor_anchor))
        self.facts = SiteFacts(plan, language, strings, config.site_name, config.site_description or "", config.site_url or "/", self.root, banner)

    def add_files(self, files: Files, plan_pdf: tuple[str, bytes] | None) -> None:
        """Register this language's outputs; the default language's build also writes the language-neutral ones."""
        config, root = self.config, self.root
        output_files.add_content_file(files, config, FEED, root + FEED, feeds.render_feed(self.plan, self.language, self.strings, self.facts.site_url, self.language_url))
        output_files.add_content_file(files, config, exports.INITIATIVES_CSV, root + exports.INITIATIVES_CSV, exports.initiatives_csv(self.plan, self.language, self.strings, self.language_url))
        output_files.add_content_file(files, config, exports.ACTORS_CSV, root + exports.ACTORS_CSV, exports.actors_csv(self.plan, self.language, self.strings, self.language_url))
        kit = press_kit_path(self.language)
        output_files.add_content_file(files, config, kit, root + kit, build_press_kit(self.plan, self.language, self.strings, self.language_url, plan_pdf))
        neutral = {exports.JSON_PATH: lambda: exports.plan_json(self.plan), exports.SCHEMA_PATH: exports.schema_json}
        for path, content in neutral.items():
            if root:  # written once, by the default language's build; the others only link to it
                output_files.add_self_written_file(files, config, path, path)
            else:
                output_files.add_content_file(files, config, path, path, content())

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Metadata, banner and citation of one page, and where its search index is."""
        generated = page.file.generated_by == GENERATED_BY
        updated = self.page_dates.for_generated_page() if generated else self.page_dates.for_source_file(page.file.src_uri)
        context["plan_meta"] = page_metadata(self.facts, page, updated)
        context["search_base_url"] = self.search_base_url(context["base_url"])
        return context

    def template_context(self, context: dict[str, Any]) -> dict[str, Any]:
        """Pages without a Markdown source (404): only the search base."""
        context.setdefault("search_base_url", self.search_base_url(context.get("base_url", "")))
        return context

    def search_base_url(self, base_url: str) -> str:
        """Material fetches `search/search_index.json` relative to this: the language's own folder."""
        return f"{base_url.rstrip('/')}/{self.root}" if self.root else base_url


def split_search_index(config: MkDocsConfig) -> dict[str, int]:
    """After every language is built: one search index per language; the size of each in bytes."""
    i18n = config.plugins["i18n"]
    roots = {language: output_files.language_root(config, language) for language in i18n.build_languages}
    return search_index.write_language_indexes(config.site_dir, roots)
