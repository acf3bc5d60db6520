"""Every text must be one the plan PDF's font can show: what it lacks is refused, named and located."""

from __future__ import annotations

import pytest

from plansite.data.font_coverage import check_characters, showable_characters
from plansite.data.loading import load_data_file
from plansite.data.validation import load_series
from plansite.i18n.languages import LANGUAGES
from plansite.i18n.strings import STRINGS_DIR
from plansite.problems import DataError
from support.building import copy_series
from support.minimal_plan import check_plan_text, minimal_with, yaml_string
from support.paths import MINIMAL_DIR
from support.problems import assert_no_problems

TITLE = 'title: {da: "Indsats ét"'
PLAN = "data/plans/2019-2021.yaml"


def problems_with_title(title: str) -> list[str]:
    return [str(problem) for problem in check_plan_text(minimal_with((TITLE, f"title: {{da: {yaml_string(title)}")), PLAN)]


def test_the_shipped_faces_show_the_same_characters_among_them_danish_and_typographic_ones():
    showable = showable_characters()
    assert len(showable) > 2000
    assert set("æøåÆØÅéü–—…«»„“”’€§\u00a0\u00ad\u200b\u200d\u0301\n") <= showable


def test_a_character_the_pdf_font_cannot_show_is_refused_at_its_text_with_its_name():
    assert problems_with_title("Indsats → ét") == [
        f"{PLAN}:44:17: initiatives[0].title.da: the plan PDF's font cannot show '→' (U+2192 RIGHTWARDS ARROW)"
        " — leave it out, transliterate it, or ask a developer to add a font that has it"
    ]


def test_a_right_to_left_word_is_refused_with_each_of_its_letters_named_once():
    assert problems_with_title("Indsats שלום ét") == [
        f"{PLAN}:44:17: initiatives[0].title.da: the plan PDF's font cannot show 'ש' (U+05E9 HEBREW LETTER SHIN), "
        "'ל' (U+05DC HEBREW LETTER LAMED), 'ו' (U+05D5 HEBREW LETTER VAV) and 'ם' (U+05DD HEBREW LETTER FINAL MEM)"
        " — leave them out, transliterate them, or ask a developer to add a font that has them"
    ]


def test_a_long_foreign_text_names_five_characters_and_counts_the_rest():
    (problem,) = problems_with_title("مرحبا بالعالم")
    assert "'م' (U+0645 ARABIC LETTER MEEM), 'ر' (U+0631 ARABIC LETTER REH), 'ح' (U+062D ARABIC LETTER HAH), 'ب' (U+0628 ARABIC LETTER BEH), 'ا' (U+0627 ARABIC LETTER ALEF) and 2 more characters —" in problem


def test_an_emoji_is_refused_though_its_joiner_is_not():
    (problem,) = problems_with_title("Familier 👩\u200d👧")
    assert "cannot show '👩' (U+1F469 WOMAN) and '👧' (U+1F467 GIRL) —" in problem


def test_a_control_character_written_as_an_escape_is_named_by_its_code_only():
    (problem,) = problems_with_title("Indsats \x1e ét")
    assert "cannot show the control character U+001E —" in problem


def test_line_breaks_soft_hyphens_zero_width_characters_and_combining_marks_are_accepted():
    assert problems_with_title("Menneske\u00adhandel\u200bindsats e\u0301t\u200d\nanden linje") == []


@pytest.mark.parametrize(
    ("name", "old", "new", "where"),
    [
        ("actors.yaml", 'name: {da: "Organisationen"', 'name: {da: "Organisationen →"', "9:16: actors[1].name.da"),
        ("site.yaml", 'name: {da: "Testsitet"', 'name: {da: "Testsitet →"', "3:14: site.name.da"),
    ],
)
def test_a_character_the_pdf_font_cannot_show_is_refused_in_the_site_and_actors_files(tmp_path, name, old, new, where):
    # The plan PDF shows the actors' names; every text of the series is checked, in whichever file it is written.
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    (data_dir / name).write_text((data_dir / name).read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{data_dir / name}:{where}: the plan PDF's font cannot show '→' (U+2192 RIGHTWARDS ARROW)"
        " — leave it out, transliterate it, or ask a developer to add a font that has it"
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_s_own_texts_use_only_characters_the_pdf_font_shows(language):
    assert_no_problems(check_characters(load_data_file(STRINGS_DIR / f"{language}.yaml")))
