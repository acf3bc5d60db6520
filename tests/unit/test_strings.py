"""The site's own texts: the same keys in every language, none empty."""

from __future__ import annotations

import pytest

from plansite.problems import DataError
from plansite.i18n.strings import STRINGS_DIR, load_strings


def test_both_languages_have_the_same_keys():
    strings = load_strings()
    assert set(strings["da"]) == set(strings["en"])


def test_a_key_missing_in_one_language_is_refused_with_its_file(tmp_path):
    for language in ("da", "en"):
        (tmp_path / f"{language}.yaml").write_text((STRINGS_DIR / f"{language}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    english = tmp_path / "en.yaml"
    english.write_text("\n".join(line for line in english.read_text(encoding="utf-8").splitlines() if not line.startswith("page_press:")) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_strings(tmp_path)
    (problem,) = caught.value.problems
    assert str(problem) == f"{english}:1:1: page_press: missing here but present in da.yaml — add 'page_press:' with the en text"
