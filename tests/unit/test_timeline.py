"""A plan's course (plansite/i18n/timeline.py) on the small fixture series: its own dates and
its evidence, oldest first, each date as precise as its source and never more."""

from __future__ import annotations

from typing import Any

import pytest
from support.minimal_plan import localized_series
from support.paths import MINIMAL

from plansite.data.loading import load_data_file
from plansite.i18n.strings import load_strings
from plansite.i18n.timeline import plan_timeline
from plansite.i18n.view import LocalizedPlan

STRINGS = load_strings()


def evidence(item_id: str, when: str | int) -> dict[str, Any]:
    return {
        "id": item_id,
        "date": when,
        "kind": "report",
        "summary": {"da": f"Dansk {item_id}.", "en": f"English {item_id}."},
        "sources": ["s1"],
    }


def course(language: str, *items: dict[str, Any], **plan_values: Any) -> list[tuple[str, str, str, str | None]]:
    """(datetime, date shown, text, initiative) of the fixture plan's course, with `items` as
    the second initiative's evidence and its `plan:` values changed (None removes a key)."""
    data = load_data_file(MINIMAL).data
    data["initiatives"][1]["evidence"] = list(items)
    data["plan"].update(plan_values)
    for key in [key for key, value in plan_values.items() if value is None]:
        del data["plan"][key]
    plan = localized_series(data)[language].plan("2019-2021")
    entries = plan_timeline(plan)
    for entry in entries:
        assert entry.initiative_title == ("Initiative two" if language == "en" else "Indsats to") if entry.initiative_id else not entry.initiative_title
    return [(entry.datetime, entry.when_text, entry.text, entry.initiative_id) for entry in entries]


def test_the_course_runs_from_the_announcement_to_the_end_of_the_period():
    strings = STRINGS["da"]
    assert course("da") == [
        ("2018-09-10", "10. september 2018", strings["course_announced"], None),
        ("2019-01-01", "1. januar 2019", strings["course_in_force"], None),
        ("2021-12-31", "31. december 2021", strings["course_period_ends"], None),
    ]


def test_the_day_the_plan_was_sent_to_the_folketing_follows_its_announcement_where_given():
    strings = STRINGS["en"]
    entries = course("en", sent_to_parliament="2018-09-12")
    assert entries[:3] == [
        ("2018-09-10", "10 September 2018", strings["course_announced"], None),
        ("2018-09-12", "12 September 2018", strings["course_sent_to_parliament"], None),
        ("2019-01-01", "1 January 2019", strings["course_in_force"], None),
    ]
    assert strings["course_sent_to_parliament"] not in [text for _, _, text, _ in course("en")]  # no date, no step


def test_a_day_sent_to_the_folketing_that_is_not_a_date_is_refused(tmp_path):
    from plansite.data.validation import load_series
    from plansite.problems import DataError
    from support.building import copy_series
    from support.paths import MINIMAL_DIR

    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    plan_file = data_dir / "plans" / "2019-2021.yaml"
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("  announced: 2018-09-10\n", "  announced: 2018-09-10\n  sent_to_parliament: 2018-02-30\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    (problem,) = [str(problem) for problem in caught.value.problems]
    assert "plan.sent_to_parliament: '2018-02-30' is not a real date" in problem


def test_evidence_is_placed_by_its_date_a_month_after_its_days_and_a_year_after_its_months():
    entries = course(
        "en",
        evidence("aar", 2020),
        evidence("maaned", "2020-10"),
        evidence("dag-senere", "2020-10-30"),
        evidence("dag", "2020-03-02"),
    )
    dated = [(when, text) for when, _, text, initiative in entries if initiative]
    assert dated == [
        ("2020-03-02", "English dag."),
        ("2020-10-30", "English dag-senere."),
        ("2020-10", "English maaned."),
        ("2020", "English aar."),
    ]
    assert [shown for when, shown, _, initiative in entries if initiative] == ["2 March 2020", "30 October 2020", "October 2020", "2020"]
    assert {initiative for *_, initiative in entries if initiative} == {"indsats-to"}


def test_evidence_before_the_announcement_comes_before_it():
    entries = course("da", evidence("tidlig", "2018-05-01"))
    assert [when for when, *_ in entries][:2] == ["2018-05-01", "2018-09-10"]


def test_without_an_entry_into_force_the_period_begins_before_everything_else_of_its_first_year():
    entries = course(
        "en",
        evidence("januar", "2019-01-15"),
        in_force=None,
        period={"start": 2019, "end": 2021},
    )
    strings = STRINGS["en"]
    assert [(when, text) for when, _, text, _ in entries] == [
        ("2018-09-10", strings["course_announced"]),
        ("2019", strings["course_period_starts"]),
        ("2019-01-15", "English januar."),
        ("2021", strings["course_period_ends"]),
    ]
    assert strings["course_in_force"] not in [text for _, _, text, _ in entries]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_real_series_courses_are_ordered_and_hold_every_evidence_item_once(series, language):
    for localized in localized_series_of(series, language):
        entries = plan_timeline(localized)
        assert all(a.when.first_day <= b.when.last_day for a, b in zip(entries, entries[1:])), localized.plan.id
        shown = [entry.text for entry in entries if entry.initiative_id]
        expected = [item for initiative in localized.plan.initiatives for item in initiative.evidence]
        assert len(shown) == len(expected), localized.plan.id
        for item in expected:
            assert shown.count(item.summary.in_language(language)) == 1, item.id
        successor = localized.plan.plan.successor
        if successor:
            assert entries[-1].text == localized.strings.format(
                "course_successor", title=successor.title.in_language(language)
            )


def localized_series_of(series, language):
    return [LocalizedPlan(plan, language, STRINGS[language]) for plan in series.plans]
