"""Scheduled publishing on the model: `publish_at` filters items at the exact moment `PLAN_NOW` sets.

The fixture `valid/scheduled.yaml` (here the plan of the minimal series) has a
press release and an update scheduled for 2018-09-10T12:00:00+02:00. The built
site before and at that moment is in tests/site/test_publishing.py.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from plansite.data import schedule
from plansite import settings
from plansite.problems import DataError
from plansite.data.validation import load_series
from support.building import series_with_plan
from support.paths import FIXTURES, MINIMAL_PLAN_ID

SCHEDULED = FIXTURES / "valid" / "scheduled.yaml"
PUBLISH_AT = "2018-09-10T12:00:00+02:00"
RELEASE = "embargo"
UPDATE = "planlagt-opdatering"


@pytest.fixture(scope="module")
def scheduled_series(tmp_path_factory):
    """The minimal series with `valid/scheduled.yaml` as its plan."""
    return load_series(series_with_plan(tmp_path_factory.mktemp("data"), SCHEDULED.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def scheduled_plan(scheduled_series):
    return scheduled_series.plan(MINIMAL_PLAN_ID)


def test_the_filter_publishes_at_the_exact_moment(scheduled_plan):
    plan = scheduled_plan
    due = datetime.fromisoformat(PUBLISH_AT)
    assert RELEASE not in [release.id for release in schedule.published_as_of(plan, due - timedelta(microseconds=1)).press_releases]
    assert RELEASE in [release.id for release in schedule.published_as_of(plan, due).press_releases]
    assert UPDATE not in [update.id for update in schedule.published_as_of(plan, due - timedelta(microseconds=1)).updates]
    assert UPDATE in [update.id for update in schedule.published_as_of(plan, due.astimezone(timezone.utc)).updates]


def test_the_series_filter_publishes_every_plan_at_the_exact_moment(scheduled_series):
    due = datetime.fromisoformat(PUBLISH_AT)
    before = schedule.series_published_as_of(scheduled_series, due - timedelta(microseconds=1))
    at = schedule.series_published_as_of(scheduled_series, due)
    assert RELEASE not in [release.id for release in before.plan(MINIMAL_PLAN_ID).press_releases]
    assert UPDATE not in [update.id for update in before.plan(MINIMAL_PLAN_ID).updates]
    assert RELEASE in [release.id for release in at.plan(MINIMAL_PLAN_ID).press_releases]
    assert UPDATE in [update.id for update in at.plan(MINIMAL_PLAN_ID).updates]
    # The rest of the series is what it was: the site, its actors, contacts and earlier plans.
    assert (before.site, before.actors, before.contacts, before.earlier_plans) == (scheduled_series.site, scheduled_series.actors, scheduled_series.contacts, scheduled_series.earlier_plans)
    assert [plan.id for plan in before.plans] == [plan.id for plan in scheduled_series.plans]


def test_plan_now_sets_the_moment_of_the_build():
    assert settings.publication_time({"PLAN_NOW": PUBLISH_AT}) == datetime.fromisoformat(PUBLISH_AT)


def test_without_plan_now_the_build_uses_the_current_time():
    moment = settings.publication_time({})
    assert abs(moment - datetime.now(timezone.utc)) < timedelta(minutes=1)


@pytest.mark.parametrize("value", ["10-09-2018 12:00", "2018-09-10T12:00:00"])
def test_a_plan_now_without_offset_or_format_is_refused_with_how_to_fix_it(value):
    with pytest.raises(DataError) as caught:
        settings.publication_time({"PLAN_NOW": value})
    assert caught.value.report().splitlines()[1] == (
        f"  $PLAN_NOW:1:1: '{value}' is not a date and time with a UTC offset — set PLAN_NOW like 2018-09-10T12:00:00+02:00, or unset it to use the current time"
    )


def test_an_attached_document_is_left_out_until_its_time(scheduled_plan):
    from plansite.data.model import Document, Text

    plan = scheduled_plan
    due = datetime.fromisoformat(PUBLISH_AT)
    document = Document("evaluering", Text("Evaluering", "Evaluation"), "da", "documents/evaluering.pdf", "presse@example.org", publish_at=due)
    scheduled = schedule.published_as_of(dataclasses.replace(plan, documents=(document,)), due - timedelta(seconds=1))
    assert scheduled.documents == ()
    assert schedule.published_as_of(dataclasses.replace(plan, documents=(document,)), due).documents == (document,)
