"""MkDocs hook: turn data/initiatives.yaml into the bilingual plan site.

Events, in the order MkDocs calls them (once per language under mkdocs-static-i18n):

- `on_config`: load and validate the data and the site's texts; stop the build
  with every located problem when something is wrong (no traceback, no output).
- `on_files` (before i18n): generate this language's pages and add them as
  virtual localized files; refuse hand-written pages at generated paths.
- `on_files` (after i18n): restore the generated content on i18n's rebuilt files.
- `on_page_context` / `on_template_context`: give templates the texts of the current language.
- `on_post_build`: keep the root 404 page of the default language.

The state of one build lives in `_build`, replaced at every `on_config`, so a
data change is always picked up by `mkdocs serve`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files

from plansite import site_404, translations, virtual_files
from plansite.model import PlanData
from plansite.pages import generate_pages
from plansite.problems import DataError
from plansite.strings import LANGUAGES, Strings, load_strings
from plansite.validation import load_plan

log = logging.getLogger("mkdocs.hooks.plansite")

# Tests and benchmarks point PLAN_DATA_FILE at other data files.
DATA_FILE = os.environ.get("PLAN_DATA_FILE", "data/initiatives.yaml")


@dataclass
class _Build:
    plan: PlanData
    strings: dict[str, Strings]
    language: str
    contents: dict[str, str] = field(default_factory=dict)


_build: _Build | None = None


def _current_language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language or config.theme["language"]


@event_priority(-110)  # after i18n's on_config, which sets the current language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    data_file = Path(config.config_file_path).parent / DATA_FILE
    try:
        plan = load_plan(os.path.relpath(data_file))
        strings = load_strings()
    except DataError as error:
        raise PluginError(error.report()) from None
    _build = _Build(plan, strings, _current_language(config))
    return config


@event_priority(0)  # before i18n (-100) sorts files by language
def _add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    docs_dir = os.path.relpath(config.docs_dir)
    pages = generate_pages(_build.plan, _build.language, _build.strings[_build.language])
    problems = translations.find_untranslated_pages(files, LANGUAGES, docs_dir) + virtual_files.find_collisions(files, pages, LANGUAGES, docs_dir)
    if problems:
        raise PluginError(DataError(problems).report())
    _build.contents = virtual_files.add_generated_pages(files, pages, _build.language, LANGUAGES, config)
    return files


@event_priority(-110)  # after i18n (-100) rebuilt the File objects
def _restore_generated_contents(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    virtual_files.restore_contents(files, _build.contents)
    return files


on_files = CombinedEvent(_add_generated_pages, _restore_generated_contents)


def on_page_context(context, page, config, nav):
    assert _build is not None
    context["ui"] = _build.strings[_build.language]
    return context


def on_template_context(context, template_name, config):
    assert _build is not None
    context["ui"] = _build.strings[_build.language]
    return context


@event_priority(0)
def _remember_404(config: MkDocsConfig) -> None:
    site_404.remember_default_language_404(config)


@event_priority(-110)  # after i18n built the other languages into the same site_dir
def _restore_404(config: MkDocsConfig) -> None:
    site_404.restore_default_language_404(config)


on_post_build = CombinedEvent(_remember_404, _restore_404)
