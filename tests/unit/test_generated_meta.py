"""Generated pages carry their metadata as data, not as front matter MkDocs would parse (plansite/site/virtual_files.py)."""

from __future__ import annotations

import importlib
import shutil
import sys

import yaml
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from plansite.site import virtual_files
from plansite.site.pages import GeneratedPage, generate_pages
from support.minimal_plan import localized_series
from support.paths import MINIMAL_DIR, PROJECT_DIR

BENCH_DIR = PROJECT_DIR / "bench"


def _page(src_uri: str, generated_by: str | None) -> Page:
    file = File(src_uri, "docs", "site", True)
    file.generated_by = generated_by
    return Page(None, file, {})


def test_a_generated_body_has_no_front_matter_and_the_benchmarks_file_form_has_the_same_metadata():
    page = next(page for page in generate_pages(localized_series()["en"]) if page.src_uri == "2019-2021/indsatser/indsats-et.md")
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


def test_the_benchmarks_hand_written_project_has_every_generated_page_as_a_file_in_each_language(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy2(PROJECT_DIR / "mkdocs.yml", project / "mkdocs.yml")
    written = handwritten().write_handwritten_project(project, MINIMAL_DIR)
    generated = {language: generate_pages(localized) for language, localized in localized_series().items()}
    files = sorted(path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*.md"))
    assert written == len(files) == sum(len(pages) for pages in generated.values())
    assert files == sorted(virtual_files.localized_src_uri(page.src_uri, language) for language, pages in generated.items() for page in pages)
    assert "2019-2021/indsatser/indsats-et.en.md" in files and "index.da.md" in files
    page = next(page for page in generated["en"] if page.src_uri == "2019-2021/indsatser/indsats-et.md")
    assert (project / "docs" / "2019-2021" / "indsatser" / "indsats-et.en.md").read_text(encoding="utf-8") == handwritten().page_as_markdown(page)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:\n  - bench_hooks/without_generated_pages.py\n  - hooks/main.py\n" in config
    assert (project / "bench_hooks" / "without_generated_pages.py").is_file()
    not_in_nav = config.split("not_in_nav: |\n", 1)[1].splitlines()
    assert not_in_nav == [
        "  /2019-2021/indsatser/*", "  !/2019-2021/indsatser/index.*.md",
        "  /2019-2021/indsatsomraader/*", "  !/2019-2021/indsatsomraader/index.*.md",
        "  /2019-2021/presse/*", "  !/2019-2021/presse/index.*.md",
        "  /aktoerer/*", "  !/aktoerer/index.*.md",
    ]


def test_only_generated_pages_get_their_metadata_and_each_gets_its_own_dict():
    generated = GeneratedPage("indsatser/x.md", False, "Body\n", {"title": "X", "facts": []})
    contents = {"indsatser/x.da.md": generated}
    meta = virtual_files.page_meta(_page("indsatser/x.da.md", virtual_files.GENERATED_BY), contents)
    assert meta == {"title": "X", "facts": []}
    meta["search"] = {"exclude": True}
    assert "search" not in generated.meta
    assert virtual_files.page_meta(_page("indsatser/x.da.md", None), contents) is None  # a hand-written file of that name
    assert virtual_files.page_meta(_page("om.da.md", virtual_files.GENERATED_BY), contents) is None
