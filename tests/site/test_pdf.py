"""The plan PDFs of the real site, one per plan and language: accessible (PDF/UA-1 checks), complete, and linked from every page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pikepdf
import pytest
from bs4 import BeautifulSoup

from plansite.i18n.view import LocalizedPlan
from plansite.pdf.check import check_pdf
from plansite.pdf.text import normalize, page_text_items, texts_by_mcid
from plansite.urls import PlanPaths

LANGUAGE_ROOTS = {"da": "", "en": "en/"}
SITE = "https://site.test/"
UNITS = {"da": ("kB", "sider", "på dansk"), "en": ("KB", "pages", "in English")}


def pdf_name(plan, strings, language: str) -> str:
    return LocalizedPlan(plan, language, strings[language]).pdf_file_name()


def plan_pdf(site, strings, plan, language: str) -> Path:
    """Where a plan's PDF in `language` is published: under the plan's id."""
    return site.root / LANGUAGE_ROOTS[language] / PlanPaths.of(plan.id).pdf(pdf_name(plan, strings, language))


def plan_pdfs(site, strings, series, language: str):
    """(plan, path of its PDF in `language`) of every plan of the series."""
    return [(plan, plan_pdf(site, strings, plan, language)) for plan in series.plans]


def pdfinfo(path: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(path)], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)$", pdfinfo(path), re.M).group(1))


def site_pages(site):
    """(site-relative path, language, parsed page) of every page but the bilingual 404 page."""
    for path in site.html_files():
        relative = path.relative_to(site.root).as_posix()
        if relative not in ("404.html", "en/404.html"):
            yield relative, "en" if relative.startswith("en/") else "da", BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def struct_elements(node, role=None):
    kids = node.get("/K", pikepdf.Array())
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            if role is None or kid.S == role:
                yield kid
            yield from struct_elements(kid, role)


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_each_plan_pdf_passes_every_accessibility_check(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        titles = [initiative.title.in_language(language) for initiative in plan.initiatives]
        assert check_pdf(path, language, titles) == [], plan.id


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_root_plan_pdf_keeps_its_name_and_its_old_address(site, strings, plan, language):
    name = {"da": "handlingsplan-mod-menneskehandel-2019-2021.pdf", "en": "action-plan-against-human-trafficking-2019-2021.pdf"}[language]
    assert pdf_name(plan, strings, language) == name
    old = site.root / LANGUAGE_ROOTS[language] / PlanPaths.at_root().pdf(name)
    assert old.read_bytes() == plan_pdf(site, strings, plan, language).read_bytes()


def plan_of_page(series, relative: str):
    """The plan whose PDF a page links: its own (the page is under the plan's id), else the current plan."""
    first = relative.removeprefix("en/").split("/", 1)[0]
    return next((plan for plan in series.plans if plan.id == first), series.current_plan)


def test_every_page_links_the_pdf_of_its_plan_in_its_language_with_its_real_size_and_page_count(site, strings, series):
    checked = 0
    for relative, language, page in site_pages(site):
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # an old address: the browser goes on at once to the new page, which offers the PDF
        # At the foot of the page, or in the list of the plan's documents after the official plan.
        links = page.select(".plan-download a, .plan-documents__summary a")
        assert links, relative
        for link in links:
            target = urljoin(SITE + relative, link["href"]).removeprefix(SITE)
            plan = plan_of_page(series, relative)
            assert target == LANGUAGE_ROOTS[language] + PlanPaths.of(plan.id).pdf(pdf_name(plan, strings, language)), relative
            assert link["type"] == "application/pdf" and link["hreflang"] == language, relative
            path = site.root / target
            kilo, pages, in_language = UNITS[language]
            expected = f"(PDF, {round(path.stat().st_size / 1000)} {kilo}, {page_count(path)} {pages}, {in_language})"
            assert link.select_one(".plan-download__details").get_text() == expected, relative
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_bookmarks_are_the_headings_of_the_tag_tree(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        assert_bookmarks_are_the_headings(plan, path)


def assert_bookmarks_are_the_headings(plan, path: Path) -> None:
    headings, current = [], None
    for line in pdfinfo(path, "-struct-text").splitlines():  # poppler's own reading of the tag tree
        stripped = line.strip()
        if re.fullmatch(r"H[1-6] \(block\)", stripped):
            current = []
            headings.append(current)
        elif stripped.startswith('"') and current is not None:
            current.append(stripped.strip('"'))
        elif not stripped.startswith("Span") and not stripped.startswith('"'):
            current = None
    with pikepdf.open(path) as pdf:
        with pdf.open_outline() as outline:
            bookmarks = []

            def walk(items):
                for item in items:
                    bookmarks.append(normalize(item.title))
                    walk(item.children)

            walk(outline.root)
    assert [normalize(" ".join(parts)) for parts in headings] == bookmarks, plan.id
    assert len(bookmarks) > len(plan.focus_areas) + len(plan.initiatives), plan.id  # a heading for each, and the plan's own


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_initiative_and_focus_area_title_is_in_the_text(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        text = normalize(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout)
        for initiative in plan.initiatives:
            assert normalize(initiative.title.in_language(language)) in text, (plan.id, initiative.id)
        for area in plan.focus_areas:
            assert normalize(area.title.in_language(language)) in text, (plan.id, area.id)
        assert "...." not in text.replace(" ", ""), plan.id  # no leader dots


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_document_has_its_language_title_and_pdf_ua_identification(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == language, plan.id
            # The PDF is our summary, and its title says so (issue 13): not the plan's own title alone.
            summary_title = strings[language].format("pdf_document_title", title=plan.plan.title.in_language(language))
            assert str(pdf.docinfo.Title) == summary_title, plan.id
            assert summary_title.startswith({"da": "Sammenfatning af handlingsplanen", "en": "Summary of the action plan"}[language])
            assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle), plan.id
            metadata = pdf.open_metadata()
            assert metadata["pdfuaid:part"] == "1", plan.id
            assert metadata["dc:title"] == summary_title, plan.id


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_the_title_in_the_other_language_is_tagged_with_that_language(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        assert_other_title_is_tagged(plan, path, language)


def assert_other_title_is_tagged(plan, path: Path, language: str) -> None:
    other = "en" if language == "da" else "da"
    with pikepdf.open(path) as pdf:
        texts = texts_by_mcid(page_text_items(pdf))
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}

        def text_of(element):
            kids = element.get("/K", pikepdf.Array())
            parts = []
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, int):
                    parts.append(texts.get((pages[element.Pg.objgen], int(kid)), ""))
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    parts.append(text_of(kid))
            return normalize(" ".join(parts))

        tagged = {text_of(element) for element in struct_elements(pdf.Root.StructTreeRoot) if str(element.get("/Lang", "")) == other}
    assert plan.plan.title.in_language(other) in tagged, plan.id


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_only_the_shipped_noto_sans_is_used_and_every_font_is_embedded(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in output.splitlines()[2:]]
        assert rows, plan.id
        for row in rows:
            name, embedded = row[0], row[-5]
            assert re.fullmatch(r"[A-Z]{6}\+Noto-Sans(-Bold)?(-Italic)?", name), (plan.id, name)
            assert embedded == "yes", (plan.id, name)


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_table_captions_stay_on_the_page_of_their_table(site, strings, series, language):
    for plan, path in plan_pdfs(site, strings, series, language):
        with pikepdf.open(path) as pdf:
            # WeasyPrint tags each page's part of a table as a Table of its own; the caption is in the first part.
            captioned = [table for table in struct_elements(pdf.Root.StructTreeRoot, "/Table") if any(struct_elements(table, "/Caption"))]
            tables = (2 if plan.key_figures else 1) + len(series.statistics)  # key figures, actors, a table per statistic
            assert len(captioned) == tables, plan.id
            for table in captioned:
                caption = next(struct_elements(table, "/Caption"))
                rows = list(struct_elements(table, "/TR"))
                assert len(rows) >= 2, plan.id  # the header row and at least one row of data under the caption
                assert caption.Pg.objgen == rows[0].Pg.objgen == rows[1].Pg.objgen, plan.id
