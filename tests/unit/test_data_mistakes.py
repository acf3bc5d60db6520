"""The exact, located message for each class of editors' mistake not pinned in test_loading/test_validation."""

from __future__ import annotations

import pytest

from plansite.data.loading import parse_data
from plansite.data.validation import load_series
from plansite.problems import DataError
from support.building import copy_series
from support.minimal_plan import check_plan_text, minimal_with
from support.paths import MINIMAL, MINIMAL_DIR

PLAN = "data/plans/2019-2021.yaml"


def problems_after(old: str, new: str) -> list[str]:
    """Problems in the minimal plan file after replacing `old` (which must occur once) by `new`."""
    return [str(problem) for problem in sorted(set(check_plan_text(minimal_with((old, new)), PLAN)))]


def load_problems(raw: bytes) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_data(raw, "data.yaml")
    return [str(problem) for problem in caught.value.problems]


def line_of(fragment: str) -> int:
    return next(number for number, line in enumerate(MINIMAL.read_text(encoding="utf-8").splitlines(), start=1) if fragment in line)


def test_an_unknown_section_is_refused_with_the_nearest_section():
    assert problems_after("key_figures:\n", "key_figure: []\nkey_figures:\n") == [
        f"{PLAN}:{line_of('key_figures:')}:1: key_figure: unknown section 'key_figure' — did you mean 'key_figures'?"
    ]


def test_a_misspelt_section_is_refused_and_the_missing_one_named():
    assert problems_after("sources:\n  - id: s1", "sourcse:\n  - id: s1") == [
        f"{PLAN}:2:1: missing required key 'sources' — add 'sources:' here",
        f"{PLAN}:{line_of('  - id: s1') - 1}:1: sourcse: unknown section 'sourcse' — did you mean 'sources'?",
    ]


def test_a_name_of_only_spaces_is_refused():
    assert problems_after("    name: Pia Presse", '    name: " "') == [
        f"{PLAN}:{line_of('name: Pia Presse')}:11: contacts[0].name: must not be empty — write the text, or remove the key if it is optional"
    ]


PRESS_TIME = 'published: "2018-09-10T12:47:00+02:00"'


def test_a_time_with_the_winter_offset_on_a_summer_day_is_refused():
    assert problems_after('published: "2018-09-10T12:47:00+02:00"', 'published: "2018-09-10T12:47:00+01:00"') == [
        f"{PLAN}:{line_of(PRESS_TIME)}:16: press_releases[0].published: the UTC offset +01:00 is not Copenhagen's on 2018-09-10 (+02:00)"
        " — did you mean '2018-09-10T12:47:00+02:00'? (or give the time in UTC, ending in Z)"
    ]


def test_a_time_in_utc_is_accepted():
    assert problems_after('published: "2018-09-10T12:47:00+02:00"', 'published: "2018-09-10T10:47:00Z"') == []


def test_a_time_without_offset_is_refused_with_copenhagen_offsets_explained():
    # A day alone is allowed too; a time must say which offset, and the editor must learn which one Copenhagen has.
    (problem,) = problems_after('published: "2018-09-10T12:47:00+02:00"', 'published: "2018-09-10T12:47:00"')
    assert problem.startswith(f"{PLAN}:{line_of(PRESS_TIME)}:16: press_releases[0].published: '2018-09-10T12:47:00' is not in the expected format — The day, YYYY-MM-DD, or the day and time with its UTC offset"), problem
    assert "Copenhagen is +02:00 in summer time, +01:00 in winter" in problem, problem


def test_an_infinite_amount_is_refused():
    assert problems_after("    amount: 63000000", "    amount: .inf") == [
        f"{PLAN}:{line_of('amount: 63000000')}:13: plan.budget.amount: 'inf' is not a usable number — write the number in digits, e.g. 63000000"
    ]


def test_a_figure_that_is_not_a_number_is_refused():
    assert problems_after("    value: 63000000", "    value: .nan") == [
        f"{PLAN}:{line_of('value: 63000000')}:12: key_figures[0].value: 'nan' is not a usable number — write the number in digits, e.g. 63000000"
    ]


def test_an_amount_without_currency_is_refused():
    assert problems_after("    currency: DKK\n", "") == [f"{PLAN}:{line_of('  budget:')}:3: plan.budget: missing required key 'currency' — add 'currency:' here"]


def test_an_amount_written_as_text_is_refused():
    assert problems_after("    amount: 63000000", '    amount: "63 mio."') == [
        f"{PLAN}:{line_of('amount: 63000000')}:13: plan.budget.amount: expected a number, found the text '63 mio.' — write a number here"
    ]


def test_the_id_index_is_refused_for_an_item_with_a_page():
    assert problems_after("  - id: indsats-to", "  - id: index") == [
        f"{PLAN}:{line_of('- id: indsats-to')}:9: initiatives[1].id: the id 'index' would give this initiative the address of the overview page — choose another id"
    ]


def test_a_malformed_email_is_refused():
    assert problems_after('phone: "+45 11 22 33 44"', 'phone: "+45 11 22 33 44"\n    email: presse(at)example.org') == [
        f"{PLAN}:{line_of('phone: ') + 1}:12: contacts[0].email: 'presse(at)example.org' is not in the expected format"
        " — An email address such as presse@um.dk (letters a-z, digits and . _ % + - before the @)."
    ]


def test_a_url_with_markdown_syntax_is_refused():
    (problem,) = problems_after("    url: https://kilde.example.org/1", "    url: https://kilde.example.org/){:onclick=alert(1)}")
    assert problem.startswith(f"{PLAN}:{line_of('url: https://kilde')}:10: sources[0].url: 'https://kilde.example.org/){{:onclick=alert(1)}}' is not in the expected format — An absolute https:// address, without spaces")


def test_a_control_character_is_refused_where_it_is():
    assert load_problems(b"plan:\n  title: caf\x00e\n") == ["data.yaml:2:13: invisible control character (U+0000) — delete it; it was probably pasted in by accident"]


def test_an_unusual_line_break_is_refused_where_it_is():
    assert load_problems("plan:\n  title: a\u2028b\n".encode()) == ["data.yaml:2:11: unusual line break (U+2028) — replace it with a normal line break"]


def test_windows_line_endings_are_accepted():
    assert parse_data(b"plan:\r\n  title: x\r\n", "data.yaml").data == {"plan": {"title": "x"}}


def test_data_nested_absurdly_deep_is_refused_without_crashing():
    assert load_problems(b"plan: " + b"[" * 60 + b"]" * 60 + b"\n") == ["data.yaml:1:57: the data is nested more than 50 levels deep — check the indentation and brackets around here"]


def test_thousands_of_open_brackets_are_refused_before_the_parser_sees_them():
    # The C parser would crash the process (a segmentation fault) on these.
    assert load_problems(b"plan: " + b"[" * 200_000) == ["data.yaml:1:1007: more than 1000 brackets are open here — close the [ and { brackets you opened"]


def test_a_long_text_in_the_wrong_place_is_quoted_short_and_on_one_line():
    text = "Første linje\\nanden linje, og en lang tekst der bliver ved og ved og ved og ved"
    (problem,) = problems_after("    number: 2", f'    number: "{text}"')
    assert problem == (
        f"{PLAN}:{line_of('number: 2')}:13: focus_areas[1].number: expected a whole number,"
        " found the text 'Første linje\\nanden linje, og en lang tekst der bliver ved …' — write a whole number here"
    )


def test_a_file_cut_off_inside_a_value_is_located_at_its_last_character():
    assert load_problems(b"plan:\n  title: [Plan") == ["data.yaml:2:15: the file is not valid YAML: did not find expected ',' or ']' — check the indentation and quoting around this line"]


# The series' other files: the same located messages for their shape ------------------------------


def series_problems(folder, name: str, old: str, new: str) -> list[str]:
    """The problems of a copy of the minimal series at `folder` whose file `name` has `old` replaced by `new`."""
    data_dir = copy_series(MINIMAL_DIR, folder)
    text = (data_dir / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (data_dir / name).write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    return [str(problem) for problem in caught.value.problems]


def series_line(name: str, fragment: str) -> int:
    return next(number for number, line in enumerate((MINIMAL_DIR / name).read_text(encoding="utf-8").splitlines(), start=1) if fragment in line)


def test_a_misspelt_section_of_the_site_file_is_refused_with_the_nearest_section(tmp_path):
    assert series_problems(tmp_path, "site.yaml", "earlier_plans:\n", "earlier_plan:\n") == [
        f"{tmp_path / 'site.yaml'}:{series_line('site.yaml', 'earlier_plans:')}:1: earlier_plan: unknown section 'earlier_plan' — did you mean 'earlier_plans'?"
    ]


def test_an_actor_without_a_name_is_refused_in_the_actors_file(tmp_path):
    assert series_problems(tmp_path, "actors.yaml", '    name: {da: "Ministeriet", en: "The Ministry"}\n', "") == [
        f"{tmp_path / 'actors.yaml'}:{series_line('actors.yaml', '- id: ministeriet')}:5: actors[0]: missing required key 'name' — add 'name:' here"
    ]


def test_an_actor_type_outside_the_vocabulary_is_refused_with_the_nearest_type(tmp_path):
    assert series_problems(tmp_path, "actors.yaml", "    type: ministry", "    type: ministy") == [
        f"{tmp_path / 'actors.yaml'}:{series_line('actors.yaml', 'type: ministry')}:11: actors[0].type: 'ministy' is not allowed — did you mean 'ministry'?"
    ]


def test_a_site_contact_s_date_that_does_not_exist_is_refused(tmp_path):
    assert series_problems(tmp_path, "site.yaml", "    as_of: 2022-03-29", "    as_of: 2022-02-29") == [
        f"{tmp_path / 'site.yaml'}:{series_line('site.yaml', 'as_of: 2022-03-29')}:12: contacts[0].as_of: '2022-02-29' is not a real date — write an existing date as YYYY-MM-DD"
    ]
