"""Lighthouse scores of served pages: `lighthouse` 12.2.3 (bench/package.json), Debian's Chromium.

Lighthouse's default configuration is the mobile preset (a phone screen, simulated
slow 4G and a 4x slower CPU). `CHROME_PATH` points it at /usr/bin/chromium, so no
browser is downloaded; Chromium gets the flags measured to work here
(docs-dev/stack-facts.md#chromium).
The performance score moves with the machine's load (main-thread time is measured,
then scaled), so each page is run several times and the median is reported, as
Lighthouse's documentation advises.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from page_weight import CHROMIUM, CHROMIUM_FLAGS

BENCH_DIR = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def median_of_runs(url: str, report_prefix: Path, runs: int) -> dict[str, object]:
    """Lighthouse `runs` times on one page: each category's median score, and the run with the
    median performance.
    """
    results = [
        run_lighthouse(url, report_prefix.with_name(f"{report_prefix.name}-{number}.json"))
        for number in range(runs)
    ]
    by_performance = sorted(results, key=lambda result: result["scores"]["performance"] or 0)
    median_run = by_performance[len(by_performance) // 2]
    scores = {
        category: statistics.median(result["scores"][category] or 0 for result in results)
        for category in CATEGORIES
    }
    return {**median_run, "scores": scores, "runs": [result["scores"] for result in results]}


def run_lighthouse(url: str, report: Path) -> dict[str, object]:
    """Scores of one page (0–1 per category) and the audits that cost points."""
    if not LIGHTHOUSE.is_file():
        raise FileNotFoundError(
            f"{LIGHTHOUSE} is missing: run `make bench` (it installs bench/package-lock.json)"
        )
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    subprocess.run(
        command,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    failing = []
    for category in result["categories"].values():
        for reference in category["auditRefs"]:
            audit = result["audits"][reference["id"]]
            if reference["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failing.append(
                    {
                        "category": category["id"],
                        "audit": reference["id"],
                        "score": audit["score"],
                        "value": audit.get("displayValue", ""),
                    }
                )
    metrics = {
        name: result["audits"][name]["numericValue"]
        for name in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
        )
        if name in result["audits"]
    }
    return {
        "scores": {name: result["categories"][name]["score"] for name in CATEGORIES},
        "form_factor": result["configSettings"]["formFactor"],
        "metrics": {name: round(value, 3) for name, value in metrics.items()},
        "audits_below_1": failing,
    }
