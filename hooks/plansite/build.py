"""The state of a build: `SiteBuild` for one `mkdocs build`, `LanguageBuild` for one language.

mkdocs-static-i18n runs the whole build once per language in one process: the
default language's build is the outer one, and from its `on_post_build` it runs
the other languages' builds, nested, on the same config object. So:

- `SiteBuild` starts in the outer build's `on_config`: it reads the settings, the
  data and the site's texts once, and keeps what every language shares (the
  files offered for download, the root 404 page). The nested builds use it, so
  both languages show one version of the data, parsed once.
- `LanguageBuild` is what one language's build generates: its pages, the
  context its templates get, its feed, exports and press kit.
- `Builds` is the one object `hooks/main.py` keeps between events; it is
  replaced by nothing but its own methods, and a new `SiteBuild` starts at every
  build, so `mkdocs serve` picks up every data change. It also holds the outer
  build's `StagedSite` (`plansite.staging`): every build writes into a staging
  folder, which replaces `site_dir` only when the whole build has passed.

Handlers of the outer build that run after the nested builds (priority below
i18n's -100) see the i18n plugin's current language set to the last language
built: they may only use the `SiteBuild`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from plansite.data.schedule import series_published_as_of
from plansite.data.validation import load_series
from plansite.i18n.languages import LANGUAGES, check_i18n_languages, i18n_plugin, language_root
from plansite.i18n.strings import load_strings
from plansite.i18n.view import LocalizedSeries, localize
from plansite.outputs import search_index
from plansite.outputs.language_outputs import LanguageOutputs
from plansite.pdf import downloads
from plansite.pdf.downloads import Defer, Download, Downloads
from plansite.problems import DataError
from plansite.serve.pdf_preview import PreviewPdfs
from plansite.settings import Settings
from plansite.site import navigation, page_checks, redirects, virtual_files
from plansite.site.page_context import PageContext
from plansite.site.page_dates import PageDates
from plansite.site.pages import GeneratedPage, generate_pages
from plansite.staging import StagedSite
from plansite.theme import not_found_page
from plansite.urls import PlanPaths, addresses_of_the_site


class PlanDataError(PluginError):
    """The data or the hand-written pages have mistakes; raised before any page is written."""


def current_language(config: MkDocsConfig) -> str:
    """The language mkdocs-static-i18n is building now."""
    language: str = i18n_plugin(config).current_language or config.theme["language"]
    return language


def is_outer_build(config: MkDocsConfig) -> bool:
    """True in the default language's build, which runs the other languages' builds inside it."""
    return not i18n_plugin(config).building


@dataclass
class SiteBuild:
    """One `mkdocs build` (or one rebuild under `mkdocs serve`), all languages."""

    settings: Settings
    localized: dict[str, LocalizedSeries]
    """The series as published at `settings.now`, in each language."""
    languages: dict[str, LanguageBuild] = field(default_factory=dict)
    downloads: Downloads | None = None
    kept_404: bytes | None = None
    page_dates: PageDates | None = None

    @classmethod
    def start(cls, project_dir: Path) -> SiteBuild:
        """Read the settings, the data and the texts; raise `PlanDataError` listing all problems."""
        try:
            settings = Settings.from_environment(project_dir)
            taken = addresses_of_the_site(LANGUAGES, settings.docs_dir)
            series = series_published_as_of(
                load_series(os.path.relpath(settings.data_dir), taken=taken), settings.now
            )
            strings = load_strings()
        except DataError as error:
            raise PlanDataError(error.report()) from None
        return cls(settings, localize(series, strings))

    def start_language(self, config: MkDocsConfig) -> LanguageBuild:
        """Generate this language's pages; refuse hand-written ones that clash or lack a twin."""
        check_i18n_languages(config)
        language, settings = current_language(config), self.settings
        if Path(config.docs_dir).resolve() != settings.docs_dir.resolve():
            raise PluginError(
                f"mkdocs.yml: docs_dir must be '{settings.docs_dir.name}': the check of plan ids "
                "against the site's own addresses reads the hand-written pages there"
            )
        localized = self.localized[language]
        navigation.configure_site(config, localized)
        pages = generate_pages(localized)
        pages += redirects.redirect_pages(localized, config.site_url or "/")
        problems = page_checks.find_page_problems(config, pages)  # before MkDocs empties site_dir
        if problems:
            raise PlanDataError(DataError(problems).report())
        if self.page_dates is None:  # one `git log` for every language
            self.page_dates = PageDates(
                settings.project_dir,
                settings.data_dir,
                Path(config.docs_dir),
                settings.source_date_epoch,
            )
        build = LanguageBuild(
            self,
            language,
            config,
            pages,
            outputs=LanguageOutputs(
                localized, config, settings.source_date_epoch, settings.pdf_cache_dir
            ),
            page_context=PageContext(localized, config, settings, self.page_dates),
        )
        self.languages[language] = build
        return build

    def prepare_downloads(self, site_url: str, defer: Defer | None) -> None:
        """Render (or reuse) the plan PDFs and read attached documents, once for both languages."""
        settings = self.settings
        try:
            self.downloads = downloads.prepare_downloads(
                self.localized,
                settings.data_dir,
                settings.pdf_cache_dir,
                site_url,
                render_plan=settings.render_pdfs,
                defer=defer,
                source_date_epoch=settings.source_date_epoch,
            )
        except downloads.PdfFailed as error:
            raise PluginError(str(error)) from None

    def plan_pdfs(self, language: str) -> dict[str, Download]:
        """The plan PDFs of `language` this build offers, by plan id."""
        if self.downloads is None:
            return {}
        return {
            plan_id: download
            for (plan_id, pdf_language), download in self.downloads.plan_pdfs.items()
            if pdf_language == language
        }

    def remember_404(self, site_dir: Path) -> None:
        """Keep the default language's root 404 page (the last language built overwrites it)."""
        self.kept_404 = not_found_page.read_root_404(site_dir)

    def restore_404(self, site_dir: Path) -> None:
        """Keep the last language's 404 page in its folder, then put the default language's back."""
        last_language = list(self.languages)[-1]
        not_found_page.keep_language_404(site_dir, language_root(last_language))
        not_found_page.restore_root_404(site_dir, self.kept_404)

    def split_search_index(self, site_dir: Path) -> dict[str, int]:
        """One search index per language instead of i18n's merged one; the size of each in bytes."""
        roots = {language: language_root(language) for language in self.languages}
        labels = {
            language: {
                PlanPaths.of(plan.plan.id).prefix: f"{plan.text(plan.plan.plan.short_title)} "
                f"{plan.period_years()}"
                for plan in self.localized[language].plans
            }
            for language in self.languages
        }
        return search_index.write_language_indexes(str(site_dir), roots, labels)


@dataclass
class LanguageBuild:
    """What one language's build makes: pages, their template context, feed, exports, press kit."""

    site: SiteBuild
    language: str
    config: MkDocsConfig
    pages: list[GeneratedPage]
    outputs: LanguageOutputs
    page_context: PageContext
    contents: dict[str, GeneratedPage] = field(default_factory=dict)

    def add_generated_pages(self, files: Files) -> Files:
        """Hand this language's pages to i18n as virtual localized source files."""
        self.contents = virtual_files.add_generated_pages(
            files, self.pages, self.language, LANGUAGES, self.config
        )
        return files

    def restore_generated_contents(self, files: Files) -> Files:
        """Put the pages' Markdown back on the File objects i18n rebuilt."""
        virtual_files.restore_contents(files, self.contents)
        return files

    def add_output_files(self, files: Files) -> Files:
        """Register this language's feed, exports and press kit as files MkDocs writes."""
        self.outputs.add_files(files, self.site.plan_pdfs(self.language))
        return files

    def page_meta(self, page: Page) -> dict[str, Any] | None:
        """A generated page's metadata, from the model (it has no front matter)."""
        return virtual_files.page_meta(page, self.contents)

    def context_of_page(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """What the templates of one page get."""
        return self.page_context.for_page(context, page, self.site.downloads)

    def context_of_template(self, context: dict[str, Any]) -> dict[str, Any]:
        """What a page without Markdown source (the 404 page) gets."""
        return self.page_context.for_template(context)

    def publish_downloads(self) -> None:
        """Copy this language's PDFs and documents into its tree of the site."""
        if self.site.downloads is not None:
            downloads.publish_downloads(
                self.site.downloads, self.language, Path(self.config.site_dir)
            )


@dataclass
class Builds:
    """Kept between events: the build in progress, its staging folder, the preview PDFs."""

    site: SiteBuild | None = None
    staged: StagedSite | None = None
    preview_pdfs: PreviewPdfs | None = None

    def start_session(self, command: str) -> None:
        """`mkdocs serve` renders changed plan PDFs after each build, off the editor's wait."""
        self.preview_pdfs = PreviewPdfs() if command == "serve" else None

    def stage_output(self, config: MkDocsConfig) -> None:
        """The outer build (and the nested ones with it) writes into a staging folder."""
        if is_outer_build(config):
            self.discard_output()
            self.staged = StagedSite.start(config)

    def publish_output(self, config: MkDocsConfig) -> None:
        """At the end of the outer build: the staging folder replaces `site_dir`, if it passed."""
        if is_outer_build(config) and self.staged is not None:
            staged, self.staged = self.staged, None
            staged.finish()

    def discard_output(self) -> None:
        """After a failure in any build: remove the staging folder; `site_dir` stays as it was."""
        if self.staged is not None:
            staged, self.staged = self.staged, None
            staged.discard()

    def start_language(self, config: MkDocsConfig) -> LanguageBuild:
        """The outer build starts a new `SiteBuild`; every build then starts its language."""
        if is_outer_build(config) or self.site is None:
            self.site = SiteBuild.start(Path(config.config_file_path).parent)
        return self.site.start_language(config)

    def prepare_downloads(self, config: MkDocsConfig) -> None:
        """The plan PDFs and documents of this build (`mkdocs serve` renders changed PDFs later)."""
        defer = self.preview_pdfs.offer if self.preview_pdfs is not None else None
        self.current_site().prepare_downloads(config.site_url or "", defer)

    def current_site(self) -> SiteBuild:
        """The build in progress."""
        if self.site is None:
            raise PluginError("plansite: an event arrived before on_config started the build")
        return self.site

    def current(self, config: MkDocsConfig) -> LanguageBuild:
        """The language build in progress."""
        language = current_language(config)
        build = self.current_site().languages.get(language)
        if build is None:
            raise PluginError(f"plansite: no build of the language '{language}' was started")
        return build
