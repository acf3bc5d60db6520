"""Render the printed plan of one language to a tagged PDF/UA-1 file with WeasyPrint.

The HTML comes from the Jinja print template `templates/plan.html` and the
view of `plansite.pdf.view`; the look from `templates/plan.css`; the font
from `assets/fonts/`. WeasyPrint only *logs* an ERROR for what makes a PDF
inaccessible (an image without `alt`, a document without `lang`) and writes
the file anyway, so every ERROR it logs while rendering fails the render
(docs-dev/stack-facts.md#weasyprint-errors).
Two passes with pikepdf then finish the file: running headers and page
numbers become artifacts (`artifacts`), internal links get readable
descriptions.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pikepdf
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from plansite import templating
from plansite.data.safe_text import render_block
from plansite.pdf.artifacts import mark_orphans_as_artifacts
from plansite.pdf.tagging import lang_attributes_tagged

PROJECT_DIR = Path(__file__).resolve().parents[3]
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE = "plan.html"
STYLESHEET = TEMPLATE_DIR / "plan.css"
FONTS_DIR = PROJECT_DIR / "assets" / "fonts"
PDF_VARIANT = "pdf/ua-1"

_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


class RenderError(Exception):
    """WeasyPrint reported errors: the PDF would not be accessible."""


def render_html(view: dict[str, Any], created: str | None) -> str:
    """The print HTML of one language's view."""
    filters = {"markdown": markdown_to_html, "page_counter": page_counter_content}
    environment = templating.template_environment(
        TEMPLATE_DIR, autoescape=True, keep_trailing_newline=False, filters=filters
    )
    return environment.get_template(TEMPLATE).render(doc=view, created=created)


def markdown_to_html(text: str) -> Markup:
    """A long text as HTML, exactly as the site shows it (same escaping, same extensions)."""
    return Markup(render_block(text))


def page_counter_content(label: str) -> Markup:
    """`Side {page} af {pages}` → CSS `content`: `"Side " counter(page) " af " counter(pages)`."""
    parts = []
    for index, piece in enumerate(_PLACEHOLDER.split(label)):
        if index % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(
                '"' + piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
            )
    return Markup(" ".join(parts))


def creation_date(source_date_epoch: int | None = None) -> str:
    """The PDF's creation date (W3C format): `SOURCE_DATE_EPOCH` if set, so builds are identical."""
    epoch = source_date_epoch
    moment = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def render_pdf(
    view: dict[str, Any],
    link_descriptions: dict[str, str] | None = None,
    created: str | None = None,
) -> bytes:
    """Render one language's view to PDF/UA-1; raise `RenderError` if WeasyPrint logs an ERROR.

    `link_descriptions` maps the target id of each internal link to a human
    description; it replaces the bare id WeasyPrint puts in the link
    annotation's `/Contents`, which assistive technology reads out.
    """
    html = render_html(view, created or creation_date())
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    with weasyprint_errors() as errors, lang_attributes_tagged(view["language"]):
        document = HTML(string=html, base_url=str(TEMPLATE_DIR / TEMPLATE), url_fetcher=fetcher)
        raw = document.write_pdf(
            pdf_variant=PDF_VARIANT, pdf_identifier=True, font_config=FontConfiguration()
        )
    if errors:
        raise RenderError("WeasyPrint reported: " + "; ".join(errors))
    return finish_pdf(raw, link_descriptions or {})


@contextmanager
def weasyprint_errors() -> Iterator[list[str]]:
    """Collect the messages of every ERROR that WeasyPrint logs inside the block."""
    errors: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(record.getMessage())

    handler = Collector(level=logging.ERROR)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield errors
    finally:
        logger.removeHandler(handler)


def finish_pdf(raw: bytes, descriptions: dict[str, str]) -> bytes:
    """Fix what WeasyPrint leaves short of PDF/UA: margin-box text as artifacts, link texts."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        mark_orphans_as_artifacts(pdf)
        _describe_internal_links(pdf, descriptions)
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True)
    return output.getvalue()


def _describe_internal_links(pdf: pikepdf.Pdf, descriptions: dict[str, str]) -> None:
    """Give internal links a readable `/Contents` (the target's title), not the target's id."""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            destination = annotation.get("/Dest")
            if isinstance(destination, pikepdf.String) and str(destination) in descriptions:
                annotation.Contents = pikepdf.String(descriptions[str(destination)])
