"""The press kit's fact sheet of one plan in one language: a standalone HTML page and a tagged PDF.

Both come from the template `templates/fact-sheet.html` and the same view
(`fact_sheet_view`): the HTML with the screen stylesheet inlined, so the file
reads on its own once unpacked; the PDF rendered from that HTML by WeasyPrint
as PDF/UA-1, with the shipped Noto Sans font, the way the plan PDFs are
(`plansite.pdf.render`), and checked by `plansite.pdf.check` before it is
packed: a fact sheet that is not tagged, has no language or no title stops the
build with a `PluginError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from plansite import templating
from plansite.data.model import Contact
from plansite.i18n.view import LocalizedPlan
from plansite.pdf import cache
from plansite.pdf.check import check_pdf

# The plan PDF's own passes, so the fact sheet passes the same checks: WeasyPrint ERRORs fail
# the render, margin text becomes artifacts.
from plansite.pdf.render import (
    FONTS_DIR,
    PDF_VARIANT,
    creation_date,
    finish_pdf,
    weasyprint_errors,
)
from plansite.pdf.tagging import lang_attributes_tagged
from plansite.urls import PlanPaths, page_url

TEMPLATES_DIR = Path(__file__).parent / "templates"
TEMPLATE = "fact-sheet.html"
SCREEN_STYLESHEET = TEMPLATES_DIR / "fact-sheet.css"
PRINT_STYLESHEET = TEMPLATES_DIR / "fact-sheet-print.css"
FACTS = (
    "fact_plan_period",
    "fact_budget",
    "fact_in_force",
    "fact_publisher",
    "fact_minister",
    "fact_published",
)


def _one_line(text: str) -> str:
    """The text with its line breaks and runs of spaces collapsed."""
    return " ".join(text.split())


def contact_line(localized: LocalizedPlan, contact: Contact) -> str:
    """`Name, role, organisation, Telefon …, E-mail …`: a contact on one line."""
    strings = localized.strings
    organisation = localized.plan.actor(contact.organisation)
    parts = [
        *([contact.name] if contact.name else []),
        localized.text(contact.role),
        localized.text(organisation.name),
    ]
    if contact.phone:
        parts.append(f"{strings['phone']} {contact.phone}")
    if contact.email:
        parts.append(f"{strings['email']} {contact.email}")
    return ", ".join(parts)


def fact_sheet_view(localized: LocalizedPlan, language_url: str) -> dict[str, Any]:
    """What the fact sheet shows, as plain values; `language_url`: the language's home URL."""
    strings, plan = localized.strings, localized.plan
    plan_facts = localized.plan_facts()
    title = localized.text(plan.plan.title)
    return {
        "language": localized.language,
        "title": f"{strings['fact_sheet_heading']}: {title}",
        "publisher": localized.publisher_name(),
        "summary": _one_line(localized.text(plan.plan.summary)),
        "note": strings["fact_sheet_summary_note"],
        "translation_note": localized.translation_note(),
        "facts_heading": strings["facts"],
        # The fact sheet names the publisher without its short name.
        "facts": [
            (
                plan_facts[key]["label"],
                localized.publisher_name() if key == "fact_publisher" else plan_facts[key]["value"],
            )
            for key in FACTS
            if key in plan_facts
        ],
        "figures_heading": strings["key_figures"],
        "figures": [
            {**figure, "context": _one_line(figure["context"])}
            for figure in localized.key_figures(plan.key_figures)
        ],
        "focus_areas_heading": strings["the_focus_areas"],
        "focus_areas": [
            (localized.focus_area_title(area), _one_line(localized.text(area.summary)))
            for area in plan.focus_areas
        ],
        "contacts_heading": strings["press_contact"],
        "contacts": [contact_line(localized, contact) for contact in plan.contacts],
        "more": strings["fact_sheet_more"],
        "site_url": language_url + page_url(PlanPaths.of(plan.id).home),
    }


def render_fact_sheet_html(
    sheet: dict[str, Any], *, for_print: bool = False, created: str | None = None
) -> str:
    """The fact sheet as a standalone HTML page (with the print stylesheet for the PDF)."""
    stylesheets = [SCREEN_STYLESHEET, *([PRINT_STYLESHEET] if for_print else [])]
    environment = templating.template_environment(TEMPLATES_DIR, autoescape=True)
    return environment.get_template(TEMPLATE).render(
        sheet=sheet,
        created=created,
        # Our own CSS files, not data: inlined as they are (autoescape would quote their quotes).
        stylesheet=Markup("\n".join(path.read_text(encoding="utf-8") for path in stylesheets)),
    )


def render_fact_sheet_pdf(sheet: dict[str, Any], source_date_epoch: int | None = None) -> bytes:
    """The fact sheet as a tagged PDF/UA-1; a `PluginError` if it fails the PDF checks."""
    html = render_fact_sheet_html(sheet, for_print=True, created=creation_date(source_date_epoch))
    fetcher = URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
    with weasyprint_errors() as errors, lang_attributes_tagged(sheet["language"]):
        document = HTML(string=html, base_url=str(TEMPLATES_DIR / TEMPLATE), url_fetcher=fetcher)
        raw = document.write_pdf(
            pdf_variant=PDF_VARIANT, pdf_identifier=True, font_config=FontConfiguration()
        )
    name = f"fact sheet PDF ({sheet['language']})"
    if errors:
        raise PluginError(
            f"The {name} cannot be rendered: WeasyPrint reported: " + "; ".join(errors)
        )
    pdf = finish_pdf(raw, {})
    findings = check_pdf(pdf, sheet["language"], required_texts=[sheet["title"]], name=name)
    if findings:
        raise PluginError(
            "\n".join(
                [f"The {name} fails its accessibility checks:", *(f"  {item}" for item in findings)]
            )
        )
    return pdf


def fact_sheet_pdf(
    plan_id: str, sheet: dict[str, Any], source_date_epoch: int | None, cache_dir: Path | None
) -> bytes:
    """The fact sheet's PDF, from `cache_dir` when nothing that shapes it changed since it was made.

    The key covers the view, this module, the templates and stylesheets beside it, the fonts,
    the PDF package's code and the tool versions (`cache.cache_key`); the cache keeps one PDF
    per plan and language, named apart from the plan PDFs.
    """
    if cache_dir is None:
        return render_fact_sheet_pdf(sheet, source_date_epoch)
    files = sorted([Path(__file__).resolve(), *cache.input_files(TEMPLATES_DIR, FONTS_DIR)])
    fixed_date = {"source_date_epoch": str(source_date_epoch) if source_date_epoch else ""}
    key = cache.cache_key(sheet, files, fixed_date)
    slot = f"fact-sheet-{plan_id}-{sheet['language']}"
    path, _ = cache.cached_render(
        cache_dir, slot, key, lambda: render_fact_sheet_pdf(sheet, source_date_epoch)
    )
    return path.read_bytes()
