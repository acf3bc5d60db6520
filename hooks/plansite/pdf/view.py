"""What the printed plan shows in one language: every text computed here, laid out by its template.

The view is plain data (dicts, lists, strings) for `templates/plan.html`:
labels, dates, money and ordering are decided here so that the template only
loops and escapes. Long texts stay Markdown and are turned into HTML by the
template's `markdown` filter.
"""

from __future__ import annotations

from typing import Any

from plansite.charts.render import StatisticChart
from plansite.data.model import Actor, FocusArea, Initiative, RelatedPlan
from plansite.i18n.formatting import format_number
from plansite.i18n.languages import other_languages
from plansite.i18n.timeline import plan_timeline
from plansite.i18n.view import LocalizedPlan

COVER_FACTS = ("fact_plan_period", "fact_publisher", "fact_minister", "fact_published")
# The initiatives an actor leads (or takes part in) are listed by title in its row of the actors
# table up to this many characters, else counted: the row must stay shorter than a page.
ROLE_TITLES_LIMIT = 500


def anchor(kind: str, item_id: str) -> str:
    """The id of a section in the printed plan: `area-x`, `initiative-x`, `source-x`."""
    return f"{kind}-{item_id}"


class _PrintView:
    def __init__(
        self, localized: LocalizedPlan, site_url: str, charts: tuple[StatisticChart, ...]
    ) -> None:
        self.localized = localized
        self.charts = charts
        self.plan = localized.plan
        self.language = localized.language
        self.strings = localized.strings
        self.site_url = site_url
        self.source_numbers = {
            source.id: number for number, source in enumerate(self.plan.sources, start=1)
        }

    def actor_names(self, actor_ids: tuple[str, ...]) -> str:
        """`Rigspolitiet (RP); Anklagemyndigheden`."""
        return "; ".join(
            self.localized.actor_name(self.plan.actor(actor_id)) for actor_id in actor_ids
        )

    def official_editions(self) -> dict[str, Any]:
        """The cover's note that this is our summary, and where the official plan is."""
        editions = [
            {
                "title": self.localized.text(document.title),
                "language": document.language,
                "other_language": document.language != self.language,
                "where": ", ".join(
                    part for part in (self.localized.text(document.location), document.url) if part
                ),
            }
            for document in self.plan.official_documents()
        ]
        return {
            "note": self.strings["pdf_cover_note"],
            "heading": self.strings["pdf_cover_official"],
            "editions": editions,
        }

    def cited(self, source_ids: tuple[str, ...]) -> str:
        """`Kilder: 1, 4, 12` — numbers of the sources list at the end of the document."""
        numbers = sorted(self.source_numbers[source_id] for source_id in source_ids)
        return (
            self.strings.format("pdf_cited_sources", numbers=", ".join(map(str, numbers)))
            if numbers
            else ""
        )

    def build(self) -> dict[str, Any]:
        plan = self.plan.plan
        other_language = other_languages(self.language)[0]
        facts = self.localized.plan_facts()
        sections = {
            "introduction": {"anchor": "introduction", "title": self.strings["introduction"]},
            "budget": {"anchor": "budget", "title": self.strings["pdf_budget_heading"]},
            "actors": {"anchor": "actors", "title": self.strings["pdf_actors_heading"]},
            "sources": {"anchor": "sources", "title": self.strings["sources"]},
            "course": {"anchor": "plan-course", "title": self.strings["course_heading"]},
            "statistics": {"anchor": "statistics", "title": self.strings["page_statistics"]},
            "about": {"anchor": "about-this-document", "title": self.strings["pdf_about_heading"]},
        }
        focus_areas = [self.focus_area(area) for area in self.plan.focus_areas]
        return {
            "language": self.language,
            # What the document is: our summary of the plan, not the plan (title, cover, metadata).
            "title": self.strings.format(
                "pdf_document_title", title=self.localized.text(plan.title)
            ),
            "kind": self.strings["pdf_cover_kind"],
            "plan_title": self.localized.text(plan.title),
            "official": self.official_editions(),
            "running_title": self.localized.text(plan.short_title),
            "description": self.localized.text(plan.summary),
            "publisher": facts["fact_publisher"]["value"],
            "series": self.localized.series_text(),
            "cover_facts": [facts[key] for key in COVER_FACTS if key in facts],
            "other_title": {
                "label": self.strings["pdf_title_in_other_language"],
                "language": other_language,
                "text": plan.title.in_language(other_language),
            },
            "contents_heading": self.strings["pdf_contents"],
            "contents": [
                {**sections["introduction"], "children": []},
                {**sections["budget"], "children": []},
                *(
                    {
                        "anchor": area["anchor"],
                        "title": area["title"],
                        "children": [
                            {"anchor": sub["anchor"], "title": sub["title"]}
                            for sub in area["sub_areas"]
                        ],
                    }
                    for area in focus_areas
                ),
                *(
                    {**sections[key], "children": []}
                    for key in ("course", "statistics", "actors", "sources", "about")
                    if key != "statistics" or self.charts
                ),
            ],
            "sections": sections,
            "summary": self.localized.text(plan.summary),
            "introduction": self.localized.text(plan.introduction),
            "objectives_heading": self.strings["objectives"],
            "objectives_note": self.localized.text(plan.objectives_note),
            "objectives": [self.localized.text(objective.text) for objective in plan.objectives],
            "series_heading": self.strings["series"],
            "related_plans": self.related_plans(),
            "plan_sources": self.cited(plan.sources),
            "budget": self.budget(facts),
            "focus_areas": focus_areas,
            "course": {
                "intro": self.strings["course_intro"],
                "entries": [
                    {
                        "when": entry.when_text,
                        "initiative": entry.initiative_title,
                        "text": entry.text,
                    }
                    for entry in plan_timeline(self.localized)
                ],
            },
            "statistics": self.statistics(),
            "actors": self.actors(),
            "sources": self.sources(),
            "about": {
                "text": self.strings["pdf_about_text"],
                "site": self.strings.format("pdf_about_site", url=self.site_url)
                if self.site_url
                else "",
                "site_url": self.site_url,
                "font": self.strings["pdf_about_font"],
            },
            "page_label": self.strings["pdf_page_label"],
            "link_descriptions": self.link_descriptions(focus_areas, sections),
        }

    def statistics(self) -> dict[str, Any]:
        """The series' statistics: each chart as an image with its text, its table and sources."""
        strings = self.strings
        items = []
        for chart in self.charts:
            statistic = chart.statistic
            items.append(
                {
                    "anchor": anchor("statistic", statistic.id),
                    "title": statistic.title,
                    "summary": statistic.summary,
                    "image": chart.data_uri() if chart.has_chart else "",
                    "alt": f"{statistic.title}. {chart.description}",
                    "width": chart.layout.width,
                    "caption": strings.format(
                        "statistic_table_caption", title=statistic.title, unit=statistic.unit
                    ),
                    "row_heading": statistic.row_heading,
                    "series": [series.short for series in statistic.series],
                    "key": [f"{series.short}: {series.label}" for series in statistic.series],
                    "rows": [
                        {"label": row.label, "cells": [cell.text for cell in row.cells]}
                        for row in statistic.rows
                    ],
                    "note": statistic.note,
                    "sources": [
                        strings.format("statistic_sources_for", series=group.label)
                        + " "
                        + "; ".join(
                            f"{source['title']}, {source['url']} ({rows})"
                            for source, rows in group.sources
                        )
                        for group in statistic.sources
                    ],
                }
            )
        return {
            "intro": strings["statistics_in_pdf_intro"],
            "how_counted": strings["statistic_how_counted"],
            "sources_label": strings["statistic_sources"],
            "entries": items,
        }

    @staticmethod
    def link_descriptions(
        focus_areas: list[dict[str, Any]], sections: dict[str, dict[str, str]]
    ) -> dict[str, str]:
        """The title of every internal link target: what a screen reader says for the link."""
        targets = {section["anchor"]: section["title"] for section in sections.values()}
        for area in focus_areas:
            targets[area["anchor"]] = area["title"]
            targets.update({sub["anchor"]: sub["title"] for sub in area["sub_areas"]})
        return targets

    def related_plans(self) -> list[dict[str, Any]]:
        plan = self.plan.plan
        groups = []
        if plan.predecessors:
            groups.append(
                {
                    "heading": self.strings["predecessors"],
                    "plans": [self.related_plan(item) for item in plan.predecessors],
                }
            )
        if plan.successor:
            groups.append(
                {"heading": self.strings["successor"], "plans": [self.related_plan(plan.successor)]}
            )
        return groups

    def related_plan(self, related: RelatedPlan) -> dict[str, str]:
        return {
            "period": self.localized.format_period(related.period),
            "title": self.localized.text(related.title),
            "note": self.localized.text(related.note),
            "sources": "; ".join(
                f"{self.localized.text(source.title)} ({source.url})" for source in related.sources
            ),
        }

    def budget(self, facts: dict[str, dict[str, str]]) -> dict[str, Any]:
        figures = self.plan.key_figures
        return {
            "amount": facts["fact_budget"]["value"],
            "amount_label": self.strings["pdf_budget_total"],
            "note": self.localized.text(self.plan.plan.budget.note),
            "funding_label": facts["fact_funding"]["label"],
            "funding": facts["fact_funding"]["value"],
            "figures_caption": self.strings["key_figures"],
            "figures_headers": [
                self.strings["pdf_figure_value"],
                self.strings["pdf_figure_label"],
                self.strings["pdf_figure_sources"],
            ],
            "figures": [
                {
                    **row,
                    "sources": ", ".join(
                        str(self.source_numbers[source_id]) for source_id in figure.sources
                    ),
                }
                for row, figure in zip(self.localized.key_figures(figures), figures, strict=True)
            ],
        }

    def focus_area(self, area: FocusArea) -> dict[str, Any]:
        initiatives = self.plan.initiatives_in(area.id)
        return {
            "anchor": anchor("area", area.id),
            "title": self.localized.focus_area_title(area),
            "summary": self.localized.text(area.summary),
            "sources": self.cited(area.sources),
            "sub_areas": [
                {
                    "anchor": anchor("sub-area", sub.id),
                    "title": self.localized.text(sub.title),
                    "objectives": [
                        self.localized.text(objective.text)
                        for objective in self.plan.plan.objectives
                        if objective.sub_area == sub.id
                    ],
                    "initiatives": [
                        self.initiative(item) for item in initiatives if item.sub_area == sub.id
                    ],
                }
                for sub in area.sub_areas
            ],
            "objective_label": self.strings["pdf_objective"],
            "no_initiatives": self.strings["no_initiatives"],
            "other_heading": self.strings["other_initiatives"],
            "other_initiatives": [
                self.initiative(item) for item in initiatives if item.sub_area is None
            ],
        }

    def initiative(self, initiative: Initiative) -> dict[str, Any]:
        localized = self.localized
        facts = [{"label": self.strings["fact_lead"], "value": self.actor_names(initiative.lead)}]
        if initiative.partners:
            facts.append(
                {
                    "label": self.strings["fact_partners"],
                    "value": self.actor_names(initiative.partners),
                }
            )
        if initiative.target_groups:
            facts.append(
                {
                    "label": self.strings["fact_target_groups"],
                    "value": "; ".join(
                        self.localized.text(group) for group in initiative.target_groups
                    ),
                }
            )
        if initiative.status:
            facts.append(
                {"label": self.strings["fact_status"], "value": localized.status_label(initiative)}
            )
        if initiative.period:
            facts.append(
                {
                    "label": self.strings["fact_period"],
                    "value": localized.format_period(initiative.period),
                }
            )
        facts.append(
            {
                "label": self.strings["fact_plan_link"],
                "value": localized.plan_link_label(initiative)
                + " – "
                + localized.plan_link_note(initiative),
            }
        )
        return {
            "anchor": anchor("initiative", initiative.id),
            "title": self.localized.text(initiative.title),
            "summary": self.localized.text(initiative.summary),
            "description": self.localized.text(initiative.description),
            "facts": facts,
            "sources": self.cited(initiative.sources),
        }

    def actors(self) -> dict[str, Any]:
        rows = [
            {
                "anchor": anchor("actor", actor.id),
                "name": self.localized.actor_name(actor),
                "type": type_label,
                "roles": self.roles(actor),
            }
            for type_label, actors in self.localized.actors_by_type()
            for actor in actors
        ]
        return {
            "caption": self.strings["pdf_actors_caption"],
            "headers": [
                self.strings["pdf_actor"],
                self.strings["fact_type"],
                self.strings["pdf_actor_role"],
            ],
            "rows": rows,
        }

    def roles(self, actor: Actor) -> list[str]:
        roles = []
        if actor.id == self.plan.plan.publisher:
            roles.append(self.strings["role_publisher"])
        leads = self.plan.initiatives_led_by(actor.id)
        if leads:
            roles.append(self.role("pdf_role_leads", leads))
        partner_in = self.plan.initiatives_with_partner(actor.id)
        if partner_in:
            roles.append(self.role("pdf_role_partner", partner_in))
        return roles or [self.strings["no_role"]]

    def role(self, key: str, initiatives: tuple[Initiative, ...]) -> str:
        """`Står for: A; B` — or `Står for 150 indsatser` when the titles would not fit in a row.

        `plan.css` keeps each row of the actors table on one page, so a row must
        stay well shorter than a page. The initiatives' own sections name their
        actors anyway.
        """
        titles = "; ".join(self.localized.text(item.title) for item in initiatives)
        if len(titles) <= ROLE_TITLES_LIMIT:
            return self.strings.format(key, initiatives=titles)
        return self.strings.format(
            f"{key}_count", count=format_number(len(initiatives), self.language)
        )

    def sources(self) -> list[dict[str, Any]]:
        return [
            {
                "anchor": anchor("source", source.id),
                "number": self.source_numbers[source.id],
                **self.localized.source_reference(source),
            }
            for source in self.plan.sources
        ]


def build_print_view(
    localized: LocalizedPlan, site_url: str = "", charts: tuple[StatisticChart, ...] = ()
) -> dict[str, Any]:
    """Everything the print template shows in the view's language."""
    return _PrintView(localized, site_url, charts).build()
