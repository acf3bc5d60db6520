"""The series of plans as typed, immutable data: what the YAML says, nothing computed for display.

`build_series` runs only on data that passed validation, so it can trust
shapes, references and formats. Views (per language) and outputs read from here
and never from the raw YAML. The only values computed here are the series' own
facts, which no single file can state: each plan's number in the series, its
predecessors and its successor, in the order of the plans' periods.
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
    """From `start` to `end`, both days included; `in_years` when the sources give only the years.

    A period in years runs from 1 January of its first year to 31 December of its
    last, so that it can be compared with days; it is shown as years only.
    """

    start: date
    end: date
    in_years: bool = False


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    url: str
    publisher: str | None
    date: date | None
    publisher_language: str | None = None
    """The language of the publisher's name, where the data gives it (`da`)."""


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
    """Another plan of the series, as a plan's pages mention it: a predecessor or the successor.

    `plan_id` names a plan with its own pages (`None` for an earlier plan the site
    only lists); its sources are resolved, as they may come from another file.
    """

    plan_id: str | None
    period: Period
    title: Text
    publisher: Text | None
    note: Text | None
    sources: tuple[Source, ...]


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
    sent_to_parliament: date | None
    """The day the plan was sent to the Folketing, where a source gives it."""
    in_force: date | None
    official_languages: tuple[str, ...]
    budget: Budget
    funding: Text
    publisher: str
    minister: Minister
    summary: Text
    introduction: Text
    objectives: tuple[Objective, ...]
    objectives_note: Text | None
    sources: tuple[str, ...]
    # The plan's place in the series (`build_series` sets them).
    series_number: int = 0
    series_start_year: int = 0
    predecessors: tuple[RelatedPlan, ...] = ()
    successor: RelatedPlan | None = None


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as its source gives it: a day, a month (`day` is None) or a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def isoformat(self) -> str:
        """As precise as written: `2020-09-30`, `2020-10` or `2020`."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return text

    @property
    def last_day(self) -> date:
        """The last day it may mean (sorting puts a month after the days within it)."""
        if self.day:
            return self.first_day
        if self.month:
            following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(self.year, 12, 31)


@dataclass(frozen=True)
class Evidence:
    """A dated public fact of what an initiative led to: report, evaluation, milestone, change."""

    id: str
    date: PartialDate
    kind: str
    summary: Text
    sources: tuple[str, ...]


STATUS_SCALE = ("not_started", "limited", "substantial", "complete")
"""The OGP completion scale, from nothing done to all done (the plan schema's `status.value`)."""


@dataclass(frozen=True)
class Status:
    """Where an initiative stands on the OGP completion scale, as of a day, and the evidence why."""

    value: str
    as_of: date
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Initiative:
    id: str
    focus_area: str
    sub_area: str | None
    title: Text
    plan_link: str
    status: Status | None
    summary: Text
    description: Text
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    target_groups: tuple[Text, ...]
    period: Period | None
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()

    def evidence_newest_first(self) -> tuple[Evidence, ...]:
        return tuple(
            sorted(self.evidence, key=lambda item: (item.date.last_day, item.id), reverse=True)
        )


@dataclass(frozen=True)
class Actor:
    """An actor as one plan knows it: who it is (shared by the series) and its role in the plan."""

    id: str
    type: str
    name: Text
    short_name: str | None
    parent: str | None
    description: Text
    website: str | None
    sources: tuple[str, ...]
    parent_name: Text | None = None
    """The parent's name (the parent need not have a role in the plan)."""


@dataclass(frozen=True)
class SharedActor:
    """Who an actor is, the same in every plan (`data/actors.yaml`)."""

    id: str
    type: str
    name: Text
    short_name: str | None
    parent: str | None
    website: str | None


@dataclass(frozen=True)
class Contact:
    id: str
    role: Text
    name: str | None
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
    contact: str | None
    key_figures: tuple[str, ...]
    initiatives: tuple[str, ...]
    sources: tuple[str, ...]
    publish_at: datetime | None = None
    time_known: bool = True
    """False when the sources give only the day: then no time is shown."""
    original_source: str | None = None
    """The source that is the original release: our page is a summary of it."""
    original_language: str | None = None


@dataclass(frozen=True)
class Update:
    """An event in the plan's life, dated by day (entry into force, an evaluation, …).

    Not a publication: the press room shows the updates as a timeline, apart
    from the press releases, and the feed marks them as events.
    """

    id: str
    date: date
    title: Text
    text: Text
    initiatives: tuple[str, ...]
    sources: tuple[str, ...]
    publish_at: datetime | None = None


@dataclass(frozen=True)
class Document:
    """A document of the plan: a file editors attach, or an external document at its publisher's.

    The official plan (`official`) is the plan as its publisher issued it; the
    site offers it before the summary it makes itself. An external document
    (`url`) has no file, so its size is unknown and its page count is what a
    source says (`pages`, else `None`).
    """

    id: str
    title: Text
    language: str
    file: str | None  # relative to the data file's folder
    accessible_format_contact: str | None  # for a file we did not make: whom to ask
    description: Text | None = None
    publish_at: datetime | None = None
    url: str | None = None
    publisher: str | None = None  # an actor id
    official: bool = False
    location: Text | None = None
    pages: int | None = None

    @property
    def is_external(self) -> bool:
        return self.file is None


@dataclass(frozen=True)
class PlanData:
    """Everything in one plan's data file, with lookups by id; `id` is the file's name."""

    id: str
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

    def official_documents(self) -> tuple[Document, ...]:
        """The plan as its publisher issued it (one per language it came out in), in file order."""
        return tuple(document for document in self.documents if document.official)

    def other_documents(self) -> tuple[Document, ...]:
        """The documents that are not the official plan, in file order."""
        return tuple(document for document in self.documents if not document.official)

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


def build_plan(
    plan_id: str, data: dict[str, Any], shared_actors: dict[str, SharedActor]
) -> PlanData:
    """Turn one validated plan file into the typed model: each actor is who it is, in its role."""
    return PlanData(
        id=plan_id,
        plan=_plan(data["plan"]),
        focus_areas=tuple(_focus_area(item) for item in data["focus_areas"]),
        initiatives=tuple(_initiative(item) for item in data["initiatives"]),
        actors=tuple(_actor(item, shared_actors) for item in data["actors"]),
        contacts=tuple(_contact(item) for item in data["contacts"]),
        key_figures=tuple(_key_figure(item) for item in data["key_figures"]),
        press_releases=tuple(_press_release(item) for item in data["press_releases"]),
        sources=tuple(as_source(item) for item in data["sources"]),
        updates=tuple(_update(item) for item in data.get("updates", ())),
        documents=tuple(_document(item) for item in data.get("documents", ())),
    )


def build_shared_actors(data: dict[str, Any]) -> dict[str, SharedActor]:
    """The actors of `data/actors.yaml`, by id."""
    return {
        item["id"]: SharedActor(
            id=item["id"],
            type=item["type"],
            name=as_text(item["name"]),
            short_name=item.get("short_name"),
            parent=item.get("parent"),
            website=item.get("website"),
        )
        for item in data["actors"]
    }


def as_text(value: dict[str, str]) -> Text:
    return Text(value["da"].strip(), value["en"].strip())


def as_optional_text(value: dict[str, str] | None) -> Text | None:
    return as_text(value) if value else None


def as_period(value: dict[str, Any]) -> Period:
    """Days, or years (whole numbers) when the sources give no day."""
    start, end = value["start"], value["end"]
    if isinstance(start, int) and isinstance(end, int):
        return Period(date(start, 1, 1), date(end, 12, 31), in_years=True)
    return Period(_day(start, first=True), _day(end, first=False))


def _day(value: str | int, *, first: bool) -> date:
    if isinstance(value, int):
        return date(value, 1, 1) if first else date(value, 12, 31)
    return date.fromisoformat(value)


def _optional_period(value: dict[str, str] | None) -> Period | None:
    return as_period(value) if value else None


def _ids(value: list[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


def _plan(value: dict[str, Any]) -> Plan:
    year, month = value["published"].split("-")
    budget = value["budget"]
    in_force = value.get("in_force")
    sent = value.get("sent_to_parliament")
    return Plan(
        title=as_text(value["title"]),
        short_title=as_text(value["short_title"]),
        period=as_period(value["period"]),
        published=(int(year), int(month)),
        announced=date.fromisoformat(value["announced"]),
        sent_to_parliament=date.fromisoformat(sent) if sent else None,
        in_force=date.fromisoformat(in_force) if in_force else None,
        official_languages=tuple(value["official_languages"]),
        budget=Budget(budget["amount"], budget["currency"], as_optional_text(budget.get("note"))),
        funding=as_text(value["funding"]),
        publisher=value["publisher"],
        minister=Minister(value["minister"]["name"], as_text(value["minister"]["title"])),
        summary=as_text(value["summary"]),
        introduction=as_text(value["introduction"]),
        objectives=tuple(
            Objective(item["id"], as_text(item["text"]), item.get("sub_area"))
            for item in value.get("objectives", ())
        ),
        objectives_note=as_optional_text(value.get("objectives_note")),
        sources=_ids(value["sources"]),
    )


def _focus_area(value: dict[str, Any]) -> FocusArea:
    return FocusArea(
        id=value["id"],
        number=value["number"],
        title=as_text(value["title"]),
        summary=as_text(value["summary"]),
        sub_areas=tuple(
            SubArea(item["id"], as_text(item["title"])) for item in value.get("sub_areas", ())
        ),
        sources=_ids(value["sources"]),
    )


def _initiative(value: dict[str, Any]) -> Initiative:
    return Initiative(
        id=value["id"],
        focus_area=value["focus_area"],
        sub_area=value.get("sub_area"),
        title=as_text(value["title"]),
        plan_link=value["plan_link"],
        status=_status(value["status"]) if "status" in value else None,
        summary=as_text(value["summary"]),
        description=as_text(value["description"]),
        lead=_ids(value["lead"]),
        partners=_ids(value.get("partners")),
        target_groups=tuple(as_text(item) for item in value.get("target_groups", ())),
        period=_optional_period(value.get("period")),
        sources=_ids(value["sources"]),
        evidence=tuple(_evidence(item) for item in value.get("evidence", ())),
    )


def as_partial_date(value: str | int) -> PartialDate:
    """`2020-09-30`, `2020-10` or `2020` (a year may come as a number)."""
    parts = [int(part) for part in str(value).split("-")]
    return PartialDate(*parts)


def _evidence(value: dict[str, Any]) -> Evidence:
    return Evidence(
        id=value["id"],
        date=as_partial_date(value["date"]),
        kind=value["kind"],
        summary=as_text(value["summary"]),
        sources=_ids(value["sources"]),
    )


def _status(value: dict[str, Any]) -> Status:
    return Status(value["value"], date.fromisoformat(value["as_of"]), _ids(value["evidence"]))


def _actor(role: dict[str, Any], shared_actors: dict[str, SharedActor]) -> Actor:
    actor = shared_actors[role["id"]]
    return Actor(
        id=actor.id,
        type=actor.type,
        name=actor.name,
        short_name=actor.short_name,
        parent=actor.parent,
        description=as_text(role["description"]),
        website=actor.website,
        sources=_ids(role["sources"]),
        parent_name=shared_actors[actor.parent].name if actor.parent else None,
    )


def _contact(value: dict[str, Any]) -> Contact:
    return Contact(
        value["id"],
        as_text(value["role"]),
        value.get("name"),
        value.get("phone"),
        value.get("email"),
        value["organisation"],
    )


def _key_figure(value: dict[str, Any]) -> KeyFigure:
    return KeyFigure(
        value["id"],
        value["value"],
        value["unit"],
        as_text(value["label"]),
        as_optional_text(value.get("context")),
        _ids(value["sources"]),
    )


def _press_release(value: dict[str, Any]) -> PressRelease:
    statement = value.get("statement")
    time_known = "T" in value["published"]
    published = datetime.fromisoformat(value["published"])
    return PressRelease(
        id=value["id"],
        # A day alone is that day in Copenhagen (its feed entry and sort order need a moment).
        published=published if time_known else published.replace(tzinfo=COPENHAGEN),
        title=as_text(value["title"]),
        lead=as_text(value["lead"]),
        body=as_text(value["body"]),
        statement=Statement(
            statement["speaker"], as_text(statement["role"]), as_text(statement["text"])
        )
        if statement
        else None,
        contact=value.get("contact"),
        key_figures=_ids(value.get("key_figures")),
        initiatives=_ids(value.get("initiatives")),
        sources=_ids(value["sources"]),
        publish_at=_moment(value.get("publish_at")),
        time_known=time_known,
        original_source=value.get("original_source"),
        original_language=value.get("original_language"),
    )


def _update(value: dict[str, Any]) -> Update:
    return Update(
        id=value["id"],
        date=date.fromisoformat(value["date"]),
        title=as_text(value["title"]),
        text=as_text(value["text"]),
        initiatives=_ids(value.get("initiatives")),
        sources=_ids(value["sources"]),
        publish_at=_moment(value.get("publish_at")),
    )


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _document(value: dict[str, Any]) -> Document:
    return Document(
        id=value["id"],
        title=as_text(value["title"]),
        language=value["language"],
        file=value.get("file"),
        accessible_format_contact=value.get("accessible_format_contact"),
        description=as_optional_text(value.get("description")),
        publish_at=_moment(value.get("publish_at")),
        url=value.get("url"),
        publisher=value.get("publisher"),
        official=value.get("official", False),
        location=as_optional_text(value.get("location")),
        pages=value.get("pages"),
    )


def as_source(value: dict[str, Any]) -> Source:
    published = value.get("date")
    return Source(
        value["id"],
        as_text(value["title"]),
        value["url"],
        value.get("publisher"),
        date.fromisoformat(published) if published else None,
        value.get("publisher_language"),
    )
