"""Validation of the series' data: exact, located messages for each class of mistake.

A plan file is checked on its own against the minimal series' actors
(`check_plan_file`); what needs the whole series (site.yaml, actors.yaml and
the plan files together) is checked in a copy of the minimal series
(`load_series`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from plansite.data.loading import parse_data
from plansite.data.model import COPENHAGEN
from plansite.data.validation import load_series
from plansite.i18n.languages import LANGUAGES
from plansite.problems import DataError
from plansite.urls import addresses_of_the_site
from support.building import copy_series
from support.minimal_plan import check_plan_text, minimal_with, plan_from
from support.paths import MINIMAL, MINIMAL_DIR, PROJECT_DIR

PLAN = "data/plans/2019-2021.yaml"


def problems_after(old: str, new: str) -> list[str]:
    """Problems in the minimal plan file after replacing `old` (which must occur once) by `new`."""
    return [str(problem) for problem in sorted(check_plan_text(minimal_with((old, new)), PLAN))]


def line_of(text: str) -> int:
    return MINIMAL.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_the_minimal_fixture_is_valid():
    assert problems_after("Testplan 2019-2021", "Testplan 2019-2021") == []
    assert [plan.id for plan in load_series(MINIMAL_DIR).plans] == ["2019-2021"]


def test_a_missing_english_text_is_refused():
    line = line_of('    summary: {da: "Kort om ét.", en: "Short on one."}')
    assert problems_after('summary: {da: "Kort om ét.", en: "Short on one."}', 'summary: {da: "Kort om ét."}') == [
        f"{PLAN}:{line}:5: initiatives[0].summary: missing required key 'en' — add 'en:' here"
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
    assert problem == f"{PLAN}:{line_of('    lead: [organisation]')}:12: initiatives[0].lead[0]: unknown actor 'organisatoin' — did you mean 'organisation'?"


def test_an_unknown_focus_area_is_refused():
    (problem,) = problems_after("    focus_area: omraade-b", "    focus_area: omraade-c")
    assert "initiatives[1].focus_area: unknown focus area 'omraade-c' — did you mean 'omraade-b'?" in problem


def test_a_sub_area_of_another_focus_area_is_refused():
    (problem,) = problems_after("    sub_area: under-a\n    title", "    sub_area: under-b\n    title")
    assert "initiatives[0].sub_area: unknown sub-area 'under-b' of the focus area 'omraade-a'" in problem


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
    assert "press_releases[0].published: '2018-09-10T12:47:00' is not in the expected format — The day, YYYY-MM-DD, or the day and time with its UTC offset" in problem


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
    assert len(check_plan_text(text, PLAN)) == 2


def test_a_sub_area_id_used_twice_in_one_focus_area_is_refused():
    # Its initiatives would be listed twice, once under each sub-area.
    sub_area = '      - id: under-a\n        title: {da: "Delområde A", en: "Sub-area A"}\n'
    problems = problems_after(sub_area, sub_area + '      - id: under-a\n        title: {da: "Delområde B", en: "Sub-area B"}\n')
    assert problems == [f"{PLAN}:{line_of('      - id: under-a') + 2}:13: focus_areas[0].sub_areas[1].id: the sub-area id 'under-a' is used twice (first at line {line_of('      - id: under-a')}) — give each sub-area its own id"]


def test_a_sub_area_id_used_in_two_focus_areas_is_refused():
    # An objective names its sub-area by id alone.
    problems = problems_after("    sub_areas: []\n", '    sub_areas:\n      - id: under-a\n        title: {da: "Delområde B", en: "Sub-area B"}\n')
    assert problems == [f"{PLAN}:{line_of('    sub_areas: []') + 1}:13: focus_areas[1].sub_areas[0].id: the sub-area id 'under-a' is used twice (first at line {line_of('      - id: under-a')}) — give each sub-area its own id"]


def test_two_focus_areas_with_the_same_number_are_refused():
    problems = problems_after("    number: 2", "    number: 1")
    assert problems == [f"{PLAN}:{line_of('    number: 2')}:13: focus_areas[1].number: the focus area number 1 is used twice (first at line {line_of('    number: 1')}) — give each focus area its own number"]


def test_an_objective_id_used_twice_is_refused():
    objective = '    - id: maal-1\n      text: {da: "Første mål", en: "First objective"}\n'
    problems = problems_after(objective, objective + '    - id: maal-1\n      text: {da: "Andet mål", en: "Second objective"}\n')
    assert problems == [f"{PLAN}:{line_of('    - id: maal-1') + 2}:11: plan.objectives[1].id: the objective id 'maal-1' is used twice (first at line {line_of('    - id: maal-1')}) — give each objective its own id"]


def test_a_target_group_listed_twice_is_refused():
    group = '      - {da: "Ofre", en: "Victims"}\n'
    problems = problems_after(group, group + '      - {da: "Ofre", en: "Victims of trafficking"}\n')
    assert problems == [f"{PLAN}:{line_of(group.rstrip()) + 1}:14: initiatives[0].target_groups[1].da: the target group 'Ofre' is listed twice (first at line {line_of(group.rstrip())}) — remove the repeated entry"]


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
    assert problem.startswith(f"{PLAN}:{line_of('    url: https://kilde.example.org/1')}:10: sources[0].url: {what} — "), problem


def test_a_website_without_a_real_host_name_is_refused(tmp_path):
    # Who an actor is, its website among it, is written in actors.yaml.
    problems = series_problems(tmp_path, ("actors.yaml", "    website: https://ministeriet.example.org/", "    website: https://ministeriet/"))
    assert problems == [
        f"{tmp_path / 'actors.yaml'}:{series_line('actors.yaml', '    website: https://ministeriet.example.org/')}:14: actors[0].website: the address has no real host name: "
        "'ministeriet' has no dot, so it is not an address on the internet — write the address as the browser shows it, e.g. https://www.um.dk/…"
    ]


def test_a_source_address_of_the_site_file_without_a_real_host_name_is_refused(tmp_path):
    problems = series_problems(tmp_path, ("site.yaml", "    url: https://kilde.example.org/site", "    url: https://kilde/site"))
    assert problems == [
        f"{tmp_path / 'site.yaml'}:{series_line('site.yaml', '    url: https://kilde.example.org/site')}:10: sources[0].url: the address has no real host name: "
        "'kilde' has no dot, so it is not an address on the internet — write the address as the browser shows it, e.g. https://www.um.dk/…"
    ]


def test_every_address_of_the_real_data_is_checked_for_its_host_name():
    # The check finds addresses by each schema's `https` definition: a field that stops using it is no longer checked.
    from plansite.data.loading import load_data_file
    from plansite.data.text_checks import paths_of_definition
    from plansite.data.validation import ACTORS_SCHEMA, PLAN_SCHEMA, SITE_SCHEMA, plan_files, schema_of
    from plansite.data.value_checks import ADDRESS_REFERENCE
    from support.paths import REAL_DATA

    def checked(path: Path, schema: Path) -> tuple[dict, set]:
        data = load_data_file(path).data
        return data, set(paths_of_definition(schema_of(schema), ADDRESS_REFERENCE, data))

    site, site_checked = checked(REAL_DATA / "site.yaml", SITE_SCHEMA)
    assert site_checked == {("site", "data_licence", "url")} | {("sources", index, "url") for index, _ in enumerate(site["sources"])}
    actors, actors_checked = checked(REAL_DATA / "actors.yaml", ACTORS_SCHEMA)
    assert actors_checked == {("actors", index, "website") for index, actor in enumerate(actors["actors"]) if "website" in actor}
    assert plan_files(REAL_DATA)
    for path in plan_files(REAL_DATA):
        plan, plan_checked = checked(path, PLAN_SCHEMA)
        documents = {("documents", index, "url") for index, document in enumerate(plan.get("documents", [])) if "url" in document}
        assert plan_checked == {("sources", index, "url") for index, _ in enumerate(plan["sources"])} | documents, path.name


# Press releases dated by the day alone ------------------------------------------------------------

PRESS_TIME = 'published: "2018-09-10T12:47:00+02:00"'


def test_a_press_release_dated_by_the_day_alone_is_accepted_and_shown_without_a_time():
    assert problems_after(PRESS_TIME, 'published: "2018-09-10"') == []
    (release,) = plan_from(parse_data(minimal_with((PRESS_TIME, 'published: "2018-09-10"')).encode("utf-8"), PLAN).data).press_releases
    assert (release.published, release.time_known) == (datetime(2018, 9, 10, tzinfo=COPENHAGEN), False)


def test_a_press_time_without_seconds_or_offset_is_refused():
    (problem,) = problems_after(PRESS_TIME, 'published: "2018-09-10T12:47"')
    assert problem.startswith(
        f"{PLAN}:{line_of('    ' + PRESS_TIME)}:16: press_releases[0].published: '2018-09-10T12:47' is not in the expected format"
        " — The day, YYYY-MM-DD, or the day and time with its UTC offset (e.g. 2018-09-10T12:47:00+02:00"
    ), problem


def test_a_press_day_alone_that_does_not_exist_is_refused_as_a_date():
    # The editor wrote a day: the fix must not ask for a time and an offset the sources do not give.
    assert problems_after(PRESS_TIME, 'published: "2018-02-30"') == [
        f"{PLAN}:{line_of('    ' + PRESS_TIME)}:16: press_releases[0].published: '2018-02-30' is not a real date — write an existing date as YYYY-MM-DD"
    ]


def test_a_plan_period_in_years_is_accepted():
    assert problems_after("  period: {start: 2019-01-01, end: 2021-12-31}", "  period: {start: 2019, end: 2021}") == []


# The series: what only site.yaml, actors.yaml and the plan files together can say ----------------


def series_problems(folder: Path, *edits: tuple[str, str, str]) -> list[str]:
    """The problems `load_series` reports in a copy of the minimal series at `folder`, each (file, old, new) applied first."""
    data_dir = copy_series(MINIMAL_DIR, folder)
    for name, old, new in edits:
        text = (data_dir / name).read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        (data_dir / name).write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    return [str(problem) for problem in caught.value.problems]


def series_line(name: str, text: str) -> int:
    """The line of the minimal series' file `name` that is exactly `text`."""
    return (MINIMAL_DIR / name).read_text(encoding="utf-8").splitlines().index(text) + 1


A_THIRD_ACTOR = "    short_name: ORG\n  - id: politiet\n    type: police\n    name: {da: \"Politiet\", en: \"The Police\"}"


def test_an_unknown_current_plan_is_refused_with_the_nearest_plan(tmp_path):
    line = series_line("site.yaml", '  current_plan: "2019-2021"')
    assert series_problems(tmp_path, ("site.yaml", 'current_plan: "2019-2021"', 'current_plan: "2019-2022"')) == [
        f"{tmp_path / 'site.yaml'}:{line}:17: site.current_plan: there is no plan file plans/2019-2022.yaml — did you mean '2019-2021'?"
    ]


def test_an_unknown_root_plan_is_refused(tmp_path):
    line = series_line("site.yaml", '  root_plan: "2019-2021"')
    assert series_problems(tmp_path, ("site.yaml", 'root_plan: "2019-2021"', 'root_plan: "2015-2018"')) == [
        f"{tmp_path / 'site.yaml'}:{line}:14: site.root_plan: there is no plan file plans/2015-2018.yaml — did you mean '2019-2021'?"
    ]


def test_a_site_contact_of_an_unknown_organisation_is_refused(tmp_path):
    assert series_problems(tmp_path, ("site.yaml", "    organisation: organisation", "    organisation: organisatoin")) == [
        f"{tmp_path / 'site.yaml'}:{series_line('site.yaml', '    organisation: organisation')}:19: contacts[0].organisation: unknown actor 'organisatoin' — did you mean 'organisation'?"
    ]


def test_an_earlier_plan_that_has_its_own_plan_file_is_refused(tmp_path):
    line = series_line("site.yaml", '  - id: "2015-2018"')
    assert series_problems(tmp_path, ("site.yaml", '  - id: "2015-2018"', '  - id: "2019-2021"')) == [
        f"{tmp_path / 'site.yaml'}:{line}:9: earlier_plans[0].id: the plan '2019-2021' has its own file under plans/"
        " — remove it from earlier_plans: its file says what the site shows of it"
    ]


def test_unknown_sources_of_the_site_file_are_refused_where_they_are_cited(tmp_path):
    contact_sources = "    sources: [k1]\nearlier_plans:"
    problems = series_problems(tmp_path, ("site.yaml", contact_sources, "    sources: [k2]\nearlier_plans:"), ("site.yaml", "    sources: [k1]\nsources:", "    sources: [k1, kilde-2]\nsources:"))
    site = tmp_path / "site.yaml"
    earlier_plan_sources = series_line("site.yaml", '    title: {da: "Den forrige testplan", en: "The previous test plan"}') + 1
    assert problems == [
        f"{site}:{series_line('site.yaml', '    as_of: 2022-03-29') + 1}:15: contacts[0].sources[0]: unknown source 'k2' — use the id of an existing source",
        f"{site}:{earlier_plan_sources}:19: earlier_plans[0].sources[1]: unknown source 'kilde-2' — use the id of an existing source",
    ]


def test_a_period_in_years_that_ends_before_it_starts_is_refused_in_the_years_written(tmp_path):
    # The editor wrote years: the message quotes them, not days the file does not contain.
    assert series_problems(tmp_path, ("site.yaml", "period: {start: 2015, end: 2018}", "period: {start: 2015, end: 2014}")) == [
        f"{tmp_path / 'site.yaml'}:{series_line('site.yaml', '    period: {start: 2015, end: 2018}')}:32: earlier_plans[0].period.end: the end 2014 is before the start 2015"
        " — swap the dates or correct one of them"
    ]


def test_an_actor_id_used_twice_in_the_actors_file_is_refused(tmp_path):
    problems = series_problems(tmp_path, ("actors.yaml", "    short_name: ORG", '    short_name: ORG\n  - id: organisation\n    type: ngo\n    name: {da: "Org", en: "Org"}'))
    assert problems == [
        f"{tmp_path / 'actors.yaml'}:{series_line('actors.yaml', '    short_name: ORG') + 1}:9: actors[2].id: the actor id 'organisation' is used twice"
        f" (first at line {series_line('actors.yaml', '  - id: organisation')}) — give each entry its own id"
    ]


def test_an_unknown_parent_actor_is_refused_with_the_nearest_actor(tmp_path):
    problems = series_problems(tmp_path, ("actors.yaml", "    short_name: ORG", "    short_name: ORG\n    parent: ministeriett"))
    assert problems == [
        f"{tmp_path / 'actors.yaml'}:{series_line('actors.yaml', '    short_name: ORG') + 1}:13: actors[1].parent: unknown actor 'ministeriett' — did you mean 'ministeriet'?"
    ]


def test_a_role_in_a_plan_of_an_actor_missing_from_the_actors_file_is_refused(tmp_path):
    role = '  - id: politiet\n    description: {da: "Politiet.", en: "The police."}\n    sources: [s1]\ncontacts:\n'
    problems = series_problems(tmp_path, ("plans/2019-2021.yaml", "contacts:\n", role))
    assert problems == [
        f"{tmp_path / 'plans' / '2019-2021.yaml'}:{line_of('contacts:')}:9: actors[2].id: 'politiet' is not in actors.yaml — add it to data/actors.yaml (id, type, name), or correct the id"
    ]


def test_a_lead_without_a_role_in_the_plan_is_refused_with_where_to_give_it_one(tmp_path):
    # 'politiet' is in actors.yaml, but the plan's `actors:` does not say what it does in this plan.
    problems = series_problems(tmp_path, ("actors.yaml", "    short_name: ORG", A_THIRD_ACTOR), ("plans/2019-2021.yaml", "    lead: [organisation]", "    lead: [politiet]"))
    (problem,) = problems
    where = f"{tmp_path / 'plans' / '2019-2021.yaml'}:{line_of('    lead: [organisation]')}:12: initiatives[0].lead[0]: "
    assert problem.startswith(where), problem
    what, _, fix = problem.removeprefix(where).partition(" — ")
    assert "'politiet'" in what and "no role in this plan" in what, problem
    assert "actors:" in fix, problem


def test_an_actor_of_the_actors_file_may_have_no_role_in_a_plan(tmp_path):
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    (data_dir / "actors.yaml").write_text((data_dir / "actors.yaml").read_text(encoding="utf-8").replace("    short_name: ORG", A_THIRD_ACTOR), encoding="utf-8")
    series = load_series(data_dir)
    assert list(series.actors) == ["ministeriet", "organisation", "politiet"]
    assert [actor.id for actor in series.plan("2019-2021").actors] == ["ministeriet", "organisation"]


def test_a_plan_file_name_that_cannot_be_an_address_is_refused(tmp_path):
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    (data_dir / "plans" / "Plan 2030.yaml").write_bytes(MINIMAL.read_bytes())
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{data_dir / 'plans' / 'Plan 2030.yaml'}:1:1: the file name 'Plan 2030.yaml' cannot be a plan's address"
        " — name the file with small letters a-z, digits and hyphens, e.g. 2026-2029.yaml"
    ]


def test_a_folder_without_plan_files_is_refused(tmp_path):
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    (data_dir / "plans" / "2019-2021.yaml").unlink()
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{data_dir / 'plans'}:1:1: there is no plan file — add one (see the editors' guide, 'Add a new plan')"
    ]


def test_a_folder_without_its_actors_file_is_refused(tmp_path):
    data_dir = copy_series(MINIMAL_DIR, tmp_path)
    (data_dir / "actors.yaml").unlink()
    with pytest.raises(DataError) as caught:
        load_series(data_dir)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{data_dir / 'actors.yaml'}:1:1: cannot read the file: No such file or directory — check that the file exists and is readable"
    ]


def test_the_problems_of_every_file_of_the_series_are_reported_at_once(tmp_path):
    problems = series_problems(
        tmp_path,
        ("site.yaml", "    organisation: organisation", "    organisation: nobody"),
        ("actors.yaml", "    short_name: ORG", "    short_name: ORG\n    parent: nobody"),
        ("plans/2019-2021.yaml", "    focus_area: omraade-b", "    focus_area: nowhere"),
    )
    assert [problem.split(":")[0] for problem in problems] == [str(tmp_path / "actors.yaml"), str(tmp_path / "plans" / "2019-2021.yaml"), str(tmp_path / "site.yaml")]


@pytest.mark.parametrize("name", ["aktoerer", "kontakt", "data", "tilgaengelighed", "privatliv", "en", "indsatser", "presse", "om-planen", "pdf", "search", "assets"])
def test_a_plan_file_named_after_one_of_the_sites_own_addresses_is_refused(tmp_path, name):
    folder = copy_series(MINIMAL_DIR, tmp_path / "data")
    (folder / "plans" / f"{name}.yaml").write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_series(folder, taken=addresses_of_the_site(LANGUAGES, PROJECT_DIR / "docs"))
    assert f"{folder / 'plans' / (name + '.yaml')}:1:1: the plan's address /{name}/ is one of the site's own — name the file after the plan's years instead" in caught.value.report()
