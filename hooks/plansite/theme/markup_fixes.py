"""Fix invalid markup that Material 9.8.1 writes outside any template block.

`base.html` puts `autocomplete="off"` on the drawer and search toggles, which
are checkboxes; the HTML standard allows `autocomplete` only on text-like
inputs, so the Nu Html Checker reports it on every page. No block override
can reach those two lines, so the rendered page is corrected here, by exact
match: if Material's markup changes, the build stops instead of silently
publishing invalid HTML (the Material version is pinned; see
docs-dev/stack-facts.md#material-toggle-autocomplete).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

_INVALID_TOGGLES = {
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer"'
        ' autocomplete="off">'
    ): '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
        ' autocomplete="off">'
    ): '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
}


def remove_toggle_autocomplete(html: str, page_name: str) -> str:
    """Drop `autocomplete` from Material's two toggle checkboxes of one rendered page."""
    for invalid, valid in _INVALID_TOGGLES.items():
        if html.count(invalid) != 1:
            raise PluginError(
                f"{page_name}: Material's toggle markup changed ({invalid!r} not found once)"
                " — update hooks/plansite/theme/markup_fixes.py for the new Material version"
            )
        html = html.replace(invalid, valid)
    return html
