"""Command line: check the data folder and print every problem (`make validate`).

Exit status 0 when the files are fine, 1 when they have problems.
"""

from __future__ import annotations

import argparse
import sys

from plansite.data.validation import load_series
from plansite.i18n.strings import load_strings
from plansite.problems import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="data")
    arguments = parser.parse_args(argv)
    try:
        series = load_series(arguments.data_dir)
        load_strings()
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    plans = f"{len(series.plans)} plan{'s' if len(series.plans) != 1 else ''}"
    print(f"{arguments.data_dir}: OK — {plans}, {len(series.actors)} actors")
    for plan in series.plans:
        print(
            f"  plans/{plan.id}.yaml: {len(plan.focus_areas)} focus areas, "
            f"{len(plan.initiatives)} initiatives, {len(plan.actors)} actors, "
            f"{len(plan.press_releases)} press releases"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
