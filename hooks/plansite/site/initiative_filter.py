"""The filter of a plan's initiatives list: what each list item carries, and the form's controls.

Without JavaScript the list is the whole answer, grouped by focus area under
its headings. `docs/assets/javascripts/initiative-filter.js` shows the form
(`overrides/partials/initiative-filter.html`, `hidden` until then), matches
each control's value against the item's `data-filter-<name>` (space-separated
ids), hides a group heading without matches, keeps the filter in the query
string and announces the count. Every value, label and order is computed here;
the script knows no text and no plan.
"""

from __future__ import annotations

from typing import Any

from plansite.data.model import Initiative
from plansite.i18n.view import LocalizedPlan

FILTER_SCRIPT = "assets/javascripts/initiative-filter.js"
"""The script, in `docs/` (served from the site itself, so `script-src 'self'` allows it)."""
STATUS_SCALE = ("not_started", "limited", "substantial", "complete")
"""The OGP completion scale, in its order (`Initiative.status`)."""
NO_STATUS = "none"
"""The status value of an initiative without one: no public evidence was found."""
PLAN_LINK_LEVELS = ("confirmed", "likely", "unconfirmed")
"""How sure it is that an initiative belongs to its plan, surest first (`Initiative.plan_link`)."""
COUNT_PLACEHOLDER = "{count}"
"""Where the script writes the number of matching initiatives into the count sentence."""


def filter_values(initiative: Initiative) -> dict[str, str]:
    """The item's `data-filter-<name>` values: ids, space-separated where it has several."""
    return {
        "focus-area": initiative.focus_area,
        "actor": " ".join(dict.fromkeys((*initiative.lead, *initiative.partners))),
        "status": initiative.status.value if initiative.status else NO_STATUS,
        "confidence": initiative.plan_link,
    }


def filter_form(localized: LocalizedPlan) -> dict[str, Any]:
    """The form's texts and controls; each control offers only values some initiative has."""
    plan, strings = localized.plan, localized.strings
    values = [filter_values(initiative) for initiative in plan.initiatives]

    def present(name: str) -> set[str]:
        return {token for item in values for token in item[name].split()}

    actors = sorted(
        (plan.actor(actor_id) for actor_id in present("actor")),
        key=lambda actor: localized.actor_name(actor).casefold(),
    )
    statuses = [value for value in (*STATUS_SCALE, NO_STATUS) if value in present("status")]
    levels = [level for level in PLAN_LINK_LEVELS if level in present("confidence")]
    options = {
        "focus-area": [
            (area.id, localized.focus_area_title(area))
            for area in plan.focus_areas
            if area.id in present("focus-area")
        ],
        "actor": [(actor.id, localized.actor_name(actor)) for actor in actors],
        "status": [(value, strings[f"status_{value}"]) for value in statuses],
        "confidence": [(level, strings[f"plan_link_{level}"]) for level in levels],
    }
    total = len(plan.initiatives)
    return {
        "script": FILTER_SCRIPT,
        "legend": strings["filter_legend"],
        "apply": strings["filter_apply"],
        "reset": strings["filter_reset"],
        "count": strings.format("filter_count", count=COUNT_PLACEHOLDER, total=total),
        "count_none": strings.format("filter_count_none", total=total),
        "controls": [
            {
                "name": name,
                "label": strings[f"filter_{name.replace('-', '_')}"],
                "all": strings[f"filter_all_{name.replace('-', '_')}"],
                "options": [{"value": value, "label": label} for value, label in choices],
            }
            for name, choices in options.items()
        ],
    }
