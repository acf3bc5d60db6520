"""Where the plan is in its life, computed from its dates and the data: the site-wide banner.

Before the plan period the banner says when the plan enters into force; after
it, that the plan ran for its period and, where the data names one, which plan
followed it. During the period there is nothing to announce. "Today" is the
build's publication time (`Settings.now`: `PLAN_NOW` or the current time, see
`plansite.settings`), so a test can look at each phase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.i18n.view import LocalizedPlan


@dataclass(frozen=True)
class Banner:
    """A short notice on every page, with an optional link to more."""

    text: str
    link_text: str = ""
    link_path: str = ""  # a page's URL path within its language, e.g. `om-planen/`
    link_anchor: str = ""


def plan_banner(
    localized: LocalizedPlan, today: date, successor_link: tuple[str, str]
) -> Banner | None:
    """The banner for `today`, or None while the plan is in force.

    `successor_link` is (page URL path, anchor).
    """
    strings = localized.strings
    details = localized.plan.plan
    period = strings.format(
        "period_years", start=details.period.start.year, end=details.period.end.year
    )
    if today < details.period.start:
        return Banner(
            strings.format(
                "banner_upcoming", period=period, date=localized.format_day(details.period.start)
            )
        )
    if today <= details.period.end:
        return None
    if details.successor is None:
        return Banner(strings.format("banner_ended", period=period))
    successor = details.successor
    start, end = successor.period.split("-")
    return Banner(
        strings.format(
            "banner_ended_followed",
            period=period,
            successor=localized.text(successor.title),
            successor_period=strings.format("period_years", start=start, end=end),
        ),
        link_text=strings["banner_successor_link"],
        link_path=successor_link[0],
        link_anchor=successor_link[1],
    )
