"""Safe text on the site: the payloads validation lets through reach the pages only as harmless text.

A real build of the minimal series carrying every such payload, whose HTML is
then searched for scripts, event handlers and dangerous link schemes. The
payloads validation refuses are in tests/unit/test_safe_text.py.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from support.building import WITHOUT_PDFS, BuiltSite, build_site, series_with_plan
from support.minimal_plan import check_plan_text, minimal_with, yaml_string
from support.paths import MINIMAL_PLAN_ID

from plansite.urls import PROGRESS, page_url

PLAN = f"{MINIMAL_PLAN_ID}/"  # where the plan's pages are

DESCRIPTION = 'description: {da: "Lang tekst om to.", en: "Long text on two."}'
TITLE = 'title: {da: "Indsats to", en: "Initiative two"}'

# Payloads validation lets through: they must reach the site as plain text, never as markup.
ACCEPTED_IN_LONG_TEXT = "\n\n".join([
    'Afsnit med attributliste\n{: onclick="alert(1)" }',
    '[sikkert link](https://ok.example/){: onmouseover="alert(2)" }',
    '[med titel](https://ok.example/ "t" onclick="alert(3)")',
    "Ren tekst: javascript:alert(4) og onerror=alert(5) og data:text/html,x",
    "1. september 2020 kom brevet.",
    "# Ikke en overskrift",
    "- # Heller ikke i en liste",
    "Se [her][ref].",
])
# Texts that MkDocs or Markdown would read as something else at the start of a page or a line.
ACTOR_DESCRIPTION = "Note: denne linje er ikke metadata."
FOCUS_AREA_SUMMARY = "24. januar 2019 begyndte området."
PRESS_LEAD = "# Ikke en overskrift, men en manchet"
# Two texts of the press release's page, each with a fence: unescaped, they would pair up.
PRESS_BODY = "Brødtekst.\n\n~~~"
STATEMENT = "~~~\n\nMinisteren sagde noget."
ACCEPTED_IN_SHORT_TEXT = 'Indsats "to" {: onclick=alert(6)} [x](https://ok.example/) *ikke fed*'
ACCEPTED_SUMMARY = 'Kort om "to" onmouseover="alert(7)'
ACCEPTED_NAME = "Pia \"Presse\" {: onclick=alert(8)}"
URL_WITH_PARENTHESES = "https://kilde.example.org/side_(1)"

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href", "background", "cite"}
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The minimal series carrying every payload that validation lets through, built once (without PDFs)."""
    folder = tmp_path_factory.mktemp("payloads")
    text = minimal_with(
            (DESCRIPTION, f'description: {{da: {yaml_string(ACCEPTED_IN_LONG_TEXT)}, en: {yaml_string(ACCEPTED_IN_LONG_TEXT)}}}'),
            (TITLE, f'title: {{da: {yaml_string(ACCEPTED_IN_SHORT_TEXT)}, en: {yaml_string(ACCEPTED_IN_SHORT_TEXT)}}}'),
            ('summary: {da: "Kort om to.", en: "Short on two."}', f'summary: {{da: {yaml_string(ACCEPTED_SUMMARY)}, en: {yaml_string(ACCEPTED_SUMMARY)}}}'),
            ("name: Pia Presse", f"name: {yaml_string(ACCEPTED_NAME)}"),
            ("url: https://kilde.example.org/1", f"url: {URL_WITH_PARENTHESES}"),
            ('description: {da: "Et ministerium.", en: "A ministry."}', f"description: {{da: {yaml_string(ACTOR_DESCRIPTION)}, en: {yaml_string(ACTOR_DESCRIPTION)}}}"),
            ('summary: {da: "Om område A.", en: "About area A."}', f"summary: {{da: {yaml_string(FOCUS_AREA_SUMMARY)}, en: {yaml_string(FOCUS_AREA_SUMMARY)}}}"),
            ('lead: {da: "Der er en ny plan.", en: "There is a new plan."}', f"lead: {{da: {yaml_string(PRESS_LEAD)}, en: {yaml_string(PRESS_LEAD)}}}"),
            ('body: {da: "Brødtekst.", en: "Body text."}', f"body: {{da: {yaml_string(PRESS_BODY)}, en: {yaml_string(PRESS_BODY)}}}"),
            ('text: {da: "Ministeren sagde, at planen er god.", en: "The minister said the plan is good."}', f"text: {{da: {yaml_string(STATEMENT)}, en: {yaml_string(STATEMENT)}}}"),
    )
    assert [str(problem) for problem in check_plan_text(text)] == []  # every payload here gets past validation
    return build_site(folder / "site", series_with_plan(folder / "data", text), WITHOUT_PDFS)


def scheme_of(url: str) -> str:
    """The scheme a browser sees: it ignores ASCII whitespace and control characters in a URL."""
    return urlsplit(re.sub(r"[\x00-\x20]", "", url)).scheme.lower()


def test_no_page_of_the_payload_site_has_an_injected_script(payload_site):
    for path in payload_site.html_files():
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.get_text())  # a data block the payloads did not break out of
                continue
            assert "alert" not in script.get_text(), path
            assert scheme_of(script.get("src", "")) == "" and not script.get("src", "").startswith("//"), path


def test_no_page_of_the_payload_site_has_an_event_handler_attribute(payload_site):
    for path in payload_site.html_files():
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], f"{path}: <{element.name} {handlers}>"


def test_no_page_of_the_payload_site_links_to_a_dangerous_scheme(payload_site):
    for path in payload_site.html_files():
        for element in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(True):
            for name in URL_ATTRIBUTES & set(element.attrs):
                assert scheme_of(element[name]) in SAFE_SCHEMES, f"{path}: <{element.name} {name}={element[name]!r}>"


def moved_to(site: BuiltSite, path) -> str | None:
    """The plan's page that a page at an old address redirects to (`2019-2021/…/index.html`), or None for any other page."""
    relative = path.relative_to(site.root).as_posix()
    root = "en/" if relative.startswith("en/") else ""
    within = relative.removeprefix(root)
    new = f"{root}{PLAN}{within}"
    series_page = within.startswith(page_url(PROGRESS))  # the series' own page of that name, not an old address
    return new if within != "index.html" and not within.startswith(PLAN) and not series_page and (site.root / new).is_file() else None


def test_no_page_of_the_payload_site_embeds_or_redirects_except_the_old_addresses_to_their_pages(payload_site):
    redirects = 0
    for path in payload_site.html_files():
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.find_all(["iframe", "object", "embed", "base", "frame"]) == [], path
        refreshes = page.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.IGNORECASE)})
        new = moved_to(payload_site, path)
        if new is None:
            assert refreshes == [], path
        else:  # the site's own redirect, in <head>, to the plan's page
            assert len(refreshes) == 1 and refreshes[0].find_parent("head") is not None, path
            target = refreshes[0]["content"].split("url=", 1)[1]
            base = "https://site.test/" + path.relative_to(payload_site.root).as_posix()
            assert urljoin(base, target) == "https://site.test/" + new.removesuffix("index.html"), path
            redirects += 1
        assert [image["src"] for image in page.find_all("img") if scheme_of(image.get("src", ""))] == [], path
    assert redirects > 10


@pytest.mark.parametrize("language", ["", "en/"])
def test_accepted_payloads_are_shown_as_the_editor_wrote_them(payload_site, language):
    page = payload_site.page(f"{language}{PLAN}indsatser/indsats-to/")
    article = page.find("article")
    text = article.get_text()
    assert article.h1.get_text(strip=True) == ACCEPTED_IN_SHORT_TEXT
    assert '{: onclick="alert(1)" }' in text and '{: onmouseover="alert(2)" }' in text
    assert "javascript:alert(4)" in text and "1. september 2020 kom brevet." in text and "# Ikke en overskrift" in text
    assert [link["href"] for link in article.find_all("a", href=re.compile("^https://ok"))] == ["https://ok.example/", "https://ok.example/"]
    assert "- # Heller ikke i en liste" not in text and "# Heller ikke i en liste" in text and "Se [her][ref]." in text
    assert [heading.get_text(strip=True) for heading in article.find_all(["h1", "h2", "h3"])][0] == ACCEPTED_IN_SHORT_TEXT
    assert page.find("meta", attrs={"name": "description"})["content"] == ACCEPTED_SUMMARY


@pytest.mark.parametrize("language", ["", "en/"])
def test_the_page_at_the_old_address_links_the_new_one_by_its_title_as_written(payload_site, language):
    article = payload_site.page(f"{language}indsatser/indsats-to/").find("article")
    [link] = [link for link in article.find_all("a", href=True) if link["href"].endswith(f"{PLAN}indsatser/indsats-to/")]
    assert link.get_text() == ACCEPTED_IN_SHORT_TEXT
    assert link.find_all(True) == []  # no markup made of the title's characters


def test_a_source_url_with_parentheses_stays_one_link(payload_site):
    article = payload_site.page(f"{PLAN}indsatser/indsats-to/").find("article")
    assert [link["href"] for link in article.find_all("a", href=re.compile("^https://kilde"))] == ["https://kilde.example.org/side_%281%29"]


@pytest.mark.parametrize("language", ["", "en/"])
def test_a_press_contact_name_is_shown_as_written(payload_site, language):
    assert ACCEPTED_NAME in payload_site.page(f"{language}{PLAN}presse/ny-plan/").find("article").get_text()


@pytest.mark.parametrize("language", ["", "en/"])
def test_a_description_that_looks_like_metadata_is_shown(payload_site, language):
    assert ACTOR_DESCRIPTION in payload_site.page(f"{language}aktoerer/ministeriet/").find("article").get_text()


@pytest.mark.parametrize("language", ["", "en/"])
def test_a_summary_that_starts_with_a_date_keeps_its_number_on_the_overview(payload_site, language):
    article = payload_site.page(f"{language}{PLAN}indsatsomraader/").find("article")
    assert article.find("ol") is None
    assert FOCUS_AREA_SUMMARY in article.get_text()


@pytest.mark.parametrize("language", ["", "en/"])
def test_a_press_lead_that_starts_with_a_hash_is_not_a_second_heading(payload_site, language):
    article = payload_site.page(f"{language}{PLAN}presse/").find("article")
    assert len(article.find_all("h1")) == 1
    assert PRESS_LEAD in article.get_text()


def test_fences_in_two_texts_of_a_page_do_not_swallow_what_is_between(payload_site):
    article = payload_site.page(f"{PLAN}presse/ny-plan/").find("article")
    assert article.find("pre") is None
    assert article.get_text().count("~~~") == 2
    assert "Hvad ministeren sagde ifølge pressemeddelelsen" in [heading.get_text(strip=True).rstrip("¶") for heading in article.find_all("h2")]
