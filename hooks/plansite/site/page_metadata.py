"""What a page tells search engines, social media, feed readers and people who cite it.

For every page and language: absolute `hreflang` alternates, Open Graph and
Twitter card tags, schema.org JSON-LD (the plan as a `Report`, press releases
as `NewsArticle`s, the publishing ministry as a `GovernmentOrganization`, an
initiative as a `Project` with its evidence, and its status as a `Review`), the
feed link, the "cite this page" text, the last-updated date and the lifecycle
banner. Everything is computed here as plain values; the markup is in
`overrides/partials/plan-head.html` and `plan-page-footer.html`, and the JSON-LD
is serialized by `json.dumps`, never assembled as text.

An initiative's page is about the initiative (`mainEntity`, a `Project`). Each
evidence item is a `CreativeWork` the initiative is the subject of (`subjectOf`),
with `datePublished` as precise as its source (`2020-10`), the address and
publisher of its sources, its kind as `genre` and our summary as `description`;
its `@id` is its anchor on the page. schema.org has no property for a project's
completion, and `additionalProperty` is only for products, places and values,
so a status is what it is: our assessment of the initiative, a `Review` whose
`reviewRating` is the step on the OGP scale (0 not started … 3 complete), which
holds as of its day (`temporalCoverage`) and rests on the evidence named in
`isBasedOn`. An initiative without a status has no `Review`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from plansite.data.model import STATUS_SCALE, Evidence, Initiative, PressRelease
from plansite.i18n.languages import LOCALES, other_languages
from plansite.i18n.strings import Strings
from plansite.i18n.view import LocalizedPlan, LocalizedSeries
from plansite.site.lifecycle import Banner
from plansite.urls import FEED, PlanPaths, evidence_anchor


@dataclass(frozen=True)
class SiteFacts:
    """What every page of one language build shares."""

    series: LocalizedSeries
    site_name: str
    site_description: str
    site_url: str
    language_root: str  # `` or `en/`
    banners: dict[str, Banner | None]
    """Each plan's banner, by plan id."""

    @property
    def language(self) -> str:
        return self.series.language

    @property
    def strings(self) -> Strings:
        return self.series.strings

    def plan_of(self, src_uri: str) -> LocalizedPlan | None:
        """The plan of a page (its first folder is the plan's id); None for the series' pages."""
        first = src_uri.split("/", 1)[0]
        return next((plan for plan in self.series.plans if plan.plan.id == first), None)


def _published(release: PressRelease) -> str:
    """When a press release came out: the moment, or only the day when the sources give no time."""
    if release.time_known:
        return release.published.isoformat()
    return release.published.date().isoformat()


def _absolute(site_url: str, path: str) -> str:
    path = "" if path in {".", "./"} else path.lstrip("/")
    return site_url + path


# JSON escapes for what could end the `<script>` element (`</script>`, `<!--`) or be read as
# markup, and the line separators that end a JavaScript string.
_SCRIPT_SAFE_JSON = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _one_or_many(values: list[Any]) -> Any:
    """One value as itself, several as a list (JSON-LD reads both as the property's values)."""
    return values[0] if len(values) == 1 else values


def _json_for_script(value: Any) -> str:
    """JSON that cannot end the `<script>` element it sits in, and reads back as `value`."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE_JSON)


class _PageMetadata:
    def __init__(self, facts: SiteFacts, page: Page, last_updated: date | None) -> None:
        self.facts = facts
        self.page = page
        self.language = facts.language
        self.strings = facts.strings
        source = getattr(page.file, "norm_src_uri", page.file.src_uri)
        self.localized = facts.plan_of(source)
        self.last_updated = last_updated
        redirect = (page.meta or {}).get("redirect")
        # A page at an old address speaks for the page it leads to.
        self.url = redirect["canonical"] if redirect else _absolute(facts.site_url, page.url)
        self.title = (page.meta or {}).get("title") or page.title or facts.site_name
        # As Material's meta description.
        self.description = (page.meta or {}).get("description") or facts.site_description
        self.release = self._press_release()
        self.initiative = self._initiative()

    def _press_release(self) -> PressRelease | None:
        if self.localized is None:
            return None
        source = getattr(self.page.file, "norm_src_uri", self.page.file.src_uri)
        paths = PlanPaths.of(self.localized.plan.id)
        return next(
            (
                release
                for release in self.localized.plan.press_releases
                if paths.press_release(release.id) == source
            ),
            None,
        )

    def _initiative(self) -> Initiative | None:
        if self.localized is None:
            return None
        source = getattr(self.page.file, "norm_src_uri", self.page.file.src_uri)
        paths = PlanPaths.of(self.localized.plan.id)
        return next(
            (
                initiative
                for initiative in self.localized.plan.initiatives
                if paths.initiative(initiative.id) == source
            ),
            None,
        )

    def _publisher_name(self) -> str:
        """Who publishes what the page shows: the plan's publisher, else the site's."""
        if self.localized is not None:
            return self.localized.publisher_name()
        return self.facts.series.text(self.facts.series.series.site.publisher)

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
            properties.append(("article:published_time", _published(self.release)))
        return [{"property": name, "content": value} for name, value in properties if value]

    def twitter_card(self) -> list[dict[str, str]]:
        tags = [
            ("twitter:card", "summary"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
        ]
        return [{"name": name, "content": value} for name, value in tags if value]

    def json_ld(self) -> str:
        # One id per organisation: the site's publisher, or the publisher of the page's plan.
        organisation_id = f"{self.facts.site_url}#publisher" + (
            f"-{self.localized.plan.plan.publisher}" if self.localized is not None else ""
        )
        organisation: dict[str, Any] = {
            "@type": "GovernmentOrganization",
            "@id": organisation_id,
            "name": self._publisher_name(),
        }
        graph: list[dict[str, Any]] = [organisation]
        report_id = None
        if self.localized is not None:
            details = self.localized.plan.plan
            publisher = self.localized.publisher()
            if publisher.website:
                organisation["url"] = publisher.website
            plan_url = _absolute(
                self.facts.site_url,
                self.facts.language_root + PlanPaths.of(self.localized.plan.id).prefix,
            )
            report_id = f"{plan_url}#plan"
            year, month = details.published
            graph.append(
                {
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
                    "url": plan_url,
                    "publisher": {"@id": organisation_id},
                    "author": {"@id": organisation_id},
                }
            )
        graph.append(self.page_node(organisation_id, report_id))
        if self.localized is not None and self.initiative is not None:
            graph += self.initiative_nodes(self.localized, self.initiative, organisation_id)
        return _json_for_script({"@context": "https://schema.org", "@graph": graph})

    def page_node(self, organisation_id: str, report_id: str | None) -> dict[str, Any]:
        if self.release and self.localized:
            node: dict[str, Any] = {
                "@type": "NewsArticle",
                "headline": self.localized.text(self.release.title),
                "description": self.localized.text(self.release.lead),
                "datePublished": _published(self.release),
                "mainEntityOfPage": self.url,
            }
        else:
            node = {"@type": "WebPage", "name": self.title, "description": self.description}
        node.update(
            {
                "url": self.url,
                "inLanguage": self.language,
                "publisher": {"@id": organisation_id},
            }
        )
        if report_id:
            node["about"] = {"@id": report_id}
        if self.release:
            node["author"] = {"@id": organisation_id}
        if self.initiative:
            node["mainEntity"] = {"@id": f"{self.url}#initiative"}
        if self.last_updated:
            node["dateModified"] = self.last_updated.isoformat()
        return {key: value for key, value in node.items() if value}

    def initiative_nodes(
        self, localized: LocalizedPlan, initiative: Initiative, organisation_id: str
    ) -> list[dict[str, Any]]:
        """The initiative, its evidence (newest first) and, where the data has one, its status."""
        project: dict[str, Any] = {
            "@type": "Project",
            "@id": f"{self.url}#initiative",
            "name": localized.text(initiative.title),
            "description": localized.text(initiative.summary),
            "url": self.url,
            "subjectOf": [
                self.evidence_node(localized, initiative, item)
                for item in initiative.evidence_newest_first()
            ],
        }
        nodes = [{key: value for key, value in project.items() if value}]
        status = initiative.status
        if status:
            nodes.append(
                {
                    "@type": "Review",
                    "@id": f"{self.url}#status",
                    "inLanguage": self.language,
                    "itemReviewed": {"@id": project["@id"]},
                    "reviewRating": {
                        "@type": "Rating",
                        "name": localized.status_label(initiative),
                        "ratingValue": STATUS_SCALE.index(status.value),
                        "worstRating": 0,
                        "bestRating": len(STATUS_SCALE) - 1,
                    },
                    "temporalCoverage": status.as_of.isoformat(),
                    "isBasedOn": [
                        {"@id": f"{self.url}#{evidence_anchor(item_id)}"}
                        for item_id in status.evidence
                    ],
                    "publisher": {"@id": organisation_id},
                }
            )
        return nodes

    def evidence_node(
        self, localized: LocalizedPlan, initiative: Initiative, item: Evidence
    ) -> dict[str, Any]:
        """An evidence item as a `CreativeWork`, dated as precisely as its source, at its source."""
        sources = [localized.plan.source(source_id) for source_id in item.sources]
        publishers = list(dict.fromkeys(source.publisher for source in sources if source.publisher))
        node: dict[str, Any] = {
            "@type": "CreativeWork",
            "@id": f"{self.url}#{evidence_anchor(item.id)}",
            "name": localized.evidence_title(initiative, item),
            "genre": localized.evidence_kind_label(item),
            "description": localized.text(item.summary),
            "datePublished": item.date.isoformat(),
            "url": _one_or_many([source.url for source in sources]),
        }
        if publishers:
            node["publisher"] = _one_or_many(
                [{"@type": "Organization", "name": name} for name in publishers]
            )
        return node

    def cite(self) -> dict[str, str]:
        updated = (
            self.facts.series.plans[0].format_day(self.last_updated) if self.last_updated else ""
        )
        key = "cite_text" if updated else "cite_text_undated"
        if self.title == self.facts.site_name:  # the home page: the site's name once
            key = key.replace("cite_text", "cite_text_site")
        return {
            "heading": self.strings["cite_heading"],
            "text": self.strings.format(
                key,
                publisher=self._publisher_name(),
                title=self.title,
                site=self.facts.site_name,
                url=self.url,
                date=updated,
            ),
        }

    def banner(self) -> dict[str, str] | None:
        banner = self.facts.banners.get(self.localized.plan.id) if self.localized else None
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
        return {
            "href": href,
            "title": self.strings.format("feed_title", site=self.facts.site_name),
        }

    def all(self) -> dict[str, Any]:
        return {
            "alternates": self.alternates(),
            "open_graph": self.open_graph(),
            "twitter": self.twitter_card(),
            "json_ld": self.json_ld(),
            "feed": self.feed(),
            "cite": self.cite(),
            "last_updated": self.strings.format(
                "last_updated", date=self.facts.series.plans[0].format_day(self.last_updated)
            )
            if self.last_updated
            else "",
            "banner": self.banner(),
        }


def page_metadata(facts: SiteFacts, page: Page, last_updated: date | None) -> dict[str, Any]:
    """Everything `overrides/partials/plan-*.html` shows for `page`."""
    return _PageMetadata(facts, page, last_updated).all()
