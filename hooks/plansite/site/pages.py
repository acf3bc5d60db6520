"""Generate the Markdown pages of the site, one language at a time, from the series model.

Each plan has its pages under its id (`urls.PlanPaths`); the home page, the
actors and the contact page are the series'.

Each page is Markdown (so search and the table of contents index its text) with
front matter that names the HTML template and carries the page's computed
chrome: lead, fact box, key figures. Markdown bodies come from the Jinja
templates in `templates/`; no markup is assembled here.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from plansite import templating
from plansite.charts.render import draw_statistics, statistic_block
from plansite.data.model import Actor, FocusArea, Initiative, KeyFigure, PressRelease
from plansite.data.safe_text import escape_block, escape_inline, escape_url
from plansite.i18n.formatting import format_size, format_tel_uri
from plansite.i18n.progress import PLAN_COUNTS, Progress, plan_progress, series_progress
from plansite.i18n.statistics import LocalizedStatistic, localize_statistics
from plansite.i18n.timeline import plan_timeline
from plansite.i18n.view import LocalizedPlan, LocalizedSeries
from plansite.outputs.statistics_csv import statistic_csv
from plansite.site.initiative_filter import PLAN_LINK_LEVELS, filter_form, filter_values
from plansite.urls import (
    ABOUT_INFORMATION,
    ACTORS,
    CATALOG,
    CONTACT,
    FEED,
    HOME,
    OPEN_DATA,
    PROGRESS,
    STATISTICS,
    PlanPaths,
    actor_path,
    evidence_anchor,
    page_url,
    plan_link_anchor,
    progress_csv_path,
    statistic_csv_path,
    update_anchor,
)

TEMPLATES_DIR = Path(__file__).parent / "templates"
PAGE_TEMPLATE = "plan-page.html"
# The home pages: what the plan is, its key figures, focus areas and documents, the help box.
HOME_TEMPLATE = "plan-home.html"
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
# A plan's fact that a key figure of this unit already states is not shown again on its home.
FACTS_STATED_BY_FIGURES = {
    "fact_budget": "dkk",
    "fact_plan_period": "years",
    "fact_in_force": "years",
}


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
    """Render pages of one language: what the series' pages and a plan's pages share."""

    def __init__(self, series: LocalizedSeries, localized: LocalizedPlan) -> None:
        self.series = series
        self.localized = localized
        self.plan = localized.plan
        self.paths = PlanPaths.of(localized.plan.id)
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
        page_template: str = PAGE_TEMPLATE,
        extra_meta: dict[str, Any] | None = None,
        **context: Any,
    ) -> GeneratedPage:
        """Render one page: front matter for the HTML template, then the Markdown body."""

        def link(target: str) -> str:
            # Rooted at "/": relpath of relative paths asks the OS for the working
            # directory each time.
            return posixpath.relpath("/" + target, "/" + posixpath.dirname(src_uri))

        meta: dict[str, Any] = {
            "template": page_template,
            "title": title,
            "description": description or lead,
            **(extra_meta or {}),
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
            t=self.strings,
            text=self.localized.text,
            link=link,
            plan=self.plan,
            paths=self.paths,
            **context,
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
                href = get_relative_url(page_url(target), page_url(src_uri)) or "./"
                item["href"] = href + item.pop("fragment", "")
            items.append(item)
        return {**row, "items": items}

    def chart_items(
        self, statistics: tuple[LocalizedStatistic, ...], csv_path: Callable[[str], str]
    ) -> list[dict[str, Any]]:
        """Each statistic with its chart block, its CSV (`csv_path(id)`) and the link text to it."""
        items = []
        for chart in draw_statistics(statistics, self.strings):
            size = len(statistic_csv(chart.statistic, self.strings, self.language))
            items.append(
                {
                    "chart": chart,
                    "block": statistic_block(chart, self.strings),
                    "csv": csv_path(chart.statistic.id),
                    "download": self.strings.format(
                        "statistic_download", size=format_size(size, self.language, self.strings)
                    ),
                }
            )
        return items

    def progress_page(
        self, src_uri: str, title: str, lead: str, progress: Progress, csv_prefix: str
    ) -> GeneratedPage:
        """What came of the initiatives: the counts as charts, then the evidence, newest first."""
        return self.render(
            "progress.md",
            src_uri,
            title=title,
            in_nav=True,
            lead=lead,
            up_to=progress.up_to,
            charts=self.chart_items(
                progress.counts, lambda chart_id: csv_prefix + progress_csv_path(chart_id)
            ),
            evidence=progress.evidence,
            initiative_path=lambda entry: PlanPaths.of(entry.plan_id).initiative(
                entry.initiative_id
            ),
            evidence_anchor=evidence_anchor,
            show_plan=src_uri == PROGRESS,
        )

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
        for key in (key for key in keys if key in facts):  # a fact the data leaves out is not shown
            item = {"text": facts[key]["value"]}
            if key == "fact_publisher":
                item["target"] = actor_path(self.plan.plan.publisher)
            rows.append(self.fact(key, item))
        return rows

    def sources(self, source_ids: tuple[str, ...]) -> list[dict[str, str | None]]:
        return [
            self.localized.source_reference(source) for source in map(self.plan.source, source_ids)
        ]

    def plan_link_badge(self, initiative: Initiative) -> dict[str, str]:
        """The badge of how sure the initiative's link to the plan is, linking its legend entry."""
        level = self.localized.plan_link_label(initiative)
        return {
            "text": self.strings.format("plan_link_badge", level=level.lower()),
            "badge": initiative.plan_link,
            "target": ABOUT_INFORMATION,
            "fragment": "#" + plan_link_anchor(initiative.plan_link),
        }


class _PlanPageWriter(_PageWriter):
    """The pages of one plan in one language."""

    def all_pages(self) -> list[GeneratedPage]:
        return [
            self.home(),
            self.about(),
            self.focus_areas_overview(),
            *(self.focus_area(area) for area in self.plan.focus_areas),
            self.initiatives_overview(),
            *(self.initiative(initiative) for initiative in self.plan.initiatives),
            self.progress(),
            self.press_overview(),
            *(self.press_release(release) for release in self.plan.press_releases),
        ]

    def home(self) -> GeneratedPage:
        """The plan's home: what it is, each fact once, focus areas, documents, help, news."""
        plan, localized = self.plan.plan, self.localized
        latest = self.plan.press_releases_newest_first()[:LATEST_PRESS_COUNT]
        home = page_url(self.paths.home)
        focus_areas = [
            {
                "title": localized.focus_area_title(area),
                "summary": localized.text(area.summary),
                "href": get_relative_url(page_url(self.paths.focus_area(area.id)), home),
            }
            for area in self.plan.focus_areas
        ]
        plan_figures = self.figures_of_plan_facts()
        statistics = [figure for figure in self.plan.key_figures if figure not in plan_figures]
        return self.render(
            "home.md",
            self.paths.home,
            title=localized.text(plan.title),
            in_nav=True,
            lead=localized.text(plan.summary),
            facts=self.plan_facts(self.facts_not_stated_by(plan_figures)),
            figures=localized.key_figures(plan_figures),
            page_template=HOME_TEMPLATE,
            extra_meta={
                "help_box": True,
                "documents": True,
                "glance_heading": self.strings["home_at_a_glance"],
                "focus_areas_heading": self.strings["the_focus_areas"],
                "focus_areas": focus_areas,
                "statistics_heading": self.strings["key_figures"],
                "statistics": localized.key_figures(statistics),
                "translation_note": localized.translation_note(),
                "course_heading": self.strings["course_heading"],
                "course_intro": self.strings["course_intro"],
                "course": self.course(home),
            },
            latest=[(release, localized.press_moment(release)) for release in latest],
        )

    def course(self, home: str) -> list[dict[str, str | None]]:
        """The plan's course for the home page, oldest first; evidence links its item's anchor."""
        return [
            {
                "datetime": entry.datetime,
                "when": entry.when_text,
                "text": entry.text,
                "initiative": entry.initiative_title,
                "href": get_relative_url(page_url(self.paths.initiative(entry.initiative_id)), home)
                + f"#{evidence_anchor(entry.evidence_id)}"
                if entry.initiative_id and entry.evidence_id
                else None,
            }
            for entry in plan_timeline(self.localized)
        ]

    def figures_of_plan_facts(self) -> list[KeyFigure]:
        """The key figures that state the plan's money, years, number of focus areas or number."""
        counts = {len(self.plan.focus_areas), self.plan.plan.series_number}
        return [
            figure
            for figure in self.plan.key_figures
            if figure.unit in FACTS_STATED_BY_FIGURES.values()
            or (figure.unit == "count" and figure.value in counts)
        ]

    def facts_not_stated_by(self, figures: list[KeyFigure]) -> tuple[str, ...]:
        """The home's facts: those none of `figures` states (each key fact is shown once)."""
        units = {figure.unit for figure in figures}
        states_number = any(
            figure.unit == "count" and figure.value == self.plan.plan.series_number
            for figure in figures
        )
        return tuple(
            key
            for key in PLAN_FACTS
            if FACTS_STATED_BY_FIGURES.get(key) not in units
            and not (key == "fact_series" and states_number)
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
            related_plans.append((self.strings["predecessors"], list(reversed(plan.predecessors))))
        if plan.successor:
            related_plans.append((self.strings["successor"], [plan.successor]))
        return self.render(
            "about.md",
            self.paths.about,
            title=self.strings["page_about"],
            in_nav=True,
            lead=localized.text(plan.summary),
            facts=facts,
            objectives=[
                (objective, sub_area_titles.get(objective.sub_area or ""))
                for objective in plan.objectives
            ],
            series_text=localized.series_text(),
            translation_note=localized.translation_note(),
            related_plans=related_plans,
            related_period=localized.format_period,
            related_sources=lambda related: [
                localized.source_reference(source) for source in related.sources
            ],
            sources=self.sources(plan.sources),
        )

    def focus_areas_overview(self) -> GeneratedPage:
        return self.render(
            "focus-areas.md",
            self.paths.focus_areas,
            title=self.strings["page_focus_areas"],
            in_nav=True,
            focus_area_title=self.localized.focus_area_title,
            focus_area_path=self.paths.focus_area,
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
            self.paths.focus_area(area.id),
            title=self.localized.focus_area_title(area),
            lead=self.localized.text(area.summary),
            area=area,
            by_sub_area=by_sub_area,
            without_sub_area=without_sub_area,
            objectives=objectives,
            initiative_path=self.paths.initiative,
            sources=self.sources(area.sources),
            badge=self.plan_link_badge,
        )

    def initiatives_overview(self) -> GeneratedPage:
        groups = [(area, self.plan.initiatives_in(area.id)) for area in self.plan.focus_areas]
        by_level = []
        for level in PLAN_LINK_LEVELS:
            initiatives = [item for item in self.plan.initiatives if item.plan_link == level]
            if initiatives:
                label = self.strings[f"plan_link_{level}"]
                by_level.append(
                    {
                        "heading": label,
                        "count": self.strings.format(
                            "plan_link_count", level=label, count=len(initiatives)
                        ),
                        "anchor": f"{plan_link_anchor(level)}-list",
                        "legend": plan_link_anchor(level),
                        "note": self.strings[f"plan_link_{level}_note"],
                        "initiatives": initiatives,
                    }
                )
        return self.render(
            "initiatives.md",
            self.paths.initiatives,
            title=self.strings["page_initiatives"],
            in_nav=True,
            lead=self.strings["initiatives_intro"],
            extra_meta={"initiative_filter": filter_form(self.localized)},
            groups=groups,
            filter_values=filter_values,
            by_level=by_level,
            about_information=ABOUT_INFORMATION,
            focus_area_title=self.localized.focus_area_title,
            focus_area_path=self.paths.focus_area,
            initiative_path=self.paths.initiative,
            badge=self.plan_link_badge,
        )

    def initiative(self, initiative: Initiative) -> GeneratedPage:
        localized = self.localized
        area = self.plan.focus_area(initiative.focus_area)
        facts = [
            self.fact(
                "fact_focus_area",
                {
                    "text": localized.focus_area_title(area),
                    "target": self.paths.focus_area(area.id),
                },
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
                    **self.plan_link_badge(initiative),
                    # The row's label says what the badge is about: the level alone.
                    "text": localized.plan_link_label(initiative),
                    "note": localized.plan_link_note(initiative),
                },
            )
        )
        return self.render(
            "initiative.md",
            self.paths.initiative(initiative.id),
            title=localized.text(initiative.title),
            lead=localized.text(initiative.summary),
            facts=facts,
            initiative=initiative,
            status=localized.status_sentence(initiative),
            evidence=self.evidence(initiative),
            sources=self.sources(initiative.sources),
        )

    def evidence(self, initiative: Initiative) -> list[dict[str, Any]]:
        """What came of the initiative, newest first: date, kind, summary, sources, basis, id."""
        basis = initiative.status.evidence if initiative.status else ()
        return [
            {
                "day": self.localized.format_partial_date(item.date),
                "kind": self.localized.evidence_kind_label(item),
                "summary": self.localized.text(item.summary),
                "sources": self.sources(item.sources),
                "basis": item.id in basis,
                "anchor": evidence_anchor(item.id),
            }
            for item in initiative.evidence_newest_first()
        ]

    def progress(self) -> GeneratedPage:
        """The plan's progress: its initiatives by status and by focus area, its evidence."""
        return self.progress_page(
            self.paths.progress,
            self.strings["page_progress"],
            self.strings["progress_intro"],
            plan_progress(self.localized),
            self.paths.prefix,
        )

    def press_overview(self) -> GeneratedPage:
        """The press room: press releases (our summaries, with the originals' dates), then the
        plan's timeline of events, which are not publications."""
        releases = [
            (release, self.localized.press_origin_parts(release))
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
            self.paths.press,
            title=self.strings["page_press"],
            in_nav=True,
            lead=self.strings["press_intro"],
            releases=releases,
            press_release_path=self.paths.press_release,
            updates=updates,
            initiative_path=self.paths.initiative,
            press_kit=self.paths.press_kit(self.language),
            feed=FEED,
        )

    def press_release(self, release: PressRelease) -> GeneratedPage:
        """Our summary of a press release: said so at the top, with the original's publisher,
        time and address; its press contact as it was then; no key figures the release
        did not give."""
        localized = self.localized
        contact = self.plan.contact(release.contact) if release.contact else None
        facts = [self.fact(key, item) for key, item in localized.press_origin_facts(release)]
        return self.render(
            "press-release.md",
            self.paths.press_release(release.id),
            title=localized.text(release.title),
            lead=localized.press_summary_label(release),
            description=localized.text(release.lead),
            facts=facts,
            release=release,
            contact=contact,
            contact_heading=localized.release_contact_heading(release),
            organisation=self.plan.actor(contact.organisation) if contact else None,
            tel=format_tel_uri,
            initiatives=[self.plan.initiative(item) for item in release.initiatives],
            initiative_path=self.paths.initiative,
            actor_name=localized.actor_name,
            actor_path=actor_path,
            sources=self.sources(release.sources),
            press_kit=self.paths.press_kit(self.language),
            contact_page=CONTACT,
        )


class _SeriesPageWriter(_PageWriter):
    """The pages the plans share in one language: the home page, the actors, the contacts."""

    def all_pages(self) -> list[GeneratedPage]:
        actors = self.series.actors()
        return [
            self.home(),
            self.actors_overview(),
            *(self.actor(actor) for actor in actors),
            self.contact(),
            self.open_data(),
            self.progress_page(
                PROGRESS,
                self.strings["page_progress_series"],
                self.strings["progress_series_intro"],
                series_progress(self.series),
                "",
            ),
            *([self.statistics()] if self.series.series.statistics else []),
            self.about_information(),
        ]

    def statistics(self) -> GeneratedPage:
        """The series' statistics: each with its chart, table, how it was counted, sources, CSV."""
        items = self.chart_items(localize_statistics(self.series), statistic_csv_path)
        return self.render(
            "statistics.md",
            STATISTICS,
            title=self.strings["page_statistics"],
            in_nav=True,
            lead=self.strings["statistics_intro"],
            statistics=items,
        )

    def about_information(self) -> GeneratedPage:
        """Where the information comes from, and the legend of the plan-link badges."""
        return self.render(
            f"about-information.{self.language}.md",
            ABOUT_INFORMATION,
            title=self.strings["page_about_information"],
            lead=self.strings["about_information_intro"],
            levels=[
                {
                    "label": self.strings[f"plan_link_{level}"],
                    "anchor": plan_link_anchor(level),
                    "note": self.strings[f"plan_link_{level}_note"],
                }
                for level in PLAN_LINK_LEVELS
            ],
            plans=[
                (localized, PlanPaths.of(localized.plan.id))
                for localized in self.series.plans_newest_first()
            ],
        )

    def open_data(self) -> GeneratedPage:
        """The open-data page: how the files are made, and each plan's files (newest plan first)."""
        series = self.series
        intro = self.strings["open_data_intro"]
        return self.render(
            f"data.{self.language}.md",
            OPEN_DATA,
            title=self.strings["page_open_data"],
            in_nav=True,
            lead=intro,
            plans=[
                (localized, PlanPaths.of(localized.plan.id), localized.pdf_file_name())
                for localized in series.plans_newest_first()
            ],
            licence=series.series.site.data_licence,
            publisher=series.text(series.series.site.publisher),
            catalog=CATALOG,
            progress=PROGRESS,
            statistics=STATISTICS if series.series.statistics else None,
            progress_files=_progress_files,
        )

    def home(self) -> GeneratedPage:
        """The site's home: the current plan first (period, budget), the help box, every plan."""
        series = self.series
        current = series.current
        facts = current.plan_facts()
        return self.render(
            "series-home.md",
            HOME,
            title=series.site_name(),
            in_nav=True,
            lead=series.text(series.series.site.description),
            page_template=HOME_TEMPLATE,
            extra_meta={
                "help_box": True,
                "documents": True,
                # The site's name is the page's title: said once in <title>, not twice.
                "html_title": series.site_name(),
                "current_plan": {
                    "heading": self.strings["series_current"],
                    "title": current.text(current.plan.plan.title),
                    "href": get_relative_url(
                        page_url(PlanPaths.of(current.plan.id).home), page_url(HOME)
                    ),
                    "summary": current.text(current.plan.plan.summary),
                    "facts": [
                        facts[key]
                        for key in ("fact_plan_period", "fact_budget", "fact_publisher")
                        if key in facts
                    ],
                },
            },
            current=current,
            current_paths=PlanPaths.of(current.plan.id),
            plans=[
                (localized, PlanPaths.of(localized.plan.id))
                for localized in series.plans_newest_first()
            ],
            earlier_plans=list(reversed(series.series.earlier_plans)),
            years=lambda period: self.strings.format(
                "period_years", start=period.start.year, end=period.end.year
            ),
            source_reference=self.localized.source_reference,
        )

    def actors_overview(self) -> GeneratedPage:
        return self.render(
            "actors.md",
            ACTORS,
            title=self.strings["page_actors"],
            in_nav=True,
            lead=self.strings["actors_intro"],
            types=self.series.actors_by_type(),
            actor_name=self.series.actor_name,
            actor_path=actor_path,
            actor_role=self.actor_role_line,
            actor_plans=self.actor_plans_line,
        )

    def actor_role_line(self, actor: Actor) -> str:
        """The actor's role in one line: the first sentence of its role in its newest plan."""
        return _first_sentence(self.series.text(actor.description))

    def actor_plans_line(self, actor: Actor) -> str:
        """`Planer: …`: the years of each plan the actor has a role in, newest first."""
        periods = [
            localized.period_years()
            for localized in self.series.plans_newest_first()
            if any(item.id == actor.id for item in localized.plan.actors)
        ]
        return self.strings.format("actor_plans", plans=", ".join(periods))

    def actor(self, actor: Actor) -> GeneratedPage:
        series = self.series
        facts = [self.fact("fact_type", {"text": series.actor_type_label(actor.type)})]
        if actor.short_name:
            facts.append(self.fact("fact_short_name", {"text": actor.short_name}))
        if actor.parent:
            parent = series.series.actors[actor.parent]
            facts.append(
                self.fact(
                    "fact_parent",
                    {"text": series.text(parent.name), "target": actor_path(parent.id)},
                )
            )
        if actor.website:
            facts.append(
                self.fact("fact_website", {"text": actor.website, "external": actor.website})
            )
        roles = []
        for localized in series.plans_newest_first():
            plan = localized.plan
            role = next((item for item in plan.actors if item.id == actor.id), None)
            if role is None:
                continue
            roles.append(
                {
                    "plan": localized,
                    "paths": PlanPaths.of(plan.id),
                    "role": role,
                    "leads": plan.initiatives_led_by(actor.id),
                    "takes_part_in": plan.initiatives_with_partner(actor.id),
                    "is_publisher": actor.id == plan.plan.publisher,
                    "sources": [
                        localized.source_reference(plan.source(source_id))
                        for source_id in role.sources
                    ],
                }
            )
        return self.render(
            "actor.md",
            actor_path(actor.id),
            title=series.actor_name(actor),
            facts=facts,
            # `actor` is as its newest plan knows it: the page's description is its latest role.
            description=_first_sentence(series.text(actor.description)),
            actor=actor,
            roles=roles,
        )

    def contact(self) -> GeneratedPage:
        """The site's current contacts by purpose, each with its date; whom to ask where none."""
        series = self.series
        return self.render(
            "contact.md",
            CONTACT,
            title=self.strings["page_contact"],
            in_nav=True,
            lead=self.strings["contact_intro"],
            publisher=series.text(series.series.site.publisher),
            groups=series.contact_groups(),
            organisation_of=lambda contact: series.series.actors[contact.organisation],
            as_of=series.contact_as_of,
            has_page={actor.id for actor in series.actors()},
            tel=format_tel_uri,
            actor_name=series.actor_name,
            actor_path=actor_path,
            source_reference=self.localized.source_reference,
        )


# A sentence ends at a full stop before a capital letter: `10. september`, `5. nationale` go on.
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÆØÅ])")


def _progress_files(paths: PlanPaths) -> list[tuple[str, str]]:
    """(file name, path) of each CSV of a plan's progress page, in the page's order."""
    files = [paths.prefix + progress_csv_path(count) for count in PLAN_COUNTS]
    return [(posixpath.basename(path), path) for path in files]


def _first_sentence(text: str) -> str:
    first_paragraph = text.strip().split("\n\n")[0].replace("\n", " ")
    end = _SENTENCE_END.search(first_paragraph)
    return first_paragraph[: end.start() + 1] if end else first_paragraph


def generate_pages(series: LocalizedSeries) -> list[GeneratedPage]:
    """Every page in the view's language, in a stable order: the series', then each plan's."""
    pages = generate_series_pages(series)
    for localized in series.plans_newest_first():
        pages += generate_plan_pages(series, localized)
    return pages


def generate_series_pages(series: LocalizedSeries) -> list[GeneratedPage]:
    """The pages the plans share (home, actors, contact, open data), in the view's language."""
    return _SeriesPageWriter(series, series.current).all_pages()


def generate_plan_pages(series: LocalizedSeries, localized: LocalizedPlan) -> list[GeneratedPage]:
    """The pages of one plan, in the view's language."""
    return _PlanPageWriter(series, localized).all_pages()
