"""The loader refuses what PyYAML silently accepts, and locates every problem."""

from __future__ import annotations

import pytest

from plansite.data.loading import parse_data
from plansite.problems import DataError


def problems_of(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(DataError) as caught:
        parse_data(raw, "data.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_clean_yaml_loads_with_value_and_key_locations():
    loaded = parse_data(b"plan:\n  title:\n    da: Plan\n", "data.yaml")
    assert loaded.data == {"plan": {"title": {"da": "Plan"}}}
    assert str(loaded.locate(("plan", "title", "da"))) == "data.yaml:3:9"
    assert str(loaded.locate_key(("plan", "title"))) == "data.yaml:2:3"


def test_dates_stay_the_text_the_editor_wrote():
    assert parse_data(b"day: 2019-01-01\n", "data.yaml").data == {"day": "2019-01-01"}


def test_a_duplicate_key_is_refused_at_the_second_occurrence():
    assert problems_of("plan:\n  title: a\n  title: b\n") == [
        "data.yaml:3:3: plan.title: duplicate key 'title' (first at line 2) — keep one of the two entries; YAML would silently drop the first"
    ]


def test_a_duplicate_key_deep_in_a_list_is_refused():
    assert problems_of("items:\n  - id: a\n    id: b\n")[0].startswith("data.yaml:3:5: items[0].id: duplicate key 'id'")


def test_anchors_and_aliases_are_refused():
    found = problems_of("a: &x {da: t, en: t}\nb: *x\n")
    assert any("anchors and aliases" in problem for problem in found)


def test_merge_keys_are_refused():
    found = problems_of("base: {da: t}\nother:\n  <<: {en: t}\n")
    assert found == ["data.yaml:3:3: other: merge keys (<<) are not allowed — write the keys out in full"]


def test_a_non_text_key_is_refused():
    assert problems_of("1: one\n") == ["data.yaml:1:1: the key '1' is not text — use a name made of letters, digits, '_' and '-' as the key"]


def test_a_tab_is_refused_with_its_column():
    assert problems_of("plan:\n\ttitle: x\n") == ["data.yaml:2:1: tab character — replace the tab with spaces (two per indentation level)"]


def test_a_file_that_is_not_utf8_is_refused_at_the_bad_byte():
    assert problems_of(b"plan:\n  title: caf\xe9\n") == ["data.yaml:2:13: the file is not UTF-8 (byte 0xe9) — save the file with UTF-8 encoding"]


def test_an_empty_file_is_refused():
    assert problems_of("# only a comment\n") == ["data.yaml:1:1: the file is empty — restore the file's content from version control"]


def test_a_list_at_the_top_is_refused():
    assert problems_of("- a\n- b\n")[0].startswith("data.yaml:1:1: the file must be a mapping of sections")


def test_broken_yaml_is_located():
    assert problems_of("plan:\n  title: [unclosed\n")[0].startswith("data.yaml:3:1: the file is not valid YAML")


def test_a_no_break_space_in_the_indentation_is_named_and_located():
    # PyYAML reads '\u00a0\u00a0other' as a new top-level key, or stops at the next line with an unrelated message.
    assert problems_of("plan:\n  title: x\n\u00a0\u00a0other: y\n") == [
        "data.yaml:3:1: the indentation contains a no-break space (U+00A0), which looks like a space but is not one to YAML — "
        "replace it with an ordinary space (indent with spaces only, two per level)"
    ]


@pytest.mark.parametrize(("character", "name"), [("\u2003", "em space"), ("\u202f", "narrow no-break space"), ("\u3000", "ideographic space"), ("\u200b", "zero width space"), ("\ufeff", "zero width no-break space")])
def test_other_unicode_spaces_in_the_indentation_are_named_and_located(character, name):
    assert problems_of(f"plan:\n  title: x\n  {character}other: y\n") == [
        f"data.yaml:3:3: the indentation contains a {name} (U+{ord(character):04X}), which looks like a space but is not one to YAML — "
        "replace it with an ordinary space (indent with spaces only, two per level)"
    ]


def test_a_no_break_space_after_a_colon_is_named_where_pyyaml_only_says_mapping_values_are_not_allowed():
    assert problems_of("plan:\n  title:\u00a0x\n  other: y\n") == [
        "data.yaml:2:9: a no-break space (U+00A0) follows 'title:', where YAML needs an ordinary space — replace it with an ordinary space"
    ]


@pytest.mark.parametrize(
    ("text", "location", "indicator"),
    [("items:\n  -\u00a0a\n  - b\n", "2:4", "-"), ("items:\n  - title:\u00a0x\n", "2:11", "title:")],
)
def test_a_no_break_space_after_a_list_dash_or_a_colon_that_yaml_silently_reads_as_text_is_refused(text, location, indicator):
    assert problems_of(text) == [
        f"data.yaml:{location}: a no-break space (U+00A0) follows '{indicator}', where YAML needs an ordinary space — replace it with an ordinary space"
    ]


def test_a_no_break_space_inside_a_text_is_kept():
    loaded = parse_data("plan:\n  title: 10\u00a0000 kr.\n  text: |-\n    Tid:\u00a0kl. 10\n    -\u00a0ikke en liste\n".encode("utf-8"), "data.yaml")
    assert loaded.data == {"plan": {"title": "10\u00a0000 kr.", "text": "Tid:\u00a0kl. 10\n-\u00a0ikke en liste"}}
