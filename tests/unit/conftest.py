"""Fixtures of the unit tests: small inputs, no site build (`pytest tests/unit` takes seconds)."""

from __future__ import annotations

import pytest

from support.paths import MINIMAL_DIR, MINIMAL_PLAN_ID


@pytest.fixture(scope="session")
def site():
    """Unit tests build no site: this replaces the session's built site for this folder."""
    pytest.fail("a unit test asked for the built site: move it to tests/site/", pytrace=False)


@pytest.fixture(scope="module")
def minimal_series():
    """The model of the small fixture series (tests/fixtures/minimal/), as the build loads it."""
    from plansite.data.validation import load_series

    return load_series(MINIMAL_DIR)


@pytest.fixture(scope="module")
def minimal_plan(minimal_series):
    """The model of the small fixture plan (tests/fixtures/minimal/plans/2019-2021.yaml), in its series."""
    return minimal_series.plan(MINIMAL_PLAN_ID)


def later_plan_data() -> dict:
    """A second plan for the minimal series, `2022-2025`: the minimal plan's values, changed where a later plan may differ.

    Its period is in years, it has no `in_force`, it was published in Danish
    only, the organisation alone has a role in it (and publishes it, and leads
    both initiatives), and its press release gives only the day, without a contact.
    """
    from plansite.data.loading import load_data_file
    from support.paths import MINIMAL

    data = load_data_file(MINIMAL).data
    plan = data["plan"]
    plan.update(
        title={"da": "Testplan 2022-2025", "en": "Test plan 2022-2025"},
        summary={"da": "Den nye plan.", "en": "The new plan."},
        period={"start": 2022, "end": 2025},
        published="2022-04",
        announced="2022-04-08",
        official_languages=["da"],
        publisher="organisation",
    )
    del plan["in_force"]
    data["actors"] = [{"id": "organisation", "description": {"da": "Organisationens nye rolle.", "en": "The organisation's new role."}, "sources": ["s1"]}]
    data["contacts"][0]["organisation"] = "organisation"
    for initiative in data["initiatives"]:
        initiative["lead"] = ["organisation"]
        initiative.pop("partners", None)
    data["initiatives"][0]["title"] = {"da": "Ny indsats ét", "en": "New initiative one"}
    release = data["press_releases"][0]
    release["published"] = "2022-04-08"
    del release["contact"]
    return data


@pytest.fixture(scope="module")
def two_plans():
    """The minimal series with `later_plan_data()` after its own plan: two plans with pages, one earlier plan without."""
    from plansite.data.loading import load_data_file
    from plansite.data.series import build_series
    from support.minimal_plan import plan_from
    from support.paths import MINIMAL

    later = later_plan_data()
    plan_from(later)  # must be valid
    site = load_data_file(MINIMAL_DIR / "site.yaml").data
    actors = load_data_file(MINIMAL_DIR / "actors.yaml").data
    return build_series(site, actors, {MINIMAL_PLAN_ID: load_data_file(MINIMAL).data, "2022-2025": later})
