"""Page generation on the small fixture: same pages in both languages, safe Markdown, right links."""

from __future__ import annotations

import pytest
from support.paths import MINIMAL

from plansite import urls
from plansite.data.validation import load_plan
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.site import pages


@pytest.fixture(scope="module")
def generated() -> dict[str, dict[str, pages.GeneratedPage]]:
    plan = load_plan(MINIMAL)
    strings = load_strings()
    return {language: {page.src_uri: page for page in pages.generate_pages(localized)} for language, localized in localize(plan, strings).items()}


def front_matter(page: pages.GeneratedPage) -> dict:
    """The metadata MkDocs gets for the page (in place of front matter)."""
    return page.meta


def test_both_languages_have_exactly_the_same_pages(generated):
    assert list(generated["da"]) == list(generated["en"])


def test_every_item_of_the_fixture_gets_its_page(generated):
    expected = {
        "index.md", "om-planen.md", "kontakt.md",
        "indsatsomraader/index.md", "indsatsomraader/omraade-a.md", "indsatsomraader/omraade-b.md",
        "indsatser/index.md", "indsatser/indsats-et.md", "indsatser/indsats-to.md",
        "aktoerer/index.md", "aktoerer/ministeriet.md", "aktoerer/organisation.md",
        "presse/index.md", "presse/ny-plan.md",
    }
    assert set(generated["da"]) == expected


def test_only_overview_pages_are_in_the_navigation(generated):
    in_nav = {src for src, page in generated["da"].items() if page.in_nav}
    assert in_nav == {"index.md", "om-planen.md", "kontakt.md", "indsatsomraader/index.md", "indsatser/index.md", "aktoerer/index.md", "presse/index.md"}


def test_front_matter_carries_title_template_and_lead_in_the_page_language(generated):
    danish = front_matter(generated["da"]["indsatser/indsats-et.md"])
    english = front_matter(generated["en"]["indsatser/indsats-et.md"])
    assert (danish["title"], danish["lead"], danish["template"]) == ("Indsats ét", "Kort om ét.", "plan-page.html")
    assert (english["title"], english["lead"]) == ("Initiative one", "Short on one.")


def test_fact_box_links_are_relative_to_the_page(generated):
    facts = front_matter(generated["en"]["indsatser/indsats-et.md"])["facts"]
    links = {item["text"]: item["href"] for row in facts for item in row["items"] if "href" in item}
    assert links == {"Action area 1: Area A": "../../indsatsomraader/omraade-a/", "The Organisation (ORG)": "../../aktoerer/organisation/", "The Ministry": "../../aktoerer/ministeriet/"}


def test_markdown_links_point_at_source_files_relative_to_the_page(generated):
    body = generated["da"]["aktoerer/organisation.md"].body
    assert "[Indsats ét](../indsatser/indsats-et.md)" in body


def test_press_release_dates_are_formatted_in_copenhagen_time_per_language(generated):
    assert "10\\. september 2018 kl. 12.47" in generated["da"]["presse/index.md"].body  # "10." escaped: it may start a line
    assert "10 September 2018 at 12:47" in generated["en"]["presse/index.md"].body


def test_the_press_contact_phone_becomes_a_tel_link(generated):
    assert "[\\+45 11 22 33 44](tel:+4511223344)" in generated["da"]["presse/ny-plan.md"].body


def test_money_is_formatted_per_language(generated):
    facts = {row["label"]: row["items"][0]["text"] for row in front_matter(generated["da"]["index.md"])["facts"]}
    assert facts["Økonomi"] == "63 mio. kr."
    facts = {row["label"]: row["items"][0]["text"] for row in front_matter(generated["en"]["index.md"])["facts"]}
    assert facts["Funding"] == "DKK 63 million"


def test_the_series_number_is_an_ordinal_in_each_language(generated):
    assert "den 5. nationale" in generated["da"]["om-planen.md"].body
    assert "the 5th national" in generated["en"]["om-planen.md"].body


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [("index.md", ""), ("om-planen.md", "om-planen/"), ("indsatser/index.md", "indsatser/"), ("indsatser/x.md", "indsatser/x/")],
)
def test_page_url_follows_directory_urls(src_uri, url):
    assert urls.page_url(src_uri) == url


def test_plain_text_cannot_carry_markup():
    assert pages.escape_inline("*a* [b](c) <i>&") == "\\*a\\* \\[b\\](c) &lt;i&gt;&amp;"


def test_long_text_keeps_markdown_but_not_html_or_headings():
    assert pages.escape_block("**ok**\n# not a heading\n<b>x</b>") == "**ok**\n\\# not a heading\n&lt;b&gt;x&lt;/b&gt;"
