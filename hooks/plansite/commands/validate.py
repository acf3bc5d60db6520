"""Command line: check the data folder and print every problem (`make validate`).

Exit status 0 when the files are fine, 1 when they have problems.
"""

from __future__ import annotations

import argparse
import sys

from plansite.data.validation import load_series
from plansite.i18n.languages import LANGUAGES
from plansite.i18n.strings import load_strings
from plansite.problems import DataError
from plansite.settings import PROJECT_DIR, Settings
from plansite.urls import addresses_of_the_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="data")
    arguments = parser.parse_args(argv)
    try:
        taken = addresses_of_the_site(LANGUAGES, Settings.from_environment(PROJECT_DIR).docs_dir)
        series = load_series(arguments.data_dir, taken=taken)
        load_strings()
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"{arguments.data_dir}: OK — {_counted(len(series.plans), 'plan')}, "
        f"{_counted(len(series.actors), 'actor')}"
    )
    for plan in series.plans:
        counts = (
            (len(plan.focus_areas), "focus area"),
            (len(plan.initiatives), "initiative"),
            (len(plan.actors), "actor"),
            (len(plan.press_releases), "press release"),
        )
        print(f"  plans/{plan.id}.yaml: " + ", ".join(_counted(*count) for count in counts))
    return 0


def _counted(number: int, thing: str) -> str:
    """`1 actor`, `2 actors`."""
    return f"{number} {thing}{'' if number == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())
