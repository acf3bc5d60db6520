"""The plan in one language (plansite/i18n/view.py): what every renderer shows of it, on the small fixture plan."""

from __future__ import annotations

import dataclasses

import pytest

from plansite.data.model import Text
from plansite.i18n.view import LocalizedPlan


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
