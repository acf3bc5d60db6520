"""Safe text in validation: injection payloads are refused with a message at the text's line and column.

Payloads validation lets through are built into a site and searched for
markup in tests/site/test_safe_text_payload_site.py.
"""

from __future__ import annotations

import pytest
import yaml

from plansite.data.loading import parse_data
from plansite.data.safe_text import SITE_MARKDOWN_EXTENSIONS, escape_block, escape_inline, escape_url, render_block
from plansite.data.validation import check_data
from support.minimal_plan import minimal_with, yaml_string
from support.paths import MINIMAL, PROJECT_DIR

DESCRIPTION = 'description: {da: "Lang tekst om to.", en: "Long text on two."}'
TITLE = 'title: {da: "Indsats to", en: "Initiative two"}'

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
    ("[x][1]\n\n[1]: javascript:alert(1)", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("[x]\n\n[x]: javascript:alert(1)", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("[x][1]\n\n[1]:\n    javascript:alert(1)", "the link target 'javascript:alert(1)' is not an https:// address"),
    ("   [1]: JAVASCRIPT:alert(1)\n\n[x][1]", "the link target 'JAVASCRIPT:alert(1)' is not an https:// address"),
    ("![x](https://evil.example/pixel.png)", "images are not allowed in texts (![…](https://evil.example/pixel.png))"),
    ("![x][1]\n\n[1]: https://evil.example/pixel.png", "images are not allowed in texts"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "the HTML character reference '&lt;' is not allowed in texts"),
    ("Overskrift\n==========", "a line of '=' or '-' under a line of text makes a heading, which texts may not have"),
    ("Tekst\n\n    kode", "a line indented by four or more spaces becomes a code block"),
    ("Tekst\n\n***\n\nMere tekst", "a line of only '-', '*' or '_' becomes a horizontal rule, which texts may not have"),
]

# (payload in a short text such as a title, what validation says about it)
REFUSED_IN_SHORT_TEXT = [
    ("<script>alert(1)</script>", "HTML is not allowed in texts"),
    ("</title><script>alert(1)</script>", "HTML is not allowed in texts"),
    ("&lt;/title&gt;&lt;script&gt;alert(1)", "the HTML character reference '&lt;' is not allowed in texts"),
    ("[x](javascript:alert(1))", "the link target 'javascript:alert(1' is not an https:// address"),
]


def problems_in(text: str) -> list[str]:
    return [str(problem) for problem in sorted(check_data(parse_data(text.encode("utf-8"), "data.yaml")))]


def line_of(fragment: str) -> int:
    return next(number for number, line in enumerate(MINIMAL.read_text(encoding="utf-8").splitlines(), start=1) if fragment in line)


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_LONG_TEXT)
def test_an_unsafe_long_text_is_refused_at_its_location(payload, message):
    problems = problems_in(minimal_with((DESCRIPTION, f'description: {{da: {yaml_string(payload)}, en: "Long text on two."}}')))
    where = f"data.yaml:{line_of(DESCRIPTION)}:23: initiatives[1].description.da: "
    assert any(problem.startswith(where + message) for problem in problems), problems


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_SHORT_TEXT)
def test_an_unsafe_short_text_is_refused_at_its_location(payload, message):
    problems = problems_in(minimal_with((TITLE, f'title: {{da: "Indsats to", en: {yaml_string(payload)}}}')))
    where = f"data.yaml:{line_of(TITLE)}:35: initiatives[1].title.en: "
    assert any(problem.startswith(where + message) for problem in problems), problems


def test_the_allowed_markdown_subset_passes_validation():
    subset = "Et afsnit med **fed** og *kursiv* tekst.\n\n- et punkt\n- et [link](https://ok.example/side)\n\n[reference][r]\n\n[r]: https://ok.example/r"
    assert problems_in(minimal_with((DESCRIPTION, f'description: {{da: {yaml_string(subset)}, en: "Long text on two."}}'))) == []


def test_a_danish_date_at_the_start_of_a_line_keeps_its_number():
    assert render_block("- 30. september 2020 kom brevet") == "<ul>\n<li>30. september 2020 kom brevet</li>\n</ul>"
    assert render_block("Planen trådte i kraft\n1. januar 2019.") == "<p>Planen trådte i kraft\n1. januar 2019.</p>"


def test_attribute_lists_are_escaped_in_long_and_short_texts():
    assert escape_block('Tekst\n{: onclick="x" }') == 'Tekst\n\\{: onclick="x" \\}'
    assert escape_inline("{: onclick=x}") == "\\{: onclick=x\\}"


def test_a_url_cannot_end_its_markdown_link_early():
    assert escape_url("https://x.example/a_(b)") == "https://x.example/a_%28b%29"
    assert escape_url('https://x.example/){: onclick="y"}') == "https://x.example/%29%7B:%20onclick=%22y%22%7D"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its Python and !ENV tags."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_validation_renders_long_texts_with_the_site_s_markdown_extensions():
    # An extension added to mkdocs.yml can let texts make new markup: safe_text must then be reviewed.
    config = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["markdown_extensions"]}
    assert names - {"toc"} == set(SITE_MARKDOWN_EXTENSIONS)
