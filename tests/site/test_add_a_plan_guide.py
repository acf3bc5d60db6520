"""The editors' guide's "Add a new plan", followed as an editor would: copy a plan file, change it, validate, build, look.

The steps are read from the guide's own section (EDITING.en.md, and the Danish
guide must name the same files, keys and commands): the first test holds what
they name to the project (files, keys of the schemas, make targets, the PDF's
address); the second does what they say in a copy of the project with the real
data, runs the check `make validate` runs, builds the site and looks where the
last step says to look. A step that stops working fails here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup

from plansite.data.loading import load_data_file
from plansite.data.validation import ACTORS_SCHEMA, PLAN_ID, PLAN_SCHEMA, SITE_SCHEMA, load_series
from plansite.i18n.view import localize
from plansite.urls import PlanPaths, page_url
from support.building import WITHOUT_PDFS, build_site, copy_project
from support.paths import PROJECT_DIR, REAL_DATA

GUIDES = {"en": PROJECT_DIR / "EDITING.en.md", "da": PROJECT_DIR / "EDITING.da.md"}
SECTION = {"en": "Add a new plan", "da": "Tilføj en ny plan"}
LANGUAGES = {"da": "", "en": "en/"}
SITE = "https://site.test/"
ATOM = "{http://www.w3.org/2005/Atom}"


def guide_steps(language: str) -> list[str]:
    """The numbered steps of the guide's "Add a new plan" section, each as one line of text."""
    text = GUIDES[language].read_text(encoding="utf-8")
    match = re.search(rf"^## \d+\. {re.escape(SECTION[language])}\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert match, f"{GUIDES[language].name} has no section '{SECTION[language]}'"
    steps: list[str] = []
    for line in match.group(1).splitlines():
        if re.match(r"^\d+\. ", line):
            steps.append(line.split(" ", 1)[1])
        elif steps and line.startswith("   ") and line.strip():
            steps[-1] += " " + line.strip()
        elif steps and not line.strip():
            continue
        elif steps:
            break
    return steps


def named(steps: list[str]) -> list[str]:
    """What the steps write as code: file names, keys, commands, addresses."""
    return [code for step in steps for code in re.findall(r"`([^`]+)`", step)]


def validate_output(steps: list[str]) -> list[str]:
    """What the steps say `make validate` prints (`data: OK`, `plans/<id>.yaml: …`)."""
    return [code for code in named(steps) if code.startswith(("data: OK", "plans/"))]


def copy_command(steps: list[str]) -> tuple[str, str]:
    """The source and target of the step that copies a plan file (`cp data/plans/A.yaml data/plans/B.yaml`)."""
    [command] = [code for code in named(steps) if code.startswith("cp ")]
    _, source, target = command.split()
    return source, target


def schema_keys() -> set[str]:
    """Every key the data files' schemas know, at any depth."""
    keys: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in (PLAN_SCHEMA, SITE_SCHEMA, ACTORS_SCHEMA):
        walk(json.loads(schema.read_text(encoding="utf-8")))
    return keys


def resolve(page_path: str, href: str) -> str:
    """The site-relative path a link on `page_path` leads to."""
    return urljoin(SITE + page_path, href).removeprefix(SITE)


def test_the_guides_steps_name_files_keys_and_commands_that_exist(strings):
    steps = {language: guide_steps(language) for language in GUIDES}
    assert len(steps["en"]) >= 10, steps["en"]
    # The Danish guide is a faithful equal: the same files, keys, commands and addresses, step by step.
    for english, danish in zip(steps["en"], steps["da"], strict=True):
        assert named([english]) == named([danish]), (english, danish)
    source, target = copy_command(steps["en"])
    assert (PROJECT_DIR / source).is_file(), f"the guide copies {source}, which does not exist"
    assert Path(target).parent == Path(source).parent == Path("data/plans")
    assert PLAN_ID.match(Path(target).stem), target
    assert not (PROJECT_DIR / target).exists(), f"{target} is already a plan"
    plan_id = Path(target).stem
    makefile = (PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    keys = schema_keys()
    for code in named(steps["en"]):
        if code in validate_output(steps["en"]):
            assert code == "data: OK" or code.startswith(f"plans/{plan_id}.yaml: "), code
        elif code.startswith("make "):
            assert re.search(rf"^{re.escape(code.split()[1])}:", makefile, re.MULTILINE), f"no Makefile target for {code}"
        elif code.startswith("data/"):
            assert code == target or (PROJECT_DIR / code).exists(), f"the guide names {code}, which does not exist"
        elif code.startswith("/"):
            assert code.startswith((f"/{plan_id}/", f"/en/{plan_id}/", "/feed.xml", "/en/feed.xml")), code
        elif re.fullmatch(r"[a-z_]+(:.*)?", code):
            key, _, value = code.partition(":")
            assert key in keys, f"the guide names the key {key!r}, which no schema has"
            if key == "current_plan" and value:
                assert value.strip().strip('"') == plan_id, code
    # `make validate` is the command the editor follows; the build test below runs the same module.
    assert re.search(r"^validate:.*\n\t.*-m plansite\.commands\.validate data$", makefile, re.MULTILINE)
    # The last step's address of the PDF is the one a plan gets ("…" for its short title): the copied plan's fits it.
    [pdf_address] = [code for code in named(steps["en"]) if code.endswith(".pdf")]
    copied = localize(load_series(REAL_DATA), strings)["da"].plan(Path(source).stem)
    pattern = "[a-z0-9-]+".join(re.escape(part.replace(plan_id, copied.plan.id)) for part in pdf_address.split("…"))
    assert re.fullmatch(pattern, "/" + PlanPaths.of(copied.plan.id).pdf(copied.pdf_file_name())), (pdf_address, copied.pdf_file_name())


def new_plan(copied: dict, start: int, end: int) -> dict:
    """The copied plan file with every section replaced as the guide's steps say."""
    publisher = copied["plan"]["publisher"]
    plan = {
        **copied["plan"],
        "title": {"da": f"Handlingsplan til bekæmpelse af menneskehandel {start}-{end}", "en": f"Action plan to combat human trafficking {start}-{end}"},
        "short_title": {"da": "Ny handlingsplan", "en": "New action plan"},
        "period": {"start": start, "end": end},
        "published": f"{start}-03",
        "announced": f"{start}-03-10",
        "official_languages": ["da"],
        "budget": {"amount": 120000000, "currency": "DKK"},
        "funding": {"da": "Reserven.", "en": "The reserve."},
        "minister": {"name": "Ny Minister", "title": {"da": "minister for ligestilling", "en": "Minister for Gender Equality"}},
        "summary": {"da": "Den nye plan.", "en": "The new plan."},
        "introduction": {"da": "Indledningen til den nye plan.", "en": "The introduction to the new plan."},
        "sources": ["n1"],
    }
    for unknown in ("in_force", "objectives", "objectives_note"):  # step 3: what the sources do not say goes
        plan.pop(unknown, None)
    areas = [
        {"id": "forebyggelse", "number": 1, "title": {"da": "Forebyggelse", "en": "Prevention"}, "summary": {"da": "Om forebyggelse.", "en": "On prevention."}, "sources": ["n1"]},
        {"id": "stoette-til-ofre", "number": 2, "title": {"da": "Støtte til ofre", "en": "Support for victims"}, "summary": {"da": "Om støtte.", "en": "On support."}, "sources": ["n1"]},
    ]

    def initiative(initiative_id: str, area: str, lead: str, title: str) -> dict:
        return {
            "id": initiative_id, "focus_area": area, "title": {"da": f"{title} (da)", "en": title}, "plan_link": "confirmed",
            "summary": {"da": "Kort.", "en": "Short."}, "description": {"da": "Beskrivelse.", "en": "Description."}, "lead": [lead], "sources": ["n2"],
        }

    return {
        "plan": plan,
        "focus_areas": areas,
        "initiatives": [
            initiative("opsoegende-arbejde", "forebyggelse", publisher, "Outreach"),
            initiative("kampagne", "forebyggelse", "ny-organisation", "Campaign"),
            initiative("ny-indkvartering", "stoette-til-ofre", "ny-organisation", "New accommodation"),
        ],
        "actors": [
            {"id": publisher, "description": {"da": "Udgiver planen.", "en": "Publishes the plan."}, "sources": ["n1"]},
            {"id": "ny-organisation", "description": {"da": "Kører kampagnen.", "en": "Runs the campaign."}, "sources": ["n2"]},
        ],
        "contacts": [],
        "key_figures": [{"id": "budget", "value": 120000000, "unit": "dkk", "label": {"da": "til planen", "en": "for the plan"}, "sources": ["n1"]}],
        "press_releases": [
            {
                "id": "ny-plan", "published": f"{start}-03-10", "title": {"da": "Ny plan", "en": "New plan"},
                "lead": {"da": "Der er en ny plan.", "en": "There is a new plan."}, "body": {"da": "Brødtekst.", "en": "Body text."},
                "initiatives": ["kampagne"], "sources": ["n1"],
            }
        ],
        "updates": [{"id": "i-kraft", "date": f"{start}-04-01", "title": {"da": "Planen gælder", "en": "The plan applies"}, "text": {"da": "Tekst.", "en": "Text."}, "sources": ["n1"]}],
        "sources": [
            {"id": "n1", "title": {"da": "Planen", "en": "The plan"}, "url": "https://ny-plan.example.org/plan"},
            {"id": "n2", "title": {"da": "Kampagnen", "en": "The campaign"}, "url": "https://ny-plan.example.org/kampagne"},
        ],
    }


NEW_ACTOR = """\
  - id: ny-organisation
    type: ngo
    name:
      da: "Den nye organisation"
      en: "The new organisation"
"""


def test_a_plan_added_as_the_guide_says_has_its_pages_listing_feed_and_search_entries(tmp_path, strings):
    steps = guide_steps("en")
    project = copy_project(tmp_path / "project", REAL_DATA)
    source, target = copy_command(steps)
    plan_id = Path(target).stem
    start, end = (int(year) for year in plan_id.split("-"))
    # Steps 1-2: copy the newest plan's file under the new plan's id.
    shutil.copyfile(project / source, project / target)
    # Steps 3-10: change every section of the copy; the new actor goes into actors.yaml first.
    header = (project / target).read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# yaml-language-server: $schema="), header
    data = new_plan(load_data_file(project / target).data, start, end)
    (project / target).write_text(header + "\n" + yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    actors = project / "data" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + NEW_ACTOR, encoding="utf-8")
    # Step 11: the new plan becomes the current one; it was not an earlier plan without pages.
    site_file = project / "data" / "site.yaml"
    assert plan_id not in [entry["id"] for entry in load_data_file(site_file).data.get("earlier_plans", [])]
    site_text, count = re.subn(r"^(  current_plan:).*$", rf'\1 "{plan_id}"', site_file.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert count == 1
    site_file.write_text(site_text, encoding="utf-8")
    # Step 12: the check `make validate` runs, in the copy.
    check = subprocess.run([sys.executable, "-m", "plansite.commands.validate", "data"], cwd=project, env={**os.environ, "PYTHONPATH": "hooks"}, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    for output in validate_output(steps):  # what the guide says it prints
        assert output.split("…")[0] in check.stdout, (output, check.stdout)
    assert f"plans/{plan_id}.yaml: 2 focus areas, 3 initiatives, 2 actors, 1 press release" in check.stdout, check.stdout
    # Step 13: build, and look where the guide says.
    site = build_site(tmp_path / "site", project / "data", WITHOUT_PDFS, project=project)
    title = data["plan"]["title"]
    for language, root in LANGUAGES.items():
        t = strings[language]
        home = site.page(f"{root}{plan_id}/")
        assert home.html["lang"] == language
        assert home.find("h1").get_text(strip=True) == title[language]
        facts = [term.get_text(strip=True) for term in home.select(".plan-facts dt")]
        assert t["fact_plan_period"] in facts, facts
        assert t["fact_in_force"] not in facts, facts  # no in_force: no line for it
        note = t.format("title_is_ours", languages=t["languages_da"])
        assert (note in home.get_text(" ", strip=True)) == (language == "en")  # published in Danish only
        # Every page of the plan has its language and a switcher to its counterpart.
        plan_paths = PlanPaths.of(plan_id)
        sources = [plan_paths.home, plan_paths.about, plan_paths.focus_areas, plan_paths.initiatives, plan_paths.progress, plan_paths.press]
        sources += [plan_paths.focus_area(area["id"]) for area in data["focus_areas"]]
        sources += [plan_paths.initiative(item["id"]) for item in data["initiatives"]]
        sources += [plan_paths.press_release(release["id"]) for release in data["press_releases"]]
        pages = sorted((site.root / root / plan_id).rglob("index.html"))
        assert {path.relative_to(site.root / root).as_posix() for path in pages} == {page_url(src) + "index.html" for src in sources}
        for path in pages:
            relative = path.relative_to(site.root).as_posix()
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert page.html["lang"] == language, relative
            counterpart = relative.removeprefix("en/") if language == "en" else "en/" + relative
            switch = {link["hreflang"]: link["href"] for link in page.select("a.md-select__link[hreflang]")}
            other = "da" if language == "en" else "en"
            assert resolve(relative, switch[other]) + "index.html" == counterpart, relative
        for area in data["focus_areas"]:
            headings = [heading.get_text(strip=True) for heading in site.page(f"{root}{plan_id}/indsatsomraader/{area['id']}/").select("article h2")]
            assert not any(heading.startswith(t["sub_areas"]) for heading in headings), headings
        release = site.page(f"{root}{plan_id}/presse/ny-plan/")
        contact_heading = t["press_contact_at_release"].partition("{")[0].rstrip(", ")
        assert not any(heading.get_text(strip=True).startswith(contact_heading) for heading in release.select("article h2"))
        # The series' home page: the current plan first, and the plan among all the plans; the menu has it.
        series_home = site.page(root)
        headings = series_home.select("article h2, article h3")
        current = next(index for index, heading in enumerate(headings) if heading.get_text(strip=True).startswith(t["series_current"]))
        all_plans = next(index for index, heading in enumerate(headings) if heading.get_text(strip=True).startswith(t["series_all_plans"]))

        def leads_home(heading, root=root) -> bool:
            return any(resolve(root, link["href"]) == f"{root}{plan_id}/" for link in heading.select("a[href]"))

        assert leads_home(headings[current + 1])
        assert any(leads_home(heading) for heading in headings[all_plans + 1 :] if heading.name == "h3")
        assert any(resolve(root, link["href"]) == f"{root}{plan_id}/" for link in series_home.select("nav.md-nav--primary a[href]"))
        # The new actor's page shows its role in the new plan.
        actor_page = site.page(f"{root}aktoerer/ny-organisation/")
        assert any(resolve(f"{root}aktoerer/ny-organisation/", link["href"]) == f"{root}{plan_id}/" for link in actor_page.select("article a[href]"))
        # The feed has the plan's press release and update; the search finds its initiatives.
        feed = ET.fromstring((site.root / root / "feed.xml").read_bytes())
        links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
        assert any(link.endswith(f"/{root}{plan_id}/presse/ny-plan/") for link in links), links
        assert any(f"/{root}{plan_id}/presse/" in link and "i-kraft" in link for link in links), links
        index = json.loads((site.root / root / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"] for doc in index["docs"]}
        for initiative in data["initiatives"]:
            assert f"{plan_id}/indsatser/{initiative['id']}/" in locations, initiative["id"]
