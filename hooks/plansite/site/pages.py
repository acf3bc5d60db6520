"""Generate the Markdown pages of the site, one language at a time, from the plan model.

Each page is Markdown (so search and the table of contents index its text) with
front matter that names the HTML template and carries the page's computed
chrome: lead, fact box, key figures. Markdown bodies come from the Jinja
templates in `templates/`; no markup is assembled here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from plansite import templating
from plansite.data.model import Actor, FocusArea, Initiative, PressRelease
from plansite.data.safe_text import escape_block, escape_inline, escape_url
from plansite.i18n.formatting import format_tel_uri
from plansite.i18n.view import LocalizedPlan
from plansite.urls import (
    ABOUT,
    ACTORS,
    CONTACT,
    FEED,
    FOCUS_AREAS,
    HOME,
    INITIATIVES,
    PRESS,
    actor_path,
    focus_area_path,
    initiative_path,
    page_url,
    press_kit_path,
    press_release_path,
    update_anchor,
)

TEMPLATES_DIR = Path(__file__).parent / "templates"
PAGE_TEMPLATE = "plan-page.html"
# The output is Markdown: values are escaped by these filters, not by autoescape.
MARKDOWN_FILTERS = {"inline": escape_inline, "block": escape_block, "url": escape_url}

LATEST_PRESS_COUNT = 3
# The plan's facts in the fact box of the home page (the about page adds two), in this order.
PLAN_FACTS = (
    "fact_plan_period",
    "fact_budget",
    "fact_in_force",
    "fact_series",
    "fact_publisher",
    "fact_minister",
    "fact_published",
)


@dataclass(frozen=True)
class GeneratedPage:
    """One page in one language: source path (without language suffix), Markdown body and metadata.

    The build hands `meta` to MkDocs as the page's metadata directly
    (`virtual_files`): MkDocs parses front matter with PyYAML's pure-Python
    loader, about a millisecond per page, a fifth of a large build (measured with
    `make bench`; docs-dev/stack-facts.md#static-i18n-generated-pages).
    """

    src_uri: str
    in_nav: bool
    body: str
    meta: dict[str, Any]


class _PageWriter:
    """Render the pages of one language."""

    def __init__(self, localized: LocalizedPlan) -> None:
        self.localized = localized
        self.plan = localized.plan
        self.language = localized.language
        self.strings = localized.strings
        self.environment = templating.template_environment(
            TEMPLATES_DIR, autoescape=False, filters=MARKDOWN_FILTERS
        )

    def render(
        self,
        template: str,
        src_uri: str,
        *,
        title: str,
        in_nav: bool = False,
        description: str = "",
        lead: str = "",
        facts: list[dict[str, Any]] | None = None,
        figures: list[dict[str, str]] | None = None,
        **context: Any,
    ) -> GeneratedPage:
        """Render one page: front matter for the HTML template, then the Markdown body."""

        def link(target: str) -> str:
            # Rooted at "/": relpath of relative paths asks the OS for the working
            # directory each time.
            return posixpath.relpath("/" + target, "/" + posixpath.dirname(src_uri))

        meta: dict[str, Any] = {
            "template": PAGE_TEMPLATE,
            "title": title,
            "description": description or lead,
        }
        if lead:
            meta["lead"] = lead
        if facts:
            meta["facts_heading"] = self.strings["facts"]
            meta["facts"] = [self._resolve_hrefs(row, src_uri) for row in facts]
        if figures:
            meta["figures_heading"] = self.strings["key_figures"]
            meta["figures"] = figures
        body = self.environment.get_template(template).render(
            t=self.strings, text=self.localized.text, link=link, plan=self.plan, **context
        )
        # MkDocs reads metadata from the top of every page's source (`---` front matter, or
        # `Key: value` lines: a text starting "Note: …" would vanish). An empty first line: none.
        return GeneratedPage(src_uri, in_nav, "\n" + body, meta)

    @staticmethod
    def _resolve_hrefs(row: dict[str, Any], src_uri: str) -> dict[str, Any]:
        items = []
        for item in row["items"]:
            target = item.pop("target", None)
            if target:
                item["href"] = get_relative_url(page_url(target), page_url(src_uri)) or "./"
            items.append(item)
        return {**row, "items": items}

    def fact(self, label_key: str, *items: dict[str, str]) -> dict[str, Any]:
        return {"label": self.strings[label_key], "items": list(items)}

    def actor_item(self, actor_id: str) -> dict[str, str]:
        return {
            "text": self.localized.actor_name(self.plan.actor(actor_id)),
            "target": actor_path(actor_id),
        }

    def plan_facts(self, keys: tuple[str, ...]) -> list[dict[str, Any]]:
        """Fact box rows of the plan's facts named by `keys`; the publisher links to its page."""
        facts = self.localized.plan_facts()
        rows = []
        for key in keys:
            item = {"text": facts[key]["value"]}
            if key == "fact_publisher":
                item["target"] = actor_path(self.plan.plan.publisher)
            rows.append(self.fact(key, item))
        return rows

    def all_pages(self) -> list[GeneratedPage]:
        return [
            self.home(),
            self.about(),
            self.contact(),
            self.focus_areas_overview(),
            *(self.focus_area(area) for area in self.plan.focus_areas),
            self.initiatives_overview(),
            *(self.initiative(initiative) for initiative in self.plan.initiatives),
            self.actors_overview(),
            *(self.actor(actor) for actor in self.plan.actors),
            self.press_overview(),
            *(self.press_release(release) for release in self.plan.press_releases),
        ]

    def home(self) -> GeneratedPage:
        plan, localized = self.plan.plan, self.localized
        latest = self.plan.press_releases_newest_first()[:LATEST_PRESS_COUNT]
        return self.render(
            "home.md",
            HOME,
            title=localized.text(plan.title),
            in_nav=True,
            lead=localized.text(plan.summary),
            facts=self.plan_facts(PLAN_FACTS),
            figures=localized.key_figures(self.plan.key_figures),
            latest=[(release, localized.press_moment(release)) for release in latest],
            focus_area_title=localized.focus_area_title,
            paths={
                "about": ABOUT,
                "press": PRESS,
                "focus_area": focus_area_path,
                "press_release": press_release_path,
            },
        )

    def about(self) -> GeneratedPage:
        plan, localized = self.plan.plan, self.localized
        sub_area_titles = {
            sub.id: localized.text(sub.title)
            for area in self.plan.focus_areas
            for sub in area.sub_areas
        }
        facts = self.plan_facts((*PLAN_FACTS, "fact_announced", "fact_funding"))
        related_plans = []
        if plan.predecessors:
            related_plans.append(
                (
                    self.strings["predecessors"],
                    [(related, self.sources(related.sources)) for related in plan.predecessors],
                )
            )
        if plan.successor:
            related_plans.append(
                (
                    self.strings["successor"],
                    [(plan.successor, self.sources(plan.successor.sources))],
                )
            )
        return self.render(
            "about.md",
            ABOUT,
            title=self.strings["page_about"],
            in_nav=True,
            lead=localized.text(plan.summary),
            facts=facts,
            objectives=[
                (objective, sub_area_titles.get(objective.sub_area or ""))
                for objective in plan.objectives
            ],
            series_text=localized.series_text(),
            related_plans=related_plans,
            sources=self.sources(plan.sources),
        )

    def contact(self) -> GeneratedPage:
        contacts = [
            (contact, self.plan.actor(contact.organisation)) for contact in self.plan.contacts
        ]
        return self.render(
            "contact.md",
            CONTACT,
            title=self.strings["page_contact"],
            in_nav=True,
            lead=self.strings["contact_intro"],
            publisher=self.localized.publisher(),
            contacts=contacts,
            tel=format_tel_uri,
            actor_name=self.localized.actor_name,
            actor_path=actor_path,
        )

    def focus_areas_overview(self) -> GeneratedPage:
        return self.render(
            "focus-areas.md",
            FOCUS_AREAS,
            title=self.strings["page_focus_areas"],
            in_nav=True,
            focus_area_title=self.localized.focus_area_title,
            focus_area_path=focus_area_path,
        )

    def focus_area(self, area: FocusArea) -> GeneratedPage:
        initiatives = self.plan.initiatives_in(area.id)
        by_sub_area = {
            sub.id: [item for item in initiatives if item.sub_area == sub.id]
            for sub in area.sub_areas
        }
        without_sub_area = [item for item in initiatives if item.sub_area is None]
        objectives = {
            sub.id: [
                objective for objective in self.plan.plan.objectives if objective.sub_area == sub.id
            ]
            for sub in area.sub_areas
        }
        return self.render(
            "focus-area.md",
            focus_area_path(area.id),
            title=self.localized.focus_area_title(area),
            lead=self.localized.text(area.summary),
            area=area,
            by_sub_area=by_sub_area,
            without_sub_area=without_sub_area,
            objectives=objectives,
            initiative_path=initiative_path,
            sources=self.sources(area.sources),
            plan_link=self.localized.plan_link_label,
        )

    def initiatives_overview(self) -> GeneratedPage:
        groups = [(area, self.plan.initiatives_in(area.id)) for area in self.plan.focus_areas]
        return self.render(
            "initiatives.md",
            INITIATIVES,
            title=self.strings["page_initiatives"],
            in_nav=True,
            lead=self.strings["initiatives_intro"],
            groups=groups,
            focus_area_title=self.localized.focus_area_title,
            focus_area_path=focus_area_path,
            initiative_path=initiative_path,
            plan_link=self.localized.plan_link_label,
        )

    def initiative(self, initiative: Initiative) -> GeneratedPage:
        localized = self.localized
        area = self.plan.focus_area(initiative.focus_area)
        facts = [
            self.fact(
                "fact_focus_area",
                {"text": localized.focus_area_title(area), "target": focus_area_path(area.id)},
            )
        ]
        if initiative.sub_area:
            sub_area = next(sub for sub in area.sub_areas if sub.id == initiative.sub_area)
            facts.append(self.fact("fact_sub_area", {"text": localized.text(sub_area.title)}))
        facts.append(
            self.fact("fact_lead", *(self.actor_item(actor_id) for actor_id in initiative.lead))
        )
        if initiative.partners:
            facts.append(
                self.fact(
                    "fact_partners",
                    *(self.actor_item(actor_id) for actor_id in initiative.partners),
                )
            )
        if initiative.target_groups:
            facts.append(
                self.fact(
                    "fact_target_groups",
                    *({"text": localized.text(group)} for group in initiative.target_groups),
                )
            )
        if initiative.status:
            facts.append(self.fact("fact_status", {"text": localized.status_label(initiative)}))
        if initiative.period:
            facts.append(
                self.fact("fact_period", {"text": localized.format_period(initiative.period)})
            )
        facts.append(
            self.fact(
                "fact_plan_link",
                {
                    "text": localized.plan_link_label(initiative),
                    "note": localized.plan_link_note(initiative),
                },
            )
        )
        return self.render(
            "initiative.md",
            initiative_path(initiative.id),
            title=localized.text(initiative.title),
            lead=localized.text(initiative.summary),
            facts=facts,
            initiative=initiative,
            sources=self.sources(initiative.sources),
        )

    def actors_overview(self) -> GeneratedPage:
        return self.render(
            "actors.md",
            ACTORS,
            title=self.strings["page_actors"],
            in_nav=True,
            lead=self.strings["actors_intro"],
            types=self.localized.actors_by_type(),
            actor_name=self.localized.actor_name,
            actor_path=actor_path,
        )

    def actor(self, actor: Actor) -> GeneratedPage:
        facts = [self.fact("fact_type", {"text": self.localized.actor_type_label(actor.type)})]
        if actor.short_name:
            facts.append(self.fact("fact_short_name", {"text": actor.short_name}))
        if actor.parent:
            facts.append(self.fact("fact_parent", self.actor_item(actor.parent)))
        if actor.website:
            facts.append(
                self.fact("fact_website", {"text": actor.website, "external": actor.website})
            )
        return self.render(
            "actor.md",
            actor_path(actor.id),
            title=self.localized.actor_name(actor),
            facts=facts,
            description=_first_sentence(self.localized.text(actor.description)),
            actor=actor,
            leads=self.plan.initiatives_led_by(actor.id),
            takes_part_in=self.plan.initiatives_with_partner(actor.id),
            is_publisher=actor.id == self.plan.plan.publisher,
            initiative_path=initiative_path,
            sources=self.sources(actor.sources),
        )

    def press_overview(self) -> GeneratedPage:
        releases = [
            (release, self.localized.press_moment(release))
            for release in self.plan.press_releases_newest_first()
        ]
        updates = [
            (
                update,
                self.localized.format_day(update.date),
                update_anchor(update.id),
                self.sources(update.sources),
            )
            for update in self.plan.updates_newest_first()
        ]
        return self.render(
            "press.md",
            PRESS,
            title=self.strings["page_press"],
            in_nav=True,
            lead=self.strings["press_intro"],
            releases=releases,
            press_release_path=press_release_path,
            updates=updates,
            initiative_path=initiative_path,
            press_kit=press_kit_path(self.language),
            feed=FEED,
        )

    def press_release(self, release: PressRelease) -> GeneratedPage:
        localized = self.localized
        contact = self.plan.contact(release.contact)
        figures = localized.key_figures(map(self.plan.key_figure, release.key_figures))
        facts = [
            self.fact("fact_published", {"text": localized.press_moment(release)}),
            self.fact("press_contact", {"text": f"{contact.name}, {localized.text(contact.role)}"}),
        ]
        return self.render(
            "press-release.md",
            press_release_path(release.id),
            title=localized.text(release.title),
            lead=localized.text(release.lead),
            facts=facts,
            figures=figures,
            release=release,
            contact=contact,
            organisation=self.plan.actor(contact.organisation),
            tel=format_tel_uri,
            initiatives=[self.plan.initiative(item) for item in release.initiatives],
            initiative_path=initiative_path,
            actor_name=localized.actor_name,
            actor_path=actor_path,
            sources=self.sources(release.sources),
            press_kit=press_kit_path(self.language),
        )

    def sources(self, source_ids: tuple[str, ...]) -> list[dict[str, str]]:
        return [
            self.localized.source_reference(source) for source in map(self.plan.source, source_ids)
        ]


def _first_sentence(text: str) -> str:
    first_paragraph = text.strip().split("\n\n")[0].replace("\n", " ")
    end = first_paragraph.find(". ")
    return first_paragraph[: end + 1] if end > 0 else first_paragraph


def generate_pages(localized: LocalizedPlan) -> list[GeneratedPage]:
    """Every page of the site in the view's language, in a stable order."""
    return _PageWriter(localized).all_pages()
