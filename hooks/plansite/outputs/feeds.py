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

import jinja2

from plansite.i18n.formatting import COPENHAGEN
from plansite.data.model import PlanData, PressRelease, Update
from plansite.site.pages import FEED, PRESS, page_url, press_release_path, update_anchor
from plansite.i18n.strings import Strings

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
    def __init__(self, plan: PlanData, language: str, strings: Strings, site_url: str, language_url: str) -> None:
        self.plan = plan
        self.language = language
        self.strings = strings
        self.language_url = language_url
        self.tag_prefix = f"tag:{urlsplit(site_url).hostname or 'localhost'},{plan.plan.announced.year}:{language}/"

    def press_entry(self, release: PressRelease) -> FeedEntry:
        return FeedEntry(
            id=f"{self.tag_prefix}press/{release.id}",
            kind="press-release",
            kind_label=self.strings["feed_kind_press_release"],
            title=release.title.in_language(self.language),
            summary=release.lead.in_language(self.language),
            url=self.language_url + page_url(press_release_path(release.id)),
            published=release.published,
        )

    def update_entry(self, update: Update) -> FeedEntry:
        return FeedEntry(
            id=f"{self.tag_prefix}update/{update.id}",
            kind="update",
            kind_label=self.strings["feed_kind_update"],
            title=update.title.in_language(self.language),
            summary=" ".join(update.text.in_language(self.language).split()),
            url=f"{self.language_url}{page_url(PRESS)}#{update_anchor(update.id)}",
            published=update_moment(update),
        )

    def entries(self) -> list[FeedEntry]:
        entries = [*map(self.press_entry, self.plan.press_releases), *map(self.update_entry, self.plan.updates)]
        return sorted(entries, key=lambda entry: (entry.published, entry.id), reverse=True)

    def feed(self) -> dict[str, object]:
        entries = self.entries()
        publisher = self.plan.actor(self.plan.plan.publisher)
        announced = datetime.combine(self.plan.plan.announced, time(0), tzinfo=COPENHAGEN)
        return {
            "language": self.language,
            "id": f"{self.tag_prefix}feed",
            "title": self.strings["feed_title"],
            "subtitle": self.strings["feed_subtitle"],
            "updated": _rfc3339(max((entry.published for entry in entries), default=announced)),
            "self_url": self.language_url + FEED,
            "alternate_url": self.language_url + page_url(PRESS),
            "author": publisher.name.in_language(self.language),
            "author_url": publisher.website or "",
            # An item is not tracked after publication, so it was last updated when it was published.
            "entries": [{**dataclasses.asdict(entry), "published": _rfc3339(entry.published), "updated": _rfc3339(entry.published)} for entry in entries],
        }


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_feed(plan: PlanData, language: str, strings: Strings, site_url: str, language_url: str) -> str:
    """The Atom feed of `language`; `language_url` is the absolute URL of that language's home."""
    feed = _FeedWriter(plan, language, strings, site_url, language_url).feed()
    return _environment().get_template("feed.xml").render(feed=feed)
