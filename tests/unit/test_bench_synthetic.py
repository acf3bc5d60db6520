"""The benchmark's synthetic plans (bench/synthetic.py) pass the real validation, at any size."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from plansite.data.validation import load_plan
from support.paths import PROJECT_DIR

BENCH_DIR = PROJECT_DIR / "bench"


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


@pytest.mark.parametrize(("initiatives", "actors", "press_releases"), [(10, 19, 1), (250, 264, 25)])
def test_a_synthetic_plan_validates_and_has_the_requested_size(synthetic, tmp_path: Path, initiatives: int, actors: int, press_releases: int):
    plan = load_plan(synthetic.write_synthetic_plan(initiatives, tmp_path / "plan.yaml"))  # raises DataError on any problem
    assert (len(plan.initiatives), len(plan.actors), len(plan.press_releases)) == (initiatives, actors, press_releases)


def test_every_page_title_is_unique_in_both_languages(synthetic, tmp_path: Path):
    plan = load_plan(synthetic.write_synthetic_plan(100, tmp_path / "plan.yaml"))
    for language in ("da", "en"):
        titles = Counter(item.title.in_language(language) for item in (*plan.initiatives, *plan.press_releases))
        titles.update(actor.name.in_language(language) for actor in plan.actors)
        assert titles.most_common(1)[0][1] == 1, language


def test_copies_refer_to_their_own_copies_of_actors_and_initiatives(synthetic, tmp_path: Path):
    plan = load_plan(synthetic.write_synthetic_plan(100, tmp_path / "plan.yaml"))
    second_copies = [item for item in plan.initiatives if item.id.endswith("-k1")]
    assert second_copies and all(actor_id.endswith("-k1") for item in second_copies for actor_id in item.lead)
    assert len({release.published for release in plan.press_releases}) == len(plan.press_releases) == 10
