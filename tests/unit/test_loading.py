"""The loader refuses what PyYAML silently accepts, and locates every problem."""

from __future__ import annotations

import pytest

from plansite.data.loading import parse_data
from plansite.data.problems import DataError


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
