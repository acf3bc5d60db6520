"""The files a language build adds besides its pages: feed, CSV tables, press kit, JSON export.

They are registered in `on_files`, after mkdocs-static-i18n rebuilt the file
list of the language, as files MkDocs writes (`outputs.files`), so Markdown can
link to them and `--strict` checks those links. The language-neutral JSON export
and its schema are written once, by the default language's build; the other
languages only link to them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from plansite.i18n.languages import language_root
from plansite.i18n.view import LocalizedPlan
from plansite.outputs import exports, feeds
from plansite.outputs import files as output_files
from plansite.outputs.press_kit import build_press_kit
from plansite.pdf.downloads import Download
from plansite.urls import FEED, press_kit_path


class LanguageOutputs:
    """The feed, exports and press kit of one language."""

    def __init__(
        self, localized: LocalizedPlan, config: MkDocsConfig, source_date_epoch: int | None
    ) -> None:
        self.localized = localized
        self.source_date_epoch = source_date_epoch
        self.config = config
        self.root = language_root(localized.language)
        self.language_url = output_files.absolute_url(config, self.root)

    def add_files(self, files: Files, plan_pdf: Download | None) -> None:
        """Register this language's outputs; the default language's also writes the neutral ones."""
        config, root = self.config, self.root
        site_url = config.site_url or "/"
        localized = self.localized
        output_files.add_content_file(
            files,
            config,
            FEED,
            root + FEED,
            feeds.render_feed(localized, site_url, self.language_url),
        )
        output_files.add_content_file(
            files,
            config,
            exports.INITIATIVES_CSV,
            root + exports.INITIATIVES_CSV,
            exports.initiatives_csv(localized, self.language_url),
        )
        output_files.add_content_file(
            files,
            config,
            exports.ACTORS_CSV,
            root + exports.ACTORS_CSV,
            exports.actors_csv(localized, self.language_url),
        )
        kit = press_kit_path(localized.language)
        pdf_entry = (
            (Path(plan_pdf.site_path).name, plan_pdf.source.read_bytes()) if plan_pdf else None
        )
        output_files.add_content_file(
            files,
            config,
            kit,
            root + kit,
            build_press_kit(localized, self.language_url, pdf_entry, self.source_date_epoch),
        )
        neutral: dict[str, Callable[[], str | bytes]] = {
            exports.JSON_PATH: lambda: exports.plan_json(localized.plan),
            exports.SCHEMA_PATH: exports.schema_json,
        }
        for path, content in neutral.items():
            if root:  # written once, by the default language's build; the others only link to it
                output_files.add_self_written_file(files, config, path, path)
            else:
                output_files.add_content_file(files, config, path, path, content())
