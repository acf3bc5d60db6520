"""Where the project, its data and the test fixtures are, for every test folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
REAL_DATA = PROJECT_DIR / "data" / "initiatives.yaml"
# The data file the session's site is built from: the real plan unless PLAN_DATA_FILE names another.
DATA_FILE = Path(os.environ.get("PLAN_DATA_FILE", REAL_DATA)).resolve()
FIXTURES = PROJECT_DIR / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal.yaml"
