"""Hand-written pages must exist in every language, and none may take a generated page's address."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from support.minimal_plan import localized_series

from plansite.site.page_checks import find_collisions, find_untranslated_pages
from plansite.site.pages import generate_pages
from plansite.site.redirects import redirect_pages


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



def test_a_hand_written_page_at_a_generated_pages_address_is_refused_in_any_language():
    series = localized_series()["da"]
    generated = generate_pages(series) + redirect_pages(series, "https://site.test/")
    files = files_named("2019-2021/indsatser/indsats-et.da.md", "indsatser/indsats-et.en.md", "om-os.da.md", "om-os.en.md")
    problems = [str(problem).split(" — ")[0] for problem in find_collisions(files, generated, ("da", "en"), "docs")]
    assert problems == [
        "docs/2019-2021/indsatser/indsats-et.da.md:1:1: this hand-written page has the same address as the generated page '2019-2021/indsatser/indsats-et.md'",
        "docs/indsatser/indsats-et.en.md:1:1: this hand-written page has the same address as the generated page 'indsatser/indsats-et.md'",  # an old address, kept by a redirect
    ]


def test_the_collision_message_names_the_data_folder_the_pages_come_from():
    (problem,) = find_collisions(files_named("kontakt.da.md"), generate_pages(localized_series()["da"]), ("da", "en"), "docs")
    assert str(problem).startswith("docs/kontakt.da.md:1:1: this hand-written page has the same address as the generated page 'kontakt.md' — rename or remove the hand-written page; ")
    assert "initiatives.yaml" not in str(problem)  # there is no such file any more
    assert "data/" in str(problem).split(" — ", 1)[1]


def test_two_generated_pages_at_one_address_are_refused():
    from plansite.site.page_checks import find_shared_addresses
    from plansite.site.pages import GeneratedPage

    pages = [GeneratedPage("aktoerer/index.md", True, "", {}), GeneratedPage("aktoerer.md", True, "", {}), GeneratedPage("kontakt.md", True, "", {})]
    (problem,) = find_shared_addresses(pages)
    assert str(problem).startswith("data/plans:1:1: the pages 'aktoerer/index.md' and 'aktoerer.md' would both be at /aktoerer/")
