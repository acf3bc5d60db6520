"""Where the project, its data and the test fixtures are, for every test folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
REAL_DATA = PROJECT_DIR / "data"
"""The real data folder: site.yaml, actors.yaml, plans/."""
REAL_PLAN = REAL_DATA / "plans" / "2019-2021.yaml"
"""The real root plan's file (the plan whose pages were at the root before the series)."""
# The data folder the session's site is built from: the real one unless PLAN_DATA_DIR names another.
DATA_DIR = Path(os.environ.get("PLAN_DATA_DIR", REAL_DATA)).resolve()
FIXTURES = PROJECT_DIR / "tests" / "fixtures"
MINIMAL_DIR = FIXTURES / "minimal"
"""A small series: one plan with pages (2019-2021), one earlier plan, two actors."""
MINIMAL = MINIMAL_DIR / "plans" / "2019-2021.yaml"
"""The minimal series' plan file."""
MINIMAL_PLAN_ID = "2019-2021"
