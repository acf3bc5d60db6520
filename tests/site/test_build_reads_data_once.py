"""One `mkdocs build` reads and checks the data once; the English build shows that same series (hooks/main.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from support.building import WITHOUT_PDFS, build_site
from support.paths import MINIMAL_DIR, MINIMAL_PLAN_ID, PROJECT_DIR

# `mkdocs` with the loading, reading and checking of the series counted, given MkDocs' arguments;
# the hook imports them from this same module, and `load_series` calls the other two through it.
COUNTING_BUILD = """
import atexit, runpy, sys
import plansite.data.validation as validation
calls = {"load_series": 0, "read_series": 0, "check_series": 0}
def counted(name):
    original = getattr(validation, name)
    def counting(*arguments, **keywords):
        calls[name] += 1
        return original(*arguments, **keywords)
    setattr(validation, name, counting)
for name in calls:
    counted(name)
atexit.register(lambda: print(" ".join(f"{name} calls: {count};" for name, count in calls.items()), file=sys.stderr))
sys.argv = ["mkdocs", *sys.argv[1:]]
runpy.run_module("mkdocs", run_name="__main__")
"""


def test_both_languages_are_built_from_one_reading_of_the_data(tmp_path: Path):
    environment = {"PYTHONPATH": str(PROJECT_DIR / "hooks"), **WITHOUT_PDFS}
    site = build_site(tmp_path / "site", MINIMAL_DIR, environment, launcher=[sys.executable, "-c", COUNTING_BUILD])
    assert "load_series calls: 1; read_series calls: 1; check_series calls: 1;" in site.log
    titles = {language: site.page(f"{root}{MINIMAL_PLAN_ID}/indsatser/indsats-et/").h1.get_text(strip=True) for language, root in (("da", ""), ("en", "en/"))}
    assert titles == {"da": "Indsats ét", "en": "Initiative one"}
