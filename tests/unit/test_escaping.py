"""Every escape function, fed what it exists to neutralise: each test fails if its escaping is removed.

Today's data cannot contain most of these values (validation refuses HTML,
character references, line separators…), so without these tests the escaping
could be deleted and nothing would notice.
"""

from __future__ import annotations

import json
import re

import lxml.html
import markdown
import pytest
import tinycss2
import tinyhtml5
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from plansite.data.safe_text import SITE_MARKDOWN_CONFIGS, SITE_MARKDOWN_EXTENSIONS, escape_block, escape_inline, escape_url, find_unsafe_markup, render_block
from plansite.pdf.render import page_counter_content
from plansite.site.page_metadata import _json_for_script

XHTML = "{http://www.w3.org/1999/xhtml}"

# Values that would end the data block, start a comment that changes where it ends, or break JavaScript.
SCRIPT_BREAKERS = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!--<script>",
    "<!-- kommentar -->",
    "--><script>alert(1)</script>",
    "<![CDATA[x]]>",
    "Børn & unge &amp; &lt;",
    "linje\u2028skift\u2029afsnit",
    "\"citat\" og \\ og '",
]


@pytest.mark.parametrize("value", SCRIPT_BREAKERS)
def test_json_ld_cannot_end_its_script_element_and_reads_back_as_the_value(value):
    data = {"@type": "WebPage", "name": value, "list": [value]}
    text = _json_for_script(data)
    assert not {"<", ">", "&", "\u2028", "\u2029"} & set(text)
    assert json.loads(text) == data
    document = tinyhtml5.parse(f'<!DOCTYPE html><html><head><script type="application/ld+json">{text}</script><title>t</title></head><body><p>after</p></body></html>')
    (script,) = document.iter(f"{XHTML}script")
    assert script.text == text
    assert [element.text for element in document.iter(f"{XHTML}p")] == ["after"]


def site_html(source: str) -> str:
    return markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS), extension_configs=SITE_MARKDOWN_CONFIGS).convert(source)


def shown(source: str) -> tuple[list[str], str]:
    """The elements and the text a reader gets from a Markdown source, as the site renders it."""
    tree = lxml.html.fragment_fromstring(site_html(source), create_parent="div")
    return [element.tag for element in tree.iter()], tree.text_content()


# Where a short text is placed in the site's Markdown ({} is the escaped text).
INLINE_PLACES = [
    "{}",
    "Tekst før\n{}",
    "## {}",
    "### {} {{ #anker }}",
    "- {}",
    "- [{}](https://ok.example/)",
    "1. {} (note)",
    "*{}*",
    "{}\n|---|---|",  # whatever line follows: the text cannot be a table's first row
]
INLINE_TEXTS = [
    "<b>fed</b> <!-- x -->",
    "&lt;b&gt; &amp; &#106;",
    "> citat",
    "# overskrift",
    "tekst ##",
    "24. januar 2019",
    "- punkt",
    "+ punkt",
    "* punkt",
    "*kursiv* _kursiv_ **fed** __fed__",
    "`kode` ``kode``",
    "[link](https://evil.example/) ![billede](https://evil.example/x.png)",
    "[r]: https://evil.example/",
    "[TOC]",
    "{: onclick=alert(1) }",
    "tekst {: #id .klasse }",
    "C:\\sti\\*ikke kursiv\\*",
    "\\# \\[x\\](https://a.example/)",
    "---",
    "===",
    "~~~",
    "```",
    "| a | b |",
    "linje et\n\n# linje to\n    kode",
]


@pytest.mark.parametrize("text", INLINE_TEXTS)
@pytest.mark.parametrize("place", INLINE_PLACES)
def test_a_short_text_is_shown_as_written_wherever_it_is_placed(place, text):
    tags, shown_text = shown(place.format(escape_inline(text)))
    expected_tags, placeholder_text = shown(place.format("PLADSHOLDER"))
    assert tags == expected_tags
    assert shown_text == placeholder_text.replace("PLADSHOLDER", " ".join(text.split()))


@pytest.mark.parametrize("text", INLINE_TEXTS)
def test_an_escaped_short_text_has_no_html_characters_left(text):
    escaped = escape_inline(text)
    assert "<" not in escaped and ">" not in escaped
    assert escaped.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&#126;", "").replace("&#61;", "").replace("&#58;", "").count("&") == 0


def test_a_short_text_cannot_close_a_fence_that_another_text_opened():
    page = f"{escape_inline('~~~')}\n\n## Overskrift\n\n{escape_inline('~~~')}\n\n{escape_inline('``` x')}\n\n## Mere\n\n{escape_inline('```')}"
    tags, _ = shown(page)
    assert "pre" not in tags and tags.count("h2") == 2


@pytest.mark.parametrize(
    ("text", "html_text"),
    [
        ("<b>fed</b>", "<p>&lt;b&gt;fed&lt;/b&gt;</p>"),
        ("<!-- skjult -->", "<p>&lt;!-- skjult --&gt;</p>"),
        ("Tekst\n{: onclick=alert(1) }", "<p>Tekst\n{: onclick=alert(1) }</p>"),
        ("> citat", "<p>&gt; citat</p>"),
    ],
)
def test_a_long_text_shows_html_quotes_and_attribute_lists_as_text(text, html_text):
    assert render_block(text) == html_text


def test_escape_block_keeps_the_subset():
    assert render_block("**fed** og *kursiv*\n\n- [link](https://ok.example/)") == (
        '<p><strong>fed</strong> og <em>kursiv</em></p>\n<ul>\n<li><a href="https://ok.example/">link</a></li>\n</ul>'
    )
    assert escape_block("Tekst") == "Tekst"


URL_CHARACTERS = [" ", "(", ")", "[", "]", "<", ">", "{", "}", '"', "'", "`", "\\", "|", "^", "\n"]


@pytest.mark.parametrize("character", URL_CHARACTERS, ids=repr)
@pytest.mark.parametrize("place", ["[link]({})", "<{}>", "- [link]({}) og mere"])
def test_a_url_stays_one_link_whatever_it_contains(place, character):
    url = f"https://ok.example/a{character}b){{: onclick=alert(1) }}"
    tree = lxml.html.fragment_fromstring(site_html(place.format(escape_url(url))), create_parent="div")
    (link,) = tree.iter("a")
    assert set(link.attrib) == {"href"}
    assert link.get("href") == escape_url(url)
    assert "onclick" not in tree.text_content().replace(link.text_content(), "")


@pytest.mark.parametrize("label", ['Side {page} af {pages}', 'Page "{page}" of {pages}', "Side \\ {page}", "Side\n{page}", '\\"; } body { color: red'])
def test_the_page_counter_label_becomes_one_css_string_per_piece(label):
    tokens = [token for token in tinycss2.parse_component_value_list(page_counter_content(label)) if token.type != "whitespace"]
    pieces = [token.value if token.type == "string" else "{" + token.arguments[0].value + "}" for token in tokens]
    assert "".join(pieces) == label.replace("\n", " ")
    assert all(token.type == "string" or (token.type == "function" and token.name == "counter") for token in tokens)


# Adversarial texts: Markdown's and HTML's special characters, and the pieces of its constructs.
MARKDOWN_PIECES = st.sampled_from([
    "]:", *"#*_-+=~`|[]{}()<>!&\\:.^ \n", "\n\n", "\n    ", "\n  - ", "1", "24. ", "1) ", "[TOC]", "```", "~~~", "---", "===",
    "&amp;", "&#106;", "<b>", "</script>", "{: #x }", "[r]: ", "[^1]: ", "https://a.example/", "javascript:", "Note: ", "\u00a0", "æ",
])
# The model strips every text (`Text`), as Python does: Unicode spaces too.
ADVERSARIAL_TEXTS = st.lists(MARKDOWN_PIECES, min_size=1, max_size=25).map(lambda pieces: "".join(pieces).strip()).filter(bool)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(text=ADVERSARIAL_TEXTS)
def test_any_short_text_is_shown_as_written_in_every_place(text):
    expected = re.sub(r"[ \t]*(?:\n[ \t]*)+", " ", text).strip(" \t")  # a line break is a space in HTML
    for place in INLINE_PLACES:
        tags, shown_text = shown(place.format(escape_inline(text)))
        expected_tags, placeholder_text = shown(place.format("PLADSHOLDER"))
        assert tags == expected_tags, place
        assert shown_text == placeholder_text.replace("PLADSHOLDER", expected), place


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(first=ADVERSARIAL_TEXTS, second=ADVERSARIAL_TEXTS)
def test_two_long_texts_on_one_page_render_as_each_alone(first, second):
    # The site renders the texts of a page as one document: whatever validation accepts must not reach the other text.
    assume(not find_unsafe_markup(first) and not find_unsafe_markup(second))
    page = site_html(f"{escape_block(first)}\n\n## Overskrift\n\n{escape_block(second)}")
    alone = [site_html(escape_block(first)), site_html("## Overskrift"), site_html(escape_block(second))]
    assert page == "\n".join(part for part in alone if part)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(text=ADVERSARIAL_TEXTS)
def test_a_long_text_validation_accepts_renders_only_the_subset(text):
    assume(not find_unsafe_markup(text))
    tree = lxml.html.fragment_fromstring(render_block(text), create_parent="div")
    assert {element.tag for element in tree.iter()} <= {"div", "p", "strong", "em", "ul", "li", "a", "br", "code"}
    assert all(link.get("href", "").startswith("https://") and set(link.attrib) <= {"href", "title"} for link in tree.iter("a"))
