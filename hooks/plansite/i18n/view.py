"""The series and each plan as read in one language: what every renderer shows, derived once.

The pages, the head metadata, the footer, the banner, the feed, the CSV tables,
the press kit and the printed plan all show the plans' texts, names, facts and
figures. `LocalizedPlan` derives each of them for one plan, `LocalizedSeries`
for the site and every plan, as plain strings, lists and dicts without markup;
the renderers pick what they show and lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from plansite.data.model import (
    Actor,
    Evidence,
    FocusArea,
    Initiative,
    KeyFigure,
    PartialDate,
    Period,
    PlanData,
    PressRelease,
    Source,
    Text,
)
from plansite.data.series import CONTACT_PURPOSES, Series, SiteContact
from plansite.i18n import formatting
from plansite.i18n.languages import LANGUAGES
from plansite.i18n.strings import Strings

ACTOR_TYPES = (
    "ministry",
    "agency",
    "board",
    "police",
    "prosecution",
    "court",
    "ngo",
    "research",
    "other",
)
"""The order in which actors are listed: by type, then by name."""


@dataclass(frozen=True)
class LocalizedPlan:
    """The plan in `language`, with that language's site texts."""

    plan: PlanData
    language: str
    strings: Strings

    def text(self, value: Text | None) -> str:
        """A text of the data in this language; `` for a text the data leaves out."""
        return value.in_language(self.language) if value else ""

    def format_day(self, day: date) -> str:
        """`10. september 2018` / `10 September 2018`."""
        return formatting.format_day(day, self.language)

    def format_period(self, period: Period) -> str:
        """`1. januar 2019 – 31. december 2021`."""
        return formatting.format_period(period, self.language)

    def publisher(self) -> Actor:
        """The actor that publishes the plan."""
        return self.plan.actor(self.plan.plan.publisher)

    def publisher_name(self) -> str:
        """The publisher's name, without its short name."""
        return self.text(self.publisher().name)

    def actor_name(self, actor: Actor) -> str:
        """`Rigspolitiet (RP)`: the name, and the short name unless the name contains it."""
        name = self.text(actor.name)
        short_name = actor.short_name
        return f"{name} ({short_name})" if short_name and short_name not in name else name

    def actor_type_label(self, actor_type: str) -> str:
        """`Ministerium` / `Ministry`."""
        return self.strings[f"actor_type_{actor_type}"]

    def actors_by_type(self) -> list[tuple[str, list[Actor]]]:
        """(type label, actors by name) of each type that has actors, in `ACTOR_TYPES` order."""
        groups = []
        for actor_type in ACTOR_TYPES:
            actors = [actor for actor in self.plan.actors if actor.type == actor_type]
            if actors:
                actors.sort(key=lambda actor: self.actor_name(actor).casefold())
                groups.append((self.actor_type_label(actor_type), actors))
        return groups

    def focus_area_title(self, area: FocusArea) -> str:
        """`Indsatsområde 1: …` / `Action area 1: …`."""
        title = self.text(area.title)
        return self.strings.format("focus_area_heading", number=area.number, title=title)

    def plan_link_label(self, initiative: Initiative) -> str:
        """How sure it is that the initiative belongs to the plan: `Bekræftet` / `Confirmed`, …"""
        return self.strings[f"plan_link_{initiative.plan_link}"]

    def plan_link_note(self, initiative: Initiative) -> str:
        """What that label means, in a sentence."""
        return self.strings[f"plan_link_{initiative.plan_link}_note"]

    def status_label(self, initiative: Initiative) -> str:
        """The initiative's status; `` when the data gives none."""
        return self.strings[f"status_{initiative.status.value}"] if initiative.status else ""

    def status_sentence(self, initiative: Initiative) -> str:
        """`Status: Væsentligt gennemført, pr. 30. september 2020. …`; `` without a status."""
        if not initiative.status:
            return ""
        return self.strings.format(
            "evidence_status",
            status=self.status_label(initiative),
            day=self.format_day(initiative.status.as_of),
        )

    def evidence_kind_label(self, item: Evidence) -> str:
        """`Evaluering` / `Evaluation`, …"""
        return self.strings[f"evidence_kind_{item.kind}"]

    def evidence_title(self, initiative: Initiative, item: Evidence) -> str:
        """`Evaluering: <the initiative's title>`: an evidence item named in our words."""
        return self.strings.format(
            "evidence_title",
            kind=self.evidence_kind_label(item),
            initiative=self.text(initiative.title),
        )

    def format_partial_date(self, value: PartialDate) -> str:
        """`30. september 2020`, `oktober 2020` or `2020`: as precise as the data."""
        if value.day:
            return self.format_day(value.first_day)
        if value.month:
            return formatting.format_month(value.year, value.month, self.language)
        return str(value.year)

    def series_text(self) -> str:
        """The plan's place in the national series: `Planen er den 4. nationale … siden 2002.`"""
        plan = self.plan.plan
        ordinal = formatting.format_ordinal(plan.series_number, self.language)
        return self.strings.format("series_text", ordinal=ordinal, year=plan.series_start_year)

    def plan_facts(self) -> dict[str, dict[str, str]]:
        """Each fact about the plan by its label's key (`fact_budget`, …): its label and value."""
        plan = self.plan.plan
        language, strings = self.language, self.strings
        values = {
            "fact_plan_period": self.format_period(plan.period),
            "fact_budget": formatting.format_money(plan.budget.amount, language, strings),
            "fact_in_force": self.format_day(plan.in_force) if plan.in_force else "",
            "fact_series": self.series_text(),
            "fact_publisher": self.actor_name(self.publisher()),
            "fact_minister": f"{plan.minister.name}, {self.text(plan.minister.title)}",
            "fact_published": formatting.format_month(*plan.published, language),
            "fact_announced": self.format_day(plan.announced),
            "fact_funding": self.text(plan.funding),
        }
        # A fact the sources do not give is left out, never guessed.
        return {
            key: {"label": strings[key], "value": value} for key, value in values.items() if value
        }

    def key_figures(self, figures: Iterable[KeyFigure]) -> list[dict[str, str]]:
        """The value (with its unit), label and context of each figure; `` for no context."""
        return [
            {
                "value": formatting.format_figure(figure, self.language, self.strings),
                "label": self.text(figure.label),
                "context": self.text(figure.context),
            }
            for figure in figures
        ]

    def source_details(self, source: Source) -> str:
        """`Udenrigsministeriet, 10. september 2018`: a source's publisher and date, if known."""
        day = self.format_day(source.date) if source.date else None
        return ", ".join(part for part in (source.publisher, day) if part)

    def source_reference(self, source: Source) -> dict[str, str | None]:
        """The title, address and details of a source, as a list of sources shows it.

        `publisher_lang` is the language of the publisher's name where it is not
        the page's: the templates mark the name with it (`<span lang="da">`).
        """
        return {
            "title": self.text(source.title),
            "url": source.url,
            "details": self.source_details(source),
            "publisher": source.publisher,
            "publisher_lang": self.foreign_language(source.publisher_language),
            "day": self.format_day(source.date) if source.date else None,
        }

    def press_moment(self, release: PressRelease) -> str:
        """When a press release came out, in Copenhagen time: `10. september 2018 kl. 12.47`.

        Only the day when the sources give no time.
        """
        if not release.time_known:
            return self.format_day(release.published.date())
        return formatting.format_moment(release.published, self.language, self.strings)

    def original_of(self, release: PressRelease) -> Source | None:
        """The source that is the original press release, when the data names it."""
        return self.plan.source(release.original_source) if release.original_source else None

    def press_summary_label(self, release: PressRelease) -> str:
        """What the page of a press release is: our summary (in our translation, if so)."""
        original_language = release.original_language or self.language
        if original_language == self.language:
            return self.strings["press_summary_label"]
        return self.strings.format(
            "press_summary_label_translated",
            language=self.strings[f"languages_{original_language}"],
        )

    def press_origin(self, release: PressRelease) -> str:
        """`Udsendt af Udenrigsministeriet 10. september 2018 kl. 12.47`: the original's time."""
        original = self.original_of(release)
        moment = self.press_moment(release)
        if original and original.publisher:
            return self.strings.format("press_origin", publisher=original.publisher, moment=moment)
        return self.strings.format("press_origin_unknown_publisher", moment=moment)

    def press_origin_parts(self, release: PressRelease) -> dict[str, str | None]:
        """`press_origin` cut around the publisher's name, which may need a `lang` of its own."""
        original = self.original_of(release)
        if not (original and original.publisher):
            origin = self.press_origin(release)
            return {"before": origin, "publisher": None, "lang": None, "after": ""}
        marker = "\x00"
        sentence = self.strings.format(
            "press_origin", publisher=marker, moment=self.press_moment(release)
        )
        before, after = sentence.split(marker)
        return {
            "before": before,
            "publisher": original.publisher,
            "lang": self.foreign_language(original.publisher_language),
            "after": after,
        }

    def foreign_language(self, language: str | None) -> str | None:
        """`language` where it is known and not the page's: what a `lang` attribute must say."""
        return language if language not in (None, self.language) else None

    def press_origin_facts(self, release: PressRelease) -> list[tuple[str, dict[str, str]]]:
        """The fact box of a press release's page: the original's publisher, time and address."""
        original = self.original_of(release)
        rows: list[tuple[str, dict[str, str]]] = []
        if original and original.publisher:
            publisher = {"text": original.publisher}
            if language := self.foreign_language(original.publisher_language):
                publisher["lang"] = language
            rows.append(("press_original_publisher", publisher))
        rows.append(("press_original_moment", {"text": self.press_moment(release)}))
        if original:
            rows.append(
                (
                    "press_original",
                    {"text": self.text(original.title), "external": original.url},
                )
            )
        return rows

    def release_contact_heading(self, release: PressRelease) -> str:
        """`Pressekontakt ved udsendelsen, 10. september 2018`: the contact then, not now."""
        return self.strings.format(
            "press_contact_at_release", date=self.format_day(release.published.date())
        )

    def title_is_ours(self) -> bool:
        """True when the plan was not published in this language: its title here is ours."""
        return self.language not in self.plan.plan.official_languages

    def translation_note(self) -> str:
        """The note that the title and texts in this language are ours (`` in an official one)."""
        if not self.title_is_ours():
            return ""
        languages = " / ".join(
            self.strings[f"languages_{language}"] for language in self.plan.plan.official_languages
        )
        return self.strings.format("title_is_ours", languages=languages)

    def pdf_file_name(self) -> str:
        """`handlingsplan-mod-menneskehandel-2026-2029.pdf`: the short title and the plan's id."""
        return (
            f"{formatting.file_name_part(self.text(self.plan.plan.short_title))}-{self.plan.id}.pdf"
        )

    def period_years(self) -> str:
        """`2026–2029`."""
        period = self.plan.plan.period
        return self.strings.format("period_years", start=period.start.year, end=period.end.year)


@dataclass(frozen=True)
class LocalizedSeries:
    """The series in `language`: the site's own texts and each plan's view."""

    series: Series
    language: str
    strings: Strings
    plans: tuple[LocalizedPlan, ...]
    """Each plan of the series in this language, oldest first."""

    def text(self, value: Text | None) -> str:
        return value.in_language(self.language) if value else ""

    def site_name(self) -> str:
        return self.text(self.series.site.name)

    def plan(self, plan_id: str) -> LocalizedPlan:
        return next(localized for localized in self.plans if localized.plan.id == plan_id)

    @property
    def current(self) -> LocalizedPlan:
        """The plan the editors mark as current."""
        return self.plan(self.series.site.current_plan)

    def plans_newest_first(self) -> tuple[LocalizedPlan, ...]:
        return tuple(reversed(self.plans))

    def actor_name(self, actor: Actor) -> str:
        return self.plans[0].actor_name(actor)

    def actor_type_label(self, actor_type: str) -> str:
        return self.strings[f"actor_type_{actor_type}"]

    def actors(self) -> list[Actor]:
        """Every actor with a role in some plan, as its newest plan knows it."""
        seen: dict[str, Actor] = {}
        for localized in self.plans_newest_first():
            for actor in localized.plan.actors:
                seen.setdefault(actor.id, actor)
        return list(seen.values())

    def actors_by_type(self) -> list[tuple[str, list[Actor]]]:
        """(type label, actors by name) of each type that has actors, in `ACTOR_TYPES` order."""
        everyone = self.actors()
        groups = []
        for actor_type in ACTOR_TYPES:
            actors = [actor for actor in everyone if actor.type == actor_type]
            if actors:
                actors.sort(key=lambda actor: self.actor_name(actor).casefold())
                groups.append((self.actor_type_label(actor_type), actors))
        return groups

    def contact_groups(self) -> list[dict[str, Any]]:
        """The site's contacts by purpose; a purpose without one says whom to ask instead.

        Whom to ask instead is the general contact (none is invented when there is
        none): the sources may give no current press contact, for example.
        """
        general = self.series.contacts_for("general")
        groups = []
        for purpose in CONTACT_PURPOSES:
            contacts = self.series.contacts_for(purpose)
            groups.append(
                {
                    "purpose": purpose,
                    "heading": self.strings[f"contact_purpose_{purpose}"],
                    "contacts": list(contacts),
                    "none_known": "" if contacts else self.strings["contact_none_known"],
                    "ask_instead": [] if contacts else list(general),
                }
            )
        return groups

    def contact_as_of(self, contact: SiteContact) -> str:
        """`Oplysningerne er fra en kilde af 29. marts 2022.`"""
        return self.strings.format(
            "contact_as_of", date=formatting.format_day(contact.as_of, self.language)
        )


def localize(series: Series, strings: dict[str, Strings]) -> dict[str, LocalizedSeries]:
    """The series in every language of the site."""
    return {
        language: LocalizedSeries(
            series,
            language,
            strings[language],
            tuple(LocalizedPlan(plan, language, strings[language]) for plan in series.plans),
        )
        for language in LANGUAGES
    }
