"""The generated site written out as hand-written pages, to measure what generating them costs.

`write_handwritten_project` turns a copy of the project into one whose pages are
plain files: every page the hook would generate is written into its `docs/` as
`<path>.da.md` / `<path>.en.md` (the same Markdown and front matter, so the same
templates render the same pages), and its `mkdocs.yml` keeps the detail pages
out of the navigation with `not_in_nav` (what the hook does for them). Built with
`PLAN_GENERATE_PAGES=0`, the hook generates no page; everything else (reading
the data for the feeds, exports, footer and metadata; the search split) is the
same in both builds, so the difference is generating the pages and handing them
to MkDocs, against MkDocs reading the files and parsing their front matter.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from builds import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "hooks"))
from plansite.data import schedule as publishing  # noqa: E402
from plansite.site.pages import generate_pages  # noqa: E402
from plansite.i18n.strings import LANGUAGES, load_strings  # noqa: E402
from plansite.data.validation import load_plan  # noqa: E402
from plansite.site.virtual_files import localized_src_uri  # noqa: E402


def write_handwritten_project(project_dir: Path, data_file: Path) -> int:
    """Write the pages generated from `data_file` into `project_dir` (a project copy); return how many files."""
    plan = publishing.published_as_of(load_plan(data_file), publishing.publication_time())
    strings = load_strings()
    docs_dir = project_dir / "docs"
    written = 0
    outside_nav: set[str] = set()
    for language in LANGUAGES:
        for page in generate_pages(plan, language, strings[language]):
            target = docs_dir / localized_src_uri(page.src_uri, language)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
            written += 1
            if not page.in_nav:
                outside_nav.add(posixpath.dirname(page.src_uri))
    # Every page of these folders except their overview (in the nav) is a detail page.
    patterns = [line for folder in sorted(outside_nav) if folder for line in (f"/{folder}/*", f"!/{folder}/index.*.md")]
    config = project_dir / "mkdocs.yml"
    with config.open("a", encoding="utf-8") as stream:
        stream.write("\n# bench/handwritten.py: detail pages stay out of the navigation, as the hook keeps them.\nnot_in_nav: |\n")
        stream.writelines(f"  {pattern}\n" for pattern in patterns)
    return written
