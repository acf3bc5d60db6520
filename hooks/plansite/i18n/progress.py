"""What came of the plans, counted: initiatives by status, per plan and in the series.

An initiative is counted once, in one bucket: its status on the OGP completion
scale where the data gives one; else "evidence without a status" where it has
evidence; else "no public evidence found". The counts are `LocalizedStatistic`s,
so the charts, tables and CSVs of the statistics draw them too; they come from
this site's own data, so they name no sources: the evidence listed with them is
what they rest on. "Progress up to" is the date of the newest evidence item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from plansite.data.model import Initiative, PartialDate
from plansite.i18n import formatting
from plansite.i18n.statistics import (
    LocalizedSeriesOfStatistic,
    LocalizedStatistic,
    StatisticCell,
    StatisticRow,
)
from plansite.i18n.view import LocalizedPlan, LocalizedSeries

PLAN_COUNTS = ("progress-by-status", "progress-by-focus-area")
"""The ids of a plan's counts, in order: their charts' anchors and their CSVs' names."""
SERIES_COUNTS = ("progress-by-plan",)

BUCKETS = ("complete", "substantial", "limited", "not_started", "evidence_only", "no_evidence")
"""Where an initiative is counted, furthest first: the OGP completion scale, then the rest."""


def bucket_of(initiative: Initiative) -> str:
    """The one bucket an initiative is counted in."""
    if initiative.status:
        return initiative.status.value
    return "evidence_only" if initiative.evidence else "no_evidence"


@dataclass(frozen=True)
class EvidenceEntry:
    """One evidence item as a progress page lists it, newest first."""

    evidence_id: str
    when: PartialDate
    when_text: str
    kind: str
    summary: str
    plan_id: str
    plan_title: str
    initiative_id: str
    initiative_title: str
    sources: tuple[dict[str, str | None], ...]
    is_basis: bool
    """The initiative's status rests on it."""

    @property
    def datetime(self) -> str:
        """`2020-09-30`, `2020-10` or `2020`: as precise as the source, for `<time datetime>`."""
        return self.when.isoformat()


@dataclass(frozen=True)
class Progress:
    """A plan's progress (or the series'): its counts as statistics, its evidence newest first."""

    up_to: str
    """`Fremdrift til og med oktober 2020 …`, or that no public evidence was found."""
    counts: tuple[LocalizedStatistic, ...]
    evidence: tuple[EvidenceEntry, ...]
    initiative_count: int


def plan_progress(localized: LocalizedPlan) -> Progress:
    """One plan's initiatives by status, and by focus area and status; evidence newest first."""
    strings, plan = localized.strings, localized.plan
    buckets = [bucket_of(initiative) for initiative in plan.initiatives]
    counted = _counted_buckets(buckets)
    by_status = _statistic(
        localized,
        PLAN_COUNTS[0],
        strings["progress_by_status_title"],
        strings.format(
            "progress_by_status_summary",
            total=len(buckets),
            with_status=sum(bucket in BUCKETS[:4] for bucket in buckets),
            evidence_only=buckets.count("evidence_only"),
            none=buckets.count("no_evidence"),
        ),
        strings["progress_status"],
        rows=[
            (strings[f"progress_bucket_{bucket}"], [buckets.count(bucket)]) for bucket in BUCKETS
        ],
        series=[(strings["progress_initiatives"], strings["progress_initiatives"])],
    )
    by_area = _statistic(
        localized,
        PLAN_COUNTS[1],
        strings["progress_by_area_title"],
        strings.format("progress_by_area_summary", areas=len(plan.focus_areas)),
        strings["progress_focus_area"],
        rows=[
            (
                localized.focus_area_title(area),
                [
                    sum(bucket_of(item) == bucket for item in plan.initiatives_in(area.id))
                    for bucket in counted
                ],
            )
            for area in plan.focus_areas
        ],
        series=[
            (strings[f"progress_bucket_{bucket}"], strings[f"progress_short_{bucket}"])
            for bucket in counted
        ],
    )
    evidence = _newest_first(_evidence_of(localized, plan.initiatives))
    return Progress(_up_to(localized, evidence), (by_status, by_area), evidence, len(buckets))


def series_progress(series: LocalizedSeries) -> Progress:
    """Every plan's initiatives by status, side by side; all evidence, newest first."""
    strings = series.strings
    buckets_of = {
        localized.plan.id: [bucket_of(item) for item in localized.plan.initiatives]
        for localized in series.plans
    }
    counted = _counted_buckets([bucket for buckets in buckets_of.values() for bucket in buckets])
    by_plan = _statistic(
        series.current,
        SERIES_COUNTS[0],
        strings["progress_by_plan_title"],
        strings.format("progress_by_plan_summary", plans=len(series.plans)),
        strings["progress_plan"],
        rows=[
            (
                f"{localized.text(localized.plan.plan.short_title)} {localized.period_years()}",
                [buckets_of[localized.plan.id].count(bucket) for bucket in counted],
            )
            for localized in series.plans_newest_first()
        ],
        series=[
            (strings[f"progress_bucket_{bucket}"], strings[f"progress_short_{bucket}"])
            for bucket in counted
        ],
    )
    entries = [
        entry
        for localized in series.plans
        for entry in _evidence_of(localized, localized.plan.initiatives)
    ]
    evidence = _newest_first(entries)
    total = sum(len(buckets) for buckets in buckets_of.values())
    return Progress(_up_to(series.current, evidence), (by_plan,), evidence, total)


def _counted_buckets(buckets: list[str]) -> tuple[str, ...]:
    """The buckets with at least one initiative, in `BUCKETS` order."""
    return tuple(bucket for bucket in BUCKETS if bucket in buckets)


def _statistic(
    localized: LocalizedPlan,
    statistic_id: str,
    title: str,
    summary: str,
    row_heading: str,
    rows: list[tuple[str, list[int]]],
    series: list[tuple[str, str]],
) -> LocalizedStatistic:
    language, strings = localized.language, localized.strings
    return LocalizedStatistic(
        id=statistic_id,
        title=title,
        summary=summary,
        unit=strings["progress_unit"],
        note=strings["progress_note"],
        row_heading=row_heading,
        series=tuple(
            LocalizedSeriesOfStatistic(f"s{index}", label, short)
            for index, (label, short) in enumerate(series)
        ),
        rows=tuple(
            StatisticRow(
                str(index),
                label,
                tuple(
                    StatisticCell(count, formatting.format_number(count, language), ())
                    for count in counts
                ),
            )
            for index, (label, counts) in enumerate(rows)
        ),
        bands=(),
        sources=(),
        value_count=sum(len(counts) for _, counts in rows),
    )


def _evidence_of(
    localized: LocalizedPlan, initiatives: Iterable[Initiative]
) -> list[EvidenceEntry]:
    plan = localized.plan
    title = f"{localized.text(plan.plan.short_title)} {localized.period_years()}"
    entries = []
    for initiative in initiatives:
        basis = initiative.status.evidence if initiative.status else ()
        for item in initiative.evidence:
            entries.append(
                EvidenceEntry(
                    evidence_id=item.id,
                    when=item.date,
                    when_text=localized.format_partial_date(item.date),
                    kind=localized.strings[f"evidence_kind_{item.kind}"],
                    summary=localized.text(item.summary),
                    plan_id=plan.id,
                    plan_title=title,
                    initiative_id=initiative.id,
                    initiative_title=localized.text(initiative.title),
                    sources=tuple(
                        localized.source_reference(plan.source(source_id))
                        for source_id in item.sources
                    ),
                    is_basis=item.id in basis,
                )
            )
    return entries


def _newest_first(entries: list[EvidenceEntry]) -> tuple[EvidenceEntry, ...]:
    """Newest first; a month after its days, a year after its months (`PartialDate.last_day`)."""
    return tuple(
        sorted(
            entries,
            key=lambda entry: (entry.when.last_day, entry.plan_id, entry.initiative_id),
            reverse=True,
        )
    )


def _up_to(localized: LocalizedPlan, evidence: tuple[EvidenceEntry, ...]) -> str:
    if not evidence:
        return localized.strings["progress_none"]
    return localized.strings.format("progress_up_to", date=evidence[0].when_text)
