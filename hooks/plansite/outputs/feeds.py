"""Atom feeds, one per language: press releases, events and evidence of every plan, newest first.

A press release is a publication, dated by its original's moment. An update
(entry into force, an evaluation, …) is an event on the plan's timeline, not a
publication: its entry is marked as an event (category `event`, and a summary
that starts with that and the event's day) and has no `<published>` date.
A new evidence item of an initiative is news too (category `evidence`): its
entry links the item on the initiative's page, says its date as precisely as
its source does, and, not being our publication, has no `<published>` either.
Atom needs a moment for `<updated>`: an item dated to a month or a year is
placed at midnight of the last day that date may mean (`evidence_moment`), as
the plan's course sorts it, so the feed never dates it before its source could
have been out.
The XML comes from `templates/feed.xml` (autoescaped); this module only
computes the values. Ids are tag URIs made from the site's host, the year a plan
was announced, the plan's id and each item's id, so they survive rebuilds and
content edits; the root plan's items keep the ids they had before the site held
a series (without the plan's id). Every date comes from the data, never from
the clock, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from urllib.parse import urlsplit

from plansite import templating
from plansite.data.model import COPENHAGEN, Evidence, Initiative, PartialDate, PressRelease, Update
from plansite.i18n.view import LocalizedPlan, LocalizedSeries
from plansite.urls import FEED, HOME, PlanPaths, evidence_anchor, page_url, update_anchor

TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class FeedEntry:
    id: str
    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    published: datetime
    is_publication: bool = True
    """False for an event or evidence: the entry gets no `<published>`, only when it happened."""


def update_moment(update: Update) -> datetime:
    """An update is dated by day: it counts from midnight in Copenhagen."""
    return datetime.combine(update.date, time(0), tzinfo=COPENHAGEN)


def evidence_moment(when: PartialDate) -> datetime:
    """An evidence item's moment: midnight in Copenhagen of the last day its date may mean.

    A day is that day; `2020-10` is 31 October 2020 and `2020` is 31 December 2020,
    so that an item sorts after the days within its month or year, as in the plan's course.
    """
    return datetime.combine(when.last_day, time(0), tzinfo=COPENHAGEN)


class _FeedWriter:
    def __init__(self, series: LocalizedSeries, site_url: str, language_url: str) -> None:
        self.series = series
        self.language = series.language
        self.strings = series.strings
        self.language_url = language_url
        self.host = urlsplit(site_url).hostname or "localhost"

    def tag_prefix(self, localized: LocalizedPlan) -> str:
        plan = localized.plan
        in_plan = "" if plan.id == self.series.series.site.root_plan else f"{plan.id}/"
        return f"tag:{self.host},{plan.plan.announced.year}:{self.language}/{in_plan}"

    def press_entry(self, localized: LocalizedPlan, release: PressRelease) -> FeedEntry:
        paths = PlanPaths.of(localized.plan.id)
        return FeedEntry(
            id=f"{self.tag_prefix(localized)}press/{release.id}",
            kind="press-release",
            kind_label=self.strings["feed_kind_press_release"],
            title=localized.text(release.title),
            summary=localized.text(release.lead),
            url=self.language_url + page_url(paths.press_release(release.id)),
            published=release.published,
        )

    def update_entry(self, localized: LocalizedPlan, update: Update) -> FeedEntry:
        paths = PlanPaths.of(localized.plan.id)
        text = " ".join(localized.text(update.text).split())
        return FeedEntry(
            id=f"{self.tag_prefix(localized)}update/{update.id}",
            kind="event",
            kind_label=self.strings["feed_kind_update"],
            title=localized.text(update.title),
            summary=self.strings.format(
                "feed_event_summary", date=localized.format_day(update.date), text=text
            ),
            url=f"{self.language_url}{page_url(paths.press)}#{update_anchor(update.id)}",
            published=update_moment(update),
            is_publication=False,
        )

    def evidence_entry(
        self, localized: LocalizedPlan, initiative: Initiative, item: Evidence
    ) -> FeedEntry:
        paths = PlanPaths.of(localized.plan.id)
        page = page_url(paths.initiative(initiative.id))
        return FeedEntry(
            # Evidence ids are unique within their initiative.
            id=f"{self.tag_prefix(localized)}evidence/{initiative.id}/{item.id}",
            kind="evidence",
            kind_label=self.strings["feed_kind_evidence"],
            title=localized.evidence_title(initiative, item),
            summary=self.strings.format(
                "feed_evidence_summary",
                kind=localized.evidence_kind_label(item),
                date=localized.format_partial_date(item.date),
                text=" ".join(localized.text(item.summary).split()),
            ),
            url=f"{self.language_url}{page}#{evidence_anchor(item.id)}",
            published=evidence_moment(item.date),
            is_publication=False,
        )

    def entries(self) -> list[FeedEntry]:
        entries = []
        for localized in self.series.plans:
            entries += [self.press_entry(localized, item) for item in localized.plan.press_releases]
            entries += [self.update_entry(localized, item) for item in localized.plan.updates]
            entries += [
                self.evidence_entry(localized, initiative, item)
                for initiative in localized.plan.initiatives
                for item in initiative.evidence
            ]
        return sorted(entries, key=lambda entry: (entry.published, entry.id), reverse=True)

    def feed(self) -> dict[str, object]:
        entries = self.entries()
        first = self.series.plans[0]
        announced = datetime.combine(first.plan.plan.announced, time(0), tzinfo=COPENHAGEN)
        return {
            "language": self.language,
            "id": f"tag:{self.host},{first.plan.plan.announced.year}:{self.language}/feed",
            "title": self.strings.format("feed_title", site=self.series.site_name()),
            "subtitle": self.strings["feed_subtitle"],
            "updated": _rfc3339(max((entry.published for entry in entries), default=announced)),
            "self_url": self.language_url + FEED,
            "alternate_url": self.language_url + page_url(HOME),
            "author": self.series.text(self.series.series.site.publisher),
            "author_url": "",
            # An item is not tracked after publication: it was last updated when it was published.
            "entries": [
                {
                    **dataclasses.asdict(entry),
                    "published": _rfc3339(entry.published),
                    "updated": _rfc3339(entry.published),
                }
                for entry in entries
            ],
        }


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def render_feed(series: LocalizedSeries, site_url: str, language_url: str) -> str:
    """The Atom feed of the view's language; `language_url` is the absolute URL of its home."""
    feed = _FeedWriter(series, site_url, language_url).feed()
    return (
        templating.template_environment(TEMPLATES_DIR, autoescape=True)
        .get_template("feed.xml")
        .render(feed=feed)
    )
