"""The editors' guide exists in both languages, and its examples are valid entries of the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from plansite.data.loading import load_data_file, parse_data
from plansite.data.validation import check_data
from support.paths import PROJECT_DIR

GUIDES = [PROJECT_DIR / "EDITING.da.md", PROJECT_DIR / "EDITING.en.md"]
# The guide's example entries, in order: an initiative, an actor, a press release that refers to the initiative.
EXAMPLE_SECTIONS = ["initiatives", "actors", "press_releases"]


def example_entries(guide: Path) -> list[str]:
    blocks = re.findall(r"^```yaml\n(.*?)^```", guide.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    return [block for block in blocks if block.startswith("  - id: ")]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_the_guide_examples_are_valid_entries_of_the_real_data(guide):
    data = load_data_file(PROJECT_DIR / "data" / "initiatives.yaml").data
    entries = example_entries(guide)
    assert len(entries) == len(EXAMPLE_SECTIONS)
    for section, entry in zip(EXAMPLE_SECTIONS, entries):
        data[section].append(parse_data(f"{section}:\n{entry}".encode("utf-8"), guide.name).data[section][0])
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    assert check_data(parse_data(text.encode("utf-8"), str(PROJECT_DIR / "data" / "initiatives.yaml"))) == []


def test_the_guides_link_each_other_and_are_linked_from_the_readme():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "(EDITING.da.md)" in readme and "(EDITING.en.md)" in readme
    assert "(EDITING.en.md)" in GUIDES[0].read_text(encoding="utf-8")
    assert "(EDITING.da.md)" in GUIDES[1].read_text(encoding="utf-8")


def test_both_guides_have_the_same_sections():
    def headings(path: Path) -> list[str]:
        return [line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]

    assert headings(GUIDES[0]) == headings(GUIDES[1])
