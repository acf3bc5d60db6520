"""The plan as typed, immutable data: what the YAML says, nothing computed for display.

`build_plan` runs only on data that passed validation, so it can trust shapes,
references and formats. Views (per language) and outputs read from here and
never from the raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
"""The plan's time zone: times in the data are shown, and days counted, in Copenhagen time."""


@dataclass(frozen=True)
class Text:
    """A human-readable text in both languages."""

    da: str
    en: str

    def in_language(self, language: str) -> str:
        """Return the text in `language` ('da' or 'en')."""
        return self.da if language == "da" else self.en


@dataclass(frozen=True)
class Period:
    start: date
    end: date


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    url: str
    publisher: str | None
    date: date | None


@dataclass(frozen=True)
class SubArea:
    id: str
    title: Text


@dataclass(frozen=True)
class FocusArea:
    id: str
    number: int
    title: Text
    summary: Text
    sub_areas: tuple[SubArea, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Objective:
    id: str
    text: Text
    sub_area: str | None


@dataclass(frozen=True)
class RelatedPlan:
    """A predecessor or successor plan in the national series."""

    period: str
    title: Text
    note: Text | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Budget:
    amount: float
    currency: str
    note: Text | None


@dataclass(frozen=True)
class Minister:
    name: str
    title: Text


@dataclass(frozen=True)
class Plan:
    title: Text
    short_title: Text
    period: Period
    published: tuple[int, int]
    announced: date
    in_force: date
    series_number: int
    series_start_year: int
    budget: Budget
    funding: Text
    publisher: str
    minister: Minister
    summary: Text
    introduction: Text
    objectives: tuple[Objective, ...]
    predecessors: tuple[RelatedPlan, ...]
    successor: RelatedPlan | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Initiative:
    id: str
    focus_area: str
    sub_area: str | None
    title: Text
    plan_link: str
    status: str | None
    summary: Text
    description: Text
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    target_groups: tuple[Text, ...]
    period: Period | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    id: str
    type: str
    name: Text
    short_name: str | None
    parent: str | None
    description: Text
    website: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    id: str
    role: Text
    name: str
    phone: str | None
    email: str | None
    organisation: str


@dataclass(frozen=True)
class KeyFigure:
    id: str
    value: float
    unit: str
    label: Text
    context: Text | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    speaker: str
    role: Text
    text: Text


@dataclass(frozen=True)
class PressRelease:
    id: str
    published: datetime
    title: Text
    lead: Text
    body: Text
    statement: Statement | None
    contact: str
    key_figures: tuple[str, ...]
    initiatives: tuple[str, ...]
    sources: tuple[str, ...]
    publish_at: datetime | None = None


@dataclass(frozen=True)
class Update:
    """News about the plan itself, dated by day (shown in the press room and the feeds)."""

    id: str
    date: date
    title: Text
    text: Text
    initiatives: tuple[str, ...]
    sources: tuple[str, ...]
    publish_at: datetime | None = None


@dataclass(frozen=True)
class Document:
    """A file editors attach (e.g. the ministry's own PDF), offered for download as it is."""

    id: str
    title: Text
    language: str
    file: str  # relative to the data file's folder
    accessible_format_contact: str  # we did not make the file: whom to ask for another format
    description: Text | None = None
    publish_at: datetime | None = None


@dataclass(frozen=True)
class PlanData:
    """Everything in the data file, with lookups by id."""

    plan: Plan
    focus_areas: tuple[FocusArea, ...]
    initiatives: tuple[Initiative, ...]
    actors: tuple[Actor, ...]
    contacts: tuple[Contact, ...]
    key_figures: tuple[KeyFigure, ...]
    press_releases: tuple[PressRelease, ...]
    sources: tuple[Source, ...]
    updates: tuple[Update, ...] = ()
    documents: tuple[Document, ...] = ()

    # Lookups by id use indexes built on first use (the model is immutable): a page per
    # initiative and per actor would otherwise make them quadratic (measured with
    # `make bench`; docs-dev/stack-facts.md#scale).
    @cached_property
    def _by_id(self) -> _Indexes:
        return _Indexes(
            focus_areas=_index_by_id(self.focus_areas),
            actors=_index_by_id(self.actors),
            initiatives=_index_by_id(self.initiatives),
            contacts=_index_by_id(self.contacts),
            key_figures=_index_by_id(self.key_figures),
            sources=_index_by_id(self.sources),
        )

    @cached_property
    def _initiatives_by_actor(
        self,
    ) -> tuple[dict[str, tuple[Initiative, ...]], dict[str, tuple[Initiative, ...]]]:
        """Initiatives by lead actor and by partner actor (not also a lead), in data-file order."""
        leading: dict[str, list[Initiative]] = {}
        partnering: dict[str, list[Initiative]] = {}
        for item in self.initiatives:
            for actor_id in dict.fromkeys(item.lead):
                leading.setdefault(actor_id, []).append(item)
            for actor_id in dict.fromkeys(item.partners):
                if actor_id not in item.lead:
                    partnering.setdefault(actor_id, []).append(item)
        return {key: tuple(value) for key, value in leading.items()}, {
            key: tuple(value) for key, value in partnering.items()
        }

    def focus_area(self, focus_area_id: str) -> FocusArea:
        return self._by_id.focus_areas[focus_area_id]

    def actor(self, actor_id: str) -> Actor:
        return self._by_id.actors[actor_id]

    def initiative(self, initiative_id: str) -> Initiative:
        return self._by_id.initiatives[initiative_id]

    def contact(self, contact_id: str) -> Contact:
        return self._by_id.contacts[contact_id]

    def key_figure(self, figure_id: str) -> KeyFigure:
        return self._by_id.key_figures[figure_id]

    def source(self, source_id: str) -> Source:
        return self._by_id.sources[source_id]

    def initiatives_in(self, focus_area_id: str) -> tuple[Initiative, ...]:
        """Initiatives of one focus area, in data-file order."""
        return tuple(item for item in self.initiatives if item.focus_area == focus_area_id)

    def initiatives_led_by(self, actor_id: str) -> tuple[Initiative, ...]:
        return self._initiatives_by_actor[0].get(actor_id, ())

    def initiatives_with_partner(self, actor_id: str) -> tuple[Initiative, ...]:
        return self._initiatives_by_actor[1].get(actor_id, ())

    def press_releases_newest_first(self) -> tuple[PressRelease, ...]:
        return tuple(
            sorted(
                self.press_releases,
                key=lambda release: (release.published, release.id),
                reverse=True,
            )
        )

    def updates_newest_first(self) -> tuple[Update, ...]:
        return tuple(
            sorted(self.updates, key=lambda update: (update.date, update.id), reverse=True)
        )


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_Identified)


@dataclass(frozen=True)
class _Indexes:
    """The lists of `PlanData` that are looked up by id, each indexed by id."""

    focus_areas: dict[str, FocusArea]
    actors: dict[str, Actor]
    initiatives: dict[str, Initiative]
    contacts: dict[str, Contact]
    key_figures: dict[str, KeyFigure]
    sources: dict[str, Source]


def _index_by_id(items: tuple[_Item, ...]) -> dict[str, _Item]:
    """Items by id; the first of two with one id wins (validation refuses that anyway)."""
    index: dict[str, _Item] = {}
    for item in items:
        index.setdefault(item.id, item)
    return index


def build_plan(data: dict[str, Any]) -> PlanData:
    """Turn validated YAML data into the typed model."""
    return PlanData(
        plan=_plan(data["plan"]),
        focus_areas=tuple(_focus_area(item) for item in data["focus_areas"]),
        initiatives=tuple(_initiative(item) for item in data["initiatives"]),
        actors=tuple(_actor(item) for item in data["actors"]),
        contacts=tuple(_contact(item) for item in data["contacts"]),
        key_figures=tuple(_key_figure(item) for item in data["key_figures"]),
        press_releases=tuple(_press_release(item) for item in data["press_releases"]),
        sources=tuple(_source(item) for item in data["sources"]),
        updates=tuple(_update(item) for item in data.get("updates", ())),
        documents=tuple(_document(item) for item in data.get("documents", ())),
    )


def _text(value: dict[str, str]) -> Text:
    return Text(value["da"].strip(), value["en"].strip())


def _optional_text(value: dict[str, str] | None) -> Text | None:
    return _text(value) if value else None


def _period(value: dict[str, str]) -> Period:
    return Period(date.fromisoformat(value["start"]), date.fromisoformat(value["end"]))


def _optional_period(value: dict[str, str] | None) -> Period | None:
    return _period(value) if value else None


def _ids(value: list[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


def _related_plan(value: dict[str, Any]) -> RelatedPlan:
    return RelatedPlan(
        value["period"],
        _text(value["title"]),
        _optional_text(value.get("note")),
        _ids(value["sources"]),
    )


def _plan(value: dict[str, Any]) -> Plan:
    year, month = value["published"].split("-")
    budget = value["budget"]
    successor = value.get("successor")
    return Plan(
        title=_text(value["title"]),
        short_title=_text(value["short_title"]),
        period=_period(value["period"]),
        published=(int(year), int(month)),
        announced=date.fromisoformat(value["announced"]),
        in_force=date.fromisoformat(value["in_force"]),
        series_number=value["series_number"],
        series_start_year=value["series_start_year"],
        budget=Budget(budget["amount"], budget["currency"], _optional_text(budget.get("note"))),
        funding=_text(value["funding"]),
        publisher=value["publisher"],
        minister=Minister(value["minister"]["name"], _text(value["minister"]["title"])),
        summary=_text(value["summary"]),
        introduction=_text(value["introduction"]),
        objectives=tuple(
            Objective(item["id"], _text(item["text"]), item.get("sub_area"))
            for item in value["objectives"]
        ),
        predecessors=tuple(_related_plan(item) for item in value.get("predecessors", ())),
        successor=_related_plan(successor) if successor else None,
        sources=_ids(value["sources"]),
    )


def _focus_area(value: dict[str, Any]) -> FocusArea:
    return FocusArea(
        id=value["id"],
        number=value["number"],
        title=_text(value["title"]),
        summary=_text(value["summary"]),
        sub_areas=tuple(SubArea(item["id"], _text(item["title"])) for item in value["sub_areas"]),
        sources=_ids(value["sources"]),
    )


def _initiative(value: dict[str, Any]) -> Initiative:
    return Initiative(
        id=value["id"],
        focus_area=value["focus_area"],
        sub_area=value.get("sub_area"),
        title=_text(value["title"]),
        plan_link=value["plan_link"],
        status=value.get("status"),
        summary=_text(value["summary"]),
        description=_text(value["description"]),
        lead=_ids(value["lead"]),
        partners=_ids(value.get("partners")),
        target_groups=tuple(_text(item) for item in value.get("target_groups", ())),
        period=_optional_period(value.get("period")),
        sources=_ids(value["sources"]),
    )


def _actor(value: dict[str, Any]) -> Actor:
    return Actor(
        id=value["id"],
        type=value["type"],
        name=_text(value["name"]),
        short_name=value.get("short_name"),
        parent=value.get("parent"),
        description=_text(value["description"]),
        website=value.get("website"),
        sources=_ids(value["sources"]),
    )


def _contact(value: dict[str, Any]) -> Contact:
    return Contact(
        value["id"],
        _text(value["role"]),
        value["name"],
        value.get("phone"),
        value.get("email"),
        value["organisation"],
    )


def _key_figure(value: dict[str, Any]) -> KeyFigure:
    return KeyFigure(
        value["id"],
        value["value"],
        value["unit"],
        _text(value["label"]),
        _optional_text(value.get("context")),
        _ids(value["sources"]),
    )


def _press_release(value: dict[str, Any]) -> PressRelease:
    statement = value.get("statement")
    return PressRelease(
        id=value["id"],
        published=datetime.fromisoformat(value["published"]),
        title=_text(value["title"]),
        lead=_text(value["lead"]),
        body=_text(value["body"]),
        statement=Statement(
            statement["speaker"], _text(statement["role"]), _text(statement["text"])
        )
        if statement
        else None,
        contact=value["contact"],
        key_figures=_ids(value.get("key_figures")),
        initiatives=_ids(value.get("initiatives")),
        sources=_ids(value["sources"]),
        publish_at=_moment(value.get("publish_at")),
    )


def _update(value: dict[str, Any]) -> Update:
    return Update(
        id=value["id"],
        date=date.fromisoformat(value["date"]),
        title=_text(value["title"]),
        text=_text(value["text"]),
        initiatives=_ids(value.get("initiatives")),
        sources=_ids(value["sources"]),
        publish_at=_moment(value.get("publish_at")),
    )


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _document(value: dict[str, Any]) -> Document:
    return Document(
        value["id"],
        _text(value["title"]),
        value["language"],
        value["file"],
        value["accessible_format_contact"],
        _optional_text(value.get("description")),
        _moment(value.get("publish_at")),
    )


def _source(value: dict[str, Any]) -> Source:
    published = value.get("date")
    return Source(
        value["id"],
        _text(value["title"]),
        value["url"],
        value.get("publisher"),
        date.fromisoformat(published) if published else None,
    )
