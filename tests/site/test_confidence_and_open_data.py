"""How sure each initiative's link to its plan is, the actors overview, the press kit's fact sheet
and the open data's licence and catalog, on the built site (issue 13, "the small ones").

The session's site (tests/conftest.py) is built with its PDFs; every check reads what it wrote.
"""

from __future__ import annotations

import json
import posixpath
import zipfile
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from plansite.i18n.languages import LANGUAGES, language_root
from plansite.i18n.view import LocalizedSeries
from plansite.pdf.check import check_pdf
from plansite.site.pages import PLAN_LINK_LEVELS
from plansite.urls import ABOUT_INFORMATION, ACTORS, CATALOG, OPEN_DATA, PlanPaths, actor_path, page_url, plan_link_anchor
from support.problems import assert_no_problems

SITE_URL = "https://menneskehandel.example.org/"

# The weakest confidence tag the fact sheets (/work/shared/reference/plan-facts.md and
# plan-2022-2025-facts.md, section 3) give anything the initiative's page states. A mixed tag
# counts as its weakest part: "[A for the focus; B for the details]" is B, "[B/C]" is C. The tags
# map to the plan-link levels as the sheets define them: A confirmed, B likely, C unconfirmed.
WEAKEST_TAG = {
    "2019-2021": {
        "opsoegende-ngo-indsats": "B",  # 1.1 [B; A for HopeNow]
        "mobile-sundhedstilbud": "B",  # 1.2
        "moedestedet": "B",  # 1.3
        "opsoegende-arbejde-tvangsarbejde": "C",  # 1.4 [B/C]
        "screening-uledsagede-mindreaarige": "C",  # 1.5
        "hotline": "B",  # 1.6
        "undervisning-af-relevante-aktoerer": "B",  # 1.7 [A for focus; B for details]
        "vejledninger-og-materialer": "B",  # 1.8
        "identifikation": "B",  # 2.1
        "refleksionsperiode": "B",  # 2.2
        "ny-indkvarteringsmodel": "A",  # 2.3
        "indkvartering-af-maend": "B",  # 2.4
        "hjemsendelse-og-reintegration": "B",  # 2.5
        "retsforfoelgning-af-bagmaend": "C",  # 3.1
        "overordnet-koordination": "B",  # 4.1 [A for the minister's role; B for structures]
        "viden-og-statistik": "B",  # 4.2
        "internationalt-arbejde": "B",  # 4.3
        "evaluering": "A",  # 4.4
    },
    "2022-2025": {
        "cmm-i-kontroller-og-faelles-aktioner": "B",  # 1.1
        "formel-identifikation-cmm-og-udlaendingestyrelsen": "A",  # 1.2
        "styrket-opsoegende-arbejde": "B",  # 1.3 [A for the heading; B for the details]
        "undervisning-af-fagfolk": "B",  # 1.4
        "cmm-hotline": "B",  # 1.5
        "myndighedsgruppen": "C",  # 1.6
        "kontrolbesoeg-og-indirekte-opsoegende-arbejde": "C",  # 1.7
        "opsoegende-arbejde-i-asylsystemet": "C",  # 1.8
        "moedestedet": "C",  # 1.9
        "fordrevne-fra-ukraine": "C",  # 1.10
        "indikatorer-og-webscraping": "C",  # 1.11
        "flere-indkvarteringstilbud": "B",  # 2.1 [A for the heading; B for the details]
        "refleksions-og-restitutionsperiode": "B",  # 2.2
        "sundhedstilbud-og-juridisk-bistand": "B",  # 2.3
        "forberedt-hjemsendelse-og-reintegration": "B",  # 2.4
        "tilbud-til-mindreaarige": "B",  # 2.5
        "politiets-indsats": "B",  # 3.1
        "menneskeudnyttelse-straffelovens-262-b": "C",  # 3.2
        "national-politienhed-og-flere-efterforskere": "C",  # 3.3
        "overordnet-koordination": "A",  # X.1
        "national-henvisningsmekanisme": "B",  # X.2
        "internationalt-samarbejde": "B",  # X.3
        "viden-statistik-og-aarsrapporter": "B",  # X.4
        "aftale-62-4-mio-til-cmm-og-reden-international": "C",  # X.5
    },
}
LEVEL_OF_TAG = {"A": "confirmed", "B": "likely", "C": "unconfirmed"}


@pytest.fixture(scope="module")
def localized_series(series, strings) -> dict[str, LocalizedSeries]:
    from plansite.i18n.view import localize

    return localize(series, strings)


def page_path(language: str, src_uri: str) -> str:
    return language_root(language) + page_url(src_uri)


def resolve(from_path: str, href: str) -> tuple[str, str]:
    """(site path, fragment) of a link on the page at the site path `from_path`."""
    parts = urlsplit(urljoin("https://site.test/" + from_path, href))
    return parts.path.removeprefix("/"), parts.fragment


def badge_level(badge) -> str:
    [level] = [name.removeprefix("plan-badge--") for name in badge["class"] if name.startswith("plan-badge--")]
    return level


def badge_problems(site, path: str, expected: dict[str, str]) -> list[str]:
    """Each badge on the page names a level, says it in words and links that level on the legend page.

    `expected` maps an initiative page's path to its level; a badge in a list follows its item's link.
    """
    page = site.page(path)
    problems = []
    badges = page.select("article a.plan-badge")
    if not badges:
        return [f"{path}: no plan-link badge"]
    for badge in badges:
        level = badge_level(badge)
        target, fragment = resolve(path, badge["href"])
        legend = site.page(target)
        if target.removeprefix("en/") != page_url(ABOUT_INFORMATION) or legend.find(id=fragment) is None:
            problems.append(f"{path}: badge {badge.get_text()!r} links {badge['href']}, not a level on the legend page")
        if fragment != plan_link_anchor(level):
            problems.append(f"{path}: the {level} badge links #{fragment}")
        if not badge.get_text(strip=True):
            problems.append(f"{path}: a badge without text")
        item = badge.find_parent("li")
        if item is not None:  # in a list: the level of the initiative the item links
            initiative, _ = resolve(path, item.find("a")["href"])
            if expected.get(initiative) != level:
                problems.append(f"{path}: {initiative} is badged {level}, not {expected.get(initiative)}")
        elif expected.get(path) != level:
            problems.append(f"{path}: badged {level}, not {expected.get(path)}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plan_link_badge_says_its_level_and_links_it_on_the_legend_page(site, series, language):
    problems = []
    for plan in series.plans:
        paths = PlanPaths.of(plan.id)
        expected = {page_path(language, paths.initiative(item.id)): item.plan_link for item in plan.initiatives}
        pages = [*expected, page_path(language, paths.initiatives)]
        pages += [page_path(language, paths.focus_area(area.id)) for area in plan.focus_areas if plan.initiatives_in(area.id)]
        for path in pages:
            problems += badge_problems(site, path, expected)
    assert_no_problems(problems, "plan-link badges")


def test_the_badge_check_finds_a_badge_that_links_the_wrong_level(site, series):
    plan = series.plans[0]
    initiative = plan.initiatives[0]
    path = page_path("da", PlanPaths.of(plan.id).initiative(initiative.id))
    wrong = {path: next(level for level in PLAN_LINK_LEVELS if level != initiative.plan_link)}
    assert badge_problems(site, path, wrong) == [f"{path}: badged {initiative.plan_link}, not {wrong[path]}"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legend_page_explains_each_level_in_its_language(site, strings, language):
    page = site.page(page_path(language, ABOUT_INFORMATION))
    assert page.html["lang"] == language
    for level in PLAN_LINK_LEVELS:
        heading = page.find(id=plan_link_anchor(level))
        assert heading is not None and heading.name == "h3", level
        assert heading.get_text(strip=True).removesuffix("¶").strip() == strings[language][f"plan_link_{level}"]
        assert heading.find_next("p").get_text(strip=True) == strings[language][f"plan_link_{level}_note"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_initiatives_list_groups_them_by_level_with_a_count_linking_each_group(site, series, strings, language):
    for plan in series.plans:
        path = page_path(language, PlanPaths.of(plan.id).initiatives)
        article = site.page(path).find("article")
        counts = {link["href"].removeprefix("#"): link.get_text(strip=True) for link in article.select('li > a[href^="#plan-link-"]')}
        levels = [level for level in PLAN_LINK_LEVELS if any(item.plan_link == level for item in plan.initiatives)]
        assert list(counts) == [f"{plan_link_anchor(level)}-list" for level in levels], plan.id
        for level in levels:
            members = [item for item in plan.initiatives if item.plan_link == level]
            anchor = f"{plan_link_anchor(level)}-list"
            label = strings[language][f"plan_link_{level}"]
            assert counts[anchor] == strings[language].format("plan_link_count", level=label, count=len(members))
            heading = article.find(id=anchor)
            listed = [resolve(path, link["href"])[0] for link in heading.find_next("ul").select("li > a")]
            assert listed == [page_path(language, PlanPaths.of(plan.id).initiative(item.id)) for item in members], (plan.id, level)


def test_no_initiative_is_labelled_surer_than_the_weakest_tag_of_what_its_page_states(series):
    # The label of each initiative against the weakest fact-sheet tag of its shown details (see
    # WEAKEST_TAG); an initiative new to the data must be added there, with its tag.
    rank = {level: number for number, level in enumerate(PLAN_LINK_LEVELS)}
    problems = []
    for plan in series.plans:
        tags = WEAKEST_TAG[plan.id]
        assert sorted(tags) == sorted(item.id for item in plan.initiatives), plan.id
        for item in plan.initiatives:
            weakest = LEVEL_OF_TAG[tags[item.id]]
            if rank[item.plan_link] < rank[weakest]:
                problems.append(f"{plan.id}/{item.id}: labelled {item.plan_link}, but its weakest detail is {weakest}")
    assert_no_problems(problems, "labels surer than their details")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_actors_overview_lists_each_actor_under_its_type_with_its_role_and_plans(site, series, localized_series, strings, language):
    view = localized_series[language]
    path = page_path(language, ACTORS)
    article = site.page(path).find("article")
    problems = []
    shown = set()
    type_labels = {strings[language][key] for key in strings[language] if key.startswith("actor_type_")}
    for heading in article.find_all("h2"):
        type_label = heading.get_text(strip=True).removesuffix("¶").strip()
        if type_label not in type_labels:  # the page's other sections
            continue
        for item in heading.find_next("ul").find_all("li", recursive=False):
            target, _ = resolve(path, item.find("a")["href"])
            actor_id = posixpath.basename(target.rstrip("/"))
            actor = series.actors[actor_id]
            shown.add(actor_id)
            if type_label != strings[language][f"actor_type_{actor.type}"]:
                problems.append(f"{actor_id} is under {type_label!r}")
            newest = next(localized.plan for localized in view.plans_newest_first() if any(each.id == actor_id for each in localized.plan.actors))
            role = next(each for each in newest.actors if each.id == actor_id)
            first_words = view.text(role.description).split()[:4]
            if " ".join(first_words) not in " ".join(item.get_text(" ").split()):
                problems.append(f"{actor_id}: its role is not on its line")
            if not item.find("em"):
                problems.append(f"{actor_id}: no plans on its line")
    assert shown == {actor.id for actor in view.actors()}
    assert_no_problems(problems, "actors overview")


def test_the_refugee_appeals_board_is_a_board(site, series):
    assert series.actors["flygtningenaevnet"].type == "board"
    page = site.page(page_path("da", actor_path("flygtningenaevnet")))
    assert "Nævn" in page.select_one(".plan-facts dd").get_text()


def open_press_kit(site, plan, language: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site.root / language_root(language) / PlanPaths.of(plan.id).press_kit(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_has_no_markdown_and_its_fact_sheet_is_an_html_page_and_a_checked_pdf(site, series, strings, language):
    for plan in series.plans:
        kit = open_press_kit(site, plan, language)
        names = kit.namelist()
        assert not [name for name in names if name.endswith(".md")], plan.id
        title = f"{strings[language]['fact_sheet_heading']}: {plan.plan.title.in_language(language)}"
        html = BeautifulSoup(kit.read(strings[language]["press_kit_fact_sheet_html"]).decode("utf-8"), "html.parser")
        assert html.html["lang"] == language
        assert html.title.get_text() == title == html.h1.get_text()
        assert [heading.name for heading in html.find_all(["h1", "h2", "h3"])][:2] == ["h1", "h2"]
        pdf = kit.read(strings[language]["press_kit_fact_sheet_pdf"])
        assert check_pdf(pdf, language, [title], name=f"{plan.id} {language}") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_csv_tables_carry_the_licence_in_their_csvw_metadata(site, series, language):
    licence = series.site.data_licence
    for plan in series.plans:
        folder = site.root / language_root(language) / PlanPaths.of(plan.id).csv_metadata
        metadata = json.loads(folder.read_text(encoding="utf-8"))
        assert metadata["dc:license"] == {"@id": licence.url}
        assert metadata["dc:rights"] == licence.name
        for table in metadata["tables"]:
            table_path = folder.parent / table["url"]
            header = table_path.read_text(encoding="utf-8-sig").splitlines()[0]
            assert len(table["tableSchema"]["columns"]) == len(header.split(metadata["dialect"]["delimiter"])), table["url"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_data_page_shows_the_licence_and_links_the_catalog(site, series, language):
    path = page_path(language, OPEN_DATA)
    article = site.page(path).find("article")
    links = {resolve(path, link["href"])[0] if not link["href"].startswith("https:") else link["href"] for link in article.find_all("a")}
    assert series.site.data_licence.url in links
    assert CATALOG in links


def data_files(site) -> set[str]:
    """Every data file of every plan's data folder, in both languages (the root plan's old copies aside)."""
    files = set()
    for folder in site.root.glob("**/data"):
        relative = folder.relative_to(site.root).as_posix()
        if relative == "data" or relative == "en/data":  # the series' open-data page and old addresses
            continue
        files |= {path.relative_to(site.root).as_posix() for path in folder.iterdir() if path.is_file() and path.suffix != ".html"}
    return files


def test_the_dcat_catalog_lists_every_data_file_of_the_site_with_its_licence(site, series):
    catalog = json.loads((site.root / CATALOG).read_text(encoding="utf-8"))
    licence = {"@id": series.site.data_licence.url}
    assert catalog["@type"] == "dcat:Catalog" and catalog["dct:license"] == licence
    assert [dataset["dct:identifier"] for dataset in catalog["dcat:dataset"]] == [plan.id for plan in series.plans_newest_first()]
    listed = set()
    for dataset, plan in zip(catalog["dcat:dataset"], series.plans_newest_first()):
        assert dataset["@type"] == "dcat:Dataset" and dataset["dct:license"] == licence
        assert {each["@language"]: each["@value"] for each in dataset["dct:title"]} == {language: plan.plan.title.in_language(language) for language in LANGUAGES}
        assert [each["@language"] for each in dataset["dct:description"]] == list(LANGUAGES)
        assert dataset["dct:publisher"]["foaf:name"][0]["@value"] == series.site.publisher.in_language("da")
        assert dataset["dct:issued"]["@value"] <= dataset["dct:modified"]["@value"]
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dct:license"] == licence
            assert distribution["dcat:mediaType"]["@id"].startswith("http://www.iana.org/assignments/media-types/")
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith(SITE_URL), url
            listed.add(url.removeprefix(SITE_URL))
    assert listed == data_files(site)
