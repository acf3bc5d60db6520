"""What a page tells search engines, social media, feed readers and people who cite it.

For every page and language: absolute `hreflang` alternates, Open Graph and
Twitter card tags, schema.org JSON-LD (the plan as a `Report`, press releases
as `NewsArticle`s, the publishing ministry as a `GovernmentOrganization`), the
feed link, the "cite this page" text, the last-updated date and the lifecycle
banner. Everything is computed here as plain values; the markup is in
`overrides/partials/plan-head.html` and `plan-page-footer.html`, and the JSON-LD
is serialized by `json.dumps`, never assembled as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from plansite.data.model import PlanData, PressRelease
from plansite.i18n.languages import LOCALES, other_languages
from plansite.i18n.strings import Strings
from plansite.i18n.view import LocalizedPlan
from plansite.site.lifecycle import Banner
from plansite.urls import FEED, press_release_path


@dataclass(frozen=True)
class SiteFacts:
    """What every page of one language build shares."""

    localized: LocalizedPlan
    site_name: str
    site_description: str
    site_url: str
    language_root: str  # `` or `en/`
    banner: Banner | None

    @property
    def plan(self) -> PlanData:
        return self.localized.plan

    @property
    def language(self) -> str:
        return self.localized.language

    @property
    def strings(self) -> Strings:
        return self.localized.strings


def _absolute(site_url: str, path: str) -> str:
    path = "" if path in {".", "./"} else path.lstrip("/")
    return site_url + path


# JSON escapes for what could end the `<script>` element (`</script>`, `<!--`) or be read as
# markup, and the line separators that end a JavaScript string.
_SCRIPT_SAFE_JSON = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _json_for_script(value: Any) -> str:
    """JSON that cannot end the `<script>` element it sits in, and reads back as `value`."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE_JSON)


class _PageMetadata:
    def __init__(self, facts: SiteFacts, page: Page, last_updated: date | None) -> None:
        self.facts = facts
        self.page = page
        self.language = facts.language
        self.strings = facts.strings
        self.localized = facts.localized
        self.last_updated = last_updated
        self.url = _absolute(facts.site_url, page.url)
        self.title = (page.meta or {}).get("title") or page.title or facts.site_name
        # As Material's meta description.
        self.description = (page.meta or {}).get("description") or facts.site_description
        self.release = self._press_release()

    def _press_release(self) -> PressRelease | None:
        source = getattr(self.page.file, "norm_src_uri", self.page.file.src_uri)
        return next(
            (
                release
                for release in self.facts.plan.press_releases
                if press_release_path(release.id) == source
            ),
            None,
        )

    def alternates(self) -> list[dict[str, str]]:
        files = getattr(self.page.file, "alternates", {}) or {}
        return [
            {"hreflang": language, "href": _absolute(self.facts.site_url, file.url)}
            for language, file in sorted(files.items())
        ]

    def open_graph(self) -> list[dict[str, str]]:
        other_locales = [LOCALES[language] for language in other_languages(self.language)]
        properties = [
            ("og:type", "article" if self.release else "website"),
            ("og:site_name", self.facts.site_name),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.url),
            ("og:locale", LOCALES[self.language]),
            *(("og:locale:alternate", locale) for locale in other_locales),
        ]
        if self.release:
            properties.append(("article:published_time", self.release.published.isoformat()))
        return [{"property": name, "content": value} for name, value in properties if value]

    def twitter_card(self) -> list[dict[str, str]]:
        tags = [
            ("twitter:card", "summary"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
        ]
        return [{"name": name, "content": value} for name, value in tags if value]

    def json_ld(self) -> str:
        details = self.facts.plan.plan
        publisher = self.localized.publisher()
        language_url = _absolute(self.facts.site_url, self.facts.language_root)
        organisation_id = f"{self.facts.site_url}#publisher"
        report_id = f"{language_url}#plan"
        organisation = {
            "@type": "GovernmentOrganization",
            "@id": organisation_id,
            "name": self.localized.publisher_name(),
        }
        if publisher.website:
            organisation["url"] = publisher.website
        year, month = details.published
        report = {
            "@type": "Report",
            "@id": report_id,
            "name": self.localized.text(details.title),
            "alternateName": self.localized.text(details.short_title),
            "description": self.localized.text(details.summary),
            "inLanguage": self.language,
            "datePublished": f"{year:04d}-{month:02d}",
            "temporalCoverage": (
                f"{details.period.start.isoformat()}/{details.period.end.isoformat()}"
            ),
            "url": language_url,
            "publisher": {"@id": organisation_id},
            "author": {"@id": organisation_id},
        }
        return _json_for_script(
            {
                "@context": "https://schema.org",
                "@graph": [organisation, report, self.page_node(organisation_id, report_id)],
            }
        )

    def page_node(self, organisation_id: str, report_id: str) -> dict[str, Any]:
        if self.release:
            node: dict[str, Any] = {
                "@type": "NewsArticle",
                "headline": self.localized.text(self.release.title),
                "description": self.localized.text(self.release.lead),
                "datePublished": self.release.published.isoformat(),
                "mainEntityOfPage": self.url,
            }
        else:
            node = {"@type": "WebPage", "name": self.title, "description": self.description}
        node.update(
            {
                "url": self.url,
                "inLanguage": self.language,
                "publisher": {"@id": organisation_id},
                "about": {"@id": report_id},
            }
        )
        if self.release:
            node["author"] = {"@id": organisation_id}
        if self.last_updated:
            node["dateModified"] = self.last_updated.isoformat()
        return {key: value for key, value in node.items() if value}

    def cite(self) -> dict[str, str]:
        updated = self.localized.format_day(self.last_updated) if self.last_updated else ""
        key = "cite_text" if updated else "cite_text_undated"
        return {
            "heading": self.strings["cite_heading"],
            "text": self.strings.format(
                key,
                publisher=self.localized.publisher_name(),
                title=self.title,
                site=self.facts.site_name,
                url=self.url,
                date=updated,
            ),
        }

    def banner(self) -> dict[str, str] | None:
        banner = self.facts.banner
        if banner is None:
            return None
        href = ""
        if banner.link_path:
            href = get_relative_url(self.facts.language_root + banner.link_path, self.page.url) + (
                f"#{banner.link_anchor}" if banner.link_anchor else ""
            )
        return {"text": banner.text, "link_text": banner.link_text, "href": href}

    def feed(self) -> dict[str, str]:
        href = get_relative_url(self.facts.language_root + FEED, self.page.url)
        return {"href": href, "title": self.strings["feed_title"]}

    def all(self) -> dict[str, Any]:
        return {
            "alternates": self.alternates(),
            "open_graph": self.open_graph(),
            "twitter": self.twitter_card(),
            "json_ld": self.json_ld(),
            "feed": self.feed(),
            "cite": self.cite(),
            "last_updated": self.strings.format(
                "last_updated", date=self.localized.format_day(self.last_updated)
            )
            if self.last_updated
            else "",
            "banner": self.banner(),
        }


def page_metadata(facts: SiteFacts, page: Page, last_updated: date | None) -> dict[str, Any]:
    """Everything `overrides/partials/plan-*.html` shows for `page`."""
    return _PageMetadata(facts, page, last_updated).all()
