"""The plan and the series in one language (plansite/i18n/view.py): what every renderer shows of them, on the small fixture series."""

from __future__ import annotations

import dataclasses

import pytest
from support.minimal_plan import localized_series
from support.paths import MINIMAL

from plansite.data.loading import load_data_file
from plansite.data.model import Text
from plansite.i18n.view import LocalizedPlan, localize


def plan_with(language: str, **plan_values) -> LocalizedPlan:
    """The minimal plan in `language`, its `plan:` values changed (a value of None removes the key)."""
    data = load_data_file(MINIMAL).data
    data["plan"].update(plan_values)
    for key in [key for key, value in plan_values.items() if value is None]:
        del data["plan"][key]
    return localized_series(data)[language].plan("2019-2021")


@pytest.fixture
def danish(minimal_plan, strings) -> LocalizedPlan:
    return LocalizedPlan(minimal_plan, "da", strings["da"])


@pytest.fixture
def english(minimal_plan, strings) -> LocalizedPlan:
    return LocalizedPlan(minimal_plan, "en", strings["en"])


def test_a_text_the_data_leaves_out_is_empty(english):
    assert english.text(Text(da="Dansk", en="English")) == "English"
    assert english.text(None) == ""


def test_an_actor_is_named_with_its_short_name_unless_the_name_contains_it(english, minimal_plan):
    organisation = minimal_plan.actor("organisation")
    assert english.actor_name(organisation) == "The Organisation (ORG)"
    assert english.actor_name(dataclasses.replace(organisation, name=Text(da="ORG", en="ORG Denmark"))) == "ORG Denmark"
    assert english.actor_name(minimal_plan.actor("ministeriet")) == "The Ministry"


def test_actors_are_grouped_by_type_in_a_fixed_order(danish):
    assert [(label, [actor.id for actor in actors]) for label, actors in danish.actors_by_type()] == [
        ("Ministerium", ["ministeriet"]),
        ("Organisation (NGO)", ["organisation"]),
    ]


def test_the_plans_facts_have_labels_and_values_in_the_language(danish, english):
    assert danish.plan_facts()["fact_budget"] == {"label": "Økonomi", "value": "63 mio. kr."}
    assert english.plan_facts()["fact_budget"] == {"label": "Funding", "value": "DKK 63 million"}
    assert english.plan_facts()["fact_minister"]["value"] == "Test Minister, Minister for Testing"


def test_a_key_figure_without_context_has_an_empty_one(english, minimal_plan):
    assert english.key_figures(minimal_plan.key_figures) == [{"value": "DKK 63 million", "label": "over three years", "context": ""}]


def test_a_source_is_detailed_by_publisher_and_date(danish, minimal_plan):
    assert danish.source_details(minimal_plan.source("s1")) == "Ministeriet, 10. september 2018"
    assert danish.source_details(dataclasses.replace(minimal_plan.source("s1"), publisher=None, date=None)) == ""


def test_a_press_release_is_dated_in_copenhagen_time(danish, minimal_plan):
    assert danish.press_moment(minimal_plan.press_releases[0]) == "10. september 2018 kl. 12.47"


def test_the_focus_area_title_carries_its_number(english, minimal_plan):
    assert english.focus_area_title(minimal_plan.focus_area("omraade-b")) == "Action area 2: Area B"


def test_the_plans_facts_leave_out_what_the_data_does_not_give(danish):
    assert danish.plan_facts()["fact_in_force"] == {"label": "I kraft fra", "value": "1. januar 2019"}
    without = plan_with("da", in_force=None).plan_facts()
    assert "fact_in_force" not in without
    assert list(without) == [key for key in danish.plan_facts() if key != "fact_in_force"]


def test_a_press_release_without_a_time_is_dated_by_its_day(minimal_plan, strings):
    release = dataclasses.replace(minimal_plan.press_releases[0], time_known=False)
    assert LocalizedPlan(minimal_plan, "da", strings["da"]).press_moment(release) == "10. september 2018"
    assert LocalizedPlan(minimal_plan, "en", strings["en"]).press_moment(release) == "10 September 2018"


def test_the_pdf_file_name_is_the_short_title_in_plain_letters_and_the_plan_id(danish, english):
    assert danish.pdf_file_name() == "testplan-2019-2021.pdf"
    assert english.pdf_file_name() == "test-plan-2019-2021.pdf"
    short_title = {"da": "Handlingsplan mod menneskehandel på Ærø", "en": "Action plan: “Über” & more"}
    assert plan_with("da", short_title=short_title).pdf_file_name() == "handlingsplan-mod-menneskehandel-paa-aeroe-2019-2021.pdf"
    assert plan_with("en", short_title=short_title).pdf_file_name() == "action-plan-uber-more-2019-2021.pdf"


def test_a_language_the_plan_was_published_in_has_no_translation_note(danish, english):
    assert (danish.translation_note(), english.translation_note()) == ("", "")
    assert plan_with("da", official_languages=["da"]).translation_note() == ""


def test_in_a_language_the_plan_was_not_published_in_its_texts_are_noted_as_our_translation():
    assert plan_with("en", official_languages=["da"]).translation_note() == (
        "The plan was published in Danish only. The English title and the English texts on this site are our own translation."
    )
    danish = plan_with("da", official_languages=["en"]).translation_note()
    assert danish.startswith("Planen er kun udgivet på engelsk.") and "vores egen oversættelse" in danish
    assert "Den danske titel og de danske tekster" in danish  # the Danish page's texts are ours, not the English ones


def test_a_period_of_days_reads_in_years_too_and_a_period_in_years_only_in_years(danish):
    assert (danish.period_years(), danish.format_period(danish.plan.plan.period)) == ("2019–2021", "1. januar 2019 – 31. december 2021")
    in_years = plan_with("en", period={"start": 2022, "end": 2025})
    assert (in_years.period_years(), in_years.format_period(in_years.plan.plan.period)) == ("2022–2025", "2022–2025")


def test_the_series_in_a_language_names_the_site_and_dates_each_contact(minimal_series):
    danish, english = localized_series()["da"], localized_series()["en"]
    assert (danish.site_name(), english.site_name()) == ("Testsitet", "The test site")
    [contact] = minimal_series.contacts
    assert danish.contact_as_of(contact) == "Oplysningerne er fra en kilde af 29. marts 2022."
    assert english.contact_as_of(contact) == "These details are from a source dated 29 March 2022."
    assert danish.current.plan.id == "2019-2021" and [localized.language for localized in danish.plans] == ["da"]


def test_the_series_actors_are_those_with_a_role_in_some_plan_as_the_newest_plan_knows_them(two_plans, strings):
    danish = localize(two_plans, strings)["da"]
    assert [localized.plan.id for localized in danish.plans] == ["2019-2021", "2022-2025"]
    by_id = {actor.id: actor for actor in danish.actors()}
    assert set(by_id) == {"organisation", "ministeriet"}
    assert danish.text(by_id["organisation"].description) == "Organisationens nye rolle."
    assert danish.text(by_id["ministeriet"].description) == "Et ministerium."
    assert [(label, [actor.id for actor in actors]) for label, actors in danish.actors_by_type()] == [("Ministerium", ["ministeriet"]), ("Organisation (NGO)", ["organisation"])]
