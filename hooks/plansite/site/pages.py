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

import jinja2
import yaml
from mkdocs.utils import get_relative_url

from plansite.i18n import formatting
from plansite import templating as template_cache
from plansite.data.model import Actor, FocusArea, Initiative, PlanData, PressRelease, Text
from plansite.data.safe_text import escape_block, escape_inline, escape_url
from plansite.i18n.strings import Strings

TEMPLATES_DIR = Path(__file__).parent / "templates"
PAGE_TEMPLATE = "plan-page.html"
# The C emitter writes the same YAML as the pure-Python one, about 7x faster.
_FRONT_MATTER_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

HOME = "index.md"
ABOUT = "om-planen.md"
CONTACT = "kontakt.md"
FOCUS_AREAS = "indsatsomraader/index.md"
INITIATIVES = "indsatser/index.md"
ACTORS = "aktoerer/index.md"
PRESS = "presse/index.md"
LATEST_PRESS_COUNT = 3


def focus_area_path(focus_area_id: str) -> str:
    return f"indsatsomraader/{focus_area_id}.md"


def initiative_path(initiative_id: str) -> str:
    return f"indsatser/{initiative_id}.md"


def actor_path(actor_id: str) -> str:
    return f"aktoerer/{actor_id}.md"


def press_release_path(release_id: str) -> str:
    return f"presse/{release_id}.md"


def press_kit_path(language: str) -> str:
    """The press kit of a language (a zip, see `press_kit`), relative to that language's folder."""
    return f"presse/pressekit-{language}.zip"


FEED = "feed.xml"  # the Atom feed of a language (see `feeds`), relative to its folder


def update_anchor(update_id: str) -> str:
    """The id of an update's heading on the press overview page."""
    return f"update-{update_id}"


@dataclass(frozen=True)
class GeneratedPage:
    """One page in one language: its source path (without language suffix), Markdown body and metadata.

    The build hands `meta` to MkDocs as the page's metadata directly
    (`virtual_files`): MkDocs parses front matter with PyYAML's pure-Python
    loader, about a millisecond per page, a fifth of a large build (bench/, issue 8).
    """

    src_uri: str
    in_nav: bool
    body: str
    meta: dict[str, Any]

    @property
    def markdown(self) -> str:
        """The page as a Markdown file: the metadata as YAML front matter, then the body."""
        front_matter = yaml.dump(self.meta, Dumper=_FRONT_MATTER_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        return f"---\n{front_matter}---\n\n{self.body}"


def page_url(src_uri: str) -> str:
    """The directory-style URL of a page source path: `indsatser/x.md` → `indsatser/x/`."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=False,  # The output is Markdown; values are escaped by the filters below.
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=template_cache.BYTECODE_CACHE,
    )
    environment.filters["inline"] = escape_inline
    environment.filters["block"] = escape_block
    environment.filters["url"] = escape_url
    return environment


class _PageWriter:
    """Render the pages of one language."""

    def __init__(self, plan: PlanData, language: str, strings: Strings) -> None:
        self.plan = plan
        self.language = language
        self.strings = strings
        self.environment = _environment()

    def text(self, value: Text) -> str:
        return value.in_language(self.language)

    def render(self, template: str, src_uri: str, *, title: str, in_nav: bool = False, description: str = "", lead: str = "", facts: list[dict[str, Any]] | None = None, figures: list[dict[str, str]] | None = None, **context: Any) -> GeneratedPage:
        """Render one page: front matter for the HTML template, then the Markdown body."""

        def link(target: str) -> str:
            # Rooted at "/": relpath of relative paths asks the OS for the working directory each time.
            return posixpath.relpath("/" + target, "/" + posixpath.dirname(src_uri))

        meta: dict[str, Any] = {"template": PAGE_TEMPLATE, "title": title, "description": description or lead}
        if lead:
            meta["lead"] = lead
        if facts:
            meta["facts_heading"] = self.strings["facts"]
            meta["facts"] = [self._resolve_hrefs(row, src_uri) for row in facts]
        if figures:
            meta["figures_heading"] = self.strings["key_figures"]
            meta["figures"] = figures
        body = self.environment.get_template(template).render(t=self.strings, text=self.text, link=link, plan=self.plan, **context)
        return GeneratedPage(src_uri, in_nav, body, meta)

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
        return {"text": self.actor_name(self.plan.actor(actor_id)), "target": actor_path(actor_id)}

    def actor_name(self, actor: Actor) -> str:
        name = self.text(actor.name)
        return f"{name} ({actor.short_name})" if actor.short_name and actor.short_name not in name else name

    def focus_area_title(self, area: FocusArea) -> str:
        return self.strings.format("focus_area_heading", number=area.number, title=self.text(area.title))

    def plan_facts(self) -> list[dict[str, Any]]:
        plan = self.plan.plan
        language = self.language
        return [
            self.fact("fact_plan_period", {"text": formatting.format_period(plan.period, language)}),
            self.fact("fact_budget", {"text": formatting.format_money(plan.budget.amount, language, self.strings)}),
            self.fact("fact_in_force", {"text": formatting.format_day(plan.in_force, language)}),
            self.fact("fact_series", {"text": self.series_text()}),
            self.fact("fact_publisher", self.actor_item(plan.publisher)),
            self.fact("fact_minister", {"text": f"{plan.minister.name}, {self.text(plan.minister.title)}"}),
            self.fact("fact_published", {"text": formatting.format_month(*plan.published, language)}),
        ]

    def press_moment(self, release: PressRelease) -> str:
        return formatting.format_moment(release.published, self.language, self.strings)

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
        plan = self.plan.plan
        figures = [
            {"value": formatting.format_figure(figure, self.language, self.strings), "label": self.text(figure.label), "context": self.text(figure.context) if figure.context else ""}
            for figure in self.plan.key_figures
        ]
        latest = self.plan.press_releases_newest_first()[:LATEST_PRESS_COUNT]
        return self.render(
            "home.md", HOME, title=self.text(plan.title), in_nav=True, lead=self.text(plan.summary),
            facts=self.plan_facts(), figures=figures,
            latest=[(release, self.press_moment(release)) for release in latest],
            focus_area_title=self.focus_area_title,
            paths={"about": ABOUT, "press": PRESS, "focus_area": focus_area_path, "press_release": press_release_path},
        )

    def about(self) -> GeneratedPage:
        plan = self.plan.plan
        sub_area_titles = {sub.id: self.text(sub.title) for area in self.plan.focus_areas for sub in area.sub_areas}
        facts = [*self.plan_facts(), self.fact("fact_announced", {"text": formatting.format_day(plan.announced, self.language)}), self.fact("fact_funding", {"text": self.text(plan.funding)})]
        related_plans = []
        if plan.predecessors:
            related_plans.append((self.strings["predecessors"], [(related, self.sources(related.sources)) for related in plan.predecessors]))
        if plan.successor:
            related_plans.append((self.strings["successor"], [(plan.successor, self.sources(plan.successor.sources))]))
        return self.render(
            "about.md", ABOUT, title=self.strings["page_about"], in_nav=True, lead=self.text(plan.summary), facts=facts,
            objectives=[(objective, sub_area_titles.get(objective.sub_area or "")) for objective in plan.objectives],
            series_text=self.series_text(), related_plans=related_plans, sources=self.sources(plan.sources),
        )

    def series_text(self) -> str:
        plan = self.plan.plan
        return self.strings.format("series_text", ordinal=formatting.format_ordinal(plan.series_number, self.language), year=plan.series_start_year)

    def contact(self) -> GeneratedPage:
        contacts = [(contact, self.plan.actor(contact.organisation)) for contact in self.plan.contacts]
        return self.render(
            "contact.md", CONTACT, title=self.strings["page_contact"], in_nav=True, lead=self.strings["contact_intro"],
            publisher=self.plan.actor(self.plan.plan.publisher), contacts=contacts, tel=_tel_uri,
            actor_name=self.actor_name, actor_path=actor_path,
        )

    def focus_areas_overview(self) -> GeneratedPage:
        return self.render("focus-areas.md", FOCUS_AREAS, title=self.strings["page_focus_areas"], in_nav=True, focus_area_title=self.focus_area_title, focus_area_path=focus_area_path)

    def focus_area(self, area: FocusArea) -> GeneratedPage:
        initiatives = self.plan.initiatives_in(area.id)
        by_sub_area = {sub.id: [item for item in initiatives if item.sub_area == sub.id] for sub in area.sub_areas}
        without_sub_area = [item for item in initiatives if item.sub_area is None]
        objectives = {sub.id: [objective for objective in self.plan.plan.objectives if objective.sub_area == sub.id] for sub in area.sub_areas}
        return self.render(
            "focus-area.md", focus_area_path(area.id), title=self.focus_area_title(area), lead=self.text(area.summary),
            area=area, by_sub_area=by_sub_area, without_sub_area=without_sub_area, objectives=objectives,
            initiative_path=initiative_path, sources=self.sources(area.sources), plan_link=self.plan_link_label,
        )

    def initiatives_overview(self) -> GeneratedPage:
        groups = [(area, self.plan.initiatives_in(area.id)) for area in self.plan.focus_areas]
        return self.render(
            "initiatives.md", INITIATIVES, title=self.strings["page_initiatives"], in_nav=True, lead=self.strings["initiatives_intro"],
            groups=groups, focus_area_title=self.focus_area_title, focus_area_path=focus_area_path, initiative_path=initiative_path, plan_link=self.plan_link_label,
        )

    def plan_link_label(self, initiative: Initiative) -> str:
        return self.strings[f"plan_link_{initiative.plan_link}"]

    def initiative(self, initiative: Initiative) -> GeneratedPage:
        area = self.plan.focus_area(initiative.focus_area)
        facts = [self.fact("fact_focus_area", {"text": self.focus_area_title(area), "target": focus_area_path(area.id)})]
        if initiative.sub_area:
            sub_area = next(sub for sub in area.sub_areas if sub.id == initiative.sub_area)
            facts.append(self.fact("fact_sub_area", {"text": self.text(sub_area.title)}))
        facts.append(self.fact("fact_lead", *(self.actor_item(actor_id) for actor_id in initiative.lead)))
        if initiative.partners:
            facts.append(self.fact("fact_partners", *(self.actor_item(actor_id) for actor_id in initiative.partners)))
        if initiative.target_groups:
            facts.append(self.fact("fact_target_groups", *({"text": self.text(group)} for group in initiative.target_groups)))
        if initiative.status:
            facts.append(self.fact("fact_status", {"text": self.strings[f"status_{initiative.status}"]}))
        if initiative.period:
            facts.append(self.fact("fact_period", {"text": formatting.format_period(initiative.period, self.language)}))
        facts.append(self.fact("fact_plan_link", {"text": self.plan_link_label(initiative), "note": self.strings[f"plan_link_{initiative.plan_link}_note"]}))
        return self.render(
            "initiative.md", initiative_path(initiative.id), title=self.text(initiative.title), lead=self.text(initiative.summary), facts=facts,
            initiative=initiative, sources=self.sources(initiative.sources),
        )

    def actors_overview(self) -> GeneratedPage:
        types = []
        for actor_type in ("ministry", "agency", "police", "prosecution", "court", "ngo", "research", "other"):
            actors = sorted((actor for actor in self.plan.actors if actor.type == actor_type), key=lambda actor: self.actor_name(actor).casefold())
            if actors:
                types.append((self.strings[f"actor_type_{actor_type}"], actors))
        return self.render("actors.md", ACTORS, title=self.strings["page_actors"], in_nav=True, lead=self.strings["actors_intro"], types=types, actor_name=self.actor_name, actor_path=actor_path)

    def actor(self, actor: Actor) -> GeneratedPage:
        facts = [self.fact("fact_type", {"text": self.strings[f"actor_type_{actor.type}"]})]
        if actor.short_name:
            facts.append(self.fact("fact_short_name", {"text": actor.short_name}))
        if actor.parent:
            facts.append(self.fact("fact_parent", self.actor_item(actor.parent)))
        if actor.website:
            facts.append(self.fact("fact_website", {"text": actor.website, "external": actor.website}))
        return self.render(
            "actor.md", actor_path(actor.id), title=self.actor_name(actor), facts=facts, description=_first_sentence(self.text(actor.description)),
            actor=actor, leads=self.plan.initiatives_led_by(actor.id), takes_part_in=self.plan.initiatives_with_partner(actor.id),
            is_publisher=actor.id == self.plan.plan.publisher, initiative_path=initiative_path, sources=self.sources(actor.sources),
        )

    def press_overview(self) -> GeneratedPage:
        releases = [(release, self.press_moment(release)) for release in self.plan.press_releases_newest_first()]
        updates = [(update, formatting.format_day(update.date, self.language), update_anchor(update.id), self.sources(update.sources)) for update in self.plan.updates_newest_first()]
        return self.render(
            "press.md", PRESS, title=self.strings["page_press"], in_nav=True, lead=self.strings["press_intro"], releases=releases, press_release_path=press_release_path,
            updates=updates, initiative_path=initiative_path, press_kit=press_kit_path(self.language), feed=FEED,
        )

    def press_release(self, release: PressRelease) -> GeneratedPage:
        contact = self.plan.contact(release.contact)
        figures = [
            {"value": formatting.format_figure(figure, self.language, self.strings), "label": self.text(figure.label), "context": self.text(figure.context) if figure.context else ""}
            for figure in map(self.plan.key_figure, release.key_figures)
        ]
        facts = [self.fact("fact_published", {"text": self.press_moment(release)}), self.fact("press_contact", {"text": f"{contact.name}, {self.text(contact.role)}"})]
        return self.render(
            "press-release.md", press_release_path(release.id), title=self.text(release.title), lead=self.text(release.lead), facts=facts, figures=figures,
            release=release, contact=contact, organisation=self.plan.actor(contact.organisation), tel=_tel_uri,
            initiatives=[self.plan.initiative(item) for item in release.initiatives], initiative_path=initiative_path,
            actor_name=self.actor_name, actor_path=actor_path, sources=self.sources(release.sources), press_kit=press_kit_path(self.language),
        )

    def sources(self, source_ids: tuple[str, ...]) -> list[dict[str, str]]:
        result = []
        for source in map(self.plan.source, source_ids):
            details = [part for part in (source.publisher, formatting.format_day(source.date, self.language) if source.date else None) if part]
            result.append({"title": self.text(source.title), "url": source.url, "details": ", ".join(details)})
        return result


def _tel_uri(phone: str) -> str:
    """`+45 33 92 16 81` → `tel:+4533921681`."""
    return "tel:" + phone.replace(" ", "")


def _first_sentence(text: str) -> str:
    first_paragraph = text.strip().split("\n\n")[0].replace("\n", " ")
    end = first_paragraph.find(". ")
    return first_paragraph[: end + 1] if end > 0 else first_paragraph


def generate_pages(plan: PlanData, language: str, strings: Strings) -> list[GeneratedPage]:
    """Every page of the site in `language`, in a stable order."""
    return _PageWriter(plan, language, strings).all_pages()
