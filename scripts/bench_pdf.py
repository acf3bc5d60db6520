"""Measure the plan PDFs: render time per language (empty cache), a rebuild with nothing changed,
page counts and sizes.

    .venv/bin/python scripts/bench_pdf.py [--runs 3]

Prints one JSON object. Rendering includes the accessibility checks that every
build runs; "cached" is the same call again with the cache filled (target: no re-render).
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

from plansite.data.validation import load_plan  # noqa: E402
from plansite.i18n.strings import load_strings  # noqa: E402
from plansite.i18n.view import localize  # noqa: E402
from plansite.pdf import downloads as publish  # noqa: E402


def main() -> None:
    # The first paragraph of the docstring, on one line.
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", default=str(PROJECT_DIR / "data" / "initiatives.yaml"))
    arguments = parser.parse_args()
    localized = localize(load_plan(arguments.data), load_strings())
    rendered: dict[str, list[float]] = {"da": [], "en": []}
    cached: list[float] = []
    downloads = None
    for _ in range(arguments.runs):
        with tempfile.TemporaryDirectory() as cache_dir:
            downloads = publish.prepare_downloads(
                localized,
                Path(arguments.data).parent,
                Path(cache_dir),
                "https://menneskehandel.example.org/",
            )
            for language, seconds in downloads.seconds.items():
                rendered[language].append(seconds)
            started = time.perf_counter()
            again = publish.prepare_downloads(
                localized,
                Path(arguments.data).parent,
                Path(cache_dir),
                "https://menneskehandel.example.org/",
            )
            cached.append(time.perf_counter() - started)
            assert not any(again.rendered.values()), "nothing changed, yet a PDF was rendered again"
    result = {
        "render_and_check_seconds_median": {
            language: round(statistics.median(values), 2) for language, values in rendered.items()
        },
        "unchanged_rebuild_seconds_median": round(statistics.median(cached), 3),
        "pages": {language: item.facts.pages for language, item in downloads.plan_pdfs.items()},
        "bytes": {language: item.facts.size for language, item in downloads.plan_pdfs.items()},
        "runs": arguments.runs,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
