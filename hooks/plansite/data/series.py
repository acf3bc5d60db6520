"""The series of plans on one site: the site file, the shared actors and a `PlanData` per plan file.

`build_series` orders the plans with pages and the earlier plans the site only
lists by their periods, and gives each plan with pages what only the series
knows: its number in the series, the year the series began, its predecessors
and its successor.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from plansite.data.model import (
    PlanData,
    RelatedPlan,
    SharedActor,
    Source,
    Text,
    as_optional_text,
    as_period,
    as_source,
    as_text,
    build_plan,
    build_shared_actors,
)
from plansite.data.statistics import Statistic, build_statistics


@dataclass(frozen=True)
class DataLicence:
    name: str
    url: str


@dataclass(frozen=True)
class Site:
    """What the whole site says of itself (`data/site.yaml`, section `site`)."""

    name: Text
    description: Text
    publisher: Text
    copyright: Text
    current_plan: str
    root_plan: str | None
    data_licence: DataLicence


CONTACT_PURPOSES = ("press", "general", "accessibility", "help")
"""What a site contact can be for, in the order the contact page lists them."""


@dataclass(frozen=True)
class SiteContact:
    """A current contact of the site: what it is for, and the date of the newest source with it."""

    id: str
    purposes: tuple[str, ...]
    role: Text
    name: str | None
    phone: str | None
    email: str | None
    hours: Text | None
    organisation: str
    as_of: date
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Series:
    """Every plan of the site, oldest first, and what they share."""

    site: Site
    actors: dict[str, SharedActor]
    plans: tuple[PlanData, ...]
    """The plans with pages, in the order of their periods."""
    earlier_plans: tuple[RelatedPlan, ...]
    """Every plan of the series, with pages or not, in the order of their periods."""
    contacts: tuple[SiteContact, ...]
    statistics: tuple[Statistic, ...] = ()
    """The statistics across the series, in file order (`data.statistics`)."""

    @cached_property
    def _plans_by_id(self) -> dict[str, PlanData]:
        return {plan.id: plan for plan in self.plans}

    def plan(self, plan_id: str) -> PlanData:
        return self._plans_by_id[plan_id]

    @property
    def current_plan(self) -> PlanData:
        """The plan the editors mark as current: the home page puts it first."""
        return self.plan(self.site.current_plan)

    @property
    def help_contact(self) -> SiteContact | None:
        """The help box's contact for people at risk: the first contact with purpose `help`."""
        return next(iter(self.contacts_for("help")), None)

    @property
    def root_plan(self) -> PlanData | None:
        """The plan whose pages were at the root of the site before it held a series."""
        return self.plan(self.site.root_plan) if self.site.root_plan else None

    def plans_newest_first(self) -> tuple[PlanData, ...]:
        return tuple(reversed(self.plans))

    def contacts_for(self, purpose: str) -> tuple[SiteContact, ...]:
        """The site's current contacts for `purpose` (one of `CONTACT_PURPOSES`), in file order."""
        return tuple(contact for contact in self.contacts if purpose in contact.purposes)

    def plans_of_actor(self, actor_id: str) -> tuple[PlanData, ...]:
        """The plans an actor has a role in, newest first."""
        return tuple(
            plan
            for plan in self.plans_newest_first()
            if any(actor.id == actor_id for actor in plan.actors)
        )


def build_series(
    site_data: dict[str, Any],
    actors_data: dict[str, Any],
    plans_data: dict[str, dict[str, Any]],
) -> Series:
    """Turn the validated files into the typed series; `plans_data` is by plan id."""
    actors = build_shared_actors(actors_data)
    sources = {item["id"]: as_source(item) for item in site_data["sources"]}
    plans = [build_plan(plan_id, data, actors) for plan_id, data in plans_data.items()]
    entries = [_listed_plan(item, sources) for item in site_data.get("earlier_plans", ())]
    entries += [_entry_of(plan) for plan in plans]
    entries.sort(key=lambda entry: (entry.period.start, entry.period.end))
    plans.sort(key=lambda plan: (plan.plan.period.start, plan.plan.period.end))
    return Series(
        site=_site(site_data["site"]),
        actors=actors,
        plans=tuple(_placed_in_series(plan, entries) for plan in plans),
        earlier_plans=tuple(entry for entry in entries if entry.plan_id is None),
        contacts=tuple(_site_contact(item, sources) for item in site_data["contacts"]),
        statistics=build_statistics(site_data.get("statistics", []), sources),
    )


def _placed_in_series(plan: PlanData, entries: list[RelatedPlan]) -> PlanData:
    position = next(index for index, entry in enumerate(entries) if entry.plan_id == plan.id)
    details = dataclasses.replace(
        plan.plan,
        series_number=position + 1,
        series_start_year=entries[0].period.start.year,
        predecessors=tuple(entries[:position]),
        successor=entries[position + 1] if position + 1 < len(entries) else None,
    )
    return dataclasses.replace(plan, plan=details)


def _entry_of(plan: PlanData) -> RelatedPlan:
    """A plan with pages as the other plans' pages mention it."""
    return RelatedPlan(
        plan_id=plan.id,
        period=plan.plan.period,
        title=plan.plan.title,
        publisher=None,
        note=None,
        sources=(),
    )


def _listed_plan(value: dict[str, Any], sources: dict[str, Source]) -> RelatedPlan:
    publisher = value.get("publisher")
    return RelatedPlan(
        plan_id=None,
        period=as_period(value["period"]),
        title=as_text(value["title"]),
        publisher=Text(publisher, publisher) if publisher else None,
        note=as_optional_text(value.get("note")),
        sources=tuple(sources[source_id] for source_id in value["sources"]),
    )


def _site(value: dict[str, Any]) -> Site:
    licence = value["data_licence"]
    return Site(
        name=as_text(value["name"]),
        description=as_text(value["description"]),
        publisher=as_text(value["publisher"]),
        copyright=as_text(value["copyright"]),
        current_plan=value["current_plan"],
        root_plan=value.get("root_plan"),
        data_licence=DataLicence(licence["name"], licence["url"]),
    )


def _site_contact(value: dict[str, Any], sources: dict[str, Source]) -> SiteContact:
    return SiteContact(
        id=value["id"],
        purposes=tuple(value["purposes"]),
        role=as_text(value["role"]),
        name=value.get("name"),
        phone=value.get("phone"),
        email=value.get("email"),
        hours=as_optional_text(value.get("hours")),
        organisation=value["organisation"],
        as_of=date.fromisoformat(value["as_of"]),
        sources=tuple(sources[source_id] for source_id in value["sources"]),
    )
