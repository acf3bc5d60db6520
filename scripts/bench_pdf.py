"""Measure one plan's PDFs: render time per language (empty cache), a rebuild with nothing changed,
page counts and sizes.

    .venv/bin/python scripts/bench_pdf.py [--runs 3] [--data data] [--plan 2022-2025]

Prints one JSON object. `--data` is a data folder (a series: site.yaml,
actors.yaml, plans/), `--plan` the id of one of its plans (default: its current
plan). Rendering includes the accessibility checks that every build runs;
"cached" is the same jobs again with the cache filled (target: no re-render).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR / "hooks"))

from plansite.data.documents import read_document_facts  # noqa: E402
from plansite.data.validation import load_series  # noqa: E402
from plansite.i18n.languages import LANGUAGES  # noqa: E402
from plansite.i18n.strings import load_strings  # noqa: E402
from plansite.i18n.view import localize  # noqa: E402
from plansite.pdf.downloads import plan_pdf_job  # noqa: E402

SITE_URL = "https://menneskehandel.example.org/"


def main() -> None:
    # The first paragraph of the docstring, on one line.
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="a data folder")
    parser.add_argument("--plan", help="the id of a plan of the series (default: the current plan)")
    arguments = parser.parse_args()
    series = load_series(arguments.data)
    plan_id = arguments.plan or series.site.current_plan
    if plan_id not in {plan.id for plan in series.plans}:
        parser.error(
            f"the series in {arguments.data} has no plan '{plan_id}' "
            f"(its plans: {', '.join(plan.id for plan in series.plans)})"
        )
    localized = localize(series, load_strings())
    plans = {language: localized[language].plan(plan_id) for language in LANGUAGES}
    rendered: dict[str, list[float]] = {language: [] for language in LANGUAGES}
    cached: list[float] = []
    pdfs: dict[str, Path] = {}
    for _ in range(arguments.runs):
        with tempfile.TemporaryDirectory() as cache_dir:
            for language, plan in plans.items():
                started = time.perf_counter()
                path, was_rendered = plan_pdf_job(plan, Path(cache_dir), SITE_URL, None).run()
                rendered[language].append(time.perf_counter() - started)
                assert was_rendered, f"the cache was empty, yet the {language} PDF was not rendered"
                pdfs[language] = path
            started = time.perf_counter()
            again = [
                plan_pdf_job(plan, Path(cache_dir), SITE_URL, None).run()[1]
                for plan in plans.values()
            ]
            cached.append(time.perf_counter() - started)
            assert not any(again), "nothing changed, yet a PDF was rendered again"
            facts = {language: read_document_facts(path) for language, path in pdfs.items()}
    result = {
        "plan": plan_id,
        "render_and_check_seconds_median": {
            language: round(statistics.median(values), 2) for language, values in rendered.items()
        },
        "unchanged_rebuild_seconds_median": round(statistics.median(cached), 3),
        "pages": {language: item.pages for language, item in facts.items()},
        "bytes": {language: item.size for language, item in facts.items()},
        "runs": arguments.runs,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
