"""Synthetic plans of any size for the benchmark, made from the real plan's own entries.

    .venv/bin/python bench/synthetic.py 1000 -o /tmp/plan-1000.yaml

The real plan's metadata, focus areas, contacts, key figures, updates and sources
are kept as they are. Initiatives, actors and press releases are copies of the
real ones, cycled until there are enough, so pages have the real plan's shape and
text lengths:

- `initiatives` initiatives (copy k of a real initiative gets the id `<id>-k<k>`
  and "(k)" after its title in both languages, so every page title is unique);
- as many actors as the real plan has per initiative (19 for 18), at least the
  real plan's 19, so every actor an initiative names exists;
- one press release per ten initiatives, at least one, a day apart.

References (leads, partners, parents, a press release's initiatives, an update's
initiatives) point at the copy of the same number when it exists, else at the
first copy. The text is the real plan's, only repeated: the files are for
measuring and are never published.
"""

from __future__ import annotations

import argparse
import copy
import math
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]
REAL_DATA_FILE = PROJECT_DIR / "data" / "initiatives.yaml"
INITIATIVES_PER_PRESS_RELEASE = 10

sys.path.insert(0, str(PROJECT_DIR / "hooks"))
from plansite.data.loading import load_data_file  # noqa: E402


def copy_id(real_id: str, number: int) -> str:
    """The id of copy `number` of a real entry: the real id for the first copy."""
    return real_id if number == 0 else f"{real_id}-k{number}"


def _numbered(text: dict[str, str], number: int) -> dict[str, str]:
    return (
        text
        if number == 0
        else {language: f"{value} ({number + 1})" for language, value in text.items()}
    )


class _Copies:
    """Which copies of each real entry exist, to resolve references to them."""

    def __init__(self, real_ids: list[str], count: int) -> None:
        self.count_of = dict.fromkeys(real_ids, 0)
        self.items: list[tuple[str, int]] = []  # (real id, copy number), in order
        for index in range(count):
            real_id = real_ids[index % len(real_ids)]
            self.items.append((real_id, index // len(real_ids)))
            self.count_of[real_id] += 1

    def resolve(self, real_id: str, number: int) -> str | None:
        """The id of copy `number` of `real_id` if it exists, else of its first copy, else None."""
        copies = self.count_of.get(real_id, 0)
        if copies == 0:
            return None
        return copy_id(real_id, number if number < copies else 0)


def synthetic_plan(initiatives: int, base: dict[str, Any]) -> dict[str, Any]:
    """A plan with `initiatives` initiatives, built from the plan data `base` (as loaded)."""
    real_initiatives = {item["id"]: item for item in base["initiatives"]}
    real_actors = {item["id"]: item for item in base["actors"]}
    real_releases = base["press_releases"]
    actor_count = max(
        len(real_actors), math.ceil(initiatives * len(real_actors) / len(real_initiatives))
    )
    release_count = max(1, math.ceil(initiatives / INITIATIVES_PER_PRESS_RELEASE))
    initiative_copies = _Copies(list(real_initiatives), initiatives)
    actor_copies = _Copies(list(real_actors), actor_count)

    def actors(real_ids: list[str], number: int) -> list[str]:
        return list(dict.fromkeys(actor_copies.resolve(real_id, number) for real_id in real_ids))

    def initiative_ids(real_ids: list[str], number: int) -> list[str]:
        return list(
            dict.fromkeys(
                resolved
                for real_id in real_ids
                if (resolved := initiative_copies.resolve(real_id, number))
            )
        )

    plan = {
        key: copy.deepcopy(value)
        for key, value in base.items()
        if key not in {"initiatives", "actors", "press_releases", "documents"}
    }
    plan["initiatives"] = []
    for real_id, number in initiative_copies.items:
        item = copy.deepcopy(real_initiatives[real_id])
        item["id"] = copy_id(real_id, number)
        item["title"] = _numbered(item["title"], number)
        item["lead"] = actors(item["lead"], number)
        if "partners" in item:
            item["partners"] = [
                actor for actor in actors(item["partners"], number) if actor not in item["lead"]
            ]
            if not item["partners"]:
                del item["partners"]
        plan["initiatives"].append(item)
    plan["actors"] = []
    for real_id, number in actor_copies.items:
        item = copy.deepcopy(real_actors[real_id])
        item["id"] = copy_id(real_id, number)
        item["name"] = _numbered(item["name"], number)
        if "parent" in item:
            item["parent"] = actor_copies.resolve(item["parent"], number)
        plan["actors"].append(item)
    plan["press_releases"] = []
    for index in range(release_count):
        real = real_releases[index % len(real_releases)]
        number = index // len(real_releases)
        item = copy.deepcopy(real)
        item["id"] = copy_id(real["id"], number)
        item["title"] = _numbered(item["title"], number)
        item["published"] = (
            datetime.fromisoformat(real["published"]) - timedelta(days=number)
        ).isoformat()
        item.pop("publish_at", None)
        if "initiatives" in item:
            item["initiatives"] = initiative_ids(item["initiatives"], number)
            if not item["initiatives"]:
                del item["initiatives"]
        plan["press_releases"].append(item)
    for update in plan.get("updates", []):
        update.pop("publish_at", None)
        if "initiatives" in update:
            update["initiatives"] = initiative_ids(update["initiatives"], 0)
            if not update["initiatives"]:
                del update["initiatives"]
    return plan


def write_synthetic_plan(initiatives: int, path: Path, base_file: Path = REAL_DATA_FILE) -> Path:
    """Write a synthetic plan with `initiatives` initiatives to `path` (YAML) and return `path`."""
    plan = synthetic_plan(initiatives, load_data_file(base_file).data)
    text = yaml.dump(
        plan,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    path.write_text(
        f"# Synthetic plan with {initiatives} initiatives, made by bench/synthetic.py: "
        f"for measuring only.\n{text}",
        encoding="utf-8",
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("initiatives", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    arguments = parser.parse_args()
    write_synthetic_plan(arguments.initiatives, arguments.output)
    print(arguments.output)


if __name__ == "__main__":
    main()
