"""One `mkdocs build` reads and checks the data once; the English build shows that same plan (hooks/main.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from support.building import WITHOUT_PDFS, build_site
from support.paths import MINIMAL, PROJECT_DIR

# `mkdocs` with `load_plan` counted, given MkDocs' arguments; the hook imports it from this same module.
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
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__")
"""


def test_both_languages_are_built_from_one_reading_of_the_data(tmp_path: Path):
    environment = {"PYTHONPATH": str(PROJECT_DIR / "hooks"), **WITHOUT_PDFS}
    site = build_site(tmp_path / "site", MINIMAL, environment, launcher=[sys.executable, "-c", COUNTING_BUILD])
    assert "load_plan calls: 1" in site.log
    titles = {language: site.page(f"{root}indsatser/indsats-et/").h1.get_text(strip=True) for language, root in (("da", ""), ("en", "en/"))}
    assert titles == {"da": "Indsats ét", "en": "Initiative one"}
