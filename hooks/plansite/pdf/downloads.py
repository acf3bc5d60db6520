"""What a build offers to read: the official plan, our summary of it as PDF, and other documents.

`prepare_downloads` runs once per `mkdocs build`, in the default language's
(outer) build: it renders both summary PDFs (or takes them from the cache),
checks them, reads size and page count of every attached file, and notes the
external documents (the official plan at its publisher's, or in the
Folketing's papers), which have no file. Each language's build then copies its
files into its own tree (`publish_downloads`) and gives its pages the links
(`page_downloads`): the Danish site links the Danish PDF at `/pdf/…`, the
English site the English one at `/en/pdf/…`. The official plan always comes
before our summary.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from plansite.charts.render import StatisticChart, draw_statistics
from plansite.data.documents import DocumentFacts, UnreadableDocument, read_document_facts
from plansite.data.model import Document
from plansite.data.validation import PLANS_DIR
from plansite.i18n.formatting import describe_document
from plansite.i18n.languages import LANGUAGES, language_root
from plansite.i18n.statistics import localize_statistics
from plansite.i18n.strings import Strings
from plansite.i18n.view import LocalizedPlan, LocalizedSeries
from plansite.pdf import cache
from plansite.pdf.check import check_pdf
from plansite.pdf.render import FONTS_DIR, STYLESHEET, RenderError, creation_date, render_pdf
from plansite.pdf.view import build_print_view
from plansite.urls import PlanPaths
from plansite.urls import page_url as page_url_of

log = logging.getLogger("mkdocs.hooks.plansite.pdf")

PLAN_PDF_DIR = "pdf"


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
class ExternalDocument:
    """A document we link to where its publisher (or a copy) has it: no file, no size."""

    language: str  # the language of the document itself
    title: str
    url: str
    publisher: str  # the publisher's name
    location: str  # where it is, in words
    pages: int | None  # only where a source gives it
    description: str = ""


Offered = Download | ExternalDocument


@dataclass(frozen=True)
class Downloads:
    """What one `mkdocs build` offers, per site language."""

    plan_pdfs: dict[tuple[str, str], Download]  # by (plan id, language)
    documents: dict[tuple[str, str], tuple[Offered, ...]]  # by (plan id, language)
    seconds: dict[tuple[str, str], float]  # how long rendering (or finding in the cache) took
    rendered: dict[tuple[str, str], bool]  # False when the PDF came from the cache
    legacy_pdfs: dict[str, tuple[str, Download]] = field(default_factory=dict)
    """By language: the root plan's PDF and where it was before the site held a series."""
    official: dict[tuple[str, str], tuple[Offered, ...]] = field(default_factory=dict)
    """By (plan id, language): the plan as its publisher issued it, offered before our summary."""


@dataclass(frozen=True)
class PlanPdfJob:
    """One language's plan PDF as its inputs make it: where the cache keeps it, how to render it."""

    plan_id: str
    language: str
    cache_dir: Path
    key: str
    render_and_check: Callable[[], bytes]

    @property
    def slot(self) -> str:
        """What the cache and the preview keep one PDF of: the plan in one language."""
        return f"{self.plan_id}-{self.language}"

    @property
    def label(self) -> str:
        """`2026-2029, da`, as the log names the PDF."""
        return f"{self.plan_id}, {self.language}"

    @property
    def path(self) -> Path:
        return cache.cache_path(self.cache_dir, self.slot, self.key)

    def run(self) -> tuple[Path, bool]:
        """The cached PDF, rendered and checked first when missing; and whether it was rendered."""
        return cache.cached_render(self.cache_dir, self.slot, self.key, self.render_and_check)

    def store(self, content: bytes) -> Path:
        """Keep `content`, made by `render_and_check`, in the cache."""
        return cache.store(self.cache_dir, self.slot, self.key, content)


# Given a job, returns the PDF to offer now (or None) and renders the job's PDF later
# (`serve.pdf_preview`).
Defer = Callable[[PlanPdfJob], Path | None]


def prepare_downloads(
    localized: dict[str, LocalizedSeries],
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
    localized: dict[str, LocalizedSeries],
    data_dir: Path,
    cache_dir: Path,
    site_url: str,
    render_plan: bool,
    defer: Defer | None,
    source_date_epoch: int | None,
) -> Downloads:
    plan_pdfs: dict[tuple[str, str], Download] = {}
    seconds: dict[tuple[str, str], float] = {}
    rendered_plans: dict[tuple[str, str], bool] = {}
    documents: dict[tuple[str, str], tuple[Offered, ...]] = {}
    official: dict[tuple[str, str], tuple[Offered, ...]] = {}
    legacy_pdfs: dict[str, tuple[str, Download]] = {}
    jobs: dict[tuple[str, str], PlanPdfJob] = {}
    root_plan = localized[LANGUAGES[0]].series.site.root_plan
    for language in LANGUAGES:
        series = localized[language]
        charts = draw_statistics(localize_statistics(series), series.strings) if render_plan else ()
        for plan in series.plans:
            slot = (plan.plan.id, language)
            paths = PlanPaths.of(plan.plan.id)
            documents[slot] = tuple(
                _offered(document, plan, data_dir, paths)
                for document in plan.plan.other_documents()
            )
            official[slot] = tuple(
                _offered(document, plan, data_dir, paths)
                for document in plan.plan.official_documents()
            )
            if render_plan:
                jobs[slot] = plan_pdf_job(plan, cache_dir, site_url, source_date_epoch, charts)
    results = (
        {slot: (defer(job), False, 0.0) for slot, job in jobs.items()}
        if defer is not None
        else run_jobs(list(jobs.values()))
    )
    for language in LANGUAGES:
        for plan in localized[language].plans:
            slot = (plan.plan.id, language)
            paths = PlanPaths.of(plan.plan.id)
            path, rendered, took = results.get(slot, (None, False, 0.0))
            if path is None:  # not rendered in this build, or deferred with nothing to offer yet
                continue
            seconds[slot], rendered_plans[slot] = took, rendered
            plan_pdfs[slot] = Download(
                language,
                plan.strings["pdf_download"],
                path,
                paths.pdf(plan.pdf_file_name()),
                read_document_facts(path),
            )
            if plan.plan.id == root_plan:
                old_path = PlanPaths.at_root().pdf(plan.pdf_file_name())
                legacy_pdfs[language] = (old_path, plan_pdfs[slot])
    return Downloads(plan_pdfs, documents, seconds, rendered_plans, legacy_pdfs, official)


def _offered(document: Document, plan: LocalizedPlan, data_dir: Path, paths: PlanPaths) -> Offered:
    """An attached file with the facts read from it, or an external document as the data has it."""
    if document.file is None:
        # Validation refuses a document without a file, or without a url and its publisher.
        url, publisher = document.url or "", document.publisher or plan.plan.plan.publisher
        return ExternalDocument(
            document.language,
            plan.text(document.title),
            url,
            plan.text(plan.plan.actor(publisher).name),
            plan.text(document.location),
            document.pages,
            plan.text(document.description),
        )
    return Download(
        document.language,
        plan.text(document.title),
        data_dir / PLANS_DIR / document.file,
        paths.document(document.id),
        read_document_facts(data_dir / PLANS_DIR / document.file),
        document.accessible_format_contact,
        plan.text(document.description),
    )


def plan_pdf_job(
    localized: LocalizedPlan,
    cache_dir: Path,
    site_url: str,
    source_date_epoch: int | None,
    charts: tuple[StatisticChart, ...] = (),
) -> PlanPdfJob:
    """The job of one plan's PDF in one language; `charts` are the series' statistics."""
    language = localized.language
    view = build_print_view(localized, site_url, charts)
    required_texts = [localized.text(initiative.title) for initiative in localized.plan.initiatives]
    fixed_date = {
        "source_date_epoch": str(source_date_epoch) if source_date_epoch is not None else ""
    }
    key = cache.cache_key(
        view,
        cache.input_files(STYLESHEET.parent, FONTS_DIR),
        {"required_texts": "\n".join(required_texts), **fixed_date},
    )

    render_and_check = partial(
        _render_and_check,
        view,
        language,
        required_texts,
        f"plan PDF ({localized.plan.id}, {language})",
        source_date_epoch,
    )
    return PlanPdfJob(localized.plan.id, language, cache_dir, key, render_and_check)


def _render_and_check(
    view: dict[str, Any],
    language: str,
    required_texts: list[str],
    name: str,
    source_date_epoch: int | None,
) -> bytes:
    """One plan PDF, rendered and checked (module-level, so that a worker process can run it)."""
    content = render_pdf(view, view["link_descriptions"], creation_date(source_date_epoch))
    findings = check_pdf(content, language, required_texts, name=name)
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


def run_jobs(jobs: Sequence[PlanPdfJob]) -> dict[tuple[str, str], tuple[Path | None, bool, float]]:
    """Each job's PDF, whether it was rendered now, and the seconds it took, by (plan, language).

    A PDF the cache holds is taken from it. The missing ones are rendered side by
    side, one worker process per CPU (WeasyPrint holds Python's lock while it lays
    out a page, so threads would take turns): a cold build renders four PDFs or
    more, and they are most of its time. One missing PDF, or one CPU, is rendered
    in this process, and so is every PDF when other threads run (a forked worker
    would inherit their locks in whatever state they were): workers are forked,
    so they have the modules already, and `mkdocs build` runs no other thread.
    """
    results: dict[tuple[str, str], tuple[Path | None, bool, float]] = {}
    missing = []
    for job in jobs:
        if job.path.is_file():
            results[(job.plan_id, job.language)] = (job.path, False, 0.0)
            log.info("Plan PDF (%s): unchanged, taken from the cache", job.label)
        else:
            missing.append(job)
    workers = min(len(missing), os.cpu_count() or 1) if threading.active_count() == 1 else 1
    renders = [job.render_and_check for job in missing]
    if workers <= 1:
        timed = [_timed(render) for render in renders]
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            timed = list(pool.map(_timed, renders))
    for job, (content, seconds) in zip(missing, timed, strict=True):
        results[(job.plan_id, job.language)] = (job.store(content), True, seconds)
        log.info("Plan PDF (%s): rendered and checked in %.2f s", job.label, seconds)
    return results


def _timed(render: Callable[[], bytes]) -> tuple[bytes, float]:
    started = time.perf_counter()
    return render(), time.perf_counter() - started


def publish_downloads(downloads: Downloads, language: str, site_dir: Path) -> None:
    """Copy this language's files into its tree of the built site (only when their bytes differ)."""
    root = site_dir / language_root(language)
    items = [
        (item.site_path, item)
        for (_, item_language), item in downloads.plan_pdfs.items()
        if item_language == language
    ]
    items += [
        (item.site_path, item)
        for attached in (downloads.documents, downloads.official)
        for (_, item_language), listed in attached.items()
        if item_language == language
        for item in listed
        if isinstance(item, Download)
    ]
    if language in downloads.legacy_pdfs:  # the root plan's PDF keeps its address from before
        items.append(downloads.legacy_pdfs[language])
    for site_path, item in items:
        target = root / site_path
        content = item.source.read_bytes()
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def page_downloads(
    downloads: Downloads | None, language: str, page_url: str, strings: Strings, plan_id: str
) -> dict[str, Any]:
    """What `partials/plan-downloads.html` and `partials/plan-documents.html` show on one page.

    Every page links our summary of its plan as PDF. The plan's about page and
    press room list its documents: the official plan first, then our summary,
    then the other documents (`with_documents`); its home page includes the
    same list near the top (`partials/plan-documents.html`).
    """
    if downloads is None:
        return {"plan_pdf": None, "official": [], "documents": [], "with_documents": False}
    root = language_root(language)
    paths = PlanPaths.of(plan_id)
    with_documents = page_url in {root + page_url_of(paths.about), root + page_url_of(paths.press)}

    def link(item: Offered) -> dict[str, Any]:
        if isinstance(item, ExternalDocument):
            return {
                "href": item.url,
                "external": True,
                "title": item.title,
                "details": describe_external_document(item, language, strings),
                "language": item.language,
                "other_language": item.language != language,
                "provenance": strings.format(
                    "document_published_by", publisher=item.publisher, location=item.location
                )
                if item.location
                else strings.format("document_published_by_only", publisher=item.publisher),
                "contact": None,
                "description": item.description,
            }
        return {
            "href": get_relative_url(root + item.site_path, page_url),
            "external": False,
            "title": item.title,
            "details": describe_document(item.facts, item.language, language, strings),
            "language": item.language,
            "other_language": item.language != language,
            "provenance": "",
            "contact": item.accessible_format_contact,
            "description": item.description,
        }

    plan_pdf = downloads.plan_pdfs.get((plan_id, language))
    official = [link(item) for item in downloads.official.get((plan_id, language), ())]
    # An edition in the page's language first.
    official.sort(key=lambda item: item["other_language"])
    return {
        "plan_pdf": link(plan_pdf) if plan_pdf else None,
        "official": official,
        "no_official_edition_here": bool(official)
        and all(item["other_language"] for item in official),
        "documents": (
            [link(item) for item in downloads.documents.get((plan_id, language), ())]
            if with_documents
            else []
        ),
        "with_documents": with_documents,
    }


def describe_external_document(item: ExternalDocument, language: str, strings: Strings) -> str:
    """`officiel udgave, på dansk, ekstern side`; with the page count where a source gives it."""
    parts = [strings["document_external"], strings[f"document_in_{item.language}"]]
    if item.pages:
        parts.append(
            strings["document_pages_one"]
            if item.pages == 1
            else strings.format("document_pages", count=str(item.pages))
        )
    return ", ".join(parts)
