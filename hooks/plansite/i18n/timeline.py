"""A plan's course as dated entries, oldest first: the plan's own dates, then what came of it.

Built from the data only: the announcement, the entry into force (or the first day
or year of the period, where the sources give no entry into force), every evidence
item of every initiative at the date its source gives, the end of the period and
the start of the successor. Each date is as precise as its source: an event dated
to a month comes after the days of that month, one dated to a year after its
months, so that the list never claims more precision than the sources have; a
period given in years begins before everything else of its first year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.data.model import PartialDate, Period
from plansite.i18n.view import LocalizedPlan


@dataclass(frozen=True)
class TimelineEntry:
    """One dated step of a plan's course, in one language."""

    when: PartialDate
    when_text: str
    """The date as the reader sees it: `30. september 2020`, `oktober 2020` or `2020`."""
    text: str
    """What happened: a step of the plan, or the summary of an evidence item."""
    initiative_id: str | None = None
    """The initiative an evidence item tells about, linked; None for the plan's own dates."""
    initiative_title: str = ""
    evidence_id: str | None = None
    """The evidence item's id (its anchor on the initiative's page); None for the plan's dates."""

    @property
    def datetime(self) -> str:
        """The `<time datetime>` value: `2020-09-30`, `2020-10` or `2020`."""
        return self.when.isoformat()


def plan_timeline(localized: LocalizedPlan) -> list[TimelineEntry]:
    """The plan's course, oldest first (steps of one sort day in the order described above)."""
    plan = localized.plan.plan
    strings = localized.strings
    steps = [_Step(_day(plan.announced), strings["course_announced"])]
    if plan.sent_to_parliament:
        steps.append(_Step(_day(plan.sent_to_parliament), strings["course_sent_to_parliament"]))
    if plan.in_force:
        steps.append(_Step(_day(plan.in_force), strings["course_in_force"]))
    else:
        steps.append(_Step(_start(plan.period), strings["course_period_starts"], begins=True))
    for initiative in localized.plan.initiatives:
        title = localized.text(initiative.title)
        for item in initiative.evidence:
            steps.append(
                _Step(item.date, localized.text(item.summary), initiative.id, title, item.id)
            )
    steps.append(_Step(_end(plan.period), strings["course_period_ends"]))
    if plan.successor:
        title = localized.text(plan.successor.title)
        successor = strings.format("course_successor", title=title)
        steps.append(_Step(_start(plan.successor.period), successor, begins=True))
    ordered = sorted(enumerate(steps), key=lambda step: (step[1].sort_day, step[0]))
    return [
        TimelineEntry(
            step.when,
            localized.format_partial_date(step.when),
            step.text,
            step.initiative_id,
            step.initiative_title,
            step.evidence_id,
        )
        for _, step in ordered
    ]


@dataclass(frozen=True)
class _Step:
    when: PartialDate
    text: str
    initiative_id: str | None = None
    initiative_title: str = ""
    evidence_id: str | None = None
    begins: bool = False
    """A step that begins a period sorts at the first day its date may mean, others at the last."""

    @property
    def sort_day(self) -> date:
        return self.when.first_day if self.begins else self.when.last_day


def _day(day: date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def _start(period: Period) -> PartialDate:
    return PartialDate(period.start.year) if period.in_years else _day(period.start)


def _end(period: Period) -> PartialDate:
    return PartialDate(period.end.year) if period.in_years else _day(period.end)
