"""Where a plan is in its life, computed from its dates and the series: the banner of its pages.

Before the plan period the banner says when the plan's period begins (the day
only when the data gives days); after it, that the plan ran for its period and,
where the series has one, which plan followed it. During the period there is
nothing to announce. "Today" is the
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
    link_path: str = ""  # a page's URL path within its language, e.g. `2026-2029/`
    link_anchor: str = ""


def plan_banner(
    localized: LocalizedPlan, today: date, about_link: tuple[str, str]
) -> Banner | None:
    """The banner for `today`, or None while the plan is in force.

    `about_link` is (URL path of the plan's about page, anchor of its successor),
    for a successor without pages of its own.
    """
    strings = localized.strings
    details = localized.plan.plan
    period = localized.period_years()
    if today < details.period.start:
        if details.period.in_years:
            return Banner(
                strings.format(
                    "banner_upcoming_year", period=period, year=details.period.start.year
                )
            )
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
    successor_period = strings.format(
        "period_years", start=successor.period.start.year, end=successor.period.end.year
    )
    link_path, link_anchor = (f"{successor.plan_id}/", "") if successor.plan_id else about_link
    return Banner(
        strings.format(
            "banner_ended_followed",
            period=period,
            successor=localized.text(successor.title),
            successor_period=successor_period,
        ),
        link_text=strings["banner_successor_link"],
        link_path=link_path,
        link_anchor=link_anchor,
    )
