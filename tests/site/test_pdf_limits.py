"""At the limits of the data, the plan PDF still passes its checks (a few seconds each: one language).

- Every text of a heading or a table cell as long as the schema allows, in the
  widest letters and glyphs of the font: no heading or row outgrows a page.
- One actor leading 150 initiatives: listed by title, they made its row of the
  actors table taller than a page, which left the table's caption alone on a
  page, tagged as a Table without rows.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pikepdf
import pytest
import yaml

from plansite.data.loading import load_data_file, parse_data
from plansite.data.model import PlanData, build_plan, build_shared_actors
from plansite.data.validation import ACTORS_SCHEMA, check_plan_file, check_shape
from plansite.i18n.view import LocalizedPlan
from plansite.pdf.downloads import plan_pdf_job
from plansite.pdf.text import page_text_items
from plansite.pdf.view import ROLE_TITLES_LIMIT
from support.minimal_plan import plan_from, with_initiatives
from support.paths import MINIMAL, MINIMAL_DIR, MINIMAL_PLAN_ID

INITIATIVES = 150


def test_a_plan_where_one_actor_leads_150_initiatives_gives_a_pdf_that_passes_its_checks(strings, tmp_path):
    data = with_initiatives(INITIATIVES, "Indsats nummer {number} om noget")
    job = plan_pdf_job(LocalizedPlan(plan_from(data), "da", strings["da"]), tmp_path, "https://site.test/", None)
    content = job.render_and_check()  # raises PdfFailed with every finding
    with pikepdf.open(io.BytesIO(content)) as pdf:
        text = "".join(item.text for item in page_text_items(pdf))
    assert f"Står for {INITIATIVES} indsatser" in text and f"Deltager i {INITIATIVES} indsatser" in text


def at_most(length: int, unit: str) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def as_loaded(data: dict[str, Any], path: str):
    """`data` as read from a YAML file at `path` (values used twice written out, not as aliases)."""
    return parse_data(yaml.safe_dump(json.loads(json.dumps(data)), allow_unicode=True, sort_keys=False).encode("utf-8"), path)


def plan_with_actors(data: dict[str, Any], actors_data: dict[str, Any]) -> PlanData:
    """The model of the plan `data` whose actors are those of `actors_data`; both files must be valid."""
    plan_file, actors_file = as_loaded(data, str(MINIMAL)), as_loaded(actors_data, str(MINIMAL_DIR / "actors.yaml"))
    assert [str(problem) for problem in check_shape(actors_file, ACTORS_SCHEMA)] == []
    assert [str(problem) for problem in check_plan_file(plan_file, [actor["id"] for actor in actors_data["actors"]])] == []
    return build_plan(MINIMAL_PLAN_ID, plan_file.data, build_shared_actors(actors_file.data))


def longest_allowed(unit: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The small plan, and its series' actors, with every text of its PDF's headings and tables as long as the schemas allow."""
    both = lambda text: {"da": text, "en": text}  # noqa: E731
    # One actor leads three initiatives, the other takes part in them: titles that just fit in a row.
    data = with_initiatives(3, at_most(197, unit) + "{number}", lead=("ministeriet",), partners=("organisation",))
    data["initiatives"][2]["title"] = both(at_most(ROLE_TITLES_LIMIT - 2 * (200 + 2), unit))
    plan = data["plan"]
    plan["title"], plan["short_title"] = both(at_most(100, unit)), both(at_most(200, unit))
    plan["budget"]["amount"] = 10**12
    area = data["focus_areas"][0]
    area["title"] = area["sub_areas"][0]["title"] = both(at_most(200, unit))
    data["sources"] += [{"id": f"s{number}", "title": both(at_most(200, unit)), "url": f"https://kilde.example.org/{'a' * 1900}/{number}"} for number in range(2, 21)]
    data["key_figures"] = [
        {"id": f"tal-{unit_name}", "value": value, "unit": unit_name, "label": both(at_most(200, unit)), "context": both(at_most(600, unit)), "sources": [f"s{number}" for number in range(1, 21)]}
        for unit_name, value in (("dkk", 10**12), ("people", 10**7))
    ]
    data["press_releases"][0]["key_figures"] = ["tal-dkk"]
    actors = load_data_file(MINIMAL_DIR / "actors.yaml").data  # who the actors are is the series' (actors.yaml)
    for actor in actors["actors"]:
        actor["name"] = both(at_most(200, unit))
        actor["short_name"] = at_most(20, "W")
    return data, actors


@pytest.mark.parametrize("unit", ["WWW WWW ", "W", "⸻"], ids=["wide words", "one wide word", "three-em dashes"])
def test_the_longest_texts_the_schema_allows_still_give_a_pdf_that_passes_its_checks(unit, strings, tmp_path):
    plan = plan_with_actors(*longest_allowed(unit))
    job = plan_pdf_job(LocalizedPlan(plan, "da", strings["da"]), tmp_path, "https://site.test/", None)
    assert job.render_and_check()  # raises PdfFailed with every finding
