"""Safe text: injection payloads are refused with a located message, or reach the site only as harmless text.

The corpus is run twice: through validation (each refused payload gets its
message at the text's line and column), and through a real build of the
minimal fixture carrying every payload that validation lets through, whose
HTML is then searched for scripts, event handlers and dangerous link schemes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.data.loading import parse_data
from plansite.data.safe_text import SITE_MARKDOWN_EXTENSIONS, escape_block, escape_inline, escape_url, render_block
from plansite.data.validation import check_data, load_plan

PROJECT_DIR = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"
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

# Payloads validation lets through: they must reach the site as plain text, never as markup.
ACCEPTED_IN_LONG_TEXT = "\n\n".join([
    'Afsnit med attributliste\n{: onclick="alert(1)" }',
    '[sikkert link](https://ok.example/){: onmouseover="alert(2)" }',
    '[med titel](https://ok.example/ "t" onclick="alert(3)")',
    "Ren tekst: javascript:alert(4) og onerror=alert(5) og data:text/html,x",
    "1. september 2020 kom brevet.",
    "# Ikke en overskrift",
    "[reference][ref]\n\n[ref]: https://ok.example/reference",
])
ACCEPTED_IN_SHORT_TEXT = 'Indsats "to" {: onclick=alert(6)} [x](https://ok.example/) *ikke fed*'
ACCEPTED_SUMMARY = 'Kort om "to" onmouseover="alert(7)'
ACCEPTED_NAME = "Pia \"Presse\" {: onclick=alert(8)}"
URL_WITH_PARENTHESES = "https://kilde.example.org/side_(1)"

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href", "background", "cite"}
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def yaml_string(text: str) -> str:
    """A YAML scalar holding `text` exactly (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def fixture_with(*replacements: tuple[str, str]) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def problems_in(text: str) -> list[str]:
    return [str(problem) for problem in sorted(check_data(parse_data(text.encode("utf-8"), "data.yaml")))]


def line_of(fragment: str) -> int:
    return next(number for number, line in enumerate(MINIMAL.read_text(encoding="utf-8").splitlines(), start=1) if fragment in line)


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_LONG_TEXT)
def test_an_unsafe_long_text_is_refused_at_its_location(payload, message):
    problems = problems_in(fixture_with((DESCRIPTION, f'description: {{da: {yaml_string(payload)}, en: "Long text on two."}}')))
    where = f"data.yaml:{line_of(DESCRIPTION)}:23: initiatives[1].description.da: "
    assert any(problem.startswith(where + message) for problem in problems), problems


@pytest.mark.parametrize(("payload", "message"), REFUSED_IN_SHORT_TEXT)
def test_an_unsafe_short_text_is_refused_at_its_location(payload, message):
    problems = problems_in(fixture_with((TITLE, f'title: {{da: "Indsats to", en: {yaml_string(payload)}}}')))
    where = f"data.yaml:{line_of(TITLE)}:35: initiatives[1].title.en: "
    assert any(problem.startswith(where + message) for problem in problems), problems


def test_the_allowed_markdown_subset_passes_validation():
    subset = "Et afsnit med **fed** og *kursiv* tekst.\n\n- et punkt\n- et [link](https://ok.example/side)\n\n[reference][r]\n\n[r]: https://ok.example/r"
    assert problems_in(fixture_with((DESCRIPTION, f'description: {{da: {yaml_string(subset)}, en: "Long text on two."}}'))) == []


def test_a_danish_date_at_the_start_of_a_line_keeps_its_number():
    assert render_block("- 30. september 2020 kom brevet") == "<ul>\n<li>30. september 2020 kom brevet</li>\n</ul>"
    assert render_block("Planen trådte i kraft\n1. januar 2019.") == "<p>Planen trådte i kraft\n1. januar 2019.</p>"


def test_attribute_lists_are_escaped_in_long_and_short_texts():
    assert escape_block('Tekst\n{: onclick="x" }') == 'Tekst\n\\{: onclick="x" \\}'
    assert escape_inline("{: onclick=x}") == "\\{: onclick=x\\}"


def test_a_url_cannot_end_its_markdown_link_early():
    assert escape_url("https://x.example/a_(b)") == "https://x.example/a_%28b%29"
    assert escape_url('https://x.example/){: onclick="y"}') == "https://x.example/%29%7B:%20onclick=%22y%22%7D"


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def parsed_page(site_dir: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture carrying every payload that validation lets through, built once (without PDFs)."""
    folder = tmp_path_factory.mktemp("payloads")
    data_file = folder / "payloads.yaml"
    data_file.write_text(
        fixture_with(
            (DESCRIPTION, f'description: {{da: {yaml_string(ACCEPTED_IN_LONG_TEXT)}, en: {yaml_string(ACCEPTED_IN_LONG_TEXT)}}}'),
            (TITLE, f'title: {{da: {yaml_string(ACCEPTED_IN_SHORT_TEXT)}, en: {yaml_string(ACCEPTED_IN_SHORT_TEXT)}}}'),
            ('summary: {da: "Kort om to.", en: "Short on two."}', f'summary: {{da: {yaml_string(ACCEPTED_SUMMARY)}, en: {yaml_string(ACCEPTED_SUMMARY)}}}'),
            ("name: Pia Presse", f"name: {yaml_string(ACCEPTED_NAME)}"),
            ("url: https://kilde.example.org/1", f"url: {URL_WITH_PARENTHESES}"),
        ),
        encoding="utf-8",
    )
    load_plan(data_file)  # every payload here gets past validation
    site_dir = folder / "site"
    env = {**os.environ, "PLAN_DATA_FILE": str(data_file), "PLAN_SKIP_PDF": "1", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return site_dir


def scheme_of(url: str) -> str:
    """The scheme a browser sees: it ignores ASCII whitespace and control characters in a URL."""
    return urlsplit(re.sub(r"[\x00-\x20]", "", url)).scheme.lower()


def test_no_page_of_the_payload_site_has_an_injected_script(payload_site):
    for path in html_files(payload_site):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.get_text())  # a data block the payloads did not break out of
                continue
            assert "alert" not in script.get_text(), path
            assert scheme_of(script.get("src", "")) == "" and not script.get("src", "").startswith("//"), path


def test_no_page_of_the_payload_site_has_an_event_handler_attribute(payload_site):
    for path in html_files(payload_site):
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], f"{path}: <{element.name} {handlers}>"


def test_no_page_of_the_payload_site_links_to_a_dangerous_scheme(payload_site):
    for path in html_files(payload_site):
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(True):
            for name in URL_ATTRIBUTES & set(element.attrs):
                assert scheme_of(element[name]) in SAFE_SCHEMES, f"{path}: <{element.name} {name}={element[name]!r}>"


def test_no_page_of_the_payload_site_embeds_or_redirects(payload_site):
    for path in html_files(payload_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.find_all(["iframe", "object", "embed", "base", "frame"]) == [], path
        assert page.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.IGNORECASE)}) == [], path
        assert [image["src"] for image in page.find_all("img") if scheme_of(image.get("src", ""))] == [], path


@pytest.mark.parametrize("language", ["", "en/"])
def test_accepted_payloads_are_shown_as_the_editor_wrote_them(payload_site, language):
    page = parsed_page(payload_site, f"{language}indsatser/indsats-to/")
    article = page.find("article")
    text = article.get_text()
    assert article.h1.get_text(strip=True) == ACCEPTED_IN_SHORT_TEXT
    assert '{: onclick="alert(1)" }' in text and '{: onmouseover="alert(2)" }' in text
    assert "javascript:alert(4)" in text and "1. september 2020 kom brevet." in text and "# Ikke en overskrift" in text
    assert [link["href"] for link in article.find_all("a", href=re.compile("^https://ok"))] == ["https://ok.example/", "https://ok.example/", "https://ok.example/reference"]
    assert page.find("meta", attrs={"name": "description"})["content"] == ACCEPTED_SUMMARY


def test_a_source_url_with_parentheses_stays_one_link(payload_site):
    article = parsed_page(payload_site, "indsatser/indsats-to/").find("article")
    assert [link["href"] for link in article.find_all("a", href=re.compile("^https://kilde"))] == ["https://kilde.example.org/side_%281%29"]


def test_a_contact_name_is_shown_as_written(payload_site):
    assert ACCEPTED_NAME in parsed_page(payload_site, "kontakt/").find("article").get_text()


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring its Python and !ENV tags."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_validation_renders_long_texts_with_the_site_s_markdown_extensions():
    # An extension added to mkdocs.yml can let texts make new markup: safe_text must then be reviewed.
    config = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["markdown_extensions"]}
    assert names - {"toc"} == set(SITE_MARKDOWN_EXTENSIONS)
