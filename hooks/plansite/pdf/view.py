"""What the printed plan shows, in one language: every text computed here, laid out by the print template.

The view is plain data (dicts, lists, strings) for `overrides/pdf/plan.html`:
labels, dates, money and ordering are decided here so that the template only
loops and escapes. Long texts stay Markdown and are turned into HTML by the
template's `markdown` filter.
"""

from __future__ import annotations

from typing import Any

from plansite.i18n import formatting
from plansite.data.model import Actor, Initiative, PlanData, Text
from plansite.i18n.strings import LANGUAGES, Strings

ACTOR_TYPES = ("ministry", "agency", "police", "prosecution", "court", "ngo", "research", "other")


def anchor(kind: str, item_id: str) -> str:
    """The id of a section in the printed plan: `area-x`, `initiative-x`, `source-x`."""
    return f"{kind}-{item_id}"


class _PrintView:
    def __init__(self, plan: PlanData, language: str, strings: Strings, site_url: str) -> None:
        self.plan = plan
        self.language = language
        self.strings = strings
        self.site_url = site_url
        self.source_numbers = {source.id: number for number, source in enumerate(plan.sources, start=1)}

    def text(self, value: Text) -> str:
        return value.in_language(self.language)

    def actor_name(self, actor: Actor) -> str:
        name = self.text(actor.name)
        return f"{name} ({actor.short_name})" if actor.short_name and actor.short_name not in name else name

    def cited(self, source_ids: tuple[str, ...]) -> str:
        """`Kilder: 1, 4, 12` — numbers of the sources list at the end of the document."""
        numbers = sorted(self.source_numbers[source_id] for source_id in source_ids)
        return self.strings.format("pdf_cited_sources", numbers=", ".join(map(str, numbers))) if numbers else ""

    def build(self) -> dict[str, Any]:
        plan = self.plan.plan
        other_language = next(language for language in LANGUAGES if language != self.language)
        sections = {
            "introduction": {"anchor": "introduction", "title": self.strings["introduction"]},
            "budget": {"anchor": "budget", "title": self.strings["pdf_budget_heading"]},
            "actors": {"anchor": "actors", "title": self.strings["pdf_actors_heading"]},
            "sources": {"anchor": "sources", "title": self.strings["sources"]},
            "about": {"anchor": "about-this-document", "title": self.strings["pdf_about_heading"]},
        }
        focus_areas = [self.focus_area(area) for area in self.plan.focus_areas]
        return {
            "language": self.language,
            "title": self.text(plan.title),
            "running_title": self.text(plan.short_title),
            "description": self.text(plan.summary),
            "publisher": self.actor_name(self.plan.actor(plan.publisher)),
            "series": self.strings.format("series_text", ordinal=formatting.format_ordinal(plan.series_number, self.language), year=plan.series_start_year),
            "cover_facts": [
                {"label": self.strings["fact_plan_period"], "value": formatting.format_period(plan.period, self.language)},
                {"label": self.strings["fact_publisher"], "value": self.actor_name(self.plan.actor(plan.publisher))},
                {"label": self.strings["fact_minister"], "value": f"{plan.minister.name}, {self.text(plan.minister.title)}"},
                {"label": self.strings["fact_published"], "value": formatting.format_month(*plan.published, self.language)},
            ],
            "other_title": {"label": self.strings["pdf_title_in_other_language"], "language": other_language, "text": plan.title.in_language(other_language)},
            "contents_heading": self.strings["pdf_contents"],
            "contents": [
                {**sections["introduction"], "children": []},
                {**sections["budget"], "children": []},
                *({"anchor": area["anchor"], "title": area["title"], "children": [{"anchor": sub["anchor"], "title": sub["title"]} for sub in area["sub_areas"]]} for area in focus_areas),
                *({**sections[key], "children": []} for key in ("actors", "sources", "about")),
            ],
            "sections": sections,
            "summary": self.text(plan.summary),
            "introduction": self.text(plan.introduction),
            "objectives_heading": self.strings["objectives"],
            "objectives_note": self.strings["objectives_note"],
            "objectives": [self.text(objective.text) for objective in plan.objectives],
            "series_heading": self.strings["series"],
            "related_plans": self.related_plans(),
            "plan_sources": self.cited(plan.sources),
            "budget": self.budget(),
            "focus_areas": focus_areas,
            "actors": self.actors(),
            "sources": self.sources(),
            "about": {
                "text": self.strings["pdf_about_text"],
                "site": self.strings.format("pdf_about_site", url=self.site_url) if self.site_url else "",
                "site_url": self.site_url,
                "font": self.strings["pdf_about_font"],
            },
            "page_label": self.strings["pdf_page_label"],
            "link_descriptions": self.link_descriptions(focus_areas, sections),
        }

    @staticmethod
    def link_descriptions(focus_areas: list[dict[str, Any]], sections: dict[str, dict[str, str]]) -> dict[str, str]:
        """The title of every internal link target: what a screen reader says for the link annotation."""
        targets = {section["anchor"]: section["title"] for section in sections.values()}
        for area in focus_areas:
            targets[area["anchor"]] = area["title"]
            targets.update({sub["anchor"]: sub["title"] for sub in area["sub_areas"]})
        return targets

    def related_plans(self) -> list[dict[str, Any]]:
        plan = self.plan.plan
        groups = []
        if plan.predecessors:
            groups.append({"heading": self.strings["predecessors"], "plans": [self.related_plan(item) for item in plan.predecessors]})
        if plan.successor:
            groups.append({"heading": self.strings["successor"], "plans": [self.related_plan(plan.successor)]})
        return groups

    def related_plan(self, related) -> dict[str, str]:
        return {"period": related.period, "title": self.text(related.title), "note": self.text(related.note) if related.note else "", "sources": self.cited(related.sources)}

    def budget(self) -> dict[str, Any]:
        plan = self.plan.plan
        return {
            "amount": formatting.format_money(plan.budget.amount, self.language, self.strings),
            "amount_label": self.strings["pdf_budget_total"],
            "note": self.text(plan.budget.note) if plan.budget.note else "",
            "funding_label": self.strings["fact_funding"],
            "funding": self.text(plan.funding),
            "figures_caption": self.strings["key_figures"],
            "figures_headers": [self.strings["pdf_figure_value"], self.strings["pdf_figure_label"], self.strings["pdf_figure_sources"]],
            "figures": [
                {
                    "value": formatting.format_figure(figure, self.language, self.strings),
                    "label": self.text(figure.label),
                    "context": self.text(figure.context) if figure.context else "",
                    "sources": ", ".join(str(self.source_numbers[source_id]) for source_id in figure.sources),
                }
                for figure in self.plan.key_figures
            ],
        }

    def focus_area(self, area) -> dict[str, Any]:
        initiatives = self.plan.initiatives_in(area.id)
        title = self.strings.format("focus_area_heading", number=area.number, title=self.text(area.title))
        return {
            "anchor": anchor("area", area.id),
            "title": title,
            "summary": self.text(area.summary),
            "sources": self.cited(area.sources),
            "sub_areas": [
                {
                    "anchor": anchor("sub-area", sub.id),
                    "title": self.text(sub.title),
                    "objectives": [self.text(objective.text) for objective in self.plan.plan.objectives if objective.sub_area == sub.id],
                    "initiatives": [self.initiative(item) for item in initiatives if item.sub_area == sub.id],
                }
                for sub in area.sub_areas
            ],
            "objective_label": self.strings["pdf_objective"],
            "no_initiatives": self.strings["no_initiatives"],
            "other_heading": self.strings["other_initiatives"],
            "other_initiatives": [self.initiative(item) for item in initiatives if item.sub_area is None],
        }

    def initiative(self, initiative: Initiative) -> dict[str, Any]:
        facts = [{"label": self.strings["fact_lead"], "value": "; ".join(self.actor_name(self.plan.actor(actor_id)) for actor_id in initiative.lead)}]
        if initiative.partners:
            facts.append({"label": self.strings["fact_partners"], "value": "; ".join(self.actor_name(self.plan.actor(actor_id)) for actor_id in initiative.partners)})
        if initiative.target_groups:
            facts.append({"label": self.strings["fact_target_groups"], "value": "; ".join(self.text(group) for group in initiative.target_groups)})
        if initiative.status:
            facts.append({"label": self.strings["fact_status"], "value": self.strings[f"status_{initiative.status}"]})
        if initiative.period:
            facts.append({"label": self.strings["fact_period"], "value": formatting.format_period(initiative.period, self.language)})
        facts.append({"label": self.strings["fact_plan_link"], "value": self.strings[f"plan_link_{initiative.plan_link}"] + " – " + self.strings[f"plan_link_{initiative.plan_link}_note"]})
        return {
            "anchor": anchor("initiative", initiative.id),
            "title": self.text(initiative.title),
            "summary": self.text(initiative.summary),
            "description": self.text(initiative.description),
            "facts": facts,
            "sources": self.cited(initiative.sources),
        }

    def actors(self) -> dict[str, Any]:
        rows = []
        for actor_type in ACTOR_TYPES:
            for actor in sorted((item for item in self.plan.actors if item.type == actor_type), key=lambda item: self.actor_name(item).casefold()):
                rows.append({"anchor": anchor("actor", actor.id), "name": self.actor_name(actor), "type": self.strings[f"actor_type_{actor_type}"], "roles": self.roles(actor)})
        return {
            "caption": self.strings["pdf_actors_caption"],
            "headers": [self.strings["pdf_actor"], self.strings["fact_type"], self.strings["pdf_actor_role"]],
            "rows": rows,
        }

    def roles(self, actor: Actor) -> list[str]:
        roles = []
        if actor.id == self.plan.plan.publisher:
            roles.append(self.strings["role_publisher"])
        leads = self.plan.initiatives_led_by(actor.id)
        if leads:
            roles.append(self.strings.format("pdf_role_leads", initiatives="; ".join(self.text(item.title) for item in leads)))
        partner_in = self.plan.initiatives_with_partner(actor.id)
        if partner_in:
            roles.append(self.strings.format("pdf_role_partner", initiatives="; ".join(self.text(item.title) for item in partner_in)))
        return roles or [self.strings["no_role"]]

    def sources(self) -> list[dict[str, Any]]:
        result = []
        for source in self.plan.sources:
            details = [part for part in (source.publisher, formatting.format_day(source.date, self.language) if source.date else None) if part]
            result.append({"anchor": anchor("source", source.id), "number": self.source_numbers[source.id], "title": self.text(source.title), "url": source.url, "details": ", ".join(details)})
        return result


def build_print_view(plan: PlanData, language: str, strings: Strings, site_url: str = "") -> dict[str, Any]:
    """Everything the print template shows for `language`."""
    return _PrintView(plan, language, strings, site_url).build()
