"""The generated site written out as hand-written pages, to measure what generating them costs.

`write_handwritten_project` turns a copy of the project into one whose pages are
plain files: every page the hook would generate from a data folder (a series:
`site.yaml`, `actors.yaml`, `plans/`) is written into its `docs/` as
`<path>.da.md` / `<path>.en.md` (the same Markdown, with the page's metadata as
front matter, so the same templates render the same pages), and its `mkdocs.yml`
keeps the detail pages out of the navigation with `not_in_nav` (what the hook
does for them) and lists `bench/hooks/without_generated_pages.py` before the
plan hook, so the hook generates no page. Everything else (reading the data for
the feeds, exports, footer and metadata; the search split) is the same in both
builds, so the difference is generating the pages and handing them to MkDocs,
against MkDocs reading the files and parsing their front matter. The redirect
pages at the root plan's old addresses are generated in both builds.
"""

from __future__ import annotations

import posixpath
import shutil
import sys
from pathlib import Path

import yaml
from builds import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "hooks"))
from plansite.data.schedule import series_published_as_of
from plansite.data.validation import load_series
from plansite.i18n.languages import LANGUAGES
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.settings import publication_time
from plansite.site.pages import GeneratedPage, generate_pages
from plansite.site.virtual_files import localized_src_uri

NO_PAGES_HOOK = Path(__file__).resolve().parent / "hooks" / "without_generated_pages.py"
PLAN_HOOK_ENTRY = "hooks:\n  - hooks/main.py\n"
# The C emitter writes the same YAML as the pure-Python one, about 7x faster.
_FRONT_MATTER_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_as_markdown(page: GeneratedPage) -> str:
    """A generated page as a hand-written Markdown file: YAML front matter, then the body."""
    front_matter = yaml.dump(
        page.meta, Dumper=_FRONT_MATTER_DUMPER, allow_unicode=True, sort_keys=False, width=10_000
    )
    return f"---\n{front_matter}---\n\n{page.body}"


def write_handwritten_project(project_dir: Path, data_dir: Path) -> int:
    """Write the pages generated from the series in `data_dir` into `project_dir` (a project copy).

    Return how many files were written.
    """
    series = series_published_as_of(load_series(data_dir), publication_time())
    localized = localize(series, load_strings())
    docs_dir = project_dir / "docs"
    written = 0
    outside_nav: set[str] = set()
    for language in LANGUAGES:
        for page in generate_pages(localized[language]):
            target = docs_dir / localized_src_uri(page.src_uri, language)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_as_markdown(page), encoding="utf-8")
            written += 1
            if not page.in_nav:
                outside_nav.add(posixpath.dirname(page.src_uri))
    hook = project_dir / "bench_hooks" / NO_PAGES_HOOK.name
    hook.parent.mkdir(exist_ok=True)
    shutil.copy2(NO_PAGES_HOOK, hook)
    config = project_dir / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if PLAN_HOOK_ENTRY not in text:
        raise RuntimeError(f"{config}: expected the hooks entry {PLAN_HOOK_ENTRY!r}")
    text = text.replace(
        PLAN_HOOK_ENTRY, f"hooks:\n  - bench_hooks/{hook.name}\n  - hooks/main.py\n"
    )
    # Every page of these folders except their overview (in the nav) is a detail page.
    patterns = [
        line
        for folder in sorted(outside_nav)
        if folder
        for line in (f"/{folder}/*", f"!/{folder}/index.*.md")
    ]
    text += (
        "\n# bench/handwritten.py: detail pages stay out of the navigation, as the hook keeps them."
        "\nnot_in_nav: |\n"
    )
    text += "".join(f"  {pattern}\n" for pattern in patterns)
    config.write_text(text, encoding="utf-8")
    return written
