"""What each page's templates get from the site, per language: texts, metadata, footer, downloads…

`overrides/main.html` and its partials render these values; computed once per
language build where they are the same on every page (footer, banner, shared
facts), per page where they are not (head metadata, citation, last-changed
date, relative links to the downloads).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from plansite.data.model import COPENHAGEN
from plansite.i18n.languages import language_root
from plansite.i18n.view import LocalizedSeries
from plansite.pdf import downloads as pdf_downloads
from plansite.settings import Settings
from plansite.site import lifecycle
from plansite.site.footer import build_site_footer
from plansite.site.not_found import build_not_found_page
from plansite.site.page_dates import PageDates
from plansite.site.page_metadata import SiteFacts, page_metadata
from plansite.site.virtual_files import GENERATED_BY
from plansite.urls import PlanPaths, page_url


class PageContext:
    """The template context the site adds to every page of one language."""

    def __init__(
        self,
        series: LocalizedSeries,
        config: MkDocsConfig,
        settings: Settings,
        page_dates: PageDates,
    ) -> None:
        self.language = series.language
        self.strings = strings = series.strings
        self.root = language_root(self.language)
        self.page_dates = page_dates
        slugify = config.mdx_configs.get("toc", {}).get("slugify")
        successor_anchor = slugify(strings["successor"], "-") if slugify else ""
        today = settings.now.astimezone(COPENHAGEN).date()
        banners = {
            localized.plan.id: lifecycle.plan_banner(
                localized,
                today,
                (page_url(PlanPaths.of(localized.plan.id).about), successor_anchor),
            )
            for localized in series.plans
        }
        self.facts = SiteFacts(
            series,
            series.site_name(),
            series.text(series.series.site.description),
            config.site_url or "/",
            self.root,
            banners,
        )
        self.footer = build_site_footer(series, config)
        self.not_found = build_not_found_page(series)

    def for_page(
        self, context: dict[str, Any], page: Page, downloads: pdf_downloads.Downloads | None
    ) -> dict[str, Any]:
        """Texts, footer, head metadata, banner, citation, downloads and search base of one page."""
        generated = page.file.generated_by == GENERATED_BY
        source = getattr(page.file, "norm_src_uri", page.file.src_uri)
        page_plan = self.facts.plan_of(source)
        updated = (
            self.page_dates.for_generated_page(page_plan.plan.id if page_plan else None)
            if generated
            else self.page_dates.for_source_file(page.file.src_uri)
        )
        context["ui"] = self.strings
        context["site_footer"] = self.footer
        context["plan_meta"] = page_metadata(self.facts, page, updated)
        context["search_base_url"] = self.search_base_url(context["base_url"])
        plan = page_plan or self.facts.series.current
        context["downloads"] = pdf_downloads.page_downloads(
            downloads, self.language, page.url, self.strings, plan.plan.id
        )
        return context

    def for_template(self, context: dict[str, Any]) -> dict[str, Any]:
        """Pages without a Markdown source (the 404 page): texts, footer and search base."""
        context["ui"] = self.strings
        context.setdefault("search_base_url", self.search_base_url(context.get("base_url", "")))
        context["site_footer"] = self.footer
        context["not_found"] = self.not_found
        return context

    def search_base_url(self, base_url: str) -> str:
        """Material fetches `search/search_index.json` relative to this: the language's folder."""
        return f"{base_url.rstrip('/')}/{self.root}" if self.root else base_url
