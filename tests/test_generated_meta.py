"""Generated pages carry their metadata as data, not as front matter MkDocs would parse (plansite/virtual_files.py)."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from plansite.site import virtual_files
from plansite.site.pages import GeneratedPage, generate_pages
from plansite.i18n.strings import load_strings
from plansite.data.validation import load_plan

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"


def _page(src_uri: str, generated_by: str | None) -> Page:
    file = File(src_uri, "docs", "site", True)
    file.generated_by = generated_by
    return Page(None, file, {})


def test_a_generated_body_has_no_front_matter_and_its_markdown_file_form_has_the_same_metadata():
    page = next(page for page in generate_pages(load_plan(MINIMAL), "en", load_strings()["en"]) if page.src_uri == "indsatser/indsats-et.md")
    assert not page.body.startswith("---")
    _, front_matter, body = page.markdown.split("---\n", 2)
    assert yaml.safe_load(front_matter) == page.meta
    assert body.lstrip("\n") == page.body
    assert page.meta["title"] == "Initiative one" and page.meta["template"] == "plan-page.html"


def test_only_generated_pages_get_their_metadata_and_each_gets_its_own_dict():
    generated = GeneratedPage("indsatser/x.md", False, "Body\n", {"title": "X", "facts": []})
    contents = {"indsatser/x.da.md": generated}
    meta = virtual_files.page_meta(_page("indsatser/x.da.md", virtual_files.GENERATED_BY), contents)
    assert meta == {"title": "X", "facts": []}
    meta["search"] = {"exclude": True}
    assert "search" not in generated.meta
    assert virtual_files.page_meta(_page("indsatser/x.da.md", None), contents) is None  # a hand-written file of that name
    assert virtual_files.page_meta(_page("om.da.md", virtual_files.GENERATED_BY), contents) is None
