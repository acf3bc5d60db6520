"""Scheduled publishing: items with a `publish_at` in the future do not exist yet.

The filter runs once on the model, before anything is generated, so an item
that is not yet published has no page, no feed entry, no search or sitemap
entry, no export row and no link anywhere: nothing downstream can leak it.

"Now" is the real current time, or `PLAN_NOW` (an ISO date-time with its UTC
offset, read by `plansite.settings`) so tests and previews can look at the site
as it will be on a date.
Two builds of one commit therefore differ only when an item crosses its
publishing time between them, which is the point of scheduling.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from plansite.data.model import PlanData
from plansite.data.series import Series


def is_published(publish_at: datetime | None, now: datetime) -> bool:
    """An item without `publish_at` is always published; otherwise from that moment on."""
    return publish_at is None or publish_at <= now


def published_as_of(plan: PlanData, now: datetime) -> PlanData:
    """The plan as readers may see it at `now`: every item scheduled for later is left out."""
    return dataclasses.replace(
        plan,
        press_releases=tuple(
            release for release in plan.press_releases if is_published(release.publish_at, now)
        ),
        updates=tuple(update for update in plan.updates if is_published(update.publish_at, now)),
        documents=tuple(
            document for document in plan.documents if is_published(document.publish_at, now)
        ),
    )


def series_published_as_of(series: Series, now: datetime) -> Series:
    """Every plan of the series as readers may see it at `now`."""
    return dataclasses.replace(
        series, plans=tuple(published_as_of(plan, now) for plan in series.plans)
    )
