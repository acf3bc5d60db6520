"""Our corrections of Material 9.8.1: the skip link's target and the toggles' invalid attribute."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink, TableOfContents

from plansite.theme import markup_fixes
from plansite.theme.skip_link import point_skip_link_at_main_content


def anchor(title: str, id: str, level: int, *children: AnchorLink) -> AnchorLink:
    link = AnchorLink(title, id, level)
    link.children = list(children)
    return link


def test_the_first_toc_entry_becomes_the_article_and_keeps_the_headings_below_it():
    sources = anchor("Sources", "sources", 2)
    page = SimpleNamespace(title="Hotline", toc=TableOfContents([anchor("Description", "description", 2), sources]))
    point_skip_link_at_main_content(page)
    [main_content] = list(page.toc)
    assert (main_content.url, main_content.level) == ("#main-content", 1)
    assert [child.id for child in main_content.children] == ["description", "sources"]


def test_a_markdown_h1_is_replaced_and_its_sections_kept():
    page = SimpleNamespace(title="Privacy", toc=TableOfContents([anchor("Privacy", "privacy", 1, anchor("Hosting", "hosting", 2))]))
    point_skip_link_at_main_content(page)
    [main_content] = list(page.toc)
    assert main_content.url == "#main-content"
    assert [child.id for child in main_content.children] == ["hosting"]


def test_a_page_without_headings_gets_a_skip_link_target_too():
    page = SimpleNamespace(title="Home", toc=TableOfContents([]))
    point_skip_link_at_main_content(page)
    assert [entry.url for entry in page.toc] == ["#main-content"]


def test_the_toggles_lose_their_autocomplete_and_nothing_else_changes():
    html = (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
        '<input type="text" autocomplete="off"></body>'
    )
    assert markup_fixes.remove_toggle_autocomplete(html, "x.md") == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '<input type="text" autocomplete="off"></body>'
    )


def test_changed_toggle_markup_stops_the_build():
    with pytest.raises(PluginError, match=r"^x\.md: Material's toggle markup changed .* — update hooks/plansite/theme/markup_fixes\.py"):
        markup_fixes.remove_toggle_autocomplete('<input id="__drawer" type="checkbox">', "x.md")
