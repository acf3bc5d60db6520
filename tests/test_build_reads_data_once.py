"""One `mkdocs build` reads and checks the data once; the English build shows that same plan (hooks/main.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT_DIR = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yaml"

# `mkdocs build` with `load_plan` counted; the hook imports it from this same module.
COUNTING_BUILD = """
import atexit, runpy, sys
import plansite.data.validation as validation
calls = []
original = validation.load_plan
def counting(path):
    calls.append(str(path))
    return original(path)
validation.load_plan = counting
atexit.register(lambda: print(f"load_plan calls: {len(calls)}", file=sys.stderr))
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
runpy.run_module("mkdocs", run_name="__main__")
"""


def test_both_languages_are_built_from_one_reading_of_the_data(tmp_path: Path):
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_DIR / "hooks"), "PLAN_DATA_FILE": str(MINIMAL), "PLAN_SKIP_PDF": "1", "NO_MKDOCS_2_WARNING": "1"}
    site_dir = tmp_path / "site"
    result = subprocess.run([sys.executable, "-c", COUNTING_BUILD, str(site_dir)], cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "load_plan calls: 1" in result.stderr
    titles = {language: BeautifulSoup((site_dir / root / "indsatser" / "indsats-et" / "index.html").read_text(encoding="utf-8"), "html.parser").h1.get_text(strip=True) for language, root in (("da", ""), ("en", "en"))}
    assert titles == {"da": "Indsats ét", "en": "Initiative one"}
