"""Generated pages carry their metadata as data, not as front matter MkDocs would parse (plansite/site/virtual_files.py)."""

from __future__ import annotations

import importlib
import sys

import yaml
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from plansite.site import virtual_files
from plansite.site.pages import GeneratedPage, generate_pages
from plansite.i18n.strings import load_strings
from plansite.i18n.view import LocalizedPlan
from plansite.data.validation import load_plan
from support.paths import MINIMAL, PROJECT_DIR

BENCH_DIR = PROJECT_DIR / "bench"


def _page(src_uri: str, generated_by: str | None) -> Page:
    file = File(src_uri, "docs", "site", True)
    file.generated_by = generated_by
    return Page(None, file, {})


def test_a_generated_body_has_no_front_matter_and_the_benchmarks_file_form_has_the_same_metadata():
    page = next(page for page in generate_pages(LocalizedPlan(load_plan(MINIMAL), "en", load_strings()["en"])) if page.src_uri == "indsatser/indsats-et.md")
    assert not page.body.startswith("---")
    assert get_data(page.body) == (page.body.lstrip("\n"), {})  # MkDocs finds no metadata in it
    _, front_matter, body = handwritten().page_as_markdown(page).split("---\n", 2)
    assert yaml.safe_load(front_matter) == page.meta
    assert body.lstrip("\n") == page.body.lstrip("\n")
    assert page.meta["title"] == "Initiative one" and page.meta["template"] == "plan-page.html"


def handwritten():
    """`bench/handwritten.py`, which writes generated pages as hand-written files for the benchmark."""
    sys.path.insert(0, str(BENCH_DIR))
    try:
        return importlib.import_module("handwritten")
    finally:
        sys.path.remove(str(BENCH_DIR))


def test_only_generated_pages_get_their_metadata_and_each_gets_its_own_dict():
    generated = GeneratedPage("indsatser/x.md", False, "Body\n", {"title": "X", "facts": []})
    contents = {"indsatser/x.da.md": generated}
    meta = virtual_files.page_meta(_page("indsatser/x.da.md", virtual_files.GENERATED_BY), contents)
    assert meta == {"title": "X", "facts": []}
    meta["search"] = {"exclude": True}
    assert "search" not in generated.meta
    assert virtual_files.page_meta(_page("indsatser/x.da.md", None), contents) is None  # a hand-written file of that name
    assert virtual_files.page_meta(_page("om.da.md", virtual_files.GENERATED_BY), contents) is None
