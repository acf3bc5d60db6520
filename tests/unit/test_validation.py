"""Validation of the plan data: exact, located messages for each class of mistake."""

from __future__ import annotations

import pytest
import yaml

from plansite.data.loading import parse_data
from plansite.data.validation import check_data
from support.paths import MINIMAL


def problems_after(old: str, new: str) -> list[str]:
    """Problems in the minimal fixture after replacing `old` (which must occur once) by `new`."""
    text = MINIMAL.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return [str(problem) for problem in sorted(check_data(parse_data(text.replace(old, new).encode("utf-8"), "data.yaml")))]


def line_of(text: str) -> int:
    return MINIMAL.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_the_minimal_fixture_is_valid():
    assert problems_after("Testplan 2019-2021", "Testplan 2019-2021") == []


def test_a_missing_english_text_is_refused():
    line = line_of('    summary: {da: "Kort om ét.", en: "Short on one."}')
    assert problems_after('summary: {da: "Kort om ét.", en: "Short on one."}', 'summary: {da: "Kort om ét."}') == [
        f"data.yaml:{line}:5: initiatives[0].summary: missing required key 'en' — add 'en:' here"
    ]


def test_an_empty_translation_is_refused():
    (problem,) = problems_after('title: {da: "Indsats to", en: "Initiative two"}', 'title: {da: "Indsats to", en: " "}')
    assert problem.endswith("initiatives[1].title.en: must not be empty — write the text, or remove the key if it is optional")


def test_an_unknown_key_suggests_the_nearest_known_one():
    problems = problems_after("    summary: {da: \"Kort om to.\"", "    summry: {da: \"Kort om to.\"")
    assert any("initiatives[1].summry: unknown key 'summry' — did you mean 'summary'?" in problem for problem in problems)
    assert any("initiatives[1]: missing required key 'summary'" in problem for problem in problems)


def test_an_unknown_actor_reference_suggests_a_near_miss():
    (problem,) = problems_after("    lead: [organisation]", "    lead: [organisatoin]")
    assert problem == f"data.yaml:{line_of('    lead: [organisation]')}:12: initiatives[0].lead[0]: unknown actor 'organisatoin' — did you mean 'organisation'?"


def test_an_unknown_focus_area_is_refused():
    (problem,) = problems_after("    focus_area: omraade-b", "    focus_area: omraade-c")
    assert "initiatives[1].focus_area: unknown focus area 'omraade-c' — did you mean 'omraade-b'?" in problem


def test_a_sub_area_of_another_focus_area_is_refused():
    (problem,) = problems_after("    sub_area: under-a\n    title", "    sub_area: under-b\n    title")
    assert "initiatives[0].sub_area: unknown sub-area of 'omraade-a' 'under-b'" in problem


def test_a_duplicate_id_is_refused():
    (problem,) = problems_after("  - id: indsats-to", "  - id: indsats-et")
    assert "initiatives[1].id: the initiative id 'indsats-et' is used twice (first at line" in problem


def test_an_id_that_is_not_slug_safe_is_refused():
    (problem,) = problems_after("  - id: indsats-to", "  - id: Indsats To")
    assert "initiatives[1].id: 'Indsats To' is not in the expected format — A stable id: lowercase letters a-z" in problem


def test_an_end_before_the_start_is_refused():
    (problem,) = problems_after("  period: {start: 2019-01-01, end: 2021-12-31}", "  period: {start: 2019-01-01, end: 2018-12-31}")
    assert "plan.period.end: the end 2018-12-31 is before the start 2019-01-01 — swap the dates or correct one of them" in problem


def test_an_impossible_date_is_refused():
    (problem,) = problems_after("  announced: 2018-09-10", "  announced: 2018-02-30")
    assert problem.endswith("plan.announced: '2018-02-30' is not a real date — write an existing date as YYYY-MM-DD")


def test_a_press_time_without_timezone_is_refused():
    (problem,) = problems_after('published: "2018-09-10T12:47:00+02:00"', 'published: "2018-09-10T12:47:00"')
    assert "press_releases[0].published: '2018-09-10T12:47:00' is not in the expected format — Date and time with its UTC offset" in problem


def test_a_negative_amount_is_refused():
    (problem,) = problems_after("    amount: 63000000", "    amount: -1")
    assert "plan.budget.amount: -1 is out of range (minimum 0)" in problem


def test_a_plain_http_url_is_refused():
    (problem,) = problems_after("    url: https://kilde.example.org/1", "    url: http://kilde.example.org/1")
    assert "sources[0].url: 'http://kilde.example.org/1' is not in the expected format — An absolute https:// address, without spaces" in problem


def test_a_malformed_phone_number_is_refused():
    (problem,) = problems_after('phone: "+45 11 22 33 44"', 'phone: "11-22-33"')
    assert "contacts[0].phone: '11-22-33' is not in the expected format — International format, e.g. +45 33 92 16 81." in problem


def test_an_unknown_status_is_refused_with_the_vocabulary():
    (problem,) = problems_after("    plan_link: unconfirmed", "    plan_link: unconfirmd")
    assert "initiatives[1].plan_link: 'unconfirmd' is not allowed — did you mean 'unconfirmed'?" in problem


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Klik <a href='javascript:alert(1)'>her</a>", "<!-- skjult -->", "</p><p>"],
)
def test_raw_html_in_a_text_is_refused(payload):
    (problem,) = problems_after('description: {da: "Lang tekst om to."', f"description: {{da: {yaml.safe_dump(payload).strip().removesuffix('...').strip()}")
    assert "initiatives[1].description.da: HTML is not allowed in texts" in problem


@pytest.mark.parametrize("target", ["javascript:alert(1)", "data:text/html,x", "http://example.org", "vbscript:x", "JaVaScRiPt:alert(1)"])
def test_a_markdown_link_that_is_not_https_is_refused(target):
    (problem,) = problems_after('description: {da: "Lang tekst om to."', f'description: {{da: "Se [her]({target})."')
    assert f"the link target '{target.split('(')[0]}" in problem and "is not an https:// address" in problem


def test_all_problems_are_reported_at_once():
    text = MINIMAL.read_text(encoding="utf-8").replace("    lead: [organisation]", "    lead: [nobody]").replace("    focus_area: omraade-b", "    focus_area: nowhere")
    assert len(check_data(parse_data(text.encode("utf-8"), "data.yaml"))) == 2


def test_a_sub_area_id_used_twice_in_one_focus_area_is_refused():
    # Its initiatives would be listed twice, once under each sub-area.
    sub_area = '      - id: under-a\n        title: {da: "Delområde A", en: "Sub-area A"}\n'
    problems = problems_after(sub_area, sub_area + '      - id: under-a\n        title: {da: "Delområde B", en: "Sub-area B"}\n')
    assert problems == [f"data.yaml:{line_of('      - id: under-a') + 2}:13: focus_areas[0].sub_areas[1].id: the sub-area id 'under-a' is used twice (first at line {line_of('      - id: under-a')}) — give each sub-area its own id"]


def test_a_sub_area_id_used_in_two_focus_areas_is_refused():
    # An objective names its sub-area by id alone.
    problems = problems_after("    sub_areas: []\n", '    sub_areas:\n      - id: under-a\n        title: {da: "Delområde B", en: "Sub-area B"}\n')
    assert problems == [f"data.yaml:{line_of('    sub_areas: []') + 1}:13: focus_areas[1].sub_areas[0].id: the sub-area id 'under-a' is used twice (first at line {line_of('      - id: under-a')}) — give each sub-area its own id"]


def test_two_focus_areas_with_the_same_number_are_refused():
    problems = problems_after("    number: 2", "    number: 1")
    assert problems == [f"data.yaml:{line_of('    number: 2')}:13: focus_areas[1].number: the focus area number 1 is used twice (first at line {line_of('    number: 1')}) — give each focus area its own number"]


def test_an_objective_id_used_twice_is_refused():
    objective = '    - id: maal-1\n      text: {da: "Første mål", en: "First objective"}\n'
    problems = problems_after(objective, objective + '    - id: maal-1\n      text: {da: "Andet mål", en: "Second objective"}\n')
    assert problems == [f"data.yaml:{line_of('    - id: maal-1') + 2}:11: plan.objectives[1].id: the objective id 'maal-1' is used twice (first at line {line_of('    - id: maal-1')}) — give each objective its own id"]


def test_a_target_group_listed_twice_is_refused():
    group = '      - {da: "Ofre", en: "Victims"}\n'
    problems = problems_after(group, group + '      - {da: "Ofre", en: "Victims of trafficking"}\n')
    assert problems == [f"data.yaml:{line_of(group.rstrip()) + 1}:14: initiatives[0].target_groups[1].da: the target group 'Ofre' is listed twice (first at line {line_of(group.rstrip())}) — remove the repeated entry"]


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("https://-/side", "the address has no real host name: '-' has no dot, so it is not an address on the internet"),
        ("https://localhost/side", "the address has no real host name: 'localhost' has no dot, so it is not an address on the internet"),
        ("https://kilde/1", "the address has no real host name: 'kilde' has no dot, so it is not an address on the internet"),
        ("https://a..b/", "the address has no real host name: 'a..b' has two dots in a row"),
        ("https://kilde.example.org./1", "the address has no real host name: 'kilde.example.org.' starts or ends with a dot"),
        ("https://%6Bilde.example.org/1", "the address has no real host name: '%6Bilde.example.org' contains '%', which a host name cannot contain"),
        ("https://-kilde.example.org/", "the address has no real host name: its part '-kilde' starts or ends with '-'"),
        ("https://kilde-.example.org/", "the address has no real host name: its part 'kilde-' starts or ends with '-'"),
        (f"https://{'a' * 64}.example.org/", f"the address has no real host name: its part '{'a' * 64}' is longer than 63 characters"),
        ("https://kilde_1.example.org/", "the address has no real host name: 'kilde_1.example.org' contains '_', which a host name cannot contain"),
        ("https://kilde.example.123/", "the address has no real host name: 'kilde.example.123' does not end in a top-level domain such as .dk or .org"),
        ("https://192.168.1.1/side", "the address has no real host name: '192.168.1.1' is an IP address"),
        ("https://[::1]/side", "the address has no real host name: '::1' is an IP address"),
        ("https://um.dk@evil.example/", "the address has a user name or password before '@'"),
        ("https://kilde.example.org:99999/", "the port ':99999' is not a number from 1 to 65535"),
    ],
)
def test_a_url_without_a_real_host_name_is_refused(url, what):
    (problem,) = problems_after("    url: https://kilde.example.org/1", f"    url: {yaml.safe_dump(url).strip().removesuffix('...').strip()}")
    assert problem.startswith(f"data.yaml:{line_of('    url: https://kilde.example.org/1')}:10: sources[0].url: {what} — "), problem


def test_a_website_without_a_real_host_name_is_refused():
    (problem,) = problems_after("    website: https://ministeriet.example.org/", "    website: https://ministeriet/")
    assert problem == (
        f"data.yaml:{line_of('    website: https://ministeriet.example.org/')}:14: actors[0].website: the address has no real host name: "
        "'ministeriet' has no dot, so it is not an address on the internet — write the address as the browser shows it, e.g. https://www.um.dk/…"
    )


@pytest.mark.parametrize("url", ["https://kilde.example.org/1", "https://www.retsinformation.dk/eli/lta/2019/1?x=(a)", "https://xn--lbrandsvsen-0cb.dk/", "https://æbleø.dk/", "https://kilde.example.org:8443/", "https://a-b.c-d.dk/"])
def test_a_url_with_a_real_host_name_is_accepted(url):
    assert problems_after("    url: https://kilde.example.org/1", f"    url: {yaml.safe_dump(url).strip().removesuffix('...').strip()}") == []


def test_every_address_of_the_real_data_is_checked_for_its_host_name():
    # The check finds addresses by the schema's `https` definition: a field that stops using it is no longer checked.
    from plansite.data.text_checks import paths_of_definition
    from plansite.data.validation import _schema
    from plansite.data.value_checks import ADDRESS_REFERENCE
    from support.paths import REAL_DATA

    data = parse_data(REAL_DATA.read_bytes(), str(REAL_DATA)).data
    checked = {path for path in paths_of_definition(_schema(), ADDRESS_REFERENCE, data)}
    addresses = {("sources", index, "url") for index, _ in enumerate(data["sources"])}
    addresses |= {("actors", index, "website") for index, actor in enumerate(data["actors"]) if "website" in actor}
    assert checked == addresses
