"""The benchmark's synthetic series (bench/synthetic.py) pass the real validation, at any size."""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from plansite.commands import validate
from plansite.data.loading import load_data_file
from plansite.data.validation import load_series
from support.paths import PROJECT_DIR, REAL_DATA

BENCH_DIR = PROJECT_DIR / "bench"
ROOT_PLAN = load_data_file(REAL_DATA / "site.yaml").data["site"]["root_plan"]


@pytest.fixture(scope="module")
def synthetic():
    sys.path.insert(0, str(BENCH_DIR))
    try:
        spec = importlib.util.spec_from_file_location("bench_synthetic", BENCH_DIR / "synthetic.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH_DIR))


@pytest.fixture(scope="module")
def hundred(synthetic, tmp_path_factory):
    """A synthetic series with 100 initiatives, as the build loads it."""
    return load_series(synthetic.write_synthetic_series(100, tmp_path_factory.mktemp("series-100")))


@pytest.mark.parametrize(("initiatives", "actors", "press_releases"), [(10, 19, 1), (250, 264, 25)])
def test_a_synthetic_series_validates_and_its_plan_has_the_requested_size(synthetic, tmp_path: Path, initiatives: int, actors: int, press_releases: int):
    series = load_series(synthetic.write_synthetic_series(initiatives, tmp_path / "series"))  # raises DataError on any problem
    [plan] = series.plans
    assert (len(plan.initiatives), len(plan.actors), len(plan.press_releases)) == (initiatives, actors, press_releases)


def test_the_series_is_a_data_folder_whose_one_plan_is_the_grown_real_root_plan(synthetic, tmp_path: Path):
    folder = synthetic.write_synthetic_series(30, tmp_path / "series")
    assert sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()) == ["actors.yaml", f"plans/{ROOT_PLAN}.yaml", "site.yaml"]
    series = load_series(folder)
    assert [plan.id for plan in series.plans] == [ROOT_PLAN]
    assert (series.site.current_plan, series.site.root_plan) == (ROOT_PLAN, ROOT_PLAN)
    real = load_series(REAL_DATA).plan(ROOT_PLAN)
    assert series.plans[0].plan == dataclasses.replace(real.plan, successor=None)  # the real plan's metadata and predecessors; the later plans are left out
    assert series.plans[0].focus_areas == real.focus_areas and series.plans[0].sources == real.sources
    assert set(load_series(REAL_DATA).actors) <= set(series.actors)  # every real actor, and the copies


def test_writing_again_replaces_the_series(synthetic, tmp_path: Path):
    synthetic.write_synthetic_series(30, tmp_path / "series")
    (tmp_path / "series" / "plans" / "old-plan.yaml").write_text("plan: {}\n", encoding="utf-8")
    [plan] = load_series(synthetic.write_synthetic_series(10, tmp_path / "series")).plans
    assert len(plan.initiatives) == 10


def test_every_page_title_is_unique_in_both_languages(hundred):
    [plan] = hundred.plans
    for language in ("da", "en"):
        titles = Counter(item.title.in_language(language) for item in (*plan.initiatives, *plan.press_releases))
        titles.update(actor.name.in_language(language) for actor in plan.actors)
        assert titles.most_common(1)[0][1] == 1, language


def test_copies_refer_to_their_own_copies_of_actors_and_initiatives(hundred):
    [plan] = hundred.plans
    second_copies = [item for item in plan.initiatives if item.id.endswith("-k1")]
    assert second_copies and all(actor_id.endswith("-k1") for item in second_copies for actor_id in item.lead)
    assert len({release.published for release in plan.press_releases}) == len(plan.press_releases) == 10


def test_a_copy_of_an_actor_is_who_the_actor_is_and_its_role_numbered_with_its_parents_copy(hundred):
    [plan] = hundred.plans
    copies = [actor for actor in plan.actors if actor.id.endswith("-k1")]
    assert copies
    for copy in copies:
        real = plan.actor(copy.id.removesuffix("-k1"))
        assert (copy.type, copy.short_name, copy.website, copy.description, copy.sources) == (real.type, real.short_name, real.website, real.description, real.sources)
        assert copy.name.da == f"{real.name.da} (2)" and hundred.actors[copy.id].name == copy.name
        if real.parent:
            assert copy.parent in (f"{real.parent}-k1", real.parent) and copy.parent in hundred.actors


@pytest.mark.parametrize(("plans", "initiatives"), [(1, 10), (3, 20)])
def test_a_synthetic_series_of_several_plans_validates_with_the_requested_plans_and_sizes(synthetic, tmp_path: Path, plans: int, initiatives: int):
    folder = synthetic.write_synthetic_plans(plans, initiatives, tmp_path / "series")
    assert validate.main([str(folder)]) == 0  # what `make validate` says of the folder
    series = load_series(folder)
    assert [plan.id for plan in series.plans] == [ROOT_PLAN, "2022-2024", "2025-2027"][:plans]
    assert [len(plan.initiatives) for plan in series.plans] == [initiatives] * plans
    assert (series.site.root_plan, series.site.current_plan) == (ROOT_PLAN, series.plans[-1].id)
    newest = series.plans[-1].plan
    periods = [*(item.period for item in newest.predecessors), newest.period]  # the site's earlier plans, then the synthetic plans
    assert all(earlier.end < later.start for earlier, later in itertools.pairwise(periods))  # no two plans share a day
    for plan in series.plans[1:]:
        assert plan.plan.period.in_years and plan.plan.period.end.year - plan.plan.period.start.year == 2
        assert plan.id in plan.plan.title.da and plan.id in plan.plan.title.en
        assert all(plan.plan.period.start <= item.period.end and item.period.start <= plan.plan.period.end for item in plan.initiatives if item.period)
    assert len({frozenset(actor.id for actor in plan.actors) for plan in series.plans}) == 1  # the plans share their actors
    assert len(series.actors) == len(load_data_file(folder / "actors.yaml").data["actors"])  # each copy of an actor once


def test_the_command_line_writes_the_folder_it_is_given(tmp_path: Path):
    folder = tmp_path / "series-12"
    result = subprocess.run([sys.executable, str(BENCH_DIR / "synthetic.py"), "12", "-o", str(folder)], capture_output=True, text=True, check=True)
    assert result.stdout == f"{folder}\n"
    assert len(load_series(folder).plans[0].initiatives) == 12


def test_the_command_line_writes_a_series_of_several_plans(tmp_path: Path):
    folder = tmp_path / "series-2x12"
    subprocess.run([sys.executable, str(BENCH_DIR / "synthetic.py"), "12", "--plans", "2", "-o", str(folder)], capture_output=True, text=True, check=True)
    assert [len(plan.initiatives) for plan in load_series(folder).plans] == [12, 12]
