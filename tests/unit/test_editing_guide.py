"""The editors' guide exists in both languages, its examples are valid entries of the real data, and the sections the data points editors to exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from plansite.data.loading import load_data_file, parse_data
from plansite.data.validation import ACTORS_FILE, ACTORS_SCHEMA, check_plan_file, check_shape, read_series
from plansite.problems import DataError
from support.paths import PROJECT_DIR, REAL_DATA

GUIDES = [PROJECT_DIR / "EDITING.da.md", PROJECT_DIR / "EDITING.en.md"]
# The guide's example entries, in order, each with the file and section it goes into: an initiative of
# a plan; an actor (who it is, in actors.yaml) and its role in a plan; a press release that refers to
# the initiative.
EXAMPLE_SECTIONS = [("plan", "initiatives"), ("actors", "actors"), ("plan", "actors"), ("plan", "press_releases")]
# The plan the examples are entries of: the current plan, the one editors add to.
CURRENT_PLAN = REAL_DATA / "plans" / f"{load_data_file(REAL_DATA / 'site.yaml').data['site']['current_plan']}.yaml"
# Where the data and the messages send editors: the section of each guide that adds a plan.
ADD_A_PLAN = {"EDITING.da.md": "Tilføj en ny plan", "EDITING.en.md": "Add a new plan"}


def example_entries(guide: Path) -> list[str]:
    blocks = re.findall(r"^```yaml\n(.*?)^```", guide.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    return [block for block in blocks if block.startswith("  - id: ")]


def with_examples(guide: Path) -> dict[str, dict]:
    """The real current plan's file and the real actors.yaml, with the guide's example entries added."""
    files = {"plan": load_data_file(CURRENT_PLAN).data, "actors": load_data_file(REAL_DATA / ACTORS_FILE).data}
    entries = example_entries(guide)
    assert len(entries) == len(EXAMPLE_SECTIONS), f"{guide.name}: expected {len(EXAMPLE_SECTIONS)} example entries ({EXAMPLE_SECTIONS}), found {len(entries)}"
    for (file, section), entry in zip(EXAMPLE_SECTIONS, entries):
        files[file][section].append(parse_data(f"{section}:\n{entry}".encode("utf-8"), guide.name).data[section][0])
    return files


def reloaded(data: dict, path: Path):
    """`data` written as YAML and read back as the file at `path`, with positions."""
    return parse_data(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8"), str(path))


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_the_guide_examples_are_valid_entries_of_the_real_data(guide):
    files = with_examples(guide)
    actors = reloaded(files["actors"], REAL_DATA / ACTORS_FILE)
    assert [str(problem) for problem in check_shape(actors, ACTORS_SCHEMA)] == []
    actor_ids = [actor["id"] for actor in files["actors"]["actors"]]
    assert len(set(actor_ids)) == len(actor_ids), "the example actor's id is taken"
    assert [str(problem) for problem in check_plan_file(reloaded(files["plan"], CURRENT_PLAN), actor_ids)] == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_the_guide_has_the_section_on_adding_a_plan_that_the_data_and_the_messages_name(guide, tmp_path):
    headings = [re.sub(r"^#+ (\d+\. )?", "", line) for line in guide.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert ADD_A_PLAN[guide.name] in headings
    assert f'"{ADD_A_PLAN["EDITING.da.md"]}"' in (REAL_DATA / "site.yaml").read_text(encoding="utf-8")  # the site file's comment names it
    with pytest.raises(DataError) as raised:
        read_series(tmp_path)
    [no_plan] = [str(problem) for problem in raised.value.problems if "there is no plan file" in str(problem)]
    assert f"'{ADD_A_PLAN['EDITING.en.md']}'" in no_plan


def test_the_guides_link_each_other_and_are_linked_from_the_readme():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "(EDITING.da.md)" in readme and "(EDITING.en.md)" in readme
    assert "(EDITING.en.md)" in GUIDES[0].read_text(encoding="utf-8")
    assert "(EDITING.da.md)" in GUIDES[1].read_text(encoding="utf-8")


def test_both_guides_have_the_same_sections():
    def headings(path: Path) -> list[str]:
        return [line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]

    assert headings(GUIDES[0]) == headings(GUIDES[1])
