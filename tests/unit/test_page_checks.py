"""Hand-written pages must exist in every language."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from plansite.site.page_checks import find_untranslated_pages


def files_named(*src_uris: str) -> Files:
    return Files([File(src_uri, "/docs", "/site", True) for src_uri in src_uris])


def test_a_page_in_both_languages_is_accepted():
    assert find_untranslated_pages(files_named("om.da.md", "om.en.md", "assets/x.css"), ("da", "en"), "docs") == []


def test_a_page_without_its_english_twin_is_refused():
    (problem,) = find_untranslated_pages(files_named("privatliv.da.md"), ("da", "en"), "docs")
    assert str(problem) == "docs/privatliv.da.md:1:1: this page has no version in en — add privatliv.en.md (every page must exist in every language)"


def test_a_page_without_language_suffix_is_refused():
    (problem,) = find_untranslated_pages(files_named("sub/side.md"), ("da", "en"), "docs")
    assert str(problem).startswith("docs/sub/side.md:1:1: this page has no version in da, en")
