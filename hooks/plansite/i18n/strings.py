"""The site's own user-visible texts, one YAML file per language in `data/strings/`."""

from __future__ import annotations

from pathlib import Path

from plansite.data.loading import load_data_file
from plansite.i18n.languages import LANGUAGES
from plansite.problems import DataError, Location, Problem

STRINGS_DIR = Path(__file__).resolve().parents[3] / "data" / "strings"


class Strings(dict[str, str]):
    """Texts of one language; `strings.format(key, **values)` fills in placeholders."""

    def format(self, key: str, **values: object) -> str:
        return self[key].format(**values)


def load_strings(strings_dir: Path = STRINGS_DIR) -> dict[str, Strings]:
    """Load every language's texts; refuse a key that one language lacks."""
    loaded = {language: load_data_file(strings_dir / f"{language}.yaml") for language in LANGUAGES}
    problems = []
    for language, strings in loaded.items():
        for key, value in strings.data.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    Problem(
                        strings.locate((key,)),
                        (key,),
                        "must be a non-empty text",
                        "write the text in quotes",
                    )
                )
        for other_language, other in loaded.items():
            for key in sorted(set(other.data) - set(strings.data)):
                problems.append(
                    Problem(
                        Location(strings.path, 1, 1),
                        (key,),
                        f"missing here but present in {other_language}.yaml",
                        f"add '{key}:' with the {language} text",
                    )
                )
    if problems:
        raise DataError(problems)
    return {language: Strings(strings.data) for language, strings in loaded.items()}
