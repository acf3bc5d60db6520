"""The performance benchmark (`make bench`): prints a table and writes bench/results.json.

    .venv/bin/python bench/run.py [--sections scale,series,serve,cold,weight,lighthouse]
        [--sizes 10,100,1000] [--plans 1,3,6] [--series-initiatives 100] [--runs 3] [--edits 5]

1. scale: synthetic series of one plan (bench/synthetic.py) of each size, built
   with `mkdocs build --strict` (without the plan PDFs, which are measured in
   "cold"): median wall and CPU time, peak memory, pages, time per page. Each
   generated build is followed by a build of the same pages written out as
   hand-written files (bench/handwritten.py), so both are measured side by side
   under the same load.
2. series: synthetic series of 1, 3 and 6 plans of 100 initiatives each (the
   plans share their actors), built the same way: does a page cost the same
   when the site holds more plans?
3. serve: seconds from saving a new initiative title in the current plan's file
   until `mkdocs serve` shows it in both languages, on the real series
   (bench/serve_feedback.py).
4. cold: the real series from an empty site directory and an empty PDF cache,
   with every plan's PDFs; and the same build again with the PDF cache filled.
5. weight: gzip bytes that Chromium loads for the series home page and an
   initiative and a press release of the current plan in each language, and
   each language's search index.
6. lighthouse: Lighthouse 12.2.3, mobile preset, on the same six pages (median of 3 runs).

Timings on a shared machine are noisy: the table shows medians, CPU time next to
wall time, and ratios of builds run side by side; the load average before and
after is in the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from builds import PROJECT_DIR, BuildRun, build_environment, copy_project, timed_build
from handwritten import write_handwritten_project
from synthetic import write_synthetic_plans, write_synthetic_series

sys.path.insert(0, str(PROJECT_DIR / "hooks"))
from plansite.data.loading import load_data_file
from plansite.data.validation import PLANS_DIR, SITE_FILE
from plansite.urls import PlanPaths, page_url

RESULTS = Path(__file__).resolve().parent / "results.json"
SECTIONS = ("scale", "series", "serve", "cold", "weight", "lighthouse")
TARGETS = {
    "per_page_ratio_1000_to_100": 1.15,
    "peak_rss_mb_at_1000": 300,
    "generated_to_handwritten_at_1000": 1.05,
    "series_per_page_ratio_6_to_1": 1.15,
    "peak_rss_mb_at_6_plans": 300,
    "editor_feedback_seconds": 1.0,
    "cold_build_seconds": 10.0,
    "page_gzip_kb": 150,
    "page_js_gzip_kb": 50,
    "search_index_gzip_kb": 100,
    "lighthouse": {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 0.95},
}


def _median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


def _summary(runs: list[BuildRun]) -> dict[str, object]:
    wall = _median([run.wall_seconds for run in runs])
    cpu = _median([run.cpu_seconds for run in runs])
    pages = runs[0].pages
    return {
        "wall_seconds_median": wall,
        "cpu_seconds_median": cpu,
        "peak_rss_mb": max(run.peak_rss_mb for run in runs),
        "pages": pages,
        "ms_per_page": round(1000 * wall / pages, 2),
        "cpu_ms_per_page": round(1000 * cpu / pages, 2),
        "runs": [run.as_dict() for run in runs],
    }


def run_scale(work_dir: Path, sizes: list[int], runs: int) -> dict[str, object]:
    """Generated and hand-written builds of each synthetic size, alternating, `runs` times each."""
    generated_project = copy_project(work_dir / "generated")
    results: dict[str, object] = {}
    for size in sizes:
        data_dir = write_synthetic_series(size, work_dir / f"series-{size}")
        handwritten_project = copy_project(work_dir / f"handwritten-{size}")
        write_handwritten_project(handwritten_project, data_dir)
        common = {
            "PLAN_DATA_DIR": str(data_dir),
            "PLAN_SKIP_PDF": "1",
            "PLAN_PDF_CACHE_DIR": str(work_dir / "pdf-cache-synthetic"),
        }
        variants = {
            "generated": (generated_project, build_environment(**common)),
            "handwritten": (handwritten_project, build_environment(**common)),
        }
        measured: dict[str, list[BuildRun]] = {name: [] for name in variants}
        # Run 0 warms the disk cache and the copies' bytecode; it is not counted.
        for run in range(runs + 1):
            for name, (project, environment) in variants.items():
                result = timed_build(
                    project,
                    work_dir / f"site-{name}",
                    environment,
                    work_dir / f"build-{name}-{size}.log",
                )
                if run:
                    measured[name].append(result)
                print(
                    f"  scale N={size} {name} run {run or 'warm-up'}: "
                    f"{result.wall_seconds:.2f} s wall, {result.cpu_seconds:.2f} s CPU, "
                    f"{result.peak_rss_mb:.0f} MB, {result.pages} pages",
                    flush=True,
                )
        if measured["generated"][0].pages != measured["handwritten"][0].pages:
            raise RuntimeError(
                f"N={size}: the hand-written site has {measured['handwritten'][0].pages} pages, "
                f"the generated one {measured['generated'][0].pages}"
            )
        pairs = [
            generated.wall_seconds / handwritten.wall_seconds
            for generated, handwritten in zip(
                measured["generated"], measured["handwritten"], strict=True
            )
        ]
        cpu_pairs = [
            generated.cpu_seconds / handwritten.cpu_seconds
            for generated, handwritten in zip(
                measured["generated"], measured["handwritten"], strict=True
            )
        ]
        results[str(size)] = {
            "generated": _summary(measured["generated"]),
            "handwritten": _summary(measured["handwritten"]),
            "generated_to_handwritten": _median(pairs),
            "generated_to_handwritten_cpu": _median(cpu_pairs),
        }
    if "100" in results and "1000" in results:
        small, large = results["100"]["generated"], results["1000"]["generated"]
        results["per_page_ratio_1000_to_100"] = round(
            large["ms_per_page"] / small["ms_per_page"], 3
        )
        results["cpu_per_page_ratio_1000_to_100"] = round(
            large["cpu_ms_per_page"] / small["cpu_ms_per_page"], 3
        )
        # Each extra page's cost, without the fixed cost of a build (startup, theme, assets).
        results["marginal_ms_per_page_100_to_1000"] = round(
            1000
            * (large["wall_seconds_median"] - small["wall_seconds_median"])
            / (large["pages"] - small["pages"]),
            2,
        )
        if "10" in results:
            tiny = results["10"]["generated"]
            results["marginal_ms_per_page_10_to_100"] = round(
                1000
                * (small["wall_seconds_median"] - tiny["wall_seconds_median"])
                / (small["pages"] - tiny["pages"]),
                2,
            )
    return results


def run_series(
    work_dir: Path, plan_counts: list[int], initiatives: int, runs: int
) -> dict[str, object]:
    """Builds of a synthetic series of each number of plans, `runs` times each after a warm-up.

    The series are built in turn within each run, so a change of the machine's
    load touches every count alike.
    """
    project = copy_project(work_dir / "series-project")
    environments = {
        plans: build_environment(
            PLAN_DATA_DIR=str(
                write_synthetic_plans(plans, initiatives, work_dir / f"series-{plans}-plans")
            ),
            PLAN_SKIP_PDF="1",
            PLAN_PDF_CACHE_DIR=str(work_dir / "pdf-cache-synthetic"),
        )
        for plans in plan_counts
    }
    measured: dict[int, list[BuildRun]] = {plans: [] for plans in plan_counts}
    # Run 0 warms the disk cache and the copy's bytecode; it is not counted.
    for run in range(runs + 1):
        for plans, environment in environments.items():
            result = timed_build(
                project,
                work_dir / "site-series",
                environment,
                work_dir / f"build-series-{plans}-plans.log",
            )
            if run:
                measured[plans].append(result)
            print(
                f"  series P={plans}×{initiatives} run {run or 'warm-up'}: "
                f"{result.wall_seconds:.2f} s wall, {result.cpu_seconds:.2f} s CPU, "
                f"{result.peak_rss_mb:.0f} MB, {result.pages} pages",
                flush=True,
            )
    results: dict[str, object] = {"initiatives_per_plan": initiatives}
    for plans in plan_counts:
        results[str(plans)] = _summary(measured[plans])
    if "1" in results and "6" in results:
        one, six = results["1"], results["6"]
        results["per_page_ratio_6_to_1"] = round(six["ms_per_page"] / one["ms_per_page"], 3)
        results["cpu_per_page_ratio_6_to_1"] = round(
            six["cpu_ms_per_page"] / one["cpu_ms_per_page"], 3
        )
        # Each extra page's cost, without the fixed cost of a build (startup, theme, assets).
        results["marginal_ms_per_page_1_to_6"] = round(
            1000
            * (six["wall_seconds_median"] - one["wall_seconds_median"])
            / (six["pages"] - one["pages"]),
            2,
        )
    return results


def run_cold(work_dir: Path, runs: int, site_url: str) -> dict[str, object]:
    """The real series with its PDFs: from nothing (`runs` times), then with the cache filled."""
    cold: list[BuildRun] = []
    site_dir = work_dir / "site-real"
    for run in range(1, runs + 1):
        cache_dir = work_dir / "pdf-cache-real"
        shutil.rmtree(cache_dir, ignore_errors=True)
        result = timed_build(
            PROJECT_DIR,
            site_dir,
            build_environment(PLAN_PDF_CACHE_DIR=str(cache_dir), SITE_URL=site_url),
            work_dir / "build-cold.log",
        )
        cold.append(result)
        print(
            f"  cold build run {run}: {result.wall_seconds:.2f} s wall, "
            f"{result.cpu_seconds:.2f} s CPU, {result.peak_rss_mb:.0f} MB, {result.pages} pages",
            flush=True,
        )
    warm = timed_build(
        PROJECT_DIR,
        site_dir,
        build_environment(PLAN_PDF_CACHE_DIR=str(work_dir / "pdf-cache-real"), SITE_URL=site_url),
        work_dir / "build-warm.log",
    )
    print(f"  build with the PDF cache filled: {warm.wall_seconds:.2f} s wall", flush=True)
    pdf_lines = [
        line.split("INFO    -  ")[-1]
        for line in (work_dir / "build-cold.log").read_text(encoding="utf-8").splitlines()
        if "Plan PDF" in line
    ]
    return {
        "cold": _summary(cold),
        "pdf_cache_filled": warm.as_dict(),
        "pdf_log_of_last_cold_build": pdf_lines,
        "site_dir": str(site_dir),
    }


def _sample_pages(data_dir: Path = PROJECT_DIR / "data") -> dict[str, str]:
    """The series home, and the current plan's first initiative and first press release."""
    plan_id = load_data_file(data_dir / SITE_FILE).data["site"]["current_plan"]
    data = load_data_file(data_dir / PLANS_DIR / f"{plan_id}.yaml").data
    paths = PlanPaths.of(plan_id)
    pages = {
        "home": "",
        "initiative": page_url(paths.initiative(data["initiatives"][0]["id"])),
        "press release": page_url(paths.press_release(data["press_releases"][0]["id"])),
    }
    return {
        f"{name} ({language})": (prefix + path)
        for language, prefix in (("da", ""), ("en", "en/"))
        for name, path in pages.items()
    }


def _load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help="comma-separated: " + ", ".join(SECTIONS)
    )
    parser.add_argument("--sizes", default="10,100,1000", help="initiatives of the synthetic plans")
    parser.add_argument(
        "--plans", default="1,3,6", help="plans of the synthetic series (section series)"
    )
    parser.add_argument(
        "--series-initiatives",
        type=int,
        default=100,
        help="initiatives of each plan of the synthetic series",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="measured builds per size and variant (after one warm-up)",
    )
    parser.add_argument(
        "--edits", type=int, default=9, help="title edits measured under mkdocs serve"
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page (the median is reported)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder (copies, sites, logs)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    arguments = parser.parse_args()
    sections = [name.strip() for name in arguments.sections.split(",") if name.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    from page_weight import measure_pages, search_index_sizes, served
    from report import print_table

    work_dir = Path(tempfile.mkdtemp(prefix="plansite-bench-"))
    results: dict[str, object] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_before": _load_average(),
        },
        "commit": _commit(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "targets": TARGETS,
        "notes": {
            "scale": "Synthetic series of one plan, PLAN_SKIP_PDF=1: a plan PDF of 1000 "
            "initiatives is a separate document job; the PDFs are measured on the real series "
            "under 'cold'.",
            "series": "Synthetic series of several plans of the same size, sharing their "
            "actors, PLAN_SKIP_PDF=1: the ratio is ms per page at 6 plans over at 1 plan.",
            "pages": "Pages of both languages (every index.html).",
            "gzip": "gzip level 6 of each response body; "
            "the search index is not part of a page's bytes.",
        },
    }
    try:
        if "scale" in sections:
            print("Scale and generation overhead …", flush=True)
            results["scale"] = run_scale(
                work_dir, [int(size) for size in arguments.sizes.split(",")], arguments.runs
            )
        if "series" in sections:
            print("Series of several plans …", flush=True)
            results["series"] = run_series(
                work_dir,
                [int(plans) for plans in arguments.plans.split(",")],
                arguments.series_initiatives,
                arguments.runs,
            )
        if "serve" in sections:
            print("Editor feedback under mkdocs serve …", flush=True)
            from serve_feedback import measure_editor_feedback

            results["serve"] = measure_editor_feedback(work_dir, arguments.edits)
        if {"cold", "weight", "lighthouse"} & set(sections):
            # The port is known before the build, for canonical links.
            with served(work_dir / "site-real-served") as base_url:
                if "cold" in sections or not (work_dir / "site-real").is_dir():
                    print("Cold build of the real series …", flush=True)
                    results["cold"] = run_cold(
                        work_dir, arguments.runs if "cold" in sections else 1, base_url
                    )
                shutil.copytree(
                    work_dir / "site-real", work_dir / "site-real-served", dirs_exist_ok=True
                )
                pages = _sample_pages()
                if "weight" in sections:
                    print("Page weight …", flush=True)
                    weights = measure_pages(base_url, list(pages.values()))
                    results["weight"] = {
                        "pages": {name: weights[path] for name, path in pages.items()},
                        "search_index": search_index_sizes(
                            work_dir / "site-real", {"da": "", "en": "en/"}
                        ),
                    }
                if "lighthouse" in sections:
                    from lighthouse import median_of_runs

                    results["lighthouse"] = {}
                    for name, path in pages.items():
                        print(
                            f"  Lighthouse ({arguments.lighthouse_runs} runs): {name}", flush=True
                        )
                        results["lighthouse"][name] = median_of_runs(
                            base_url + path,
                            work_dir / f"lighthouse-{len(results['lighthouse'])}",
                            arguments.lighthouse_runs,
                        )
    finally:
        results["machine"]["load_average_after"] = _load_average()
        results["work_dir"] = str(work_dir) if arguments.keep else None
        arguments.output.write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        if not arguments.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
    print_table(results)
    print(f"\nWritten: {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
