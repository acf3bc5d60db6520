"""Validation of an initiative's dated evidence and its status: exact, located messages.

A status rests on evidence, and evidence on sources: a status without evidence,
an evidence item without a source, an id that names nothing and a status dated
before the evidence it rests on are each refused where they are written.
"""

from __future__ import annotations

import re

import pytest

from plansite.data.loading import load_data_file, parse_data
from plansite.data.validation import check_plan_file
from support.minimal_plan import check_plan_text, minimal_with
from support.paths import MINIMAL, PROJECT_DIR, REAL_DATA

PLAN = "data/plans/2019-2021.yaml"
LEAD = "    lead: [ministeriet]"
EVIDENCE = """
    evidence:
      - id: rapport
        date: 2020-10
        kind: report
        summary: {da: "En rapport udkom.", en: "A report came out."}
        sources: [s1]"""
STATUS = """
    status:
      value: substantial
      as_of: 2020-11-30
      evidence: [rapport]"""


def problems_with(addition: str) -> list[str]:
    """Problems of the minimal plan with `addition` written into its second initiative."""
    return [str(problem) for problem in sorted(check_plan_text(minimal_with((LEAD, LEAD + addition)), PLAN))]


def line_of(addition: str, text: str) -> int:
    """The line of `text` in the minimal plan with `addition`."""
    return minimal_with((LEAD, LEAD + addition)).splitlines().index(text) + 1


def test_evidence_with_a_status_is_accepted():
    assert problems_with(EVIDENCE + STATUS) == []
    assert MINIMAL.read_text(encoding="utf-8").count(LEAD) == 1


def test_a_status_without_evidence_is_refused():
    addition = EVIDENCE + STATUS.replace("      evidence: [rapport]", "      evidence: []")
    line = line_of(addition, "      evidence: []")
    assert problems_with(addition) == [f"{PLAN}:{line}:17: initiatives[1].status.evidence: must not be empty — add at least one entry"]


def test_a_status_that_names_no_evidence_is_refused():
    addition = EVIDENCE + STATUS.replace("      evidence: [rapport]\n", "").removesuffix("      evidence: [rapport]")
    line = line_of(addition, "    status:")
    assert problems_with(addition) == [f"{PLAN}:{line}:5: initiatives[1].status: missing required key 'evidence' — add 'evidence:' here"]


def test_an_evidence_item_without_a_source_is_refused():
    addition = EVIDENCE.replace("\n        sources: [s1]", "")
    line = line_of(addition, "      - id: rapport")
    assert problems_with(addition) == [f"{PLAN}:{line}:9: initiatives[1].evidence[0]: missing required key 'sources' — add 'sources:' here"]


def test_an_unknown_source_of_evidence_is_refused():
    addition = EVIDENCE.replace("sources: [s1]", "sources: [s9]")
    line = line_of(addition, "        sources: [s9]")
    assert problems_with(addition) == [f"{PLAN}:{line}:19: initiatives[1].evidence[0].sources[0]: unknown source 's9' — use the id of an existing source"]


def test_an_unknown_evidence_id_is_refused():
    addition = EVIDENCE + STATUS.replace("evidence: [rapport]", "evidence: [rapprot]")
    line = line_of(addition, "      evidence: [rapprot]")
    assert problems_with(addition) == [f"{PLAN}:{line}:18: initiatives[1].status.evidence[0]: unknown evidence item 'rapprot' — did you mean 'rapport'?"]


def test_evidence_of_another_initiative_is_refused():
    addition = EVIDENCE.replace("id: rapport", "id: noget-andet") + STATUS
    line = line_of(addition, "      evidence: [rapport]")
    assert problems_with(addition) == [
        f"{PLAN}:{line}:18: initiatives[1].status.evidence[0]: unknown evidence item 'rapport' — use the id of one of this initiative's evidence: items"
    ]


def test_a_status_dated_before_its_evidence_is_refused():
    addition = EVIDENCE + STATUS.replace("as_of: 2020-11-30", "as_of: 2020-09-30")
    line = line_of(addition, "      as_of: 2020-09-30")
    assert problems_with(addition) == [
        f"{PLAN}:{line}:14: initiatives[1].status.as_of: the status is as of 2020-09-30, before the evidence 'rapport' it rests on — set as_of to 2020-10-01 or later"
    ]


def test_an_evidence_date_that_does_not_exist_is_refused():
    addition = EVIDENCE.replace("date: 2020-10", "date: 2020-13")
    line = line_of(addition, "        date: 2020-13")
    assert problems_with(addition) == [f"{PLAN}:{line}:15: initiatives[1].evidence[0].date: '2020-13' is not a real date — write an existing date as YYYY-MM-DD, YYYY-MM or YYYY"]


def test_an_evidence_date_in_another_format_is_refused():
    addition = EVIDENCE.replace("date: 2020-10", "date: 10/2020")
    (problem,) = problems_with(addition)
    assert problem.endswith("initiatives[1].evidence[0].date: '10/2020' is not in the expected format — A date as precise as the source gives it: YYYY-MM-DD, YYYY-MM or only the year (e.g. 2020-10 or 2021).")


def test_an_unknown_kind_of_evidence_is_refused_with_the_vocabulary():
    (problem,) = problems_with(EVIDENCE.replace("kind: report", "kind: reprot"))
    assert problem.endswith("initiatives[1].evidence[0].kind: 'reprot' is not allowed — did you mean 'report'?")


def test_an_unknown_status_value_is_refused_with_the_scale():
    (problem,) = problems_with(EVIDENCE + STATUS.replace("value: substantial", "value: done"))
    assert problem.endswith("initiatives[1].status.value: 'done' is not allowed — use one of: not_started, limited, substantial, complete")


def test_an_evidence_id_used_twice_in_one_initiative_is_refused():
    addition = EVIDENCE + EVIDENCE.replace("\n    evidence:", "")
    (problem,) = problems_with(addition)
    assert problem.endswith("initiatives[1].evidence[1].id: the evidence id 'rapport' is used twice in this initiative — give each evidence item its own id")


@pytest.mark.parametrize("guide", ["EDITING.da.md", "EDITING.en.md"])
def test_the_guides_example_of_evidence_and_status_is_valid_in_the_real_current_plan(guide):
    (example,) = re.findall(r"^```yaml\n(    evidence:\n.*?)^```", (PROJECT_DIR / guide).read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    current = REAL_DATA / "plans" / f"{load_data_file(REAL_DATA / 'site.yaml').data['site']['current_plan']}.yaml"
    text = current.read_text(encoding="utf-8")
    first_lead = re.search(r"^    lead:.*\n(      - .*\n)*", text, re.MULTILINE)
    assert first_lead
    changed = text[: first_lead.end()] + example + text[first_lead.end() :]
    actor_ids = [actor["id"] for actor in load_data_file(REAL_DATA / "actors.yaml").data["actors"]]
    assert [str(problem) for problem in check_plan_file(parse_data(changed.encode("utf-8"), str(current)), actor_ids)] == []
