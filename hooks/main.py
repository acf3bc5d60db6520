"""MkDocs hook: turn data/initiatives.yaml into the bilingual plan site.

Events, in the order MkDocs calls them (once per language under mkdocs-static-i18n):

- `on_config`: make the theme's Jinja environments cheaper (plansite/theme_env.py);
  load and validate the data and the site's texts, leave out
  items scheduled for later (`publish_at`, plansite/publishing.py), generate this
  language's pages, and refuse hand-written pages at generated paths or without
  a twin; stop the build with every located problem when something is wrong
  (no traceback, and before MkDocs empties `site_dir`, so no partial site).
  The data is read in the default language's build; the nested language builds
  of the same `mkdocs build` use that same plan.
- `on_files` (before i18n): add this language's pages as virtual localized files.
- `on_files` (after i18n): restore the generated content on i18n's rebuilt files;
  add this language's feed, exports and press kit (plansite/press_room.py).
- `on_page_markdown`: give each generated page its metadata (title, template,
  fact box) from the model, instead of front matter MkDocs would parse.
- `on_page_context` / `on_template_context`: give templates the texts of the current
  language, and each page its sharing metadata, citation and search base, the
  footer (plansite/site_footer.py) and Material's skip link target (plansite/skip_link.py).
- `on_pre_build` (default language's build only): render or reuse both plan
  PDFs, check them, and read the attached documents (plansite/pdf/publish.py).
  Under `mkdocs serve` a changed PDF is rendered after the build instead
  (plansite/pdf/preview.py), so the edited pages are not kept waiting for it.
- `on_post_page` / `on_post_template` (last): drop the `autocomplete` that Material
  puts on its toggle checkboxes (plansite/material_markup.py) and fill in the
  page's Content-Security-Policy with the hashes of its inline scripts (plansite/csp.py).
- `on_post_build`: keep the root 404 page of the default language; copy this
  language's downloads into its tree; at the very end, split the search index
  per language, then (serve) start rendering the PDFs that changed.

The state of one build lives in `_build`, replaced at every `on_config`, so a
data change is always picked up by `mkdocs serve`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files

from plansite.theme import csp
from plansite.theme import markup_fixes as material_markup
from plansite.site import page_checks as preflight
from plansite.serve import errors as serving
from plansite.theme import not_found_page as site_404
from plansite.site import virtual_files
from plansite.theme.skip_link import point_skip_link_at_main_content
from plansite.site.footer import build_site_footer
from plansite.data.model import PlanData
from plansite.site.pages import GeneratedPage, generate_pages
from plansite.pdf import downloads
from plansite.serve.pdf_preview import PreviewPdfs
from plansite.data.problems import DataError
from plansite.site import press_room
from plansite.data import schedule as publishing
from plansite.serve import polling as serve_watch
from plansite.theme import environments as theme_env
from plansite.i18n.strings import LANGUAGES, Strings, load_strings
from plansite.data.validation import load_plan

log = logging.getLogger("mkdocs.hooks.plansite")

# Tests and benchmarks point PLAN_DATA_FILE at other data files (and PLAN_PDF_CACHE_DIR at
# their own PDF cache, so that they do not evict the real plan's PDFs from .cache/pdf/).
DATA_FILE = os.environ.get("PLAN_DATA_FILE", "data/initiatives.yaml")
# Benchmarks only (bench/handwritten.py): PLAN_GENERATE_PAGES=0 when the pages are already in docs/ as files.
GENERATE_PAGES = os.environ.get("PLAN_GENERATE_PAGES") != "0"


@dataclass
class _Build:
    plan: PlanData
    strings: dict[str, Strings]
    language: str
    pages: list[GeneratedPage] = field(default_factory=list)
    contents: dict[str, GeneratedPage] = field(default_factory=dict)
    press_room: press_room.PressRoom | None = None
    now: datetime | None = None


_build: _Build | None = None

# The files offered for download: made once per `mkdocs build` in the default
# language's build, used by every language's nested build after it.
_downloads: downloads.Downloads | None = None

# `mkdocs serve` only: plan PDFs rendered after the pages, off the editor's wait (plansite/pdf/preview.py).
_preview_pdfs: PreviewPdfs | None = None


def _current_language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language or config.theme["language"]


@event_priority(100)  # before the search plugin's on_config makes theme environments
def _share_theme_environments(config: MkDocsConfig) -> MkDocsConfig:
    theme_env.share_theme_environments(config.theme)
    return config


@event_priority(-110)  # after i18n's on_config, which sets the current language
def _load_plan_and_pages(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    data_file = Path(config.config_file_path).parent / DATA_FILE
    try:
        if config.plugins["i18n"].building and _build is not None and _build.now is not None:
            # A nested language build of the same `mkdocs build`: show the data as read and
            # checked moments ago by the default language's build (one version, parsed once).
            now, plan, strings = _build.now, _build.plan, _build.strings
        else:
            now = publishing.publication_time()
            plan = publishing.published_as_of(load_plan(os.path.relpath(data_file)), now)
            strings = load_strings()
    except DataError as error:
        raise serving.PlanDataError(error.report()) from None
    language = _current_language(config)
    pages = generate_pages(plan, language, strings[language]) if GENERATE_PAGES else []
    problems = preflight.find_page_problems(config, pages)  # before MkDocs empties site_dir
    if problems:
        raise serving.PlanDataError(DataError(problems).report())
    _build = _Build(plan, strings, language, pages, now=now)
    _build.press_room = press_room.PressRoom(plan, language, strings[language], config, now, data_file)
    return config


on_config = CombinedEvent(_share_theme_environments, _load_plan_and_pages)


@event_priority(0)  # before i18n (-100) sorts files by language
def _add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    _build.contents = virtual_files.add_generated_pages(files, _build.pages, _build.language, LANGUAGES, config)
    return files


@event_priority(-110)  # after i18n (-100) rebuilt the File objects
def _restore_generated_contents(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    virtual_files.restore_contents(files, _build.contents)
    return files


@event_priority(-110)  # after i18n (-100) rebuilt the file list of this language
def _add_press_room_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None and _build.press_room is not None
    plan_pdf = _downloads.plan_pdfs.get(_build.language) if _downloads is not None else None
    _build.press_room.add_files(files, (Path(plan_pdf.site_path).name, plan_pdf.source.read_bytes()) if plan_pdf else None)
    return files


on_files = CombinedEvent(_add_generated_pages, _restore_generated_contents, _add_press_room_files)


def on_startup(command: str, dirty: bool) -> None:
    global _preview_pdfs
    _preview_pdfs = PreviewPdfs() if command == "serve" else None


def _pdf_cache_dir(config: MkDocsConfig) -> Path:
    return Path(os.environ.get("PLAN_PDF_CACHE_DIR", Path(config.config_file_path).parent / ".cache" / "pdf"))


def on_pre_build(config: MkDocsConfig) -> None:
    global _downloads
    assert _build is not None
    if config.plugins["i18n"].building:
        return  # a nested language build: the default language's build made the files
    project_dir = Path(config.config_file_path).parent
    try:
        _downloads = downloads.prepare_downloads(
            _build.plan, _build.strings, (project_dir / DATA_FILE).parent, _pdf_cache_dir(config), config.site_url or "",
            render_plan=os.environ.get("PLAN_SKIP_PDF") != "1",  # quick local builds only; `make build` and the deploy never set it
            defer=_preview_pdfs.offer if _preview_pdfs is not None else None,
        )
    except downloads.PdfFailed as error:
        raise PluginError(str(error)) from None


@event_priority(100)  # before any plugin reads page.meta
def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    meta = virtual_files.page_meta(page, _build.contents)
    if meta is not None:
        page.meta = meta  # a generated page has no front matter to parse: its metadata comes from the model
    return markdown


def on_page_context(context, page, config, nav):
    assert _build is not None
    context["ui"] = _build.strings[_build.language]
    context.update(_page_chrome_context(config))
    point_skip_link_at_main_content(page)
    context = _build.press_room.page_context(context, page)
    context["downloads"] = downloads.page_downloads(_downloads, _build.language, config.plugins["i18n"].default_language, page.url, _build.strings[_build.language])
    return context


def on_template_context(context, template_name, config):
    assert _build is not None and _build.press_room is not None
    context["ui"] = _build.strings[_build.language]
    context = _build.press_room.template_context(context)
    context.update(_page_chrome_context(config))
    return context


def _page_chrome_context(config: MkDocsConfig) -> dict[str, object]:
    """What overrides/main.html needs on every page: the footer and the CSP placeholder."""
    assert _build is not None
    return {"site_footer": build_site_footer(_build.plan, _build.language, config), "csp_placeholder": csp.PLACEHOLDER}


@event_priority(-200)  # last, so that the policy hashes the scripts of the final HTML
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    output = material_markup.remove_toggle_autocomplete(output, page.file.src_uri)
    return csp.apply_policy(output, page.file.src_uri)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    output_content = material_markup.remove_toggle_autocomplete(output_content, template_name)
    return csp.apply_policy(output_content, template_name)


@event_priority(0)
def _remember_404(config: MkDocsConfig) -> None:
    site_404.remember_default_language_404(config)


@event_priority(-110)  # after i18n built the other languages into the same site_dir
def _restore_404(config: MkDocsConfig) -> None:
    site_404.restore_default_language_404(config)


@event_priority(0)
def _publish_downloads(config: MkDocsConfig) -> None:
    assert _build is not None
    if _downloads is not None:
        downloads.publish_downloads(_downloads, _build.language, config.plugins["i18n"].default_language, Path(config.site_dir))


@event_priority(-110)  # after i18n (-100) wrote the merged search index of every language
def _split_search_index(config: MkDocsConfig) -> None:
    if not config.plugins["i18n"].building:
        sizes = press_room.split_search_index(config)
        log.info("Search index per language: %s", ", ".join(f"{language} {size / 1024:.0f} KiB" for language, size in sizes.items()))


@event_priority(-120)  # after everything else: the pages are written when PDFs start rendering
def _render_preview_pdfs(config: MkDocsConfig) -> None:
    if _preview_pdfs is not None and not config.plugins["i18n"].building:
        _preview_pdfs.start()


on_post_build = CombinedEvent(_remember_404, _restore_404, _publish_downloads, _split_search_index, _render_preview_pdfs)


def on_serve(server, config: MkDocsConfig, builder):
    serve_watch.poll_sooner(server.observer)  # a saved data file is noticed within 0.1 s
    if _preview_pdfs is not None:  # a PDF rendered after a build lands in the cache: build again to link it
        cache_dir = _pdf_cache_dir(config)
        cache_dir.mkdir(parents=True, exist_ok=True)
        server.watch(str(cache_dir))
    # A data mistake leaves `mkdocs serve` serving the last good site (see plansite/serving.py).
    return serving.keep_serving_on_data_errors(server)


def on_shutdown() -> None:
    if _preview_pdfs is not None:
        _preview_pdfs.close()
