"""Atom feeds, one per language: press releases and updates about the plan, newest first.

The XML comes from `templates/feed.xml` (autoescaped); this module only
computes the values. Ids are tag URIs made from the site's host, the year the
plan was announced and each item's id, so they survive rebuilds and content
edits. Every date comes from the data, never from the clock, so two builds of
one commit give the same bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from urllib.parse import urlsplit

from plansite import templating
from plansite.data.model import COPENHAGEN, PressRelease, Update
from plansite.i18n.view import LocalizedPlan
from plansite.urls import FEED, PRESS, page_url, press_release_path, update_anchor

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


def update_moment(update: Update) -> datetime:
    """An update is dated by day: it counts from midnight in Copenhagen."""
    return datetime.combine(update.date, time(0), tzinfo=COPENHAGEN)


class _FeedWriter:
    def __init__(self, localized: LocalizedPlan, site_url: str, language_url: str) -> None:
        plan, language = localized.plan, localized.language
        self.localized = localized
        self.plan = localized.plan
        self.language = localized.language
        self.strings = localized.strings
        self.language_url = language_url
        host = urlsplit(site_url).hostname or "localhost"
        self.tag_prefix = f"tag:{host},{plan.plan.announced.year}:{language}/"

    def press_entry(self, release: PressRelease) -> FeedEntry:
        return FeedEntry(
            id=f"{self.tag_prefix}press/{release.id}",
            kind="press-release",
            kind_label=self.strings["feed_kind_press_release"],
            title=self.localized.text(release.title),
            summary=self.localized.text(release.lead),
            url=self.language_url + page_url(press_release_path(release.id)),
            published=release.published,
        )

    def update_entry(self, update: Update) -> FeedEntry:
        return FeedEntry(
            id=f"{self.tag_prefix}update/{update.id}",
            kind="update",
            kind_label=self.strings["feed_kind_update"],
            title=self.localized.text(update.title),
            summary=" ".join(self.localized.text(update.text).split()),
            url=f"{self.language_url}{page_url(PRESS)}#{update_anchor(update.id)}",
            published=update_moment(update),
        )

    def entries(self) -> list[FeedEntry]:
        entries = [
            *map(self.press_entry, self.plan.press_releases),
            *map(self.update_entry, self.plan.updates),
        ]
        return sorted(entries, key=lambda entry: (entry.published, entry.id), reverse=True)

    def feed(self) -> dict[str, object]:
        entries = self.entries()
        publisher = self.localized.publisher()
        announced = datetime.combine(self.plan.plan.announced, time(0), tzinfo=COPENHAGEN)
        return {
            "language": self.language,
            "id": f"{self.tag_prefix}feed",
            "title": self.strings["feed_title"],
            "subtitle": self.strings["feed_subtitle"],
            "updated": _rfc3339(max((entry.published for entry in entries), default=announced)),
            "self_url": self.language_url + FEED,
            "alternate_url": self.language_url + page_url(PRESS),
            "author": self.localized.publisher_name(),
            "author_url": publisher.website or "",
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


def render_feed(localized: LocalizedPlan, site_url: str, language_url: str) -> str:
    """The Atom feed of the view's language; `language_url` is the absolute URL of its home."""
    feed = _FeedWriter(localized, site_url, language_url).feed()
    return (
        templating.template_environment(TEMPLATES_DIR, autoescape=True)
        .get_template("feed.xml")
        .render(feed=feed)
    )
