"""Synthetic plan series of any size for the benchmark, made from the real series' own entries.

    .venv/bin/python bench/synthetic.py 1000 -o /tmp/series-1000

writes a data folder (`site.yaml`, `actors.yaml`, `plans/<id>.yaml`) that a
build reads through `PLAN_DATA_DIR`. Its one plan is the real root plan (the
plan whose pages were at the site root before the series, `data/plans/2019-2021.yaml`),
grown. The real plan's metadata, focus areas, contacts, key figures, updates and
sources are kept as they are. Initiatives, actors and press releases are copies
of the real ones, cycled until there are enough, so pages have the real plan's
shape and text lengths:

- `initiatives` initiatives (copy k of a real initiative gets the id `<id>-k<k>`
  and "(k)" after its title in both languages, so every page title is unique);
- as many actors as the real plan has per initiative (19 for 18), at least the
  real plan's 19, so every actor an initiative names exists: each copy of an
  actor is a copy of who it is (an entry of `actors.yaml`) and of its role in
  the plan (an entry of the plan's `actors:`);
- one press release per ten initiatives, at least one, a day apart.

References (leads, partners, parents, a press release's initiatives, an update's
initiatives) point at the copy of the same number when it exists, else at the
first copy. The site file is the real one with the synthetic plan as its current
and root plan; the other plans with pages are left out (the earlier plans it
lists stay). `actors.yaml` has every real actor and the copies. The text is the
real plan's, only repeated: the files are for measuring and are never published.

    .venv/bin/python bench/synthetic.py 100 --plans 6 -o /tmp/series-6x100

writes a series of several such plans instead (`write_synthetic_plans`): plan k
(from 0) is the same grown plan moved 3k years later, with the id and the period
in years of its place (2019-2021, 2022-2024, …, after the site's earlier plans),
its title's years, dates (announced, in force, published, press releases,
updates) moved with it, and the initiative periods that would fall outside its
period left out. Every plan names the same actors, as a real series does: the
copies are written once to `actors.yaml`. The first plan is the site's root plan,
the last its current plan.
"""

from __future__ import annotations

import argparse
import calendar
import copy
import math
import shutil
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]
REAL_DATA_DIR = PROJECT_DIR / "data"
INITIATIVES_PER_PRESS_RELEASE = 10

sys.path.insert(0, str(PROJECT_DIR / "hooks"))
from plansite.data.loading import load_data_file  # noqa: E402
from plansite.data.validation import ACTORS_FILE, PLANS_DIR, SITE_FILE  # noqa: E402


def copy_id(real_id: str, number: int) -> str:
    """The id of copy `number` of a real entry: the real id for the first copy."""
    return real_id if number == 0 else f"{real_id}-k{number}"


def _numbered(text: dict[str, str], number: int) -> dict[str, str]:
    return (
        text
        if number == 0
        else {language: f"{value} ({number + 1})" for language, value in text.items()}
    )


def _days_before(published: str, days: int) -> str:
    """A press release's `published` (a day, or a moment with its offset), `days` earlier."""
    if "T" not in published:
        return (date.fromisoformat(published) - timedelta(days=days)).isoformat()
    return (datetime.fromisoformat(published) - timedelta(days=days)).isoformat()


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


def synthetic_plan(
    initiatives: int, base: dict[str, Any], actors: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A plan with `initiatives` initiatives, built from the plan data `base` (as loaded).

    `actors` are the entries of `actors.yaml` (who each actor is); the second
    value is the copies of them that the new plan names, to add to `actors.yaml`.
    """
    real_initiatives = {item["id"]: item for item in base["initiatives"]}
    real_roles = {item["id"]: item for item in base["actors"]}
    real_actors = {item["id"]: item for item in actors}
    real_releases = base["press_releases"]
    actor_count = max(
        len(real_roles), math.ceil(initiatives * len(real_roles) / len(real_initiatives))
    )
    release_count = max(1, math.ceil(initiatives / INITIATIVES_PER_PRESS_RELEASE))
    initiative_copies = _Copies(list(real_initiatives), initiatives)
    actor_copies = _Copies(list(real_roles), actor_count)

    def actor_ids(real_ids: list[str], number: int) -> list[str]:
        return list(
            dict.fromkeys(
                resolved
                for real_id in real_ids
                if (resolved := actor_copies.resolve(real_id, number))
            )
        )

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
        item["lead"] = actor_ids(item["lead"], number)
        if "partners" in item:
            item["partners"] = [
                actor for actor in actor_ids(item["partners"], number) if actor not in item["lead"]
            ]
            if not item["partners"]:
                del item["partners"]
        plan["initiatives"].append(item)
    plan["actors"] = []
    new_actors = []
    for real_id, number in actor_copies.items:
        role = copy.deepcopy(real_roles[real_id])
        role["id"] = copy_id(real_id, number)
        plan["actors"].append(role)
        if number == 0:
            continue  # the real actor itself
        actor = copy.deepcopy(real_actors[real_id])
        actor["id"] = role["id"]
        actor["name"] = _numbered(actor["name"], number)
        if "parent" in actor:  # the parent's copy, if the plan names the parent
            actor["parent"] = actor_copies.resolve(actor["parent"], number) or actor["parent"]
        new_actors.append(actor)
    plan["press_releases"] = []
    for index in range(release_count):
        real = real_releases[index % len(real_releases)]
        number = index // len(real_releases)
        item = copy.deepcopy(real)
        item["id"] = copy_id(real["id"], number)
        item["title"] = _numbered(item["title"], number)
        item["published"] = _days_before(real["published"], number)
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
    return plan, new_actors


def _write_yaml(path: Path, data: dict[str, Any], what: str) -> None:
    text = yaml.dump(
        data,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"# {what}, made by bench/synthetic.py: for measuring only.\n{text}", encoding="utf-8"
    )


def write_synthetic_series(initiatives: int, folder: Path, base_dir: Path = REAL_DATA_DIR) -> Path:
    """Write a series whose one plan has `initiatives` initiatives into `folder`; return `folder`.

    `base_dir` is the data folder it is made from; its root plan (or, without
    one, its current plan) is the plan that is grown. What `folder` held of a
    series before (site, actors, plans) is replaced.
    """
    site = load_data_file(base_dir / SITE_FILE).data
    plan_id = site["site"].get("root_plan") or site["site"]["current_plan"]
    base = load_data_file(base_dir / PLANS_DIR / f"{plan_id}.yaml").data
    real_actors = load_data_file(base_dir / ACTORS_FILE).data["actors"]
    plan, new_actors = synthetic_plan(initiatives, base, real_actors)
    site["site"]["current_plan"] = plan_id
    site["site"]["root_plan"] = plan_id
    if (folder / PLANS_DIR).is_dir():
        shutil.rmtree(folder / PLANS_DIR)
    _write_yaml(folder / SITE_FILE, site, f"The site of a synthetic series ({plan_id})")
    _write_yaml(
        folder / ACTORS_FILE,
        {"actors": real_actors + new_actors},
        "The actors of a synthetic series",
    )
    _write_yaml(
        folder / PLANS_DIR / f"{plan_id}.yaml",
        plan,
        f"Synthetic plan with {initiatives} initiatives",
    )
    return folder


YEARS_PER_PLAN = 3  # the root plan's period, 2019-2021


def _years_later(text: str, years: int) -> str:
    """A month, day or moment as the data writes it (`2018-09`, `2018-09-10`,
    `2018-09-10T12:47:00+02:00`), `years` later; 29 February becomes the 28th in a common year."""
    moved = f"{int(text[:4]) + years:04d}{text[4:]}"
    if moved[4:10] == "-02-29" and not calendar.isleap(int(moved[:4])):
        moved = moved[:8] + "28" + moved[10:]
    return moved


def _first_day(value: str | int) -> date:
    return date(int(value), 1, 1) if isinstance(value, int) else date.fromisoformat(value)


def _last_day(value: str | int) -> date:
    return date(int(value), 12, 31) if isinstance(value, int) else date.fromisoformat(value)


def _moved_plan(
    plan: dict[str, Any], base_id: str, plan_id: str, period: tuple[int, int]
) -> dict[str, Any]:
    """`plan` (the grown plan `base_id`) as the plan `plan_id` of the years `period`."""
    moved = copy.deepcopy(plan)
    years = period[0] - _first_day(plan["plan"]["period"]["start"]).year
    if plan_id == base_id:
        return moved
    meta = moved["plan"]
    for key in ("title", "short_title"):
        meta[key] = {
            language: text.replace(base_id, plan_id) for language, text in meta[key].items()
        }
    meta["period"] = {"start": period[0], "end": period[1]}
    meta["published"] = _years_later(meta["published"], years)
    for key in ("announced", "in_force"):
        if key in meta:
            meta[key] = _years_later(meta[key], years)
    first, last = date(period[0], 1, 1), date(period[1], 12, 31)
    for item in moved["initiatives"]:
        if "period" in item and (
            _last_day(item["period"]["end"]) < first or _first_day(item["period"]["start"]) > last
        ):
            del item["period"]  # it would lie outside the plan period
    for release in moved["press_releases"]:
        release["published"] = _years_later(release["published"], years)
    for update in moved.get("updates", []):
        update["date"] = _years_later(update["date"], years)
    return moved


def write_synthetic_plans(
    plans: int, initiatives: int, folder: Path, base_dir: Path = REAL_DATA_DIR
) -> Path:
    """Write a series of `plans` plans with `initiatives` initiatives each into `folder`; return it.

    Each plan is the grown root plan of `base_dir` (as `write_synthetic_series`
    grows it), moved `YEARS_PER_PLAN` years after the one before; the first
    keeps the real root plan's id and period. With `plans=1` the folder is the
    data `write_synthetic_series` writes. What `folder` held of a series before
    (site, actors, plans) is replaced.
    """
    if plans < 1:
        raise ValueError(f"a series has at least one plan, not {plans}")
    site = load_data_file(base_dir / SITE_FILE).data
    base_id = site["site"].get("root_plan") or site["site"]["current_plan"]
    base = load_data_file(base_dir / PLANS_DIR / f"{base_id}.yaml").data
    real_actors = load_data_file(base_dir / ACTORS_FILE).data["actors"]
    plan, new_actors = synthetic_plan(initiatives, base, real_actors)
    first_year = _first_day(base["plan"]["period"]["start"]).year
    listed = {entry["id"] for entry in site.get("earlier_plans", [])}
    written: list[tuple[str, dict[str, Any]]] = []
    for number in range(plans):
        start = first_year + number * YEARS_PER_PLAN
        period = (start, start + YEARS_PER_PLAN - 1)
        plan_id = base_id if number == 0 else f"{period[0]}-{period[1]}"
        if plan_id in listed:
            raise ValueError(f"the synthetic plan {plan_id} is one of the site's earlier plans")
        written.append((plan_id, _moved_plan(plan, base_id, plan_id, period)))
    site["site"]["current_plan"] = written[-1][0]
    site["site"]["root_plan"] = base_id
    if (folder / PLANS_DIR).is_dir():
        shutil.rmtree(folder / PLANS_DIR)
    _write_yaml(
        folder / SITE_FILE,
        site,
        f"The site of a synthetic series ({plans} plan{'s' if plans != 1 else ''})",
    )
    _write_yaml(
        folder / ACTORS_FILE,
        {"actors": real_actors + new_actors},
        "The actors of a synthetic series",
    )
    for plan_id, data in written:
        _write_yaml(
            folder / PLANS_DIR / f"{plan_id}.yaml",
            data,
            f"Synthetic plan {plan_id} with {initiatives} initiatives",
        )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("initiatives", type=int, help="initiatives of each plan")
    parser.add_argument(
        "--plans", type=int, default=None, help="a series of this many plans (default: one plan)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the data folder to write")
    arguments = parser.parse_args()
    if arguments.plans is None:
        write_synthetic_series(arguments.initiatives, arguments.output)
    else:
        write_synthetic_plans(arguments.plans, arguments.initiatives, arguments.output)
    print(arguments.output)


if __name__ == "__main__":
    main()
