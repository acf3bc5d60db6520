"""The files a build offers for download: each language's plan PDF and the documents editors attach.

`prepare_downloads` runs once per `mkdocs build`, in the default language's
(outer) build: it renders both plan PDFs (or takes them from the cache),
checks them, and reads size and page count of every file. Each language's
build then copies its files into its own tree (`publish_downloads`) and gives
its pages the links (`page_downloads`): the Danish site links the Danish PDF at
`/pdf/…`, the English site the English one at `/en/pdf/…`.
"""

from __future__ import annotations

import logging
import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from plansite.data.documents import DocumentFacts, UnreadableDocument, read_document_facts
from plansite.i18n.formatting import describe_document
from plansite.i18n.languages import LANGUAGES, language_root
from plansite.i18n.strings import Strings
from plansite.i18n.view import LocalizedPlan
from plansite.pdf import cache
from plansite.pdf.check import check_pdf
from plansite.pdf.render import FONTS_DIR, STYLESHEET, RenderError, creation_date, render_pdf
from plansite.pdf.view import build_print_view
from plansite.urls import ABOUT
from plansite.urls import page_url as page_url_of

log = logging.getLogger("mkdocs.hooks.plansite.pdf")

PLAN_PDF_DIR = "pdf"
DOCUMENTS_DIR = "dokumenter"


class PdfFailed(Exception):
    """A plan PDF could not be rendered or failed an accessibility check."""


@dataclass(frozen=True)
class Download:
    """One file offered for download, in one language's site tree."""

    language: str  # the language of the document itself
    title: str  # the link text
    source: Path  # the file that is published
    site_path: str  # its path inside the language's tree, e.g. `pdf/x.pdf`
    facts: DocumentFacts
    accessible_format_contact: str | None = None  # set for documents we did not make
    description: str = ""


@dataclass(frozen=True)
class Downloads:
    """What one `mkdocs build` offers, per site language."""

    plan_pdfs: dict[str, Download]
    documents: dict[str, tuple[Download, ...]]
    seconds: dict[str, float]  # per language: how long rendering (or finding in the cache) took
    rendered: dict[str, bool]  # per language: False when the PDF came from the cache


@dataclass(frozen=True)
class PlanPdfJob:
    """One language's plan PDF as its inputs make it: where the cache keeps it, how to render it."""

    language: str
    cache_dir: Path
    key: str
    render_and_check: Callable[[], bytes]

    @property
    def path(self) -> Path:
        return cache.cache_path(self.cache_dir, self.language, self.key)

    def run(self) -> tuple[Path, bool]:
        """The cached PDF, rendered and checked first when missing; and whether it was rendered."""
        return cache.cached_render(self.cache_dir, self.language, self.key, self.render_and_check)

    def store(self, content: bytes) -> Path:
        """Keep `content`, made by `render_and_check`, in the cache."""
        return cache.store(self.cache_dir, self.language, self.key, content)


# Given a job, returns the PDF to offer now (or None) and renders the job's PDF later
# (`serve.pdf_preview`).
Defer = Callable[[PlanPdfJob], Path | None]


def prepare_downloads(
    localized: dict[str, LocalizedPlan],
    data_dir: Path,
    cache_dir: Path,
    site_url: str,
    render_plan: bool = True,
    defer: Defer | None = None,
    source_date_epoch: int | None = None,
) -> Downloads:
    """Render (or reuse) both plan PDFs and read attached documents; raise `PdfFailed` if any fails.

    With `defer` (`mkdocs serve`), no PDF is rendered here: each language's job
    goes to `defer`, and the pages link the PDF it returns.
    """
    try:
        return _prepare_downloads(
            localized, data_dir, cache_dir, site_url, render_plan, defer, source_date_epoch
        )
    except (RenderError, UnreadableDocument) as error:
        raise PdfFailed(str(error)) from None


def _prepare_downloads(
    localized: dict[str, LocalizedPlan],
    data_dir: Path,
    cache_dir: Path,
    site_url: str,
    render_plan: bool,
    defer: Defer | None,
    source_date_epoch: int | None,
) -> Downloads:
    plan_pdfs: dict[str, Download] = {}
    seconds: dict[str, float] = {}
    rendered_languages: dict[str, bool] = {}
    if render_plan:
        for language in LANGUAGES:
            started = time.perf_counter()
            job = plan_pdf_job(localized[language], cache_dir, site_url, source_date_epoch)
            if defer is not None:
                path, rendered = defer(job), False
                if path is None:
                    continue
            else:
                path, rendered = job.run()
                log.info(
                    "Plan PDF (%s): %s in %.2f s",
                    language,
                    "rendered and checked" if rendered else "unchanged, taken from the cache",
                    time.perf_counter() - started,
                )
            seconds[language] = time.perf_counter() - started
            rendered_languages[language] = rendered
            strings = localized[language].strings
            plan_pdfs[language] = Download(
                language,
                strings["pdf_download"],
                path,
                posixpath.join(PLAN_PDF_DIR, strings["pdf_file_name"]),
                read_document_facts(path),
            )
    documents = {
        language: tuple(
            Download(
                document.language,
                localized[language].text(document.title),
                data_dir / document.file,
                posixpath.join(DOCUMENTS_DIR, f"{document.id}.pdf"),
                read_document_facts(data_dir / document.file),
                document.accessible_format_contact,
                localized[language].text(document.description),
            )
            for document in localized[language].plan.documents
        )
        for language in LANGUAGES
    }
    return Downloads(plan_pdfs, documents, seconds, rendered_languages)


def plan_pdf_job(
    localized: LocalizedPlan, cache_dir: Path, site_url: str, source_date_epoch: int | None
) -> PlanPdfJob:
    language = localized.language
    view = build_print_view(localized, site_url)
    required_texts = [localized.text(initiative.title) for initiative in localized.plan.initiatives]
    fixed_date = {
        "source_date_epoch": str(source_date_epoch) if source_date_epoch is not None else ""
    }
    key = cache.cache_key(
        view,
        cache.input_files(STYLESHEET.parent, FONTS_DIR),
        {"required_texts": "\n".join(required_texts), **fixed_date},
    )

    def render_and_check() -> bytes:
        content = render_pdf(view, view["link_descriptions"], creation_date(source_date_epoch))
        findings = check_pdf(content, language, required_texts, name=f"plan PDF ({language})")
        if findings:
            raise PdfFailed(
                "\n".join(
                    [
                        "The plan PDF fails its accessibility checks:",
                        *(f"  {finding}" for finding in findings),
                    ]
                )
            )
        return content

    return PlanPdfJob(language, cache_dir, key, render_and_check)


def publish_downloads(downloads: Downloads, language: str, site_dir: Path) -> None:
    """Copy this language's files into its tree of the built site (only when their bytes differ)."""
    root = site_dir / language_root(language)
    items = [
        *([downloads.plan_pdfs[language]] if language in downloads.plan_pdfs else []),
        *downloads.documents.get(language, ()),
    ]
    for item in items:
        target = root / item.site_path
        content = item.source.read_bytes()
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def page_downloads(
    downloads: Downloads | None, language: str, page_url: str, strings: Strings
) -> dict[str, Any]:
    """What `partials/plan-downloads.html` shows on one page.

    The plan PDF, and on the about page the attached documents.
    """
    if downloads is None:
        return {"plan_pdf": None, "documents": []}
    root = language_root(language)
    with_documents = page_url == root + page_url_of(ABOUT)

    def link(item: Download) -> dict[str, Any]:
        return {
            "href": get_relative_url(root + item.site_path, page_url),
            "title": item.title,
            "details": describe_document(item.facts, item.language, language, strings),
            "language": item.language,
            "other_language": item.language != language,
            "contact": item.accessible_format_contact,
            "description": item.description,
        }

    plan_pdf = downloads.plan_pdfs.get(language)
    documents = (
        [link(item) for item in downloads.documents.get(language, ())] if with_documents else []
    )
    return {"plan_pdf": link(plan_pdf) if plan_pdf else None, "documents": documents}
