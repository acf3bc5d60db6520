"""No code, template, site text, hand-written page or config names a plan: what is plan-specific comes from data.

The words are taken from the real data folder (every plan file and the site's
earlier plans): each plan's titles, its years ("2019-2021", "2019–2021"), its
minister and its publisher's names. A new plan must be a new data file, so none
of these may appear where a plan file cannot change it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from plansite.data.loading import load_data_file
from support.paths import PROJECT_DIR, REAL_DATA

# Where a plan's words must not be: everything that is not the data of one plan.
PLACES = ("hooks", "overrides", "data/strings", "data/schema", "docs", "mkdocs.yml")
TEXT_SUFFIXES = {".py", ".html", ".md", ".yaml", ".yml", ".json", ".css", ".js", ".txt", ".xml"}


@cache
def plan_words() -> dict[str, str]:
    """Each plan-specific word or phrase of the real data, with what it is."""
    words: dict[str, str] = {}
    actors = {actor["id"]: actor for actor in load_data_file(REAL_DATA / "actors.yaml").data["actors"]}
    for path in sorted((REAL_DATA / "plans").glob("*.yaml")):
        plan = load_data_file(path).data["plan"]
        for language in ("da", "en"):
            words[plan["title"][language]] = f"the title of {path.name}"
            words[actors[plan["publisher"]]["name"][language]] = f"the publisher of {path.name}"
        words[plan["minister"]["name"]] = f"the minister of {path.name}"
        words.update(_years(plan["period"], path.name))
    for entry in load_data_file(REAL_DATA / "site.yaml").data.get("earlier_plans", []):
        words.update(_years(entry["period"], f"the earlier plan {entry['id']}"))
    return words


def _years(period: dict, what: str) -> dict[str, str]:
    start, end = str(period["start"])[:4], str(period["end"])[:4]
    return {f"{start}{dash}{end}": f"the years of {what}" for dash in ("-", "–", "—")}


def files_to_read() -> list[Path]:
    files = []
    for place in PLACES:
        path = PROJECT_DIR / place
        candidates = [path] if path.is_file() else sorted(path.rglob("*"))
        files += [item for item in candidates if item.is_file() and item.suffix in TEXT_SUFFIXES and "__pycache__" not in item.parts]
    return files


def test_the_words_come_from_both_real_plans():
    words = plan_words()
    assert "2019-2021" in words and "2022-2025" in words
    assert len([what for what in words.values() if what.startswith("the minister")]) >= 2


@pytest.mark.parametrize("path", files_to_read(), ids=lambda path: path.relative_to(PROJECT_DIR).as_posix())
def test_no_file_outside_the_plans_names_a_plan(path: Path):
    text = path.read_text(encoding="utf-8")
    found = [f"{word!r} ({what})" for word, what in plan_words().items() if _names(word, text)]
    assert found == [], f"{path.relative_to(PROJECT_DIR)} names a plan: " + "; ".join(found)


def test_the_check_finds_a_plan_word(tmp_path: Path):
    """The canary: a template that names a plan is caught."""
    words = plan_words()
    template = tmp_path / "home.md"
    template.write_text("## De fire indsatsområder i handlingsplanen 2019-2021\n", encoding="utf-8")
    text = template.read_text(encoding="utf-8")
    assert any(_names(word, text) for word in words)


def _names(word: str, text: str) -> bool:
    """`word` stands in `text` as a word of its own (not inside a longer id such as `x-2019-2021-y`)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
