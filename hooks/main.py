"""MkDocs hook: turn the plan's data into the bilingual site.

Each event delegates to `plansite` (the package's docstring maps it); the state
of the build in progress is `_builds` (`plansite.build`), the only module
global. mkdocs-static-i18n runs every event once per language; the handlers of
one event are listed in the order they run.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from plansite.build import Builds, is_outer_build
from plansite.serve import errors, polling
from plansite.theme import csp, environments, heading_permalinks, markup_fixes, skip_link

log = logging.getLogger("mkdocs.hooks.plansite")

_builds = Builds()


def on_startup(command: str, dirty: bool) -> None:
    _builds.start_session(command)


@event_priority(1000)  # first: from here on the build writes into a staging folder
def _stage_output(config: MkDocsConfig) -> MkDocsConfig:
    _builds.stage_output(config)
    return config


@event_priority(100)  # before the search plugin's on_config makes theme environments
def _share_theme_environments(config: MkDocsConfig) -> MkDocsConfig:
    environments.share_theme_environments(config.theme)
    return config


@event_priority(-110)  # after i18n's on_config, which sets the current language
def _start_language_build(config: MkDocsConfig) -> MkDocsConfig:
    # Reads the data in the outer build; before MkDocs empties site_dir.
    _builds.start_language(config)
    return config


@event_priority(-120)  # after this language's build started: its texts are known
def _localize_heading_permalinks(config: MkDocsConfig) -> MkDocsConfig:
    strings = _builds.current(config).page_context.strings
    heading_permalinks.use_heading_permalinks(config, strings["heading_permalink_title"])
    return config


on_config = CombinedEvent(
    _stage_output,
    _share_theme_environments,
    _start_language_build,
    _localize_heading_permalinks,
)


def on_pre_build(config: MkDocsConfig) -> None:
    if is_outer_build(config):  # the nested language builds use the same downloads
        _builds.prepare_downloads(config)


@event_priority(0)  # before i18n (-100) sorts the files by language
def _add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    return _builds.current(config).add_generated_pages(files)


@event_priority(-110)  # after i18n (-100) rebuilt the File objects
def _restore_generated_contents(files: Files, config: MkDocsConfig) -> Files:
    return _builds.current(config).restore_generated_contents(files)


@event_priority(-110)  # after i18n (-100) rebuilt the file list of this language
def _add_output_files(files: Files, config: MkDocsConfig) -> Files:
    return _builds.current(config).add_output_files(files)


on_files = CombinedEvent(_add_generated_pages, _restore_generated_contents, _add_output_files)


@event_priority(100)  # before any plugin reads page.meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    meta = _builds.current(config).page_meta(page)
    if meta is not None:
        page.meta = meta  # a generated page has no front matter: its metadata comes from the model
    return markdown


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    skip_link.point_skip_link_at_main_content(page)
    context["csp_placeholder"] = csp.PLACEHOLDER
    return _builds.current(config).context_of_page(context, page)


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    context["csp_placeholder"] = csp.PLACEHOLDER
    return _builds.current(config).context_of_template(context)


@event_priority(-200)  # last, so that the policy hashes the scripts of the final HTML
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = markup_fixes.remove_toggle_autocomplete(output, page.file.src_uri)
    return csp.apply_policy(output, page.file.src_uri)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    output_content = markup_fixes.remove_toggle_autocomplete(output_content, template_name)
    return csp.apply_policy(output_content, template_name)


@event_priority(0)  # before i18n (-100) runs the other languages' builds
def _keep_root_404(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        _builds.current_site().remember_404(Path(config.site_dir))


@event_priority(0)
def _publish_downloads(config: MkDocsConfig) -> None:
    _builds.current(config).publish_downloads()


@event_priority(-110)  # after i18n built the other languages into the same site_dir
def _restore_root_404(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        _builds.current_site().restore_404(Path(config.site_dir))


@event_priority(-110)  # after i18n (-100) wrote the merged search index of every language
def _split_search_index(config: MkDocsConfig) -> None:
    if is_outer_build(config):
        sizes = _builds.current_site().split_search_index(Path(config.site_dir))
        log.info(
            "Search index per language: %s",
            ", ".join(f"{language} {size / 1024:.0f} KiB" for language, size in sizes.items()),
        )


@event_priority(-1000)  # the staging folder replaces site_dir only if the build passed
def _publish_output(config: MkDocsConfig) -> None:
    _builds.publish_output(config)


@event_priority(-1100)  # after the site is in place: the edited pages are served while PDFs render
def _render_preview_pdfs(config: MkDocsConfig) -> None:
    if _builds.preview_pdfs is not None and is_outer_build(config):
        _builds.preview_pdfs.start()


on_post_build = CombinedEvent(
    _keep_root_404,
    _publish_downloads,
    _restore_root_404,
    _split_search_index,
    _publish_output,
    _render_preview_pdfs,
)


def on_build_error(error: Exception) -> None:
    _builds.discard_output()  # the last good site stays in site_dir


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    polling.poll_sooner(server.observer)  # a saved data file is noticed within 0.1 s
    # A PDF rendered after a build lands in the cache: build again to link it.
    if _builds.preview_pdfs is not None:
        cache_dir = _builds.current_site().settings.pdf_cache_dir
        cache_dir.mkdir(parents=True, exist_ok=True)
        server.watch(str(cache_dir))
    # A failed rebuild leaves the last good site served.
    return errors.keep_serving_on_failures(server)


def on_shutdown() -> None:
    if _builds.preview_pdfs is not None:
        _builds.preview_pdfs.close()
