"""Command line: check a plan data file and print every problem (`make validate`).

Exit status 0 when the file is fine, 1 when it has problems.
"""

from __future__ import annotations

import argparse
import sys

from plansite.data.validation import load_plan
from plansite.i18n.strings import load_strings
from plansite.problems import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_file", nargs="?", default="data/initiatives.yaml")
    arguments = parser.parse_args(argv)
    try:
        plan = load_plan(arguments.data_file)
        load_strings()
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"{arguments.data_file}: OK — {len(plan.focus_areas)} focus areas, "
        f"{len(plan.initiatives)} initiatives, {len(plan.actors)} actors, "
        f"{len(plan.press_releases)} press releases"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
