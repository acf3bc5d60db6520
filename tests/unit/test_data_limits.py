"""Limits on numbers and texts: no value validation accepts can outgrow formatting or a PDF page.

The schema bounds every number (amounts, counts, years) and every short text
(titles, names, labels); the printed plan bounds what it gathers from many
entries (the initiatives an actor leads). Beyond a limit, validation names the
limit. That the plan PDF passes its checks at the limits: tests/site/test_pdf_limits.py.
"""

from __future__ import annotations

import pytest

from plansite.data.loading import parse_data
from plansite.problems import DataError
from plansite.data.validation import load_series
from plansite.i18n.formatting import format_money
from plansite.i18n.view import LocalizedPlan
from plansite.pdf.view import build_print_view
from support.building import copy_series
from support.minimal_plan import check_plan_text, minimal_with, plan_from, with_initiatives
from support.paths import MINIMAL_DIR, REAL_DATA

FILE = "data/plans/2019-2021.yaml"


def problems_after(*replacements: tuple[str, str]) -> list[str]:
    return [str(problem) for problem in check_plan_text(minimal_with(*replacements), FILE)]


def test_an_integer_of_thousands_of_digits_is_a_located_problem_not_a_crash():
    with pytest.raises(DataError) as caught:
        parse_data(minimal_with(("amount: 63000000", "amount: " + "9" * 5000)).encode("utf-8"), FILE)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{FILE}:11:13: plan.budget.amount: the number has 5000 digits, too many to read"
        " — write the number the field asks for, or put it in quotes to make it text"
    ]


def test_an_amount_above_a_million_million_kroner_is_refused_with_the_range():
    assert problems_after(("amount: 63000000", "amount: " + "1" + "0" * 400)) == [
        f"{FILE}:11:13: plan.budget.amount: {'1' + '0' * 58}… is out of range (maximum 1000000000000)"
        " — The budget in kroner (DKK), in digits such as 63000000: from 0 to 1000000000000 (a million million kroner)."
    ]


def test_a_figure_that_is_not_money_has_a_lower_limit():
    (problem,) = problems_after(("value: 63000000\n    unit: dkk", "value: 63000000\n    unit: count"))
    assert problem.startswith(f"{FILE}:76:12: key_figures[0].value: 63000000 is out of range (maximum 10000000) — A figure in percent, people, years or a count")


def test_a_number_written_as_text_still_asks_for_a_number():
    assert problems_after(("number: 2\n", 'number: "2"\n')) == [
        f"{FILE}:35:13: focus_areas[1].number: expected a whole number, found the text '2' — write a whole number here"
    ]


def test_minus_zero_passes_the_minimum_and_is_shown_as_zero(strings):
    assert problems_after(("amount: 63000000", "amount: -0.0")) == []
    assert format_money(-0.0, "da", strings["da"]) == "0 mio. kr."


def test_a_title_longer_than_its_limit_is_refused_with_how_much_to_cut():
    assert problems_after(('title: {da: "Indsats ét"', 'title: {da: "' + "W" * 205 + '"')) == [
        f"{FILE}:44:17: initiatives[0].title.da: the text is 205 characters long, more than the 200 allowed"
        " — shorten it by at least 5 characters (Danish text, at most 200 characters: titles, names and labels"
        " appear in the plan PDF's headings and table cells, which must fit on a page)"
    ]


def test_an_entry_citing_more_than_twenty_sources_is_refused():
    sources = "\n".join(f"  - id: s{number}\n    title: {{da: K, en: S}}\n    url: https://kilde.example.org/{number}" for number in range(2, 22))
    text = minimal_with(("    sources: [s1]\n  - id: omraade-b", "    sources: [" + ", ".join(f"s{number}" for number in range(1, 22)) + "]\n  - id: omraade-b")) + sources + "\n"
    problems = [str(problem) for problem in check_plan_text(text, FILE)]
    assert problems == [f"{FILE}:33:14: focus_areas[0].sources: lists 21 entries, more than the 20 allowed — keep at most 20 of them"]


def test_an_actor_s_short_name_longer_than_its_limit_is_refused_in_the_actors_file(tmp_path):
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    actors = data_dir / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("short_name: ORG", "short_name: " + "O" * 21), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{actors}:10:17: actors[1].short_name: the text is 21 characters long, more than the 20 allowed"
        " — shorten it by at least 1 character (An abbreviation such as CMM, at most 20 characters)"
    ]


def test_every_file_of_the_real_series_is_within_every_limit():
    series = load_series(REAL_DATA)
    assert [plan.id for plan in series.plans] == sorted(path.stem for path in (REAL_DATA / "plans").glob("*.yaml"))


# The actors table of the printed plan ----------------------------------------------------------


def roles_of(plan, language: str, strings, actor_name: str) -> list[str]:
    view = build_print_view(LocalizedPlan(plan, language, strings[language]))
    (row,) = [row for row in view["actors"]["rows"] if row["name"] == actor_name]
    return row["roles"]


def test_an_actor_leading_more_initiatives_than_fit_in_its_row_is_given_their_number(strings):
    plan = plan_from(with_initiatives(150, partners=()))
    assert roles_of(plan, "da", strings, "Organisationen (ORG)") == ["Står for 150 indsatser"]
    assert roles_of(plan, "en", strings, "The Organisation (ORG)") == ["Leads 150 initiatives"]


def test_an_actor_leading_initiatives_whose_titles_fit_in_its_row_lists_them(strings):
    plan = plan_from(with_initiatives(3, partners=()))
    assert roles_of(plan, "da", strings, "Organisationen (ORG)") == ["Står for: Indsats nummer 0; Indsats nummer 1; Indsats nummer 2"]


def test_the_real_plan_lists_the_initiatives_of_every_actor_by_title(plan, strings):
    # `plan` is the real root plan.
    for language in ("da", "en"):
        texts = strings[language]
        view = build_print_view(LocalizedPlan(plan, language, texts))
        listed = (texts.format("pdf_role_leads", initiatives=""), texts.format("pdf_role_partner", initiatives=""))
        roles = [role for row in view["actors"]["rows"] for role in row["roles"]]
        assert [role for role in roles if role not in (texts["role_publisher"], texts["no_role"]) and not role.startswith(listed)] == []
