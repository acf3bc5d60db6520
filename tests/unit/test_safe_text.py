"""Safe text in validation: injection payloads are refused with a message at the text's line and column.

Payloads validation lets through are built into a site and searched for
markup in tests/site/test_safe_text_payload_site.py.
"""

from __future__ import annotations

import functools

import markdown
import pytest
from mkdocs.config import load_config

from plansite.data.safe_text import SITE_MARKDOWN_CONFIGS, SITE_MARKDOWN_EXTENSIONS, escape_block, escape_inline, escape_url, render_block
from plansite.pdf.render import markdown_to_html
from plansite.data.validation import load_series
from plansite.problems import DataError
from support.building import copy_series
from support.minimal_plan import check_plan_text, minimal_with, yaml_string
from support.paths import MINIMAL, MINIMAL_DIR, PROJECT_DIR

DESCRIPTION = 'description: {da: "Lang tekst om to.", en: "Long text on two."}'
TITLE = 'title: {da: "Indsats to", en: "Initiative two"}'
DEFINITION = "'[{label}]: …' defines a link target for the whole page (a reference-style link), which texts may not have"
FOOTNOTE = "'[{label}]: …' is a footnote, which texts may not have"
TABLE = "a table (lines with '|' between cells and a line of '---' under the first) is not allowed in texts"
FENCE = "lines of ``` or ~~~ around text make a code block, which texts may not have"
TOC = "'[TOC]' would show the page's table of contents in the text"

# (payload in a long text, what validation says about it)
REFUSED_IN_LONG_TEXT = [
    ("<script>alert(1)</script>", "HTML is not allowed in texts"),
    ("<img src=x onerror=alert(1)>", "HTML is not allowed in texts"),
    ("<svg onload=alert(1)>", "HTML is not allowed in texts"),
    ("Klik <a href='javascript:alert(1)'>her</a>", "HTML is not allowed in texts"),
    ("</p><p onclick=alert(1)>", "HTML is not allowed in texts"),
    ("< script>alert(1)", "HTML is not allowed in texts"),
    ("<!-- skjult -->", "HTML is not allowed in texts"),
    ("<javascript:alert(1)>", "HTML is not allowed in texts"),
    ("[x](javascript:alert(1))", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("[x](JAVASCRIPT:alert(1))", "the link target 'JAVASCRIPT:alert(1)' is not an https:// address"),
    ("[x](JaVaScRiPt:alert(1))", "the link target 'JaVaScRiPt:alert(1)' is not an https:// address"),
    ("[x]( javascript:alert(1) )", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("[x](\njavascript:alert(1))", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("[x](&#106;avascript:alert(1))", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("[x](&#x6A;avascript:alert(1))", "the HTML character reference '&#x6A;' is not allowed in texts"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "the link target 'data:text/html;base64,PHNjcmlwdD4=' is not an https:// address"),
    ("[x](vbscript:msgbox(1))", "the link target 'vbscript:msgbox(1)' is not an https:// address"),
    ("[x](//evil.example/)", "the link target '//evil.example/' is not an https:// address"),
    ("[x](http://evil.example/)", "the link target 'http://evil.example/' is not an https:// address"),
    ("[x](mailto:a@example.org)", "the link target 'mailto:a@example.org' is not an https:// address"),
    ("[x][1]\n\n[1]: javascript:alert(1)", DEFINITION.format(label="1")),
    ("[x]\n\n[x]: javascript:alert(1)", DEFINITION.format(label="x")),
    ("[x][1]\n\n[1]:\n    javascript:alert(1)", DEFINITION.format(label="1")),
    ("   [1]: JAVASCRIPT:alert(1)\n\n[x][1]", DEFINITION.format(label="1")),
    # A definition applies to the whole page, which shows several texts: refused even when unused here.
    ("Tekst.\n\n[r1]: https://ok.example/r1", DEFINITION.format(label="r1")),
    ("Tekst.\n\n[R1]: javascript:alert(1)", DEFINITION.format(label="R1")),
    ("- et punkt\n- [r1]: javascript:alert(1)", DEFINITION.format(label="r1")),
    ("- et punkt\n\n    [r1]: javascript:alert(1)", DEFINITION.format(label="r1")),
    ("Se note[^1].\n\n[^1]: Fodnote", FOOTNOTE.format(label="^1")),
    ("Tekst.\n\n[^note]: En fodnote, som ingen tekst bruger", FOOTNOTE.format(label="^note")),
    ("- punkt[^1]\n\n    [^1]: Fodnote", FOOTNOTE.format(label="^1")),
    ("![x](https://evil.example/pixel.png)", "images are not allowed in texts (![…](https://evil.example/pixel.png))"),
    ("![x][1]\n\n[1]: https://evil.example/pixel.png", DEFINITION.format(label="1")),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "the HTML character reference '&lt;' is not allowed in texts"),
    ("Overskrift\n==========", "a line of '=' or '-' under a line of text makes a heading, which texts may not have"),
    ("Tekst\n\n    kode", "a line indented by four or more spaces becomes a code block"),
    ("Tekst\n\n***\n\nMere tekst", "a line of only '-', '*' or '_' becomes a horizontal rule, which texts may not have"),
    # MkDocs always adds the extensions tables, fenced_code and toc: the site makes these.
    ("| a | b |\n| - | - |\n| 1 | 2 |", TABLE),
    ("a | b\n--- | ---\n1 | 2", TABLE),
    ("- punkt\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |", TABLE),
    ("```\nkode\n```", FENCE),
    ("~~~\nkode\n~~~", FENCE),
    ("````python\nkode\n````", FENCE),
    ("[TOC]", TOC),
    ("Tekst\n\n*[TOC]*", TOC),
    ("- [TOC]", TOC),
]

# (payload in a short text such as a title, what validation says about it)
REFUSED_IN_SHORT_TEXT = [
    ("<script>alert(1)</script>", "HTML is not allowed in texts"),
    ("</title><script>alert(1)</script>", "HTML is not allowed in texts"),
    ("&lt;/title&gt;&lt;script&gt;alert(1)", "the HTML character reference '&lt;' is not allowed in texts"),
    ("[x](javascript:alert(1))", "the link target 'javascript:alert(1' is not an https:// address"),
]


PLAN = "data/plans/2019-2021.yaml"


def problems_in(text: str) -> list[str]:
    """The problems of a plan file's text (the minimal series' actors)."""
    return [str(problem) for problem in sorted(check_plan_text(text, PLAN))]


def line_of(fragment: str) -> int:
    return next(number for number, line in enumerate(MINIMAL.read_text(encoding="utf-8").splitlines(), start=1) if fragment in line)


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_LONG_TEXT)
def test_an_unsafe_long_text_is_refused_at_its_location(payload, message):
    problems = problems_in(minimal_with((DESCRIPTION, f'description: {{da: {yaml_string(payload)}, en: "Long text on two."}}')))
    where = f"{PLAN}:{line_of(DESCRIPTION)}:23: initiatives[1].description.da: "
    assert any(problem.startswith(where + message) for problem in problems), problems


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_SHORT_TEXT)
def test_an_unsafe_short_text_is_refused_at_its_location(payload, message):
    problems = problems_in(minimal_with((TITLE, f'title: {{da: "Indsats to", en: {yaml_string(payload)}}}')))
    where = f"{PLAN}:{line_of(TITLE)}:35: initiatives[1].title.en: "
    assert any(problem.startswith(where + message) for problem in problems), problems


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_LONG_TEXT)
def test_an_unsafe_long_text_of_the_site_file_is_refused_at_its_location(tmp_path, payload, message):
    # An earlier plan's note is a long text of site.yaml, shown on the series' pages.
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    site = data_dir / "site.yaml"
    title = '    title: {da: "Den forrige testplan", en: "The previous test plan"}\n'
    site.write_text(site.read_text(encoding="utf-8").replace(title, title + f"    note: {{da: {yaml_string(payload)}, en: \"A note.\"}}\n"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    where = f"{site}:{site.read_text(encoding='utf-8').splitlines().index(title.rstrip()) + 2}:16: earlier_plans[0].note.da: "
    problems = [str(problem) for problem in caught.value.problems]
    assert any(problem.startswith(where + message) for problem in problems), problems


def test_an_unsafe_short_text_of_the_actors_file_is_refused_at_its_location(tmp_path):
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    actors = data_dir / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace('en: "The Ministry"', 'en: "<script>alert(1)</script>"'), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{actors}:5:35: actors[0].name.en: HTML is not allowed in texts — use Markdown: **bold**, *italic*, - lists, [text](https://…)"
    ]


def test_the_allowed_markdown_subset_passes_validation():
    subset = "Et afsnit med **fed** og *kursiv* tekst og `kode`.\n\n- et punkt\n- et [link](https://ok.example/side)\n  - et underpunkt\n\nEt | mellem ord og [en parentes]: ikke en definition"
    assert problems_in(minimal_with((DESCRIPTION, f'description: {{da: {yaml_string(subset)}, en: "Long text on two."}}'))) == []


def test_a_lone_fence_or_definition_look_alike_is_accepted_and_shown_as_written():
    # Neither makes anything on its own; the escaping keeps them from pairing with another text of the page.
    for text in ["Tekst\n```", "~~~ ikke kode", "[1]: se bilag 3", "Se [1]: bilag", "En [^1] uden fodnote"]:
        assert problems_in(minimal_with((DESCRIPTION, f'description: {{da: {yaml_string(text)}, en: "Long text on two."}}'))) == [], text


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("- 30. september 2020 kom brevet", "<ul>\n<li>30. september 2020 kom brevet</li>\n</ul>"),
        ("Planen trådte i kraft\n1. januar 2019.", "<p>Planen trådte i kraft\n1. januar 2019.</p>"),
        ("24. december 2019 kom brevet", "<p>24. december 2019 kom brevet</p>"),
        ("- - 24. december", "<ul>\n<li>\n<ul>\n<li>24. december</li>\n</ul>\n</li>\n</ul>"),
        ("# Ikke en overskrift", "<p># Ikke en overskrift</p>"),
        ("#Heller ikke", "<p>#Heller ikke</p>"),
        ("- # Ikke en overskrift i en liste", "<ul>\n<li># Ikke en overskrift i en liste</li>\n</ul>"),
        ("* 1. punkt", "<ul>\n<li>1. punkt</li>\n</ul>"),
    ],
)
def test_a_date_or_hash_at_the_start_of_a_line_stays_text(text, html):
    assert render_block(text) == html


@pytest.mark.parametrize(
    "text",
    [
        "Tekst\n\n[r1]: https://ok.example/",
        "- [r1]: https://ok.example/",
        "[^1]: Fodnote",
        "[TOC]",
        "*[TOC]*",
        "```\nkode\n```",
        "~~~\nkode\n~~~",
    ],
)
def test_escaping_a_long_text_defuses_what_would_reach_beyond_it(text):
    converter = markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS), extension_configs=SITE_MARKDOWN_CONFIGS)
    html = converter.convert(escape_block(text))
    assert converter.references == {}
    assert "<pre>" not in html and "toc" not in html


def test_a_reference_in_one_text_cannot_use_a_definition_in_another_text_of_the_page():
    # The site renders the texts of a page as one Markdown document.
    page = escape_block("Se [her][r1].") + "\n\n" + escape_block("Tekst.\n\n[r1]: javascript:alert(1)")
    converter = markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS), extension_configs=SITE_MARKDOWN_CONFIGS)
    assert "<a" not in converter.convert(page)


def test_a_fence_in_one_text_cannot_pair_with_a_fence_in_another_text_of_the_page():
    page = escape_block("Første tekst\n\n```") + "\n\n## Overskrift\n\n" + escape_block("```\n\nAnden tekst")
    converter = markdown.Markdown(extensions=list(SITE_MARKDOWN_EXTENSIONS), extension_configs=SITE_MARKDOWN_CONFIGS)
    html = converter.convert(page)
    assert "<pre>" not in html and '<h2 id="overskrift">' in html


def test_attribute_lists_are_escaped_in_long_and_short_texts():
    assert escape_block('Tekst\n{: onclick="x" }') == 'Tekst\n\\{: onclick="x" \\}'
    assert escape_inline("{: onclick=x}") == "\\{: onclick=x\\}"


def test_a_url_cannot_end_its_markdown_link_early():
    assert escape_url("https://x.example/a_(b)") == "https://x.example/a_%28b%29"
    assert escape_url('https://x.example/){: onclick="y"}') == "https://x.example/%29%7B:%20onclick=%22y%22%7D"


def test_validation_renders_texts_with_the_markdown_extensions_mkdocs_resolves_for_the_site(monkeypatch):
    # MkDocs adds toc, tables and fenced_code to mkdocs.yml's markdown_extensions: what the pages are rendered with.
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    assert config.markdown_extensions == list(SITE_MARKDOWN_EXTENSIONS)
    assert set(config.mdx_configs) == set(SITE_MARKDOWN_CONFIGS)
    for name, options in config.mdx_configs.items():
        ours = SITE_MARKDOWN_CONFIGS[name]
        assert set(options) == set(ours), name
        for key, value in options.items():
            if isinstance(value, functools.partial):  # pymdownx.slugs.slugify(...) makes a new partial each time
                assert (value.func, value.args, value.keywords) == (ours[key].func, ours[key].args, ours[key].keywords), key
            else:
                assert value == ours[key], key


def test_the_pdf_renders_long_texts_with_the_site_s_function():
    for text in ["24. december 2019 kom brevet", "# Ikke en overskrift", "Tekst & <b>mere</b>", "- punkt\n- [link](https://ok.example/)"]:
        assert markdown_to_html(text) == render_block(text)


def test_a_change_to_the_text_rendering_renders_the_pdfs_again():
    # The PDF shows long texts through render_block: its cache must know the module.
    from pathlib import Path

    from plansite.data import safe_text
    from plansite.pdf import cache, render

    assert Path(safe_text.__file__).resolve() in cache.input_files(render.TEMPLATE_DIR, render.FONTS_DIR)
