"""Page generation on the small fixture series: same pages in both languages, safe Markdown, right links, the series' pages."""

from __future__ import annotations

import pytest
from support.minimal_plan import localized_series

from plansite import urls
from plansite.i18n.strings import load_strings
from plansite.i18n.view import localize
from plansite.site import pages
from plansite.urls import PlanPaths

PLAN = "2019-2021/"


@pytest.fixture(scope="module")
def generated() -> dict[str, dict[str, pages.GeneratedPage]]:
    return {language: {page.src_uri: page for page in pages.generate_pages(localized)} for language, localized in localized_series().items()}


@pytest.fixture(scope="module")
def generated_two(two_plans) -> dict[str, dict[str, pages.GeneratedPage]]:
    """The pages of the minimal series with a later plan (`two_plans`)."""
    return {language: {page.src_uri: page for page in pages.generate_pages(localized)} for language, localized in localize(two_plans, load_strings()).items()}


def front_matter(page: pages.GeneratedPage) -> dict:
    """The metadata MkDocs gets for the page (in place of front matter)."""
    return page.meta


def test_both_languages_have_exactly_the_same_pages(generated):
    assert list(generated["da"]) == list(generated["en"])


def test_every_item_of_the_fixture_gets_its_page(generated):
    expected = {
        "index.md", "kontakt.md", "data.md", "fremdrift.md", "om-oplysningerne.md", "aktoerer/index.md", "aktoerer/ministeriet.md", "aktoerer/organisation.md",
        f"{PLAN}index.md", f"{PLAN}om-planen.md", f"{PLAN}fremdrift.md",
        f"{PLAN}indsatsomraader/index.md", f"{PLAN}indsatsomraader/omraade-a.md", f"{PLAN}indsatsomraader/omraade-b.md",
        f"{PLAN}indsatser/index.md", f"{PLAN}indsatser/indsats-et.md", f"{PLAN}indsatser/indsats-to.md",
        f"{PLAN}presse/index.md", f"{PLAN}presse/ny-plan.md",
    }
    assert set(generated["da"]) == expected


def test_the_series_pages_come_first_then_each_plans_pages_newest_plan_first(generated_two):
    owners = [src.split("/", 1)[0] if src.startswith(("2019-2021/", "2022-2025/")) else "series" for src in generated_two["da"]]
    assert owners == sorted(owners, key=["series", "2022-2025", "2019-2021"].index)
    assert list(dict.fromkeys(owners)) == ["series", "2022-2025", "2019-2021"]
    plan_pages = {prefix: [src.removeprefix(prefix) for src in generated_two["da"] if src.startswith(prefix)] for prefix in ("2022-2025/", PLAN)}
    assert plan_pages["2022-2025/"] == plan_pages[PLAN]  # the same pages, in the same order


def test_only_overview_pages_are_in_the_navigation(generated):
    in_nav = {src for src, page in generated["da"].items() if page.in_nav}
    assert in_nav == {
        "index.md", "kontakt.md", "data.md", "fremdrift.md", "aktoerer/index.md",
        f"{PLAN}index.md", f"{PLAN}om-planen.md", f"{PLAN}indsatsomraader/index.md", f"{PLAN}indsatser/index.md", f"{PLAN}fremdrift.md", f"{PLAN}presse/index.md",
    }


def test_front_matter_carries_title_template_and_lead_in_the_page_language(generated):
    danish = front_matter(generated["da"][f"{PLAN}indsatser/indsats-et.md"])
    english = front_matter(generated["en"][f"{PLAN}indsatser/indsats-et.md"])
    assert (danish["title"], danish["lead"], danish["template"]) == ("Indsats ét", "Kort om ét.", "plan-page.html")
    assert (english["title"], english["lead"]) == ("Initiative one", "Short on one.")


def test_fact_box_links_are_relative_to_the_page(generated):
    facts = front_matter(generated["en"][f"{PLAN}indsatser/indsats-et.md"])["facts"]
    links = {item["text"]: item["href"] for row in facts for item in row["items"] if "href" in item}
    assert links == {
        "Action area 1: Area A": "../../indsatsomraader/omraade-a/",
        "The Organisation (ORG)": "../../../aktoerer/organisation/",
        "The Ministry": "../../../aktoerer/ministeriet/",
        "Confirmed": "../../../om-oplysningerne/#plan-link-confirmed",  # the plan-link badge: its level on the legend page
    }


def test_markdown_links_point_at_source_files_relative_to_the_page(generated):
    assert "[Indsats ét](../2019-2021/indsatser/indsats-et.md)" in generated["da"]["aktoerer/organisation.md"].body
    assert "[Ministeriet](../../aktoerer/ministeriet.md)" in generated["da"][f"{PLAN}presse/ny-plan.md"].body
    assert "[Nyhedsfeed (Atom) med pressemeddelelser, planens tidslinje og nyt om indsatserne](../../feed.xml)" in generated["da"][f"{PLAN}presse/index.md"].body  # one feed for the series


def test_press_release_dates_are_formatted_in_copenhagen_time_per_language(generated):
    assert "Udsendt 10. september 2018 kl. 12.47." in generated["da"][f"{PLAN}presse/index.md"].body  # the original's time
    assert "10 September 2018 at 12:47" in generated["en"][f"{PLAN}presse/index.md"].body


def test_a_press_release_without_a_time_is_dated_by_its_day_alone(generated_two):
    page = generated_two["da"]["2022-2025/presse/ny-plan.md"]
    assert [row["items"][0]["text"] for row in front_matter(page)["facts"] if row["label"] == "Originalens tidspunkt"] == ["8. april 2022"]
    assert "Udsendt 8. april 2022. Her sammenfattet med vores ord.\n" in generated_two["da"]["2022-2025/presse/index.md"].body
    assert "kl." not in generated_two["da"]["2022-2025/presse/index.md"].body
    assert "8 April 2022" in generated_two["en"]["2022-2025/presse/index.md"].body and " at " not in generated_two["en"]["2022-2025/presse/index.md"].body


def test_a_press_release_without_a_contact_has_no_press_contact(generated, generated_two):
    assert "## Pressekontakt ved udsendelsen, 10. september 2018" in generated["da"][f"{PLAN}presse/ny-plan.md"].body
    page = generated_two["da"]["2022-2025/presse/ny-plan.md"]
    assert "## Pressekontakt" not in page.body and "Pia Presse" not in page.body
    assert [row["label"] for row in front_matter(page)["facts"]] == ["Originalens tidspunkt"]


def test_the_press_contact_phone_becomes_a_tel_link(generated):
    assert "[\\+45 11 22 33 44](tel:+4511223344)" in generated["da"][f"{PLAN}presse/ny-plan.md"].body


def test_money_is_formatted_per_language(generated):
    facts = {row["label"]: row["items"][0]["text"] for row in front_matter(generated["da"][f"{PLAN}om-planen.md"])["facts"]}
    assert facts["Økonomi"] == "63 mio. kr."
    facts = {row["label"]: row["items"][0]["text"] for row in front_matter(generated["en"][f"{PLAN}om-planen.md"])["facts"]}
    assert facts["Funding"] == "DKK 63 million"


def test_a_plans_home_tells_each_fact_once_the_figures_that_state_its_facts_first_then_the_facts_no_figure_states(generated):
    home = front_matter(generated["en"][f"{PLAN}index.md"])
    assert [figure["value"] for figure in home["figures"]] == ["DKK 63 million"]  # the budget, as a card
    assert "Funding" not in [row["label"] for row in home["facts"]]  # so not again in the fact box
    assert "Period" in [row["label"] for row in home["facts"]]  # no figure gives the years
    assert "DKK 63 million" not in [figure["value"] for figure in home["statistics"]]
    assert (home["template"], home["help_box"], home["documents"]) == ("plan-home.html", True, True)


def test_the_series_number_is_an_ordinal_in_each_language_counted_from_the_series(generated, generated_two):
    # The minimal series: the earlier plan 2015-2018, then 2019-2021.
    assert "den 2. nationale handlingsplan mod menneskehandel siden 2015" in generated["da"][f"{PLAN}om-planen.md"].body
    assert "the 2nd national action plan against human trafficking since 2015" in generated["en"][f"{PLAN}om-planen.md"].body
    assert "the 3rd national" in generated_two["en"]["2022-2025/om-planen.md"].body


def test_a_fact_the_data_does_not_give_is_left_out_of_the_fact_box(generated, generated_two):
    assert "I kraft fra" in [row["label"] for row in front_matter(generated["da"][f"{PLAN}om-planen.md"])["facts"]]
    labels = [row["label"] for row in front_matter(generated_two["da"]["2022-2025/om-planen.md"])["facts"]]
    assert "I kraft fra" not in labels and labels[:2] == ["Periode", "Økonomi"]
    assert [row["items"][0]["text"] for row in front_matter(generated_two["da"]["2022-2025/om-planen.md"])["facts"] if row["label"] == "Periode"] == ["2022–2025"]


def test_a_focus_area_without_sub_areas_has_no_sub_area_heading(generated):
    assert "## Delområder" in generated["da"][f"{PLAN}indsatsomraader/omraade-a.md"].body
    without = generated["da"][f"{PLAN}indsatsomraader/omraade-b.md"].body
    assert "Delområde" not in without
    assert "## Indsatser i indsatsområdet\n\n- [Indsats to](../indsatser/indsats-to.md)" in without


def test_a_plan_home_page_notes_a_translation_only_in_a_language_the_plan_was_not_published_in(generated_two):
    note = "The plan was published in Danish only. The English title and the English texts on this site are our own translation."
    assert front_matter(generated_two["en"]["2022-2025/index.md"])["translation_note"] == note
    assert front_matter(generated_two["en"][f"{PLAN}index.md"])["translation_note"] == ""
    assert front_matter(generated_two["da"]["2022-2025/index.md"])["translation_note"] == ""


def test_the_series_home_page_puts_the_current_plan_first_and_lists_every_plan_newest_first(generated_two):
    page = generated_two["da"]["index.md"]
    assert (front_matter(page)["title"], front_matter(page)["lead"]) == ("Testsitet", "Et websted til test.")
    current = front_matter(page)["current_plan"]  # shown above the body, before the help box
    assert (current["heading"], current["title"], current["href"]) == ("Den aktuelle plan", "Testplan 2019-2021", "2019-2021/")
    assert [fact["label"] for fact in current["facts"]][:2] == ["Periode", "Økonomi"]
    assert (front_matter(page)["html_title"], front_matter(page)["help_box"]) == ("Testsitet", True)
    listed = [line for line in page.body.split("## Alle planerne i rækken", 1)[1].splitlines() if line.startswith("### ")]
    assert listed == ["### [Testplan 2022-2025](2022-2025/index.md)", "### [Testplan 2019-2021](2019-2021/index.md)", "### 2015–2018: Den forrige testplan"]
    assert "Planen er den 3. nationale handlingsplan mod menneskehandel siden 2015. Periode: 2022–2025." in page.body
    assert "Planen er den 2. nationale handlingsplan mod menneskehandel siden 2015. Periode: 2019–2021." in page.body
    assert current["summary"] == "En plan til test." and "En plan til test." not in page.body  # once, above


def test_the_series_home_page_gives_an_earlier_plan_without_pages_with_its_sources(generated):
    earlier = generated["en"]["index.md"].body.split("### 2015–2018: The previous test plan", 1)[1]
    assert "We have no pages on this plan, only what the sources say." in earlier
    assert "Sources: [Source on the site](https://kilde.example.org/site)" in earlier


def test_an_actor_page_gives_its_role_in_each_plan_newest_first(generated_two):
    body = generated_two["da"]["aktoerer/organisation.md"].body
    newer, older = body.split("### [Testplan 2022-2025](../2022-2025/index.md)", 1)[1].split("### [Testplan 2019-2021](../2019-2021/index.md)", 1)
    assert "Organisationens nye rolle." in newer and "Udgiver af handlingsplanen." in newer
    assert "- [Ny indsats ét](../2022-2025/indsatser/indsats-et.md)\n- [Indsats to](../2022-2025/indsatser/indsats-to.md)" in newer
    assert "En organisation." in older and "- [Indsats ét](../2019-2021/indsatser/indsats-et.md)" in older and "Udgiver" not in older
    assert front_matter(generated_two["da"]["aktoerer/organisation.md"])["description"] == "Organisationens nye rolle."  # its newest role
    ministry = generated_two["da"]["aktoerer/ministeriet.md"].body  # a role in the older plan only
    assert "../2019-2021/index.md" in ministry and "2022-2025" not in ministry


def test_the_contact_page_gives_the_sites_contacts_each_dated_not_a_plans_press_contact(generated):
    page = generated["en"]["kontakt.md"]
    assert "## Publisher\n\nThe Test Department" in page.body
    assert "### Test hotline" in page.body and "*These details are from a source dated 29 March 2022.*" in page.body
    assert "Pia Presse" not in page.body


def test_the_contact_page_gives_the_organisation_and_each_detail_a_paragraph_of_its_own(generated):
    body = generated["en"]["kontakt.md"].body
    assert "[The Organisation (ORG)](aktoerer/organisation.md)\n\nPhone: [\\+45 70 00 00 00](tel:+4570000000)\n\nEmail: " in body


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""), ("om-planen.md", "om-planen/"), ("indsatser/index.md", "indsatser/"), ("indsatser/x.md", "indsatser/x/"),
        ("2019-2021/index.md", "2019-2021/"), ("2019-2021/indsatser/index.md", "2019-2021/indsatser/"), ("2019-2021/indsatser/x.md", "2019-2021/indsatser/x/"),
    ],
)
def test_page_url_follows_directory_urls(src_uri, url):
    assert urls.page_url(src_uri) == url


def test_a_plans_pages_and_files_are_under_its_id():
    paths = PlanPaths.of("2019-2021")
    assert (paths.prefix, paths.home, paths.about, paths.focus_areas, paths.initiatives, paths.press) == (
        "2019-2021/", "2019-2021/index.md", "2019-2021/om-planen.md", "2019-2021/indsatsomraader/index.md", "2019-2021/indsatser/index.md", "2019-2021/presse/index.md",
    )
    assert (paths.focus_area("a"), paths.initiative("b"), paths.press_release("c"), paths.press_kit("en")) == (
        "2019-2021/indsatsomraader/a.md", "2019-2021/indsatser/b.md", "2019-2021/presse/c.md", "2019-2021/presse/pressekit-en.zip",
    )
    assert (paths.initiatives_csv, paths.actors_csv, paths.plan_json, paths.schema_json, paths.pdf("x.pdf")) == (
        "2019-2021/data/indsatser.csv", "2019-2021/data/aktoerer.csv", "2019-2021/data/initiatives.json", "2019-2021/data/initiatives.schema.json", "2019-2021/pdf/x.pdf",
    )


def test_the_addresses_at_the_root_are_those_a_plan_had_before_the_series():
    paths = PlanPaths.at_root()
    assert (paths.prefix, paths.home, paths.about, paths.focus_areas, paths.initiatives, paths.press) == (
        "", "index.md", "om-planen.md", "indsatsomraader/index.md", "indsatser/index.md", "presse/index.md",
    )
    assert (paths.focus_area("a"), paths.initiative("b"), paths.press_release("c"), paths.press_kit("da")) == (
        "indsatsomraader/a.md", "indsatser/b.md", "presse/c.md", "presse/pressekit-da.zip",
    )
    assert (paths.initiatives_csv, paths.actors_csv, paths.plan_json, paths.schema_json, paths.pdf("x.pdf")) == (
        "data/indsatser.csv", "data/aktoerer.csv", "data/initiatives.json", "data/initiatives.schema.json", "pdf/x.pdf",
    )


def test_the_series_pages_are_at_the_root():
    assert (urls.HOME, urls.CONTACT, urls.ACTORS, urls.FEED, urls.actor_path("cmm")) == ("index.md", "kontakt.md", "aktoerer/index.md", "feed.xml", "aktoerer/cmm.md")


def test_every_address_of_a_plan_is_its_address_before_the_series_under_its_id():
    new, old = PlanPaths.of("2022-2025"), PlanPaths.at_root()
    for name in ("home", "about", "focus_areas", "initiatives", "press", "initiatives_csv", "actors_csv", "plan_json", "schema_json"):
        assert getattr(new, name) == "2022-2025/" + getattr(old, name), name
    for method, argument in (("focus_area", "a"), ("initiative", "a"), ("press_release", "a"), ("press_kit", "da"), ("pdf", "a.pdf")):
        assert getattr(new, method)(argument) == "2022-2025/" + getattr(old, method)(argument), method


def test_plain_text_cannot_carry_markup():
    assert pages.escape_inline("*a* [b](c) <i>&") == "\\*a\\* \\[b\\](c) &lt;i&gt;&amp;"


def test_long_text_keeps_markdown_but_not_html_or_headings():
    assert pages.escape_block("**ok**\n# not a heading\n<b>x</b>") == "**ok**\n\\# not a heading\n&lt;b&gt;x&lt;/b&gt;"
