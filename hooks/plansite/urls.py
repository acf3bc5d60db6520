"""Where each page and file of a language lives in the built site: one address book for every stage.

Paths are page source paths (`indsatser/x.md`) as MkDocs knows them, the same in
every language; `page_url` turns one into its directory-style URL within the
language's folder (`indsatser/x/`), and `plansite.i18n.languages.language_root`
gives that folder (`` or `en/`).
"""

from __future__ import annotations

HOME = "index.md"
ABOUT = "om-planen.md"
CONTACT = "kontakt.md"
FOCUS_AREAS = "indsatsomraader/index.md"
INITIATIVES = "indsatser/index.md"
ACTORS = "aktoerer/index.md"
PRESS = "presse/index.md"


def focus_area_path(focus_area_id: str) -> str:
    return f"indsatsomraader/{focus_area_id}.md"


def initiative_path(initiative_id: str) -> str:
    return f"indsatser/{initiative_id}.md"


def actor_path(actor_id: str) -> str:
    return f"aktoerer/{actor_id}.md"


def press_release_path(release_id: str) -> str:
    return f"presse/{release_id}.md"


def press_kit_path(language: str) -> str:
    """A language's press kit (a zip, see `outputs.press_kit`), relative to its folder."""
    return f"presse/pressekit-{language}.zip"


FEED = "feed.xml"  # the Atom feed of a language (`outputs.feeds`), relative to its folder


def update_anchor(update_id: str) -> str:
    """The id of an update's heading on the press overview page."""
    return f"update-{update_id}"


def page_url(src_uri: str) -> str:
    """The directory-style URL of a page source path: `indsatser/x.md` → `indsatser/x/`."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
